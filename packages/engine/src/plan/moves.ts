import type { Configuration } from '../config/model.js';
import { formatInstanceAddress, parseInstanceAddress } from '../state/index.js';
import type { JournalEntry, StateSnapshot } from '../state/types.js';
import { blockOf } from './addresses.js';

/**
 * `moved` blocks as state changes: every instance recorded under `from` (a resource or one
 * instance) is recorded under `to` instead, so a refactoring renames rather than replaces.
 */
export function movesOf(configuration: Configuration, state: StateSnapshot): JournalEntry[] {
  const moves: JournalEntry[] = [];
  for (const moved of configuration.moved) {
    for (const resource of state.resources) {
      for (const instance of resource.instances) {
        const address = formatInstanceAddress({ mode: resource.mode, type: resource.type, name: resource.name, ...(instance.index_key === undefined ? {} : { key: instance.index_key }) });
        if (address !== moved.from && blockOf(address) !== moved.from) continue;
        const target = address === moved.from ? moved.to : `${moved.to}${address.slice(moved.from.length)}`;
        const parsed = parseInstanceAddress(target);
        moves.push({ kind: 'remove-instance', address });
        moves.push({ kind: 'put-instance', address: target, resource: { mode: parsed.mode, type: parsed.type, name: parsed.name, provider: resource.provider }, instance });
      }
    }
  }
  return moves;
}
