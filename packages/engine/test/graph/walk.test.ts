import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Graph, GraphCycleError, topologicalOrder, walk, type VisitRequest } from '../../src/graph/index.js';
import { deferred, graphOf, sleep } from './helpers.js';

function independent(count: number): Graph<number> {
  const graph = new Graph<number>();
  for (let i = 0; i < count; i += 1) graph.addNode(`n${i}`, i);
  return graph;
}

/** A visit that records the most visits in flight at once. */
function concurrencyProbe(delay: (id: string) => number): { visit: (request: VisitRequest<unknown>) => Promise<void>; max: () => number } {
  let running = 0;
  let max = 0;
  return {
    visit: async ({ id }) => {
      running += 1;
      max = Math.max(max, running);
      await sleep(delay(id));
      running -= 1;
    },
    max: () => max,
  };
}

describe('walk', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it('visits each node once, with its data, after its dependencies', async () => {
    const graph = graphOf('policy->cluster', 'schedule->policy', 'backup->cluster');
    const started: string[] = [];
    const finished = new Set<string>();
    const result = await walk(graph, {
      visit: async ({ id, data }) => {
        expect(data).toBe(id);
        for (const dependency of graph.dependenciesOf(id)) expect(finished.has(dependency)).toBe(true);
        started.push(id);
        await sleep(1);
        finished.add(id);
      },
    });
    expect([...started].sort()).toEqual(['backup', 'cluster', 'policy', 'schedule']);
    expect(result).toEqual({ succeeded: ['policy', 'cluster', 'schedule', 'backup'], failed: [], skipped: [], notStarted: [] });
  });

  it('never runs more than `parallelism` visits at once, and reaches that bound', async () => {
    const probe = concurrencyProbe((id) => 1 + (Number(id.slice(1)) % 4));
    const result = await walk(independent(40), { parallelism: 3, visit: probe.visit });
    expect(probe.max()).toBe(3);
    expect(result.succeeded).toHaveLength(40);
  });

  it('runs at most 10 visits at once by default', async () => {
    const probe = concurrencyProbe(() => 2);
    await walk(independent(35), { visit: probe.visit });
    expect(probe.max()).toBe(10);
  });

  it('visits in topological order, one at a time, with parallelism 1', async () => {
    const graph = graphOf('d->b', 'd->c', 'b->a', 'c->a', 'e', 'f->e');
    const visited: string[] = [];
    await walk(graph, {
      parallelism: 1,
      visit: async ({ id }) => {
        visited.push(id);
        await sleep(0);
      },
    });
    expect(visited).toEqual(topologicalOrder(graph));
  });

  it('skips every transitive dependent of a failed visit, naming it, while independent branches finish', async () => {
    // a ← b ← c, and x ← y on its own; a fails quickly while x is still running.
    const graph = graphOf('b->a', 'c->b', 'y->x');
    const boom = new Error('create failed');
    const visited: string[] = [];
    const result = await walk(graph, {
      visit: async ({ id }) => {
        visited.push(id);
        if (id === 'a') throw boom;
        if (id === 'x') await sleep(20);
      },
    });
    expect(visited).not.toContain('b');
    expect(visited).not.toContain('c');
    expect(result).toEqual({
      succeeded: ['y', 'x'],
      failed: [{ id: 'a', error: boom }],
      skipped: [
        { id: 'b', because: 'a' },
        { id: 'c', because: 'a' },
      ],
      notStarted: [],
    });
  });

  it('treats a returned { status: "failed" } like a throw, and { status: "ok" } or nothing as success', async () => {
    const graph = graphOf('b->a', 'd->c', 'e');
    const result = await walk(graph, {
      visit: ({ id }) => {
        if (id === 'a') return { status: 'failed', error: 'reported as a diagnostic' };
        if (id === 'c') return { status: 'failed' };
        if (id === 'e') return { status: 'ok' };
        return undefined;
      },
    });
    expect(result).toEqual({
      succeeded: ['e'],
      failed: [
        { id: 'a', error: 'reported as a diagnostic' },
        { id: 'c', error: undefined },
      ],
      skipped: [
        { id: 'b', because: 'a' },
        { id: 'd', because: 'c' },
      ],
      notStarted: [],
    });
  });

  it('names the earliest-inserted failed dependency when several failed', async () => {
    // d depends on b and a; both fail, b finishing first; e depends on d.
    const graph = graphOf('b', 'a', 'd->a', 'd->b', 'e->d');
    const result = await walk(graph, {
      visit: async ({ id }) => {
        await sleep(id === 'a' ? 10 : 0);
        throw new Error(`${id} failed`);
      },
    });
    expect(result.failed.map((failure) => failure.id)).toEqual(['b', 'a']);
    expect(result.skipped).toEqual([
      { id: 'd', because: 'b' },
      { id: 'e', because: 'b' },
    ]);
  });

  it('stops scheduling on abort, awaits the running visits (which see the abort), and reports the rest as not started', async () => {
    // a, b, c independent; d needs a. Two at a time: a and b run, c waits.
    const graph = graphOf('a', 'b', 'c', 'd->a');
    const controller = new AbortController();
    const release = { a: deferred(), b: deferred() };
    const started: string[] = [];
    const sawAbort: string[] = [];
    let settled = false;

    const walking = walk(graph, {
      parallelism: 2,
      signal: controller.signal,
      visit: async ({ id, signal }) => {
        started.push(id);
        await release[id as 'a' | 'b'].promise;
        if (signal.aborted) sawAbort.push(id);
        if (id === 'b') throw new Error('interrupted');
      },
    }).then((result) => {
      settled = true;
      return result;
    });

    await sleep(5);
    expect(started).toEqual(['a', 'b']);
    controller.abort();
    release.a.resolve();
    await sleep(5);
    // a finished after the abort: d must not start, and the walk still waits for b.
    expect(started).toEqual(['a', 'b']);
    expect(settled).toBe(false);
    release.b.resolve();

    const result = await walking;
    expect(sawAbort).toEqual(['a', 'b']);
    expect(result).toEqual({
      succeeded: ['a'],
      failed: [{ id: 'b', error: new Error('interrupted') }],
      skipped: [],
      notStarted: ['c', 'd'],
    });
  });

  it('starts nothing when the signal is already aborted', async () => {
    const visited: string[] = [];
    const result = await walk(graphOf('b->a', 'c'), {
      signal: AbortSignal.abort(),
      visit: ({ id }) => {
        visited.push(id);
      },
    });
    expect(visited).toEqual([]);
    expect(result).toEqual({ succeeded: [], failed: [], skipped: [], notStarted: ['b', 'a', 'c'] });
  });

  it('reports a node blocked by a failure as skipped even when the walk was also aborted', async () => {
    const controller = new AbortController();
    const result = await walk(graphOf('a', 'b->a', 'c'), {
      parallelism: 1,
      signal: controller.signal,
      visit: ({ id }) => {
        if (id === 'a') {
          controller.abort();
          throw new Error('a failed');
        }
      },
    });
    expect(result.skipped).toEqual([{ id: 'b', because: 'a' }]);
    expect(result.notStarted).toEqual(['c']);
  });

  it('gives the same result, in insertion order, however the visits interleave', async () => {
    const graph = graphOf('z', 'y->z', 'x', 'w->x', 'v->w', 'u->y', 'u->v', 't');
    const run = (seed: number) =>
      walk(graph, {
        parallelism: 3,
        visit: async ({ id }) => {
          await sleep((id.charCodeAt(0) * seed) % 7);
          if (id === 'w') throw new Error('w failed');
        },
      });
    const results = await Promise.all([1, 2, 3, 5, 8].map(run));
    for (const result of results) {
      expect(result.succeeded).toEqual(['z', 'y', 'x', 't']);
      expect(result.failed.map((failure) => failure.id)).toEqual(['w']);
      expect(result.skipped).toEqual([
        { id: 'v', because: 'w' },
        { id: 'u', because: 'w' },
      ]);
      expect(result.notStarted).toEqual([]);
    }
  });

  it('never leaves an unhandled rejection, whatever way a visit fails', async () => {
    const graph = graphOf('sync-throw', 'async-throw', 'rejected', 'thenable', 'late->sync-throw', 'fine');
    const result = await walk(graph, {
      visit: ({ id }) => {
        if (id === 'sync-throw') throw new Error('sync');
        if (id === 'async-throw') return sleep(1).then(() => Promise.reject(new Error('async')));
        if (id === 'rejected') return Promise.reject(new Error('rejected'));
        if (id === 'thenable') {
          return {
            // A hand-made thenable that rejects: awaited like any promise.
            then: (_: unknown, reject: (reason: unknown) => void) => reject(new Error('thenable')),
          } as unknown as Promise<void>;
        }
        return undefined;
      },
    });
    await sleep(20);
    expect(unhandled).toEqual([]);
    expect(result.failed.map((failure) => failure.id)).toEqual(['sync-throw', 'async-throw', 'rejected', 'thenable']);
    expect(result.skipped).toEqual([{ id: 'late', because: 'sync-throw' }]);
    expect(result.succeeded).toEqual(['fine']);
  });

  it('rejects a cyclic graph before visiting anything', async () => {
    let visits = 0;
    await expect(
      walk(graphOf('a->b', 'b->a', 'c'), {
        visit: () => {
          visits += 1;
        },
      }),
    ).rejects.toThrow(GraphCycleError);
    expect(visits).toBe(0);
  });

  it('rejects a parallelism that is not a whole number of at least 1, saying what it got', async () => {
    const visit = (): void => undefined;
    await expect(walk(graphOf('a'), { visit, parallelism: 0 })).rejects.toThrow('Invalid walk option parallelism: must be a whole number of at least 1 (got 0).');
    await expect(walk(graphOf('a'), { visit, parallelism: 1.5 })).rejects.toMatchObject({ code: 'GRAPH_INVALID_OPTION' });
    await expect(walk(graphOf('a'), { visit, parallelism: Number.NaN })).rejects.toMatchObject({ code: 'GRAPH_INVALID_OPTION' });
  });

  it('finishes at once on an empty graph', async () => {
    expect(await walk(new Graph(), { visit: () => undefined })).toEqual({ succeeded: [], failed: [], skipped: [], notStarted: [] });
  });
});
