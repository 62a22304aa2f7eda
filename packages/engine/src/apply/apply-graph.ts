import { Graph } from '../graph/index.js';
import type { ResourceChange } from '../plan/types.js';

const isDelete = (change: ResourceChange) => change.actions.length === 1 && change.actions[0] === 'delete';

/**
 * The id apply's walk gives a change (in `ApplyResult.walk`): its address, or for a deposed
 * object the address and key as Terraform names it (`x.a (deposed object 1a2b3c4d)`), since it
 * shares the address with the instance's current object.
 *
 * @example
 * const done = new Set(result.walk.succeeded);
 * const destroyed = plan.resourceChanges.filter((change) => change.actions.includes('delete') && done.has(nodeIdOf(change)));
 */
export const nodeIdOf = (change: Pick<ResourceChange, 'address' | 'deposed'>): string =>
  change.deposed === undefined ? change.address : `${change.address} (deposed object ${change.deposed})`;

/**
 * The order of an apply. Dependencies name resources (or, in older states, instances); one
 * barrier node per resource and direction stands for "every change of that resource", so the
 * graph grows with changes plus dependencies, not with their product. Creates and updates wait
 * for what they depend on; deletes go first, before the deletes of what they depended on. A
 * deposed object goes once its instance's new object stands, as `create_before_destroy` meant.
 */
export function applyGraph(actionable: readonly ResourceChange[]): Graph<ResourceChange | undefined> {
  const graph = new Graph<ResourceChange | undefined>();
  const node = (id: string) => {
    if (!graph.has(id)) graph.addNode(id, undefined);
    return id;
  };
  // built:R — every create/update of R is done. gate:R — every delete that must precede R's
  // deletes is done.
  for (const change of actionable) graph.addNode(nodeIdOf(change), change);
  for (const change of actionable) {
    if (isDelete(change)) graph.addEdge(nodeIdOf(change), node(`gate:${change.resourceAddress}`));
    else graph.addEdge(node(`built:${change.resourceAddress}`), change.address);
    const current = graph.has(change.address) ? graph.get(change.address) : undefined;
    if (change.deposed !== undefined && current !== undefined && !isDelete(current)) graph.addEdge(nodeIdOf(change), change.address);
  }
  for (const change of actionable) {
    const resources = new Set(change.dependencies.map((dependency) => (graph.has(dependency) ? (graph.get(dependency)?.resourceAddress ?? dependency) : dependency)));
    resources.delete(change.resourceAddress);
    for (const resource of resources) {
      if (isDelete(change)) {
        if (graph.has(`gate:${resource}`)) graph.addEdge(`gate:${resource}`, nodeIdOf(change));
      } else if (graph.has(`built:${resource}`)) {
        graph.addEdge(change.address, `built:${resource}`);
      }
    }
  }
  return graph;
}
