import { lowerFirst } from './names.js';
import type { AttributeModel, Scalar, Shape } from './model.js';

/**
 * The TypeScript side of each value shape: what configuration accepts, what a getter returns,
 * and which CDKTF mapper writes it to Terraform JSON (and HCL). Every name of `cdktf` a rendered
 * expression uses is added to `uses`, so each module imports exactly what it needs.
 */

const scalarInput: Readonly<Record<Scalar, string>> = { string: 'string', number: 'number', bool: 'boolean | IResolvable' };
const scalarMapper: Readonly<Record<Scalar, string>> = { string: 'string', number: 'number', bool: 'boolean' };

export function inputType(shape: Shape, uses: Set<string>): string {
  switch (shape.kind) {
    case 'scalar':
      if (shape.scalar === 'bool') uses.add('type IResolvable');
      return scalarInput[shape.scalar];
    case 'list':
      return `${shape.element}[]`;
    case 'map':
      if (shape.element === 'bool') uses.add('type IResolvable');
      return `Record<string, ${scalarInput[shape.element]}>`;
    case 'objects':
      uses.add('type IResolvable');
      return `${shape.struct.name}[] | IResolvable`;
  }
}

/** The getter's return type and expression, reading `attribute` of `this`. */
export function getter(attribute: AttributeModel, uses: Set<string>): { type: string; expression: string } {
  const { shape, name } = attribute;
  switch (shape.kind) {
    case 'scalar':
      if (shape.scalar === 'bool') uses.add('type IResolvable');
      return shape.scalar === 'string'
        ? { type: 'string', expression: `this.getStringAttribute('${name}')` }
        : shape.scalar === 'number'
          ? { type: 'number', expression: `this.getNumberAttribute('${name}')` }
          : { type: 'IResolvable', expression: `this.getBooleanAttribute('${name}')` };
    case 'list':
      return shape.element === 'string'
        ? { type: 'string[]', expression: `this.getListAttribute('${name}')` }
        : { type: 'number[]', expression: `this.getNumberListAttribute('${name}')` };
    case 'map': {
      const method = { string: 'getStringMapAttribute', number: 'getNumberMapAttribute', bool: 'getBooleanMapAttribute' }[shape.element];
      const element = shape.element === 'bool' ? 'boolean' : shape.element;
      return { type: `Record<string, ${element}>`, expression: `this.${method}('${name}')` };
    }
    case 'objects':
      return { type: `${shape.struct.name}List`, expression: `new ${shape.struct.name}List(this, '${name}', ${String(shape.set)})` };
  }
}

/** The mapper call that writes `value` as Terraform JSON (`hcl`: as CDKTF's HCL attribute value). */
export function mapped(shape: Shape, value: string, hcl: boolean, uses: Set<string>): string {
  const suffix = hcl ? 'HclTerraform' : 'Terraform';
  const element = (scalar: Scalar): string => {
    const mapper = `${scalarMapper[scalar]}To${suffix}`;
    uses.add(mapper);
    return mapper;
  };
  switch (shape.kind) {
    case 'scalar':
      return `${element(shape.scalar)}(${value})`;
    case 'list':
      uses.add(hcl ? 'listMapperHcl' : 'listMapper');
      return `${hcl ? 'listMapperHcl' : 'listMapper'}(${element(shape.element)}, false)(${value})`;
    case 'map':
      uses.add(hcl ? 'hashMapperHcl' : 'hashMapper');
      return `${hcl ? 'hashMapperHcl' : 'hashMapper'}(${element(shape.element)})(${value})`;
    case 'objects':
      uses.add(hcl ? 'listMapperHcl' : 'listMapper');
      return `${hcl ? 'listMapperHcl' : 'listMapper'}(${lowerFirst(shape.struct.name)}To${suffix}, false)(${value})`;
  }
}

/** CDKTF's description of an HCL attribute: `type` and `storageClassType`. */
export function hclKind(shape: Shape): { type: string; storageClassType: string } {
  switch (shape.kind) {
    case 'scalar':
      return { type: 'simple', storageClassType: scalarMapper[shape.scalar] };
    case 'list':
      return { type: shape.set ? 'set' : 'list', storageClassType: `${shape.element}List` };
    case 'map':
      return { type: 'map', storageClassType: `${scalarMapper[shape.element]}Map` };
    case 'objects':
      return { type: shape.set ? 'set' : 'list', storageClassType: `${shape.struct.name}List` };
  }
}

/** The structs an attribute list uses, nested ones first, each once. */
export function structsOf(attributes: readonly AttributeModel[]): Extract<Shape, { kind: 'objects' }>['struct'][] {
  return attributes.flatMap((attribute) => (attribute.shape.kind === 'objects' ? [...structsOf(attribute.shape.struct.attributes), attribute.shape.struct] : []));
}
