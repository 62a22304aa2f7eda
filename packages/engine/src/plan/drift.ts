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

/** Changes made outside the engine: instances whose live values differ from the state's. */
export function driftOf(stateInstances: ReadonlyMap<string, StateInstance>, live: ReadonlyMap<string, Attributes | undefined>): ResourceChange[] {
  const drift: ResourceChange[] = [];
  for (const [address, instance] of stateInstances) {
    const now = live.get(address);
    if (deepEqual(now, instance.attributes)) continue;
    const parsed = parseInstanceAddress(address);
    drift.push({
      address,
      resourceAddress: blockOf(address),
      mode: 'managed',
      type: parsed.type,
      name: parsed.name,
      ...(parsed.key === undefined ? {} : { index: parsed.key }),
      actions: now === undefined ? ['delete'] : ['update'],
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
