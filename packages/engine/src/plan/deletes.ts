import { formatInstanceAddress, parseInstanceAddress } from '../state/index.js';
import type { AttributeValue, StateSnapshot } from '../state/types.js';
import { blockOf, sensitiveOf } from './addresses.js';
import type { ActionReason, ResourceChange } from './types.js';

/** One object to destroy: an instance no longer configured, one of a destroy plan, or a deposed object. */
export interface DeleteChangeRequest {
  readonly address: string;
  /** Its refreshed values, or the state's when it was not refreshed. */
  readonly before: Readonly<Record<string, AttributeValue>>;
  /** As the state records them: a delete waits for the deletes of what depends on it. */
  readonly dependencies: readonly string[];
  readonly actionReason?: ActionReason;
  /** The deposed object's key, when it is one. */
  readonly deposed?: string;
}

/** The change that destroys one object; everything about it comes from the state. */
export function deleteChange(request: DeleteChangeRequest): ResourceChange {
  const parsed = parseInstanceAddress(request.address);
  return {
    address: request.address,
    resourceAddress: blockOf(request.address),
    mode: 'managed',
    type: parsed.type,
    name: parsed.name,
    ...(parsed.key === undefined ? {} : { index: parsed.key }),
    ...(request.deposed === undefined ? {} : { deposed: request.deposed }),
    actions: ['delete'],
    ...(request.actionReason === undefined ? {} : { actionReason: request.actionReason }),
    before: request.before,
    after: null,
    afterUnknown: {},
    replacePaths: [],
    sensitive: sensitiveOf(parsed.type),
    dependencies: request.dependencies,
    createBeforeDestroy: false,
  };
}

/**
 * A delete for every deposed object of the state: what a `create_before_destroy` replacement
 * left behind when deleting the old object failed or was interrupted. They are not refreshed —
 * the delete handlers take an object already gone as deleted — and no configuration keeps them.
 */
export function deposedChanges(state: StateSnapshot): ResourceChange[] {
  const changes: ResourceChange[] = [];
  for (const resource of state.resources) {
    if (resource.mode !== 'managed') continue;
    for (const instance of resource.instances) {
      if (instance.deposed === undefined) continue;
      const address = formatInstanceAddress({ mode: resource.mode, type: resource.type, name: resource.name, ...(instance.index_key === undefined ? {} : { key: instance.index_key }) });
      changes.push(deleteChange({ address, before: instance.attributes, dependencies: instance.dependencies, deposed: instance.deposed }));
    }
  }
  return changes;
}
