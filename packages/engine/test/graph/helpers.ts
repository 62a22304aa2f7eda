import { Graph } from '../../src/graph/index.js';

/**
 * A graph from edge strings: `graphOf('c->b', 'b->a', 'd')` adds nodes in the order they are first
 * named (c, b, a, d), each carrying its own id as data, and `from->to` means from depends on to.
 */
export function graphOf(...specs: string[]): Graph<string> {
  const graph = new Graph<string>();
  const ensure = (id: string): void => {
    if (!graph.has(id)) graph.addNode(id, id);
  };
  for (const spec of specs) {
    const [from, to] = spec.split('->').map((part) => part.trim());
    if (from === undefined) continue;
    ensure(from);
    if (to !== undefined) {
      ensure(to);
      graph.addEdge(from, to);
    }
  }
  return graph;
}

/** A promise with its resolve and reject exposed, to hold a visit open until a test lets it go. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
