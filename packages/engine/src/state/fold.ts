import { formatInstanceAddress, parseInstanceAddress, type InstanceAddress, type InstanceKey } from './address.js';
import type { JournalEntry, OutputState, PendingOperation, ResourceInstanceState, ResourceState, StateSnapshot } from './types.js';

type ResourceMeta = Omit<ResourceState, 'instances'>;

interface WorkingResource {
  meta: ResourceMeta;
  instances: Map<string, ResourceInstanceState>;
}

function resourceId(address: Pick<InstanceAddress, 'mode' | 'type' | 'name'>): string {
  return formatInstanceAddress({ mode: address.mode, type: address.type, name: address.name });
}

// Numbers and strings are distinct keys: `b[0]` and `b["0"]` are different instances. A deposed
// object is a slot of its own beside the instance's current object.
function keyId(key: InstanceKey | undefined, deposed?: string): string {
  const instance = key === undefined ? '' : typeof key === 'number' ? `#${key}` : `$${key}`;
  return deposed === undefined ? instance : `${instance}~${deposed}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** No key first, then `count` indexes in order, then `for_each` keys: the same order every time. */
function compareKeys(a: InstanceKey | undefined, b: InstanceKey | undefined): number {
  const rank = (key: InstanceKey | undefined): number => (key === undefined ? 0 : typeof key === 'number' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareText(String(a ?? ''), String(b ?? ''));
}

function compareResources(a: ResourceMeta, b: ResourceMeta): number {
  return compareText(a.mode, b.mode) || compareText(a.type, b.type) || compareText(a.name, b.name);
}

/**
 * The object stored under the key its address names (the address decides, not the entry's
 * copy), as the deposed object `deposed` or, when that is undefined, as the current one.
 */
function withKey(instance: ResourceInstanceState, key: InstanceKey | undefined, deposed: string | undefined): ResourceInstanceState {
  const { index_key: _previous, deposed: _slot, ...rest } = instance;
  return { ...(key === undefined ? {} : { index_key: key }), ...rest, ...(deposed === undefined ? {} : { deposed }) };
}

/** The instance's current object first, then its deposed objects by key. */
function compareObjects(a: ResourceInstanceState, b: ResourceInstanceState): number {
  return compareKeys(a.index_key, b.index_key) || (a.deposed === undefined ? (b.deposed === undefined ? 0 : -1) : b.deposed === undefined ? 1 : compareText(a.deposed, b.deposed));
}

function canonicalAddress(address: string): string {
  return formatInstanceAddress(parseInstanceAddress(address));
}

/**
 * Folds journal entries into a snapshot and returns a new one; the input is not changed.
 *
 * - `put-instance` stores the object at its address (as the deposed object `instance.deposed`
 *   when that is set), replacing one in the same place, and creates the resource if needed; the
 *   resource's metadata becomes the entry's, except mode, type, name and the instance's
 *   `index_key`, which come from the address;
 * - `remove-instance` removes the current object (or the deposed object `deposed`), and the
 *   resource with it once no object is left;
 * - `depose-instance` removes the current object and stores the entry's as deposed;
 *   `restore-deposed` removes the deposed object and stores the entry's as current;
 * - `pending` adds or replaces the pending operation for its address; `pending-done` drops it;
 * - `outputs` replaces all outputs.
 *
 * Each entry's effect depends only on the entry, so folding the same entries a second time
 * changes nothing. The serial does not change: the backend bumps it when it writes. Resources
 * and instances come out sorted, so equal states are equal arrays.
 *
 * @throws {InvalidAddressError} for an entry whose address does not parse.
 */
export function applyJournal(state: StateSnapshot, entries: Iterable<JournalEntry>): StateSnapshot {
  const resources = new Map<string, WorkingResource>();
  for (const resource of state.resources) {
    const { instances, ...meta } = resource;
    resources.set(resourceId(resource), { meta, instances: new Map(instances.map((instance) => [keyId(instance.index_key, instance.deposed), instance])) });
  }
  const put = (entry: { readonly address: string; readonly resource: ResourceMeta; readonly instance: ResourceInstanceState }, deposed: string | undefined): void => {
    const address = parseInstanceAddress(entry.address);
    const id = resourceId(address);
    // The entry carries the resource's current metadata (provider), so it replaces what was stored.
    const meta: ResourceMeta = { ...entry.resource, mode: address.mode, type: address.type, name: address.name };
    const instances = resources.get(id)?.instances ?? new Map<string, ResourceInstanceState>();
    instances.set(keyId(address.key, deposed), withKey(entry.instance, address.key, deposed));
    resources.set(id, { meta, instances });
  };
  const remove = (addressText: string, deposed: string | undefined): void => {
    const address = parseInstanceAddress(addressText);
    const id = resourceId(address);
    const existing = resources.get(id);
    if (existing === undefined) return;
    existing.instances.delete(keyId(address.key, deposed));
    if (existing.instances.size === 0) resources.delete(id);
  };
  const pending = new Map<string, PendingOperation>(state.pending.map((operation) => [canonicalAddress(operation.address), operation]));
  let outputs: Readonly<Record<string, OutputState>> = state.outputs;

  for (const entry of entries) {
    switch (entry.kind) {
      case 'put-instance':
        put(entry, entry.instance.deposed);
        break;
      case 'remove-instance':
        remove(entry.address, entry.deposed);
        break;
      // Put before remove, so the resource (and its metadata) is never dropped in between.
      case 'depose-instance':
        put(entry, entry.instance.deposed);
        remove(entry.address, undefined);
        break;
      case 'restore-deposed':
        put(entry, undefined);
        remove(entry.address, entry.deposed);
        break;
      case 'pending':
        pending.set(canonicalAddress(entry.operation.address), entry.operation);
        break;
      case 'pending-done':
        pending.delete(canonicalAddress(entry.address));
        break;
      case 'outputs':
        outputs = entry.outputs;
        break;
    }
  }

  const folded: ResourceState[] = [...resources.values()]
    .sort((a, b) => compareResources(a.meta, b.meta))
    .map(({ meta, instances }) => ({
      ...meta,
      instances: [...instances.values()].sort(compareObjects),
    }));
  // Sorted by address, like resources: the result must not depend on the order of history.
  const pendingSorted = [...pending.entries()].sort(([a], [b]) => compareText(a, b)).map(([, operation]) => operation);
  return { ...state, outputs, resources: folded, pending: pendingSorted };
}
