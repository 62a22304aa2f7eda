import { deepEqual } from '../internal/deep-equal.js';
import type { Attributes } from '../resources/resource-type.js';
import { parseInstanceAddress } from '../state/index.js';
import { blockOf, sensitiveOf } from './addresses.js';
import type { ResourceChange } from './types.js';

/** A managed instance as the state records it. */
export interface StateInstance {
  readonly attributes: Attributes;
  readonly tainted: boolean;
  readonly dependencies: readonly string[];
}

/** What drift is computed from. */
export interface DriftRequest {
  /** The state's managed instances, after `moved` blocks. */
  readonly stateInstances: ReadonlyMap<string, StateInstance>;
  /** Refreshed values; `undefined` for an object that is gone. */
  readonly live: ReadonlyMap<string, Attributes | undefined>;
  /** Where moved instances were before, by their new address. */
  readonly previousAddresses?: ReadonlyMap<string, string>;
}

/**
 * Changes made outside the engine: instances whose live values differ from the state's. A moved
 * instance is reported too, as Terraform does, even unchanged (a no-op with its previous
 * address): a refresh-only plan shows the move, since applying it records the new address.
 */
export function driftOf(request: DriftRequest): ResourceChange[] {
  const drift: ResourceChange[] = [];
  for (const [address, instance] of request.stateInstances) {
    const now = request.live.get(address);
    const previousAddress = request.previousAddresses?.get(address);
    const unchanged = deepEqual(now, instance.attributes);
    if (unchanged && previousAddress === undefined) continue;
    const parsed = parseInstanceAddress(address);
    drift.push({
      address,
      resourceAddress: blockOf(address),
      ...(previousAddress === undefined ? {} : { previousAddress }),
      mode: 'managed',
      type: parsed.type,
      name: parsed.name,
      ...(parsed.key === undefined ? {} : { index: parsed.key }),
      actions: unchanged ? ['no-op'] : now === undefined ? ['delete'] : ['update'],
      before: instance.attributes,
      after: now ?? null,
      afterUnknown: {},
      replacePaths: [],
      sensitive: sensitiveOf(parsed.type),
      dependencies: instance.dependencies,
      createBeforeDestroy: false,
    });
  }
  return drift;
}
