import type { StructModel } from './model.js';
import { lowerFirst } from './names.js';
import { getter, hclKind, inputType, mapped } from './shapes.js';
import { configNotes, defaultTags, docComment } from './tsdoc.js';

/**
 * The bindings of a list of objects, as CDKTF generates them for nested blocks: the struct a user
 * writes (when any of its attributes can be set), its converters to Terraform JSON and HCL, and
 * the list and element classes that read it back as tokens (`backup.collections.get(0).dbName`).
 */
export function renderStruct(struct: StructModel, owner: { readonly className: string; readonly attribute: string }, uses: Set<string>): string[] {
  const lines: string[] = [];
  const where = `\`${owner.attribute}\` of {@link ${owner.className}}`;
  if (struct.configurable) {
    const settable = struct.attributes.filter((attribute) => attribute.configurable);
    lines.push(...docComment('', [`One element of ${where}.`]), `export interface ${struct.name} {`);
    for (const attribute of settable) {
      lines.push(
        ...docComment('  ', [attribute.schema.description, configNotes(attribute, false)], defaultTags(attribute)),
        `  readonly ${attribute.property}${attribute.required ? '' : '?'}: ${inputType(attribute.shape, uses)};`,
      );
    }
    lines.push('}', '');
    uses.add('Tokenization').add('isComplexElement').add('type IResolvable');
    for (const hcl of [false, true]) {
      const name = `${lowerFirst(struct.name)}To${hcl ? 'HclTerraform' : 'Terraform'}`;
      lines.push(
        ...docComment('', [hcl ? `A ${struct.name} as CDKTF's HCL attribute values; tokens pass through.` : `A ${struct.name} as Terraform JSON (snake_case keys); tokens pass through.`]),
        `export function ${name}(struct?: ${struct.name} | IResolvable): Record<string, unknown> | IResolvable | undefined {`,
        '  if (struct === undefined || Tokenization.isResolvable(struct)) return struct;',
        `  if (isComplexElement(struct)) throw new Error('${struct.name}: a value read from another resource cannot be used as configuration; pass the values themselves.');`,
      );
      if (hcl) {
        uses.add('definedHclAttributes');
        lines.push('  return definedHclAttributes({');
        for (const attribute of settable) {
          const { type, storageClassType } = hclKind(attribute.shape);
          lines.push(`    ${attribute.name}: { value: ${mapped(attribute.shape, `struct.${attribute.property}`, true, uses)}, isBlock: false, type: '${type}', storageClassType: '${storageClassType}' },`);
        }
        lines.push('  });');
      } else {
        lines.push('  return {');
        for (const attribute of settable) lines.push(`    ${attribute.name}: ${mapped(attribute.shape, `struct.${attribute.property}`, false, uses)},`);
        lines.push('  };');
      }
      lines.push('}', '');
    }
  }

  uses.add('ComplexObject').add('ComplexList').add('type IInterpolatingParent');
  lines.push(
    ...docComment('', [`Reads one element of ${where} as tokens.`]),
    `export class ${struct.name}OutputReference extends ComplexObject {`,
    ...docComment('  ', [], [
      '@param terraformResource - The resource or data source holding the list.',
      '@param terraformAttribute - The list attribute.',
      '@param complexObjectIndex - Index of the element.',
      '@param complexObjectIsFromSet - Whether the attribute is a set (read through `tolist()`).',
    ]),
    '  public constructor(terraformResource: IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {',
    '    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);',
    '  }',
  );
  for (const attribute of struct.attributes) {
    const { type, expression } = getter(attribute, uses);
    lines.push('', ...docComment('  ', [attribute.schema.description]), `  public get ${attribute.property}(): ${type} {`, `    return ${expression};`, '  }');
  }
  lines.push(
    '}',
    '',
    ...docComment('', [`Reads ${where} as tokens: \`get(index)\` gives one element.`]),
    `export class ${struct.name}List extends ComplexList {`,
    ...docComment('  ', [], ['@param index - Index of the element to read.']),
    `  public get(index: number): ${struct.name}OutputReference {`,
    `    return new ${struct.name}OutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);`,
    '  }',
    '}',
    '',
  );
  return lines;
}
