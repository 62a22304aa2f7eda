import { resourceTypeOf } from '../resources/index.js';
import type { Attributes } from '../resources/resource-type.js';
import { parseInstanceAddress } from '../state/index.js';
import type { StateSnapshot } from '../state/types.js';

/**
 * Addresses of pending creates whose accepted object is the instance recorded at that address:
 * the process died between recording the instance and clearing the pending entry. Apply clears
 * them; a plan with nothing else to do is still worth applying for them, or they would linger.
 */
export function finishedPending(state: StateSnapshot): Set<string> {
  const finished = new Set<string>();
  for (const operation of state.pending) {
    if (operation.objectId === undefined) continue;
    const parsed = parseInstanceAddress(operation.address);
    const resourceType = resourceTypeOf(parsed.mode, parsed.type);
    const resource = state.resources.find((r) => r.mode === parsed.mode && r.type === parsed.type && r.name === parsed.name);
    const instance = resource?.instances.find((i) => i.index_key === parsed.key && i.deposed === undefined);
    if (resourceType?.acceptedState === undefined || instance === undefined) continue;
    const accepted = resourceType.acceptedState(operation.request as Attributes, operation.objectId);
    if (resourceType.id(instance.attributes) === resourceType.id(accepted)) finished.add(operation.address);
  }
  return finished;
}
