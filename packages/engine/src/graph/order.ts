import { findCycles } from './cycles.js';
import { GraphCycleError } from './graph-cycle-error.js';
import type { Graph } from './graph.js';
import { ReadyQueue } from './internal/ready-queue.js';

/**
 * Every id with its dependencies before it: the order a one-at-a-time apply would create
 * things in (use `graph.reverse()` for destroy order).
 *
 * Stable: among the nodes whose dependencies are all placed, the earliest-inserted goes next
 * (Kahn's algorithm over a min-heap), so the result depends only on the nodes and edges, not on
 * the order the edges were added. A graph in which insertion order already respects every edge
 * comes back in insertion order.
 *
 * Throws a `GraphCycleError` carrying `findCycles(graph)` when there is a cycle.
 *
 * @example
 * // policy → cluster, schedule → policy
 * topologicalOrder(graph); // ['cluster', 'policy', 'schedule']
 */
export function topologicalOrder<T>(graph: Graph<T>): string[] {
  const ids = graph.ids();
  const position = new Map(ids.map((id, i) => [id, i]));
  const waitingOn = ids.map((id) => graph.dependenciesOf(id).length);
  const ready = new ReadyQueue();
  waitingOn.forEach((count, i) => {
    if (count === 0) ready.push(i);
  });

  const order: string[] = [];
  for (let next = ready.pop(); next !== undefined; next = ready.pop()) {
    const id = ids[next] ?? '';
    order.push(id);
    for (const dependent of graph.dependentsOf(id)) {
      const i = position.get(dependent) ?? 0;
      const left = (waitingOn[i] ?? 0) - 1;
      waitingOn[i] = left;
      if (left === 0) ready.push(i);
    }
  }
  // Nodes on a cycle, and everything depending on one, never reach zero.
  if (order.length < ids.length) throw new GraphCycleError(findCycles(graph));
  return order;
}
