import type { ChangeActions } from '../plan/types.js';

/**
 * How many resource instances a plan touches, as Terraform's summary line counts them: a
 * replacement adds one and destroys one, and is also counted in `replace`; reads and moves are
 * counted but Terraform's line leaves them out.
 */
export interface ChangeCounts {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  readonly read: number;
  readonly replace: number;
  /** Instances a `moved` block gives a new address, whatever else happens to them. */
  readonly move: number;
}

/**
 * Counts the changes of a plan (or of its drift).
 *
 * @example
 * countChanges(plan.resourceChanges); // { add: 1, change: 2, destroy: 0, read: 0, replace: 0, move: 0 }
 */
export function countChanges(changes: readonly { readonly actions: ChangeActions; readonly address?: string; readonly previousAddress?: string }[]): ChangeCounts {
  let add = 0;
  let change = 0;
  let destroy = 0;
  let read = 0;
  let replace = 0;
  let move = 0;
  for (const counted of changes) {
    const { actions } = counted;
    if (counted.previousAddress !== undefined && counted.previousAddress !== counted.address) move += 1;
    if (actions.length === 2) {
      add += 1;
      destroy += 1;
      replace += 1;
    } else if (actions[0] === 'create') add += 1;
    else if (actions[0] === 'update') change += 1;
    else if (actions[0] === 'delete') destroy += 1;
    else if (actions[0] === 'read') read += 1;
  }
  return { add, change, destroy, read, replace, move };
}

/** Whether the counts describe any change at all (a read during apply counts, and so does a move: applying it rewrites the state). */
export const hasChanges = (counts: ChangeCounts): boolean => counts.add + counts.change + counts.destroy + counts.read + counts.move > 0;
