import type { Configuration } from '../config/model.js';
import { formatInstanceAddress, parseInstanceAddress } from '../state/index.js';
import type { JournalEntry, StateSnapshot } from '../state/types.js';
import { blockOf } from './addresses.js';
import type { Diagnostic } from './types.js';

/** What the `moved` blocks do to a state. */
export interface Moves {
  /** State changes, journalled first by apply: the moved instances removed, then put at their new addresses. */
  readonly entries: JournalEntry[];
  /** The address each moved instance had before, by its new address (Terraform's `previous_address`). */
  readonly previousAddresses: ReadonlyMap<string, string>;
  /** Moves that could not be made because something already lives at the destination. */
  readonly diagnostics: Diagnostic[];
}

/**
 * `moved` blocks as state changes: every instance recorded under `from` (a resource or one
 * instance) is recorded under `to` instead, so a refactoring renames rather than replaces.
 *
 * A move onto an address that already holds an object is not made, as in Terraform: both
 * objects stay where they are (the one left at `from` is then planned for destruction if `from`
 * is no longer configured) and a warning says which moves could not happen.
 */
export function movesOf(configuration: Configuration, state: StateSnapshot): Moves {
  const instances = state.resources.flatMap((resource) =>
    resource.instances.map((instance) => ({
      resource,
      instance,
      address: formatInstanceAddress({ mode: resource.mode, type: resource.type, name: resource.name, ...(instance.index_key === undefined ? {} : { key: instance.index_key }) }),
    })),
  );
  // Every object at an address: the current one and any deposed ones, which move together.
  const objectsAt = new Map<string, (typeof instances)[number][]>();
  for (const item of instances) objectsAt.set(item.address, [...(objectsAt.get(item.address) ?? []), item]);
  const candidates: { item: (typeof instances)[number]; target: string }[] = [];
  for (const block of configuration.moved) {
    // Current objects decide; an instance's deposed objects follow it (below).
    for (const item of instances) {
      if (item.instance.deposed !== undefined) continue;
      if (item.address !== block.from && blockOf(item.address) !== block.from) continue;
      candidates.push({ item, target: item.address === block.from ? block.to : `${block.to}${item.address.slice(block.from.length)}` });
    }
  }
  // An address whose object moves away is free for another to move onto (a chain, or a swap).
  const leaving = new Set(candidates.map(({ item }) => item.address));
  const staying = new Set(instances.filter((item) => item.instance.deposed === undefined && !leaving.has(item.address)).map((item) => item.address));
  const removes: JournalEntry[] = [];
  const puts: JournalEntry[] = [];
  const previousAddresses = new Map<string, string>();
  const blocked: string[] = [];
  const moved = new Set<string>();
  for (const { item, target } of candidates) {
    // Two moved blocks naming one object: the first wins, or the object would be copied.
    if (moved.has(item.address)) continue;
    if (staying.has(target) || previousAddresses.has(target)) {
      blocked.push(`  - ${item.address} could not move to ${target}`);
      continue;
    }
    const parsed = parseInstanceAddress(target);
    for (const object of objectsAt.get(item.address) ?? []) {
      removes.push({ kind: 'remove-instance', address: item.address, ...(object.instance.deposed === undefined ? {} : { deposed: object.instance.deposed }) });
      puts.push({ kind: 'put-instance', address: target, resource: { mode: parsed.mode, type: parsed.type, name: parsed.name, provider: item.resource.provider }, instance: object.instance });
    }
    previousAddresses.set(target, item.address);
    moved.add(item.address);
  }
  const diagnostics: Diagnostic[] =
    blocked.length === 0
      ? []
      : [
          {
            severity: 'warning',
            summary: 'Unresolved resource instance address changes',
            detail:
              `Lifeboat tried to adjust resource instance addresses in the prior state based on moved blocks in the configuration, but some adjustments did not succeed because objects already exist at the intended addresses:\n${blocked.join('\n')}\n\n` +
              'Lifeboat has planned to destroy these objects if they are no longer configured. If that is not what you want, resolve the conflicts with the `lifeboat state` commands first, then plan again.',
          },
        ];
  // Every remove before any put, so a swap does not remove what it has just put.
  return { entries: [...removes, ...puts], previousAddresses, diagnostics };
}
