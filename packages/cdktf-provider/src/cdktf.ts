/**
 * Every name this library takes from CDKTF, in one statement. CDKTF is archived upstream and
 * continued by the community fork `cdktn` (CDK Terrain), which keeps these names: moving the
 * library to the fork is changing the module name below (and the peer dependency). Nothing else
 * in the library imports `cdktf`.
 */
export {
  booleanToHclTerraform,
  booleanToTerraform,
  ComplexList,
  ComplexObject,
  dependable,
  hashMapper,
  hashMapperHcl,
  ImportableResource,
  isComplexElement,
  listMapper,
  listMapperHcl,
  numberToHclTerraform,
  numberToTerraform,
  stringToHclTerraform,
  stringToTerraform,
  TerraformDataSource,
  TerraformElement,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  Token,
  Tokenization,
  type IInterpolatingParent,
  type IResolvable,
  type ITerraformIterator,
  type TerraformMetaArguments,
  type TerraformResourceLifecycle,
} from 'cdktf';
