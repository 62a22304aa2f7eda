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

/**
 * The resource a reference names: `lifeboat_backup.b["x"].backup_id` → `lifeboat_backup.b`,
 * `data.lifeboat_cluster.c.id` → `data.lifeboat_cluster.c`.
 */
export function resourceOfReference(reference: string): string {
  const parts = reference.split(/[.[]/);
  return parts[0] === 'data' ? parts.slice(0, 3).join('.') : parts.slice(0, 2).join('.');
}
