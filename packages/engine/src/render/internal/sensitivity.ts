import type { AttributeSchema, AttributeType, ResourceSchema } from '../../resources/schema.js';

/**
 * Which parts of a value are sensitive: `true` for the whole value, `attributes` for some keys
 * of an object, `each` for every element of a list, set or map. Built from the schema and from
 * the names a plan or state records, merged so that either source is enough to hide a value.
 */
export type SensitiveMask =
  | true
  | { readonly attributes: Readonly<Record<string, SensitiveMask>> }
  | { readonly each: SensitiveMask };

/** The mask of a value one step down: an object key or a list index. */
export function childMask(mask: SensitiveMask | undefined, key: string | number): SensitiveMask | undefined {
  if (mask === undefined || mask === true) return mask;
  if ('each' in mask) return mask.each;
  return typeof key === 'string' && Object.hasOwn(mask.attributes, key) ? mask.attributes[key] : undefined;
}

/** Keys of an object mask that are wholly sensitive: shown as sensitive even when absent or null. */
export function sensitiveKeys(mask: SensitiveMask | undefined): string[] {
  if (mask === undefined || mask === true || 'each' in mask) return [];
  return Object.entries(mask.attributes)
    .filter(([, child]) => child === true)
    .map(([key]) => key);
}

/** Union of two masks. Shapes that disagree hide the whole value: hiding too much is safe, the opposite is not. */
export function mergeMasks(a: SensitiveMask | undefined, b: SensitiveMask | undefined): SensitiveMask | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a === true || b === true) return true;
  if ('each' in a && 'each' in b) return { each: mergeMasks(a.each, b.each) ?? true };
  if ('attributes' in a && 'attributes' in b) {
    const attributes: Record<string, SensitiveMask> = {};
    for (const key of new Set([...Object.keys(a.attributes), ...Object.keys(b.attributes)])) {
      const merged = mergeMasks(childMask(a, key), childMask(b, key));
      if (merged !== undefined) define(attributes, key, merged);
    }
    return { attributes };
  }
  return true;
}

function maskOfType(type: AttributeType): SensitiveMask | undefined {
  if (typeof type === 'string') return undefined;
  if ('object' in type) return maskOfAttributes(type.object);
  const element = 'list' in type ? type.list : 'set' in type ? type.set : type.map;
  const each = maskOfType(element);
  return each === undefined ? undefined : { each };
}

function maskOfAttributes(attributes: Readonly<Record<string, AttributeSchema>>): SensitiveMask | undefined {
  const found: Record<string, SensitiveMask> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    const mask = attribute.sensitive === true ? true : maskOfType(attribute.type);
    if (mask !== undefined) define(found, name, mask);
  }
  return Object.keys(found).length === 0 ? undefined : { attributes: found };
}

/** The sensitive attributes a schema declares, nested objects included. */
export const maskOfSchema = (schema: ResourceSchema | undefined): SensitiveMask | undefined =>
  schema === undefined ? undefined : maskOfAttributes(schema.attributes);

/**
 * A mask from attribute paths, as plans (`['password']`) and states (`[{type:'get_attr',
 * value:'password'}]`, passed here as `['password']`) record them. Number steps are list
 * indexes; the mask hides every element there, since positions move between before and after.
 */
export function maskOfPaths(paths: readonly (readonly (string | number)[])[]): SensitiveMask | undefined {
  let mask: SensitiveMask | undefined;
  for (const path of paths) mask = mergeMasks(mask, maskOfPath(path));
  return mask;
}

function maskOfPath(path: readonly (string | number)[]): SensitiveMask {
  let mask: SensitiveMask = true;
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const step = path[i];
    if (typeof step === 'number') mask = { each: mask };
    else if (step !== undefined) {
      const attributes: Record<string, SensitiveMask> = {};
      define(attributes, step, mask);
      mask = { attributes };
    }
  }
  return mask;
}

/** Sets a key without ever touching the prototype, whatever the key (`__proto__` included). */
export function define<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Everything to hide in one resource's values: what its schema declares plus what the plan or state recorded. */
export const maskOfResource = (schema: ResourceSchema | undefined, sensitivePaths: readonly (readonly (string | number)[])[]): SensitiveMask | undefined =>
  mergeMasks(maskOfSchema(schema), maskOfPaths(sensitivePaths));
