import { configurableAttributes, type AttributeSchema, type AttributeType, type ResourceSchema } from '@lifeboat/engine';
import { camelCase, pascalCase } from './names.js';

/** What the renderer needs of one attribute: its names, its schema and the shape of its value. */
export interface AttributeModel {
  /** As in the schema and the synthesized JSON: `cluster_id`. */
  readonly name: string;
  /** The TypeScript property: `clusterId` (renamed when it would hide a CDKTF member). */
  readonly property: string;
  readonly schema: AttributeSchema;
  /** The user may set it (required, optional or defaulted). */
  readonly configurable: boolean;
  readonly required: boolean;
  readonly shape: Shape;
}

export type Scalar = 'string' | 'number' | 'bool';

/** The value shapes the schemas use; anything else fails the generation with a clear message. */
export type Shape =
  | { readonly kind: 'scalar'; readonly scalar: Scalar }
  | { readonly kind: 'list'; readonly element: 'string' | 'number'; readonly set: boolean }
  | { readonly kind: 'map'; readonly element: Scalar }
  | { readonly kind: 'objects'; readonly struct: StructModel; readonly set: boolean };

/** A list element that is an object (`collections` of `lifeboat_backup`). */
export interface StructModel {
  /** `BackupCollections`. */
  readonly name: string;
  readonly attributes: readonly AttributeModel[];
  /** Whether any attribute can be set, so the struct is also a configuration input. */
  readonly configurable: boolean;
}

/**
 * The attributes of a schema in schema order, with TypeScript names that do not collide with
 * `reserved` (members of the CDKTF base class: a `count` attribute would hide the meta-argument).
 */
export function attributesOf(schema: ResourceSchema, owner: string, reserved: ReadonlySet<string>, reservedInStructs: ReadonlySet<string>): AttributeModel[] {
  return attributeModels(schema.attributes, new Set(configurableAttributes(schema).map(([name]) => name)), owner, reserved, reservedInStructs);
}

function attributeModels(
  attributes: Readonly<Record<string, AttributeSchema>>,
  configurable: ReadonlySet<string>,
  owner: string,
  reserved: ReadonlySet<string>,
  reservedInStructs: ReadonlySet<string>,
): AttributeModel[] {
  return Object.entries(attributes).map(([name, schema]) => {
    const camel = camelCase(name);
    return {
      name,
      property: reserved.has(camel) ? `${camel}Attribute` : camel,
      schema,
      configurable: configurable.has(name),
      required: schema.required === true,
      shape: shapeOf(schema.type, `${owner}${pascalCase(name)}`, name, reservedInStructs),
    };
  });
}

function shapeOf(type: AttributeType, structName: string, name: string, reservedInStructs: ReadonlySet<string>): Shape {
  if (typeof type === 'string') return { kind: 'scalar', scalar: type };
  const unsupported = (): never => {
    throw new Error(`The generator has no binding for ${name} (${JSON.stringify(type)}); teach scripts/generator/model.ts the shape before using it in a schema.`);
  };
  if ('map' in type) return typeof type.map === 'string' ? { kind: 'map', element: type.map } : unsupported();
  if ('object' in type) return unsupported();
  const set = 'set' in type;
  const element = 'set' in type ? type.set : type.list;
  if (element === 'string' || element === 'number') return { kind: 'list', element, set };
  if (typeof element === 'object' && 'object' in element) {
    const nested = element.object;
    const configurable = new Set(configurableAttributes({ description: name, attributes: nested }).map(([key]) => key));
    const attributes = attributeModels(nested, configurable, structName, reservedInStructs, reservedInStructs);
    return { kind: 'objects', set, struct: { name: structName, attributes, configurable: configurable.size > 0 } };
  }
  return unsupported();
}
