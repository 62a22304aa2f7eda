import { Graph } from '../graph/index.js';
import type { ResourceChange } from '../plan/types.js';
import { writesPerBatch } from '../resources/batched-writes.js';

/** Changes of one resource type sent to the server together (`ResourceType.writeMany`). */
export interface WriteBatch {
  readonly batch: readonly ResourceChange[];
}

/** What a node of the apply graph does: one change, one batch of writes, or nothing (a barrier). */
export type ApplyStep = ResourceChange | WriteBatch | undefined;

export const isWriteBatch = (step: ApplyStep): step is WriteBatch => step !== undefined && 'batch' in step;

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
 * Changes that `batchable` picks are also grouped into batch nodes (see `addWriteBatches`).
 */
export function applyGraph(actionable: readonly ResourceChange[], options: { readonly batchable?: (change: ResourceChange) => boolean } = {}): Graph<ApplyStep> {
  const graph = new Graph<ApplyStep>();
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
    const current = graph.has(change.address) ? changeAt(graph, change.address) : undefined;
    if (change.deposed !== undefined && current !== undefined && !isDelete(current)) graph.addEdge(nodeIdOf(change), change.address);
  }
  for (const change of actionable) {
    const resources = new Set(change.dependencies.map((dependency) => (graph.has(dependency) ? (changeAt(graph, dependency)?.resourceAddress ?? dependency) : dependency)));
    resources.delete(change.resourceAddress);
    for (const resource of resources) {
      if (isDelete(change)) {
        if (graph.has(`gate:${resource}`)) graph.addEdge(`gate:${resource}`, nodeIdOf(change));
      } else if (graph.has(`built:${resource}`)) {
        graph.addEdge(change.address, `built:${resource}`);
      }
    }
  }
  if (options.batchable) addWriteBatches(graph, actionable.filter(options.batchable));
  return graph;
}

/**
 * Groups writes that can go to the server together: of one type, waiting on exactly the same
 * nodes, at most `writesPerBatch` a group. Each group becomes a batch node that waits on those
 * nodes; its members wait on it, so a member's dependents still start only once that member
 * succeeded, and a member that failed stops only its own dependents.
 */
function addWriteBatches(graph: Graph<ApplyStep>, batchable: readonly ResourceChange[]): void {
  const groups = new Map<string, ResourceChange[]>();
  for (const change of batchable) {
    const key = `${change.type}\n${[...graph.dependenciesOf(change.address)].sort().join('\n')}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [change]);
    else group.push(change);
  }
  let next = 0;
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (let start = 0; start < group.length; start += writesPerBatch) {
      const batch = group.slice(start, start + writesPerBatch);
      const id = `batch:${next++}`;
      graph.addNode(id, { batch });
      for (const dependency of graph.dependenciesOf(batch[0]?.address ?? '')) graph.addEdge(id, dependency);
      for (const change of batch) graph.addEdge(change.address, id);
    }
  }
}

/** The change at a node, `undefined` for barriers and batches. */
function changeAt(graph: Graph<ApplyStep>, id: string): ResourceChange | undefined {
  const step = graph.get(id);
  return isWriteBatch(step) ? undefined : step;
}
