import { GraphError } from './graph-error.js';

/** A node and the data it carries. */
export interface GraphNode<T> {
  readonly id: string;
  readonly data: T;
}

/** `from` depends on `to`: `to` must finish before `from` starts. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
}

/**
 * A directed graph of dependencies between nodes named by string ids. It knows nothing of what
 * the nodes stand for; the engine puts resource instances in it, the tests put numbers.
 *
 * Every list it returns is in node insertion order, whatever order the edges were added in, so
 * anything rendered from a graph (a plan, a cycle report) is the same on every run.
 *
 * An id the graph does not hold is a bug in the caller, not a missing value, so every method
 * that takes an id throws a `GraphError` (`GRAPH_UNKNOWN_NODE`) for one; ask `has()` first when
 * an id may be absent.
 *
 * @example
 * const graph = new Graph<{ address: string }>();
 * graph.addNode('cluster', { address: 'lifeboat_cluster.main' });
 * graph.addNode('policy', { address: 'lifeboat_backup_policy.nightly' });
 * graph.addEdge('policy', 'cluster'); // the policy needs the cluster first
 * graph.dependenciesOf('policy'); // ['cluster']
 * graph.dependentsOf('cluster'); // ['policy']
 */
export class Graph<T> {
  readonly #data = new Map<string, T>();
  /** Insertion index of each id: the one order every result is sorted by. */
  readonly #position = new Map<string, number>();
  readonly #dependencies = new Map<string, Set<string>>();
  readonly #dependents = new Map<string, Set<string>>();

  /** Number of nodes. */
  get size(): number {
    return this.#data.size;
  }

  /**
   * Adds a node. Each id may be added once: a second `addNode` with the same id throws, because
   * two things claiming one id (two resources with one address) must not silently merge.
   *
   * @example
   * graph.addNode('a', { address: 'lifeboat_cluster.a' });
   */
  addNode(id: string, data: T): this {
    if (this.#data.has(id)) {
      throw new GraphError(`Node "${id}" is already in the graph; each id may be added only once.`, {
        code: 'GRAPH_DUPLICATE_NODE',
        ids: [id],
      });
    }
    this.#position.set(id, this.#data.size);
    this.#data.set(id, data);
    this.#dependencies.set(id, new Set());
    this.#dependents.set(id, new Set());
    return this;
  }

  /**
   * Records that `from` depends on `to`: `to` must finish before `from` starts. Both nodes must
   * already be in the graph. Adding the same edge twice is a no-op; an edge from a node to
   * itself is kept, and `findCycles` reports it as a cycle of one.
   *
   * @example
   * graph.addEdge('policy', 'cluster');
   */
  addEdge(from: string, to: string): this {
    this.#require(from);
    this.#require(to);
    this.#dependencies.get(from)?.add(to);
    this.#dependents.get(to)?.add(from);
    return this;
  }

  /** Whether the graph holds a node with this id. */
  has(id: string): boolean {
    return this.#data.has(id);
  }

  /**
   * The data of a node; throws for an unknown id.
   *
   * @example
   * graph.get('cluster').address; // 'lifeboat_cluster.main'
   */
  get(id: string): T {
    this.#require(id);
    return this.#data.get(id) as T;
  }

  /** Every id, in insertion order. */
  ids(): string[] {
    return [...this.#data.keys()];
  }

  /**
   * Every node with its data, in insertion order.
   *
   * @example
   * for (const { id, data } of graph.nodes()) console.log(id, data.address);
   */
  nodes(): GraphNode<T>[] {
    return [...this.#data].map(([id, data]) => ({ id, data }));
  }

  /** Every edge, ordered by `from` and then `to`, both in insertion order. */
  edges(): GraphEdge[] {
    return this.ids().flatMap((from) => this.dependenciesOf(from).map((to) => ({ from, to })));
  }

  /**
   * The nodes `id` depends on directly (they must finish before it starts).
   *
   * @example
   * graph.dependenciesOf('policy'); // ['cluster']
   */
  dependenciesOf(id: string): string[] {
    this.#require(id);
    return this.#sorted(this.#dependencies.get(id) ?? []);
  }

  /**
   * The nodes that depend on `id` directly (they start only after it finished).
   *
   * @example
   * graph.dependentsOf('cluster'); // ['policy']
   */
  dependentsOf(id: string): string[] {
    this.#require(id);
    return this.#sorted(this.#dependents.get(id) ?? []);
  }

  /**
   * Every node reachable from `ids` by following dependency edges one or more steps: what must
   * finish before all of `ids` can start. A starting id is included only when another starting
   * id depends on it, or when it sits on a cycle.
   *
   * @example
   * // c → b → a
   * graph.transitiveDependencies(['c']); // ['a', 'b']
   */
  transitiveDependencies(ids: Iterable<string>): string[] {
    return this.#reach(ids, this.#dependencies);
  }

  /**
   * Every node that reaches one of `ids` by following dependency edges one or more steps: what
   * cannot start until all of `ids` finished. A starting id is included only when it depends on
   * another starting id, or when it sits on a cycle.
   *
   * @example
   * // c → b → a
   * graph.transitiveDependents(['a']); // ['b', 'c']
   */
  transitiveDependents(ids: Iterable<string>): string[] {
    return this.#reach(ids, this.#dependents);
  }

  /**
   * A new graph of the given nodes (in this graph's insertion order, whatever order `ids` come
   * in) and the edges between them; edges to nodes left out are dropped. Data is shared, not
   * copied.
   *
   * @example
   * const selected = graph.subgraph(selectTargets(graph, { targets: ['policy'] }));
   */
  subgraph(ids: Iterable<string>): Graph<T> {
    const keep = new Set<string>();
    for (const id of ids) {
      this.#require(id);
      keep.add(id);
    }
    const result = new Graph<T>();
    const kept = this.ids().filter((id) => keep.has(id));
    for (const id of kept) result.addNode(id, this.#data.get(id) as T);
    for (const from of kept) {
      for (const to of this.dependenciesOf(from)) if (keep.has(to)) result.addEdge(from, to);
    }
    return result;
  }

  /**
   * A new graph with the same nodes (same insertion order) and every edge turned around: what
   * destroying needs, since a thing must be deleted before the things it depended on.
   *
   * @example
   * // policy → cluster: create the cluster first, and on destroy delete the policy first.
   * topologicalOrder(graph.reverse()); // ['policy', 'cluster']
   */
  reverse(): Graph<T> {
    const result = new Graph<T>();
    for (const [id, data] of this.#data) result.addNode(id, data);
    for (const { from, to } of this.edges()) result.addEdge(to, from);
    return result;
  }

  #require(id: string): void {
    if (!this.#data.has(id)) {
      throw new GraphError(`Node "${id}" is not in the graph; add it with addNode() before using it.`, {
        code: 'GRAPH_UNKNOWN_NODE',
        ids: [id],
      });
    }
  }

  #sorted(ids: Iterable<string>): string[] {
    return [...ids].sort((a, b) => (this.#position.get(a) ?? 0) - (this.#position.get(b) ?? 0));
  }

  #reach(start: Iterable<string>, edges: ReadonlyMap<string, ReadonlySet<string>>): string[] {
    const found = new Set<string>();
    // An explicit stack, not recursion: a chain of 10,000 resources must not overflow the call stack.
    const pending: string[] = [];
    for (const id of start) {
      this.#require(id);
      pending.push(id);
    }
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      for (const next of edges.get(id) ?? []) {
        if (!found.has(next)) {
          found.add(next);
          pending.push(next);
        }
      }
    }
    return this.#sorted(found);
  }
}
