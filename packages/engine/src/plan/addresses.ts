import { formatInstanceAddress, parseInstanceAddress } from '../state/index.js';
import { resourceTypeOf } from '../resources/index.js';

/** The resource address of an instance address: `x.y["k"]` → `x.y`. */
export function blockOf(instanceAddress: string): string {
  const parsed = parseInstanceAddress(instanceAddress);
  return formatInstanceAddress({ mode: parsed.mode, type: parsed.type, name: parsed.name });
}

/** Names of a type's sensitive attributes. */
export function sensitiveOf(type: string): string[] {
  const resourceType = resourceTypeOf('managed', type) ?? resourceTypeOf('data', type);
  return Object.entries(resourceType?.schema.attributes ?? {})
    .filter(([, schema]) => schema.sensitive === true)
    .map(([name]) => name);
}
