import { describe, expect, it } from 'vitest';
import { Graph, findCycles } from '../../src/graph/index.js';
import { graphOf } from './helpers.js';

describe('findCycles', () => {
  it('finds none in a graph without cycles', () => {
    expect(findCycles(graphOf('a', 'b->a', 'c->a', 'd->b', 'd->c'))).toEqual([]);
    expect(findCycles(new Graph())).toEqual([]);
  });

  it('reports a node that depends on itself as a cycle of one', () => {
    expect(findCycles(graphOf('a', 'b->b', 'c->b'))).toEqual([['b']]);
  });

  it('reports a loop in the order of its edges, starting from its earliest node', () => {
    // Inserted a, c, b; edges a → b → c → a.
    const graph = graphOf('a', 'c', 'b', 'a->b', 'b->c', 'c->a');
    const [cycle] = findCycles(graph);
    expect(cycle).toEqual(['a', 'b', 'c']);
  });

  it('starts each loop at its earliest-inserted node even when the walk enters it elsewhere', () => {
    // x reaches the loop at c first; the loop still reads from b, its earliest node.
    const graph = graphOf('x', 'b', 'c', 'd', 'x->c', 'b->c', 'c->d', 'd->b');
    expect(findCycles(graph)).toEqual([['b', 'c', 'd']]);
  });

  it('reports several cycles, each once, ordered by their first node', () => {
    const graph = graphOf('p->q', 'q->p', 'a->b', 'b->c', 'c->a', 'z->z', 'm->a', 'm->p');
    expect(findCycles(graph)).toEqual([['p', 'q'], ['a', 'b', 'c'], ['z']]);
  });

  it('does not report nodes that only depend on a cycle or that a cycle depends on', () => {
    const graph = graphOf('before->a', 'a->b', 'b->a', 'b->after');
    expect(findCycles(graph)).toEqual([['a', 'b']]);
  });

  it('reports a tangle of loops as one entry, each id a dependency of an id before it', () => {
    // a ⇄ b ⇄ c: no single loop names all three; the entry still does.
    const graph = graphOf('a->b', 'b->a', 'b->c', 'c->b');
    const cycles = findCycles(graph);
    expect(cycles).toEqual([['a', 'b', 'c']]);
    const [cycle = []] = cycles;
    cycle.slice(1).forEach((id, i) => {
      expect(cycle.slice(0, i + 1).some((earlier) => graph.dependenciesOf(earlier).includes(id))).toBe(true);
    });
  });

  it('handles a 20,000-node loop without overflowing the stack', () => {
    const graph = new Graph<null>();
    for (let i = 0; i < 20_000; i += 1) graph.addNode(`n${i}`, null);
    for (let i = 0; i < 20_000; i += 1) graph.addEdge(`n${i}`, `n${(i + 1) % 20_000}`);
    const cycles = findCycles(graph);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.slice(0, 3)).toEqual(['n0', 'n1', 'n2']);
    expect(cycles[0]).toHaveLength(20_000);
  });
});
