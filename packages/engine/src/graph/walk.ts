import type { Graph } from './graph.js';
import { ReadyQueue } from './internal/ready-queue.js';
import { topologicalOrder } from './order.js';
import { normalizeWalkOptions, type Visit, type VisitRequest, type WalkOptions } from './walk-options.js';

/** A node whose visit threw, or returned `{ status: 'failed' }`. */
export interface WalkFailure {
  readonly id: string;
  /** What the visit threw, or the `error` of its `failed` result (`undefined` if it gave none). */
  readonly error: unknown;
}

/** A node that was never visited because something it depends on failed. */
export interface WalkSkip {
  readonly id: string;
  /** The failed node that blocked it: of its failed transitive dependencies, the earliest-inserted. */
  readonly because: string;
}

/**
 * How a walk ended. Every node is in exactly one list, and each list is in the graph's
 * insertion order, not the order things happened in, so the same outcome always reads the same.
 */
export interface WalkResult {
  readonly succeeded: readonly string[];
  readonly failed: readonly WalkFailure[];
  readonly skipped: readonly WalkSkip[];
  /** Nodes not visited because the walk was aborted (and no dependency of theirs failed). */
  readonly notStarted: readonly string[];
}

type Outcome = { readonly status: 'succeeded' } | { readonly status: 'failed'; readonly error: unknown };

/**
 * Visits every node after all of its dependencies succeeded, at most `parallelism` at a time;
 * plan and apply both run on it.
 *
 * - **Order:** a node starts only once each of its dependencies has finished successfully. Among
 *   the nodes ready at once, the earliest-inserted starts first, so `parallelism: 1` visits in
 *   `topologicalOrder(graph)`.
 * - **Failure:** a visit that throws (synchronously or not) or returns `{ status: 'failed' }`
 *   fails that node only. Its transitive dependents are never visited and are reported as
 *   skipped, naming the failed node; branches that do not depend on it carry on to the end.
 * - **Abort:** once `signal` aborts, no visit starts; the running ones (which got the same
 *   signal) are awaited and recorded as they finish, and the nodes left are reported as not
 *   started (or skipped, if a dependency of theirs failed).
 * - **Never rejects because of a visit:** every visit's error ends up in `failed`, so there is
 *   no unhandled rejection. The returned promise rejects only before anything is visited: a
 *   `GraphCycleError` for a cyclic graph, or a `GraphError` for invalid options.
 *
 * The graph is read once, at the start; changing it during the walk has no effect on the walk.
 *
 * @example
 * const controller = new AbortController();
 * process.once('SIGINT', () => controller.abort());
 * const result = await walk(graph, {
 *   parallelism: 10,
 *   signal: controller.signal,
 *   visit: async ({ id, data, signal }) => {
 *     await apply(data, { signal });
 *   },
 * });
 * for (const { id, because } of result.skipped) console.log(`${id}: skipped, ${because} failed`);
 */
export async function walk<T>(graph: Graph<T>, options: WalkOptions<T>): Promise<WalkResult> {
  const { visit, parallelism, signal } = normalizeWalkOptions(options);
  const order = topologicalOrder(graph);
  const ids = graph.ids();
  const position = new Map(ids.map((id, i) => [id, i]));
  const dependents = ids.map((id) => graph.dependentsOf(id).map((dependent) => position.get(dependent) ?? 0));
  const waitingOn = ids.map((id) => graph.dependenciesOf(id).length);
  const data = ids.map((id) => graph.get(id));
  const outcomes = new Map<number, Outcome>();

  const ready = new ReadyQueue();
  waitingOn.forEach((count, i) => {
    if (count === 0) ready.push(i);
  });

  await new Promise<void>((resolve) => {
    let running = 0;
    let done = false;
    // Called at the start and after each visit settles. No abort listener is needed: while the
    // walk is unfinished some visit is running, and its settling calls this again.
    const schedule = (): void => {
      if (done) return;
      while (running < parallelism && !signal.aborted) {
        const next = ready.pop();
        if (next === undefined) break;
        running += 1;
        void settle(visit, { id: ids[next] ?? '', data: data[next] as T, signal }).then((outcome) => {
          running -= 1;
          outcomes.set(next, outcome);
          if (outcome.status === 'succeeded') {
            for (const dependent of dependents[next] ?? []) {
              const left = (waitingOn[dependent] ?? 0) - 1;
              waitingOn[dependent] = left;
              if (left === 0) ready.push(dependent);
            }
          }
          schedule();
        });
      }
      if (running === 0 && (ready.size === 0 || signal.aborted)) {
        done = true;
        resolve();
      }
    };
    schedule();
  });

  return report(graph, ids, order, position, outcomes);
}

/** Runs one visit and turns whatever it does into an outcome; never rejects. */
async function settle<T>(visit: Visit<T>, request: VisitRequest<T>): Promise<Outcome> {
  try {
    const result = await visit(request);
    if (typeof result === 'object' && result !== null && result.status === 'failed') {
      return { status: 'failed', error: result.error };
    }
    return { status: 'succeeded' };
  } catch (error) {
    return { status: 'failed', error };
  }
}

function report<T>(
  graph: Graph<T>,
  ids: readonly string[],
  order: readonly string[],
  position: ReadonlyMap<string, number>,
  outcomes: ReadonlyMap<number, Outcome>,
): WalkResult {
  // Which failure blocked each unvisited node, decided from the final outcomes in dependency
  // order rather than as failures happened, so concurrent failures cannot change the answer.
  const blockedBy = new Map<number, number>();
  for (const id of order) {
    const i = position.get(id) ?? 0;
    if (outcomes.has(i)) continue;
    let because: number | undefined;
    for (const dependency of graph.dependenciesOf(id)) {
      const j = position.get(dependency) ?? 0;
      const cause = outcomes.get(j)?.status === 'failed' ? j : blockedBy.get(j);
      if (cause !== undefined && (because === undefined || cause < because)) because = cause;
    }
    if (because !== undefined) blockedBy.set(i, because);
  }

  const succeeded: string[] = [];
  const failed: WalkFailure[] = [];
  const skipped: WalkSkip[] = [];
  const notStarted: string[] = [];
  ids.forEach((id, i) => {
    const outcome = outcomes.get(i);
    const because = blockedBy.get(i);
    if (outcome?.status === 'succeeded') succeeded.push(id);
    else if (outcome?.status === 'failed') failed.push({ id, error: outcome.error });
    else if (because !== undefined) skipped.push({ id, because: ids[because] ?? '' });
    else notStarted.push(id);
  });
  return { succeeded, failed, skipped, notStarted };
}
