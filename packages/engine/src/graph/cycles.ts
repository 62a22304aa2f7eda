import type { Graph } from './graph.js';

/**
 * Every dependency cycle in the graph, for a report like `Cycle: a, b, c`.
 *
 * One entry per strongly connected component that contains a cycle: a group of two or more
 * nodes that all reach each other, or a single node with an edge to itself. Found with Tarjan's
 * algorithm, without recursion, so long chains cannot overflow the stack.
 *
 * The order is deterministic and follows the edges:
 * - entries are ordered by their first id; each entry starts with its earliest-inserted node;
 * - within an entry, ids are a depth-first walk along dependency edges, so each id depends on
 *   the one after it for as long as the walk does not backtrack. For a simple loop (the usual
 *   case) that is the whole loop: `['a', 'b', 'c']` means a depends on b, b on c, c on a. A
 *   tangle where one loop is not enough to name every node is still one entry, in the same
 *   depth-first order: every id after the first is a direct dependency of an id before it.
 *
 * @example
 * // a → b → c → a, d → d, e → a
 * findCycles(graph); // [['a', 'b', 'c'], ['d']]
 */
export function findCycles<T>(graph: Graph<T>): string[][] {
  const ids = graph.ids();
  const position = new Map(ids.map((id, i) => [id, i]));
  const dependencies = new Map(ids.map((id) => [id, graph.dependenciesOf(id)]));
  const cycles = stronglyConnectedComponents(ids, dependencies)
    .filter((component) => component.length > 1 || component.some((id) => dependencies.get(id)?.includes(id)))
    .map((component) => alongEdges(component, position, dependencies));
  return cycles.sort((a, b) => (position.get(a[0] ?? '') ?? 0) - (position.get(b[0] ?? '') ?? 0));
}

/** Tarjan's algorithm with an explicit stack of frames in place of recursion. */
function stronglyConnectedComponents(ids: readonly string[], dependencies: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const frames: { readonly id: string; next: number }[] = [];
  let counter = 0;

  const open = (id: string): void => {
    index.set(id, counter);
    lowLink.set(id, counter);
    counter += 1;
    stack.push(id);
    onStack.add(id);
    frames.push({ id, next: 0 });
  };
  const low = (id: string): number => lowLink.get(id) ?? 0;

  for (const root of ids) {
    if (index.has(root)) continue;
    open(root);
    for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
      const next = dependencies.get(frame.id)?.[frame.next];
      if (next !== undefined) {
        frame.next += 1;
        if (!index.has(next)) open(next);
        else if (onStack.has(next)) lowLink.set(frame.id, Math.min(low(frame.id), index.get(next) ?? 0));
        continue;
      }
      frames.pop();
      const parent = frames.at(-1);
      if (parent !== undefined) lowLink.set(parent.id, Math.min(low(parent.id), low(frame.id)));
      if (low(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component);
      }
    }
  }
  return components;
}

/** The component's ids in depth-first preorder along its own edges, from its earliest node. */
function alongEdges(
  component: readonly string[],
  position: ReadonlyMap<string, number>,
  dependencies: ReadonlyMap<string, readonly string[]>,
): string[] {
  const members = new Set(component);
  const first = [...component].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0))[0];
  if (first === undefined) return [];
  const order = [first];
  const seen = new Set(order);
  const frames = [{ id: first, next: 0 }];
  for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
    const next = dependencies.get(frame.id)?.[frame.next];
    if (next === undefined) {
      frames.pop();
      continue;
    }
    frame.next += 1;
    if (members.has(next) && !seen.has(next)) {
      seen.add(next);
      order.push(next);
      frames.push({ id: next, next: 0 });
    }
  }
  return order;
}
