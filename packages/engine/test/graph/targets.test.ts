import { describe, expect, it } from 'vitest';
import { selectTargets } from '../../src/graph/index.js';
import { graphOf } from './helpers.js';

// The example of OpenTofu's -exclude RFC: b and c depend on a, d depends on b and c.
const diamond = () => graphOf('a', 'b->a', 'c->a', 'd->b', 'd->c');

describe('selectTargets', () => {
  it('selects every node when there are no targets and no excludes', () => {
    expect(selectTargets(diamond())).toEqual(['a', 'b', 'c', 'd']);
    expect(selectTargets(diamond(), {})).toEqual(['a', 'b', 'c', 'd']);
  });

  it('brings in the transitive dependencies of each target, not its dependents', () => {
    expect(selectTargets(diamond(), { targets: ['b'] })).toEqual(['a', 'b']);
    expect(selectTargets(diamond(), { targets: ['d'] })).toEqual(['a', 'b', 'c', 'd']);
    expect(selectTargets(diamond(), { targets: ['a'] })).toEqual(['a']);
    expect(selectTargets(diamond(), { targets: ['c', 'b'] })).toEqual(['a', 'b', 'c']);
  });

  it('drops an excluded node and everything that depends on it', () => {
    expect(selectTargets(diamond(), { excludes: ['d'] })).toEqual(['a', 'b', 'c']);
    expect(selectTargets(diamond(), { excludes: ['a'] })).toEqual([]);
    expect(selectTargets(diamond(), { excludes: ['b'] })).toEqual(['a', 'c']);
    expect(selectTargets(diamond(), { excludes: ['b', 'c'] })).toEqual(['a']);
  });

  it('lets excludes win over targets, keeping what the dropped target brought in', () => {
    expect(selectTargets(diamond(), { targets: ['d'], excludes: ['c'] })).toEqual(['a', 'b']);
    expect(selectTargets(diamond(), { targets: ['b'], excludes: ['b'] })).toEqual(['a']);
  });

  it('selects nothing for an empty target list, never everything', () => {
    expect(selectTargets(diamond(), { targets: [] })).toEqual([]);
  });

  it('ignores ids the graph does not hold, as Terraform ignores a -target or -exclude that matches nothing', () => {
    expect(selectTargets(diamond(), { targets: ['nope'] })).toEqual([]);
    expect(selectTargets(diamond(), { targets: ['nope', 'b'] })).toEqual(['a', 'b']);
    expect(selectTargets(diamond(), { excludes: ['nope'] })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('on the destroy graph, targets bring in their dependents and excludes keep their dependencies', () => {
    const destroy = diamond().reverse();
    // Destroying b first needs d gone; excluding b also keeps a, which b still needs.
    expect(selectTargets(destroy, { targets: ['b'] })).toEqual(['b', 'd']);
    expect(selectTargets(destroy, { excludes: ['b'] })).toEqual(['c', 'd']);
  });

  it('returns a selection that can be walked on its own: every dependency of a selected node is selected', () => {
    const graph = diamond();
    const selected = selectTargets(graph, { targets: ['d'], excludes: ['c'] });
    const sub = graph.subgraph(selected);
    for (const id of selected) expect(sub.dependenciesOf(id)).toEqual(graph.dependenciesOf(id));
  });

  it('handles targets on a cycle', () => {
    expect(selectTargets(graphOf('x', 'a->b', 'b->a', 'c->a'), { targets: ['a'] })).toEqual(['a', 'b']);
  });
});
