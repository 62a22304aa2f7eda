import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Graph, findCycles, isGraphCycleError, selectTargets, topologicalOrder, walk } from '../../src/graph/index.js';

/** A generated graph with the edge list it was built from, to check results against. */
interface Sample {
  readonly graph: Graph<number>;
  readonly ids: readonly string[];
  readonly edges: readonly (readonly [string, string])[];
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/**
 * Random graphs of up to `maxNodes` nodes, inserted in a random order. With `acyclic`, every
 * edge runs from a higher to a lower index, so no cycle is possible; insertion order is shuffled
 * separately so it does not give the answer away.
 */
function graphs(options: { readonly acyclic: boolean; readonly maxNodes?: number }): fc.Arbitrary<Sample> {
  return fc
    .integer({ min: 1, max: options.maxNodes ?? 16 })
    .chain((size) =>
      fc.record({
        size: fc.constant(size),
        pairs: fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 3 }),
        insertion: fc.shuffledSubarray(range(size), { minLength: size, maxLength: size }),
      }),
    )
    .map(({ pairs, insertion }) => {
      const graph = new Graph<number>();
      for (const i of insertion) graph.addNode(`n${i}`, i);
      const edges: [string, string][] = [];
      for (const [a, b] of pairs) {
        if (options.acyclic && a === b) continue;
        const [from, to] = options.acyclic ? [Math.max(a, b), Math.min(a, b)] : [a, b];
        graph.addEdge(`n${from}`, `n${to}`);
        edges.push([`n${from}`, `n${to}`]);
      }
      return { graph, ids: graph.ids(), edges };
    });
}

/** Reachability by dependency edges (one or more steps), computed without the Graph class. */
function reachability(sample: Sample): Map<string, Set<string>> {
  const reach = new Map(sample.ids.map((id) => [id, new Set<string>()]));
  for (const [from, to] of sample.edges) reach.get(from)?.add(to);
  for (const k of sample.ids) {
    for (const i of sample.ids) {
      if (reach.get(i)?.has(k)) for (const j of reach.get(k) ?? []) reach.get(i)?.add(j);
    }
  }
  return reach;
}

describe('graph properties', () => {
  it('transitive dependencies and dependents match plain reachability', () => {
    fc.assert(
      fc.property(graphs({ acyclic: false }), fc.nat(), (sample, pick) => {
        const reach = reachability(sample);
        const id = sample.ids[pick % sample.ids.length] ?? '';
        expect(new Set(sample.graph.transitiveDependencies([id]))).toEqual(reach.get(id));
        const dependents = sample.ids.filter((other) => reach.get(other)?.has(id));
        expect(sample.graph.transitiveDependents([id])).toEqual(dependents);
      }),
    );
  });

  it('topologicalOrder of a DAG lists every node once and puts each dependency before its dependents', () => {
    fc.assert(
      fc.property(graphs({ acyclic: true }), ({ graph, ids, edges }) => {
        const order = topologicalOrder(graph);
        expect([...order].sort()).toEqual([...ids].sort());
        const at = new Map(order.map((id, i) => [id, i]));
        for (const [from, to] of edges) expect(at.get(to)).toBeLessThan(at.get(from) ?? -1);
      }),
    );
  });

  it('findCycles is empty exactly when topologicalOrder succeeds, and the error carries the same cycles', () => {
    fc.assert(
      fc.property(graphs({ acyclic: false, maxNodes: 10 }), ({ graph }) => {
        const cycles = findCycles(graph);
        let thrown: unknown;
        try {
          topologicalOrder(graph);
        } catch (error) {
          thrown = error;
        }
        expect(cycles.length === 0).toBe(thrown === undefined);
        if (thrown !== undefined) {
          expect(isGraphCycleError(thrown)).toBe(true);
          expect(isGraphCycleError(thrown) && thrown.cycles).toEqual(cycles);
        }
      }),
    );
  });

  it('findCycles names exactly the nodes on a cycle, each group mutually reachable and listed along its edges', () => {
    fc.assert(
      fc.property(graphs({ acyclic: false, maxNodes: 10 }), (sample) => {
        const { graph, ids } = sample;
        const reach = reachability(sample);
        const cycles = findCycles(graph);
        const named = cycles.flat();
        expect(new Set(named).size).toBe(named.length);
        expect(new Set(named)).toEqual(new Set(ids.filter((id) => reach.get(id)?.has(id))));
        for (const cycle of cycles) {
          for (const a of cycle) for (const b of cycle) expect(reach.get(a)?.has(b)).toBe(true);
          cycle.slice(1).forEach((id, i) => {
            expect(cycle.slice(0, i + 1).some((earlier) => graph.dependenciesOf(earlier).includes(id))).toBe(true);
          });
          const inside = cycle.flatMap((id) => graph.dependenciesOf(id).filter((to) => cycle.includes(to)));
          if (inside.length === cycle.length) {
            // A simple loop: each id depends on the next, and the last on the first.
            cycle.forEach((id, i) => expect(graph.dependenciesOf(id)).toContain(cycle[(i + 1) % cycle.length]));
          }
        }
      }),
    );
  });

  it('walk on a DAG visits each node exactly once, after all its dependencies finished, within the parallelism bound', async () => {
    await fc.assert(
      fc.asyncProperty(graphs({ acyclic: true }), fc.integer({ min: 1, max: 4 }), fc.scheduler(), async ({ graph, ids }, parallelism, s) => {
        const visits = new Map<string, number>();
        const finished = new Set<string>();
        let running = 0;
        let maxRunning = 0;
        const result = await s.waitFor(
          walk(graph, {
            parallelism,
            visit: async ({ id }) => {
              visits.set(id, (visits.get(id) ?? 0) + 1);
              for (const dependency of graph.dependenciesOf(id)) expect(finished.has(dependency)).toBe(true);
              running += 1;
              maxRunning = Math.max(maxRunning, running);
              await s.schedule(Promise.resolve(), id);
              running -= 1;
              finished.add(id);
            },
          }),
        );
        expect([...visits.keys()].sort()).toEqual([...ids].sort());
        expect([...visits.values()].every((count) => count === 1)).toBe(true);
        expect(maxRunning).toBeLessThanOrEqual(parallelism);
        expect(result).toEqual({ succeeded: ids, failed: [], skipped: [], notStarted: [] });
      }),
    );
  });

  it('walk with failures visits a node exactly when none of its transitive dependencies failed, and names the earliest failed one', async () => {
    await fc.assert(
      fc.asyncProperty(
        graphs({ acyclic: true }),
        fc.integer({ min: 1, max: 4 }),
        fc.func(fc.boolean()),
        fc.scheduler(),
        async (sample, parallelism, fails, s) => {
          const { graph, ids } = sample;
          const reach = reachability(sample);
          const failing = new Set(ids.filter((id) => fails(id)));
          const visited: string[] = [];
          const result = await s.waitFor(
            walk(graph, {
              parallelism,
              visit: async ({ id }) => {
                visited.push(id);
                await s.schedule(Promise.resolve(), id);
                if (failing.has(id)) throw new Error(`${id} failed`);
              },
            }),
          );
          // Edges run from higher to lower index, so ascending index is a dependency order.
          const failed = new Set<string>();
          const blockers = (id: string): string[] => ids.filter((other) => reach.get(id)?.has(other) && failed.has(other));
          for (const id of [...ids].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))) {
            if (blockers(id).length === 0 && failing.has(id)) failed.add(id);
          }
          const expectedVisited = ids.filter((id) => blockers(id).length === 0);
          expect([...visited].sort()).toEqual([...expectedVisited].sort());
          expect(result.succeeded).toEqual(expectedVisited.filter((id) => !failing.has(id)));
          expect(result.failed.map((failure) => failure.id)).toEqual(expectedVisited.filter((id) => failing.has(id)));
          expect(result.skipped).toEqual(
            ids.flatMap((id) => {
              const [because] = blockers(id);
              return because === undefined ? [] : [{ id, because }];
            }),
          );
          expect(result.notStarted).toEqual([]);
        },
      ),
    );
  });

  it('selectTargets keeps the transitive dependencies of targets and never an excluded node or its dependents', () => {
    const samples = graphs({ acyclic: false, maxNodes: 12 }).chain((sample) =>
      fc.record({
        sample: fc.constant(sample),
        targets: fc.option(fc.subarray([...sample.ids, 'unknown']), { nil: undefined }),
        excludes: fc.subarray([...sample.ids, 'unknown'], { maxLength: Math.min(3, sample.ids.length + 1) }),
      }),
    );
    fc.assert(
      fc.property(samples, ({ sample, targets, excludes }) => {
        const { graph, ids } = sample;
        const reach = reachability(sample);
        const selected = selectTargets(graph, { targets, excludes });
        const dropped = new Set(ids.filter((id) => excludes.includes(id) || excludes.some((excluded) => reach.get(id)?.has(excluded))));
        const wanted = targets === undefined ? ids : ids.filter((id) => targets.includes(id) || targets.some((target) => reach.get(target)?.has(id)));

        expect(selected).toEqual(ids.filter((id) => selected.includes(id)));
        for (const id of wanted) expect(selected.includes(id)).toBe(!dropped.has(id));
        for (const id of selected) {
          expect(wanted).toContain(id);
          for (const dependency of graph.dependenciesOf(id)) expect(selected).toContain(dependency);
        }
      }),
    );
  });
});
