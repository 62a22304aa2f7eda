/** Instances of a state, addressed and ordered the way Terraform's state commands list them. */
import { resourceTypeOf } from '../../resources/index.js';
import { formatInstanceAddress, parseInstanceAddress, type InstanceAddress, type InstanceKey } from '../../state/address.js';
import type { ResourceInstanceState, ResourceState, StateSnapshot } from '../../state/types.js';

export { lifeboatProviderAddress as LIFEBOAT_PROVIDER } from '../../state/provider.js';

/** One instance of a state with its addresses. */
export interface StateInstance {
  /** `lifeboat_backup.b["x"]`. */
  readonly address: string;
  /** `lifeboat_backup.b`. */
  readonly resourceAddress: string;
  readonly resource: ResourceState;
  /** The instance's current object. */
  readonly instance: ResourceInstanceState;
  /** Its deposed objects (left by an unfinished `create_before_destroy`), which go where it goes. */
  readonly deposed: readonly ResourceInstanceState[];
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** No key, then `count` indexes in order, then `for_each` keys: Terraform's `InstanceKeyLess`. */
function compareKeys(a: InstanceKey | undefined, b: InstanceKey | undefined): number {
  const rank = (key: InstanceKey | undefined): number => (key === undefined ? 0 : typeof key === 'number' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareText(String(a ?? ''), String(b ?? ''));
}

/** Terraform's order of addresses: data sources first, then by type, name and key. */
export function compareInstanceAddresses(a: InstanceAddress, b: InstanceAddress): number {
  if (a.mode !== b.mode) return a.mode === 'data' ? -1 : 1;
  return compareText(a.type, b.type) || compareText(a.name, b.name) || compareKeys(a.key, b.key);
}

/** The resource part of an instance address: `lifeboat_backup.b["x"]` → `lifeboat_backup.b`. */
export const resourceAddressOf = (address: InstanceAddress): string => formatInstanceAddress({ mode: address.mode, type: address.type, name: address.name });

/**
 * Every instance of `state` that has a current object, in Terraform's order (a state written by
 * Terraform need not be sorted), with its deposed objects.
 */
export function stateInstances(state: StateSnapshot | undefined): StateInstance[] {
  const found: { parsed: InstanceAddress; item: StateInstance }[] = [];
  for (const resource of state?.resources ?? []) {
    // Grouped once by key: a resource with thousands of instances is not scanned per instance.
    const deposedByKey = new Map<InstanceKey | undefined, ResourceInstanceState[]>();
    for (const object of resource.instances) {
      if (object.deposed !== undefined) deposedByKey.set(object.index_key, [...(deposedByKey.get(object.index_key) ?? []), object]);
    }
    for (const instance of resource.instances) {
      if (instance.deposed !== undefined) continue;
      const parsed: InstanceAddress = { mode: resource.mode, type: resource.type, name: resource.name, ...(instance.index_key === undefined ? {} : { key: instance.index_key }) };
      const deposed = deposedByKey.get(instance.index_key) ?? [];
      found.push({ parsed, item: { address: formatInstanceAddress(parsed), resourceAddress: resourceAddressOf(parsed), resource, instance, deposed } });
    }
  }
  return found.sort((a, b) => compareInstanceAddresses(a.parsed, b.parsed)).map(({ item }) => item);
}

/** An address in canonical form, so spellings of one key (`["\\u0041"]`, `["A"]`) compare equal; throws InvalidAddressError. */
export const canonicalAddress = (address: string): string => formatInstanceAddress(parseInstanceAddress(address));

/** Names of the type's sensitive attributes, from its schema (none for a type this engine does not know). */
export function sensitiveAttributesOf(mode: 'managed' | 'data', type: string): string[] {
  return Object.entries(resourceTypeOf(mode, type)?.schema.attributes ?? {})
    .filter(([, schema]) => schema.sensitive === true)
    .map(([name]) => name);
}

/** Shows at most `limit` items, saying how many more there are. */
export function listSome(items: readonly string[], limit = 10): string {
  return items.length <= limit ? items.join(', ') : `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`;
}
