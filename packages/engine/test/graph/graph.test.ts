import { describe, expect, it } from 'vitest';
import { Graph, isGraphError } from '../../src/graph/index.js';
import { graphOf } from './helpers.js';

describe('Graph', () => {
  it('lists direct dependencies and dependents in insertion order, whatever order the edges came in', () => {
    const graph = new Graph<number>().addNode('a', 1).addNode('b', 2).addNode('c', 3).addNode('d', 4);
    graph.addEdge('d', 'c').addEdge('d', 'a').addEdge('d', 'b');
    graph.addEdge('c', 'a').addEdge('b', 'a');

    expect(graph.dependenciesOf('d')).toEqual(['a', 'b', 'c']);
    expect(graph.dependentsOf('a')).toEqual(['b', 'c', 'd']);
    expect(graph.dependenciesOf('a')).toEqual([]);
    expect(graph.dependentsOf('d')).toEqual([]);
  });

  it('keeps data by id and iterates nodes in insertion order', () => {
    const graph = new Graph<{ address: string }>();
    graph.addNode('z', { address: 'lifeboat_cluster.z' }).addNode('a', { address: 'lifeboat_cluster.a' });

    expect(graph.size).toBe(2);
    expect(graph.has('z')).toBe(true);
    expect(graph.has('nope')).toBe(false);
    expect(graph.get('a')).toEqual({ address: 'lifeboat_cluster.a' });
    expect(graph.ids()).toEqual(['z', 'a']);
    expect(graph.nodes()).toEqual([
      { id: 'z', data: { address: 'lifeboat_cluster.z' } },
      { id: 'a', data: { address: 'lifeboat_cluster.a' } },
    ]);
  });

  it('keeps one edge when the same dependency is added twice', () => {
    const graph = graphOf('b->a', 'b->a');
    expect(graph.edges()).toEqual([{ from: 'b', to: 'a' }]);
    expect(graph.dependentsOf('a')).toEqual(['b']);
  });

  it('follows dependencies and dependents transitively through a diamond, each node once', () => {
    // d → b → a, d → c → a, e → d
    const graph = graphOf('a', 'b->a', 'c->a', 'd->b', 'd->c', 'e->d');

    expect(graph.transitiveDependencies(['e'])).toEqual(['a', 'b', 'c', 'd']);
    expect(graph.transitiveDependencies(['b', 'c'])).toEqual(['a']);
    expect(graph.transitiveDependents(['a'])).toEqual(['b', 'c', 'd', 'e']);
    expect(graph.transitiveDependents(['c'])).toEqual(['d', 'e']);
    expect(graph.transitiveDependencies([])).toEqual([]);
  });

  it('includes a starting id in a transitive result only when another start reaches it or it sits on a cycle', () => {
    expect(graphOf('b->a', 'c->b').transitiveDependencies(['c', 'b'])).toEqual(['b', 'a']);
    expect(graphOf('a->b', 'b->a').transitiveDependencies(['a'])).toEqual(['a', 'b']);
    expect(graphOf('a->a').transitiveDependents(['a'])).toEqual(['a']);
  });

  it('refuses a second node with the same id, naming it', () => {
    const graph = graphOf('a');
    expect(() => graph.addNode('a', 'again')).toThrow('Node "a" is already in the graph');
    try {
      graph.addNode('a', 'again');
    } catch (error) {
      expect(isGraphError(error) && error.code).toBe('GRAPH_DUPLICATE_NODE');
      expect(isGraphError(error) && error.ids).toEqual(['a']);
    }
  });

  it('refuses edges and queries about nodes it does not hold, naming the id', () => {
    const graph = graphOf('a');
    expect(() => graph.addEdge('a', 'missing')).toThrow('Node "missing" is not in the graph');
    expect(() => graph.addEdge('missing', 'a')).toThrow('Node "missing" is not in the graph');
    expect(() => graph.get('missing')).toThrow(expect.objectContaining({ code: 'GRAPH_UNKNOWN_NODE', ids: ['missing'] }));
    expect(() => graph.dependenciesOf('missing')).toThrow(/not in the graph/);
    expect(() => graph.dependentsOf('missing')).toThrow(/not in the graph/);
    expect(() => graph.transitiveDependencies(['missing'])).toThrow(/not in the graph/);
    expect(() => graph.subgraph(['missing'])).toThrow(/not in the graph/);
    // A failed addEdge leaves the graph unchanged.
    expect(graph.edges()).toEqual([]);
  });

  it('builds a subgraph of the kept nodes in the original order, with only the edges among them', () => {
    const graph = graphOf('a', 'b->a', 'c->b', 'd->c', 'd->a');
    const sub = graph.subgraph(['d', 'a', 'b']);

    expect(sub.ids()).toEqual(['a', 'b', 'd']);
    expect(sub.edges()).toEqual([
      { from: 'b', to: 'a' },
      { from: 'd', to: 'a' },
    ]);
    expect(sub.get('d')).toBe('d');
    // The original is untouched.
    expect(graph.size).toBe(4);
  });

  it('reverses every edge for destroy order, keeping nodes, order and data', () => {
    const graph = graphOf('policy->cluster', 'schedule->policy');
    const reversed = graph.reverse();

    expect(reversed.ids()).toEqual(graph.ids());
    expect(reversed.edges()).toEqual([
      { from: 'policy', to: 'schedule' },
      { from: 'cluster', to: 'policy' },
    ]);
    expect(reversed.get('cluster')).toBe('cluster');
    expect(reversed.reverse().edges()).toEqual(graph.edges());
  });

  it('follows a 20,000-node chain transitively without overflowing the stack', () => {
    const graph = new Graph<null>();
    for (let i = 0; i < 20_000; i += 1) {
      graph.addNode(`n${i}`, null);
      if (i > 0) graph.addEdge(`n${i}`, `n${i - 1}`);
    }
    expect(graph.transitiveDependencies(['n19999'])).toHaveLength(19_999);
    expect(graph.transitiveDependents(['n0'])).toHaveLength(19_999);
  });
});
