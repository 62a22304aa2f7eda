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

// Numbers and strings are distinct keys: `b[0]` and `b["0"]` are different instances.
function keyId(key: InstanceKey | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `#${key}` : `$${key}`;
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

/** The instance stored under the key its address names (the address decides, not the entry's copy). */
function withKey(instance: ResourceInstanceState, key: InstanceKey | undefined): ResourceInstanceState {
  const { index_key: _previous, ...rest } = instance;
  return key === undefined ? rest : { ...rest, index_key: key };
}

function canonicalAddress(address: string): string {
  return formatInstanceAddress(parseInstanceAddress(address));
}

/**
 * Folds journal entries into a snapshot and returns a new one; the input is not changed.
 *
 * - `put-instance` stores the instance at its address, replacing one with the same key, and
 *   creates the resource if needed; the resource's metadata becomes the entry's, except mode,
 *   type, name and the instance's `index_key`, which come from the address;
 * - `remove-instance` removes it, and the resource with it once no instance is left;
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
    resources.set(resourceId(resource), { meta, instances: new Map(instances.map((instance) => [keyId(instance.index_key), instance])) });
  }
  const pending = new Map<string, PendingOperation>(state.pending.map((operation) => [canonicalAddress(operation.address), operation]));
  let outputs: Readonly<Record<string, OutputState>> = state.outputs;

  for (const entry of entries) {
    switch (entry.kind) {
      case 'put-instance': {
        const address = parseInstanceAddress(entry.address);
        const id = resourceId(address);
        const existing = resources.get(id);
        // The entry carries the resource's current metadata (provider), so it replaces what was stored.
        const meta: ResourceMeta = { ...entry.resource, mode: address.mode, type: address.type, name: address.name };
        const instances = existing?.instances ?? new Map<string, ResourceInstanceState>();
        instances.set(keyId(address.key), withKey(entry.instance, address.key));
        resources.set(id, { meta, instances });
        break;
      }
      case 'remove-instance': {
        const address = parseInstanceAddress(entry.address);
        const id = resourceId(address);
        const existing = resources.get(id);
        if (existing === undefined) break;
        existing.instances.delete(keyId(address.key));
        if (existing.instances.size === 0) resources.delete(id);
        break;
      }
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
      instances: [...instances.values()].sort((a, b) => compareKeys(a.index_key, b.index_key)),
    }));
  // Sorted by address, like resources: the result must not depend on the order of history.
  const pendingSorted = [...pending.entries()].sort(([a], [b]) => compareText(a, b)).map(([, operation]) => operation);
  return { ...state, outputs, resources: folded, pending: pendingSorted };
}
