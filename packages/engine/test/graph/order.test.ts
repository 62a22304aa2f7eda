import { describe, expect, it } from 'vitest';
import { Graph, GraphCycleError, isGraphCycleError, isGraphError, topologicalOrder } from '../../src/graph/index.js';
import { graphOf } from './helpers.js';

function expectRespectsEveryEdge(graph: Graph<unknown>, order: readonly string[]): void {
  expect([...order].sort()).toEqual(graph.ids().sort());
  for (const { from, to } of graph.edges()) expect(order.indexOf(to)).toBeLessThan(order.indexOf(from));
}

describe('topologicalOrder', () => {
  it('puts every dependency before the nodes that depend on it', () => {
    const graph = graphOf('schedule->policy', 'policy->cluster', 'restore->backup', 'backup->cluster', 'schedule->cluster');
    const order = topologicalOrder(graph);
    expectRespectsEveryEdge(graph, order);
    expect(order).toEqual(['cluster', 'policy', 'schedule', 'backup', 'restore']);
  });

  it('keeps insertion order when it already respects every edge', () => {
    expect(topologicalOrder(graphOf('a', 'b->a', 'c', 'd->c', 'e->b'))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('gives the same order for the same graph whatever order the edges were added in', () => {
    const nodes = ['x', 'y', 'z', 'w'];
    const edges: [string, string][] = [
      ['x', 'z'],
      ['y', 'z'],
      ['w', 'x'],
      ['w', 'y'],
    ];
    const build = (list: [string, string][]): Graph<null> => {
      const graph = new Graph<null>();
      for (const id of nodes) graph.addNode(id, null);
      for (const [from, to] of list) graph.addEdge(from, to);
      return graph;
    };
    expect(topologicalOrder(build(edges))).toEqual(['z', 'x', 'y', 'w']);
    expect(topologicalOrder(build([...edges].reverse()))).toEqual(['z', 'x', 'y', 'w']);
  });

  it('orders the reversed graph for destroy: dependents first', () => {
    const graph = graphOf('policy->cluster', 'schedule->policy');
    expect(topologicalOrder(graph)).toEqual(['cluster', 'policy', 'schedule']);
    expect(topologicalOrder(graph.reverse())).toEqual(['schedule', 'policy', 'cluster']);
  });

  it('throws a GraphCycleError carrying every cycle, one "Cycle:" line each', () => {
    const graph = graphOf('ok', 'a->b', 'b->c', 'c->a', 'd->d', 'e->a');
    let caught: unknown;
    try {
      topologicalOrder(graph);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GraphCycleError);
    expect(isGraphCycleError(caught)).toBe(true);
    expect(isGraphError(caught)).toBe(true);
    const error = caught as GraphCycleError;
    expect(error.name).toBe('GraphCycleError');
    expect(error.code).toBe('GRAPH_CYCLE');
    expect(error.cycles).toEqual([['a', 'b', 'c'], ['d']]);
    expect(error.ids).toEqual(['a', 'b', 'c', 'd']);
    expect(error.message).toContain('2 cycles');
    expect(error.message).toContain('\nCycle: a, b, c\nCycle: d');
  });

  it('recognises a cycle error from another copy of the module by its brand, not its class', () => {
    const foreign = Object.assign(new Error('Cycle: a'), { code: 'GRAPH_CYCLE', cycles: [['a']] });
    Object.defineProperty(foreign, Symbol.for('@lifeboat/engine.graph-error'), { value: true });
    expect(isGraphCycleError(foreign)).toBe(true);
    expect(isGraphCycleError(new Error('Cycle: a'))).toBe(false);
    expect(isGraphCycleError(null)).toBe(false);
  });
});
