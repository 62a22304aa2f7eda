import { GraphError } from './graph-error.js';

/** What `visit` receives for one node. */
export interface VisitRequest<T> {
  readonly id: string;
  readonly data: T;
  /**
   * The walk's signal (a never-aborting one when the walk was given none). A visit that starts a
   * long job should watch it and wind down, or record the job as pending, when it aborts.
   */
  readonly signal: AbortSignal;
}

/**
 * What `visit` may return. `undefined` and `{ status: 'ok' }` count as success; a thrown error
 * and `{ status: 'failed' }` both count as failure. Returning `failed` suits a visit that has
 * already reported its problem (as a diagnostic) and only needs the walk to stop its dependents.
 */
export type VisitResult = { readonly status: 'ok' } | { readonly status: 'failed'; readonly error?: unknown };

/** Does the work of one node. May be synchronous or asynchronous. */
export type Visit<T> = (request: VisitRequest<T>) => VisitResult | void | Promise<VisitResult | void>;

/** Options of `walk`: `visit` is required, the rest optional. A field set to `undefined` counts as not set. */
export interface WalkOptions<T> {
  /** Called once for each node whose dependencies all succeeded. */
  readonly visit: Visit<T>;
  /** Most visits in flight at once; a whole number of at least 1. @default 10 (Terraform's `-parallelism`) */
  readonly parallelism?: number | undefined;
  /** Aborting stops new visits from starting; the ones running are awaited. @default never aborts */
  readonly signal?: AbortSignal | undefined;
}

/** The form `walk` works with: defaults applied, values checked. */
export interface NormalizedWalkOptions<T> {
  readonly visit: Visit<T>;
  readonly parallelism: number;
  readonly signal: AbortSignal;
}

export const defaultWalkOptions = {
  parallelism: 10,
} as const;

/**
 * Applies defaults to walk options, once, and checks them; throws a `GraphError`
 * (`GRAPH_INVALID_OPTION`) saying what is wrong.
 *
 * @example
 * normalizeWalkOptions({ visit }).parallelism; // 10
 * normalizeWalkOptions({ visit, parallelism: 0 }); // throws GraphError: Invalid walk option parallelism: must be a whole number of at least 1 (got 0).
 */
export function normalizeWalkOptions<T>(options: WalkOptions<T>): NormalizedWalkOptions<T> {
  if (typeof options.visit !== 'function') {
    throw new GraphError('Invalid walk option visit: must be a function called for each node.', { code: 'GRAPH_INVALID_OPTION' });
  }
  const parallelism = options.parallelism ?? defaultWalkOptions.parallelism;
  if (!Number.isInteger(parallelism) || parallelism < 1) {
    throw new GraphError(`Invalid walk option parallelism: must be a whole number of at least 1 (got ${String(parallelism)}).`, {
      code: 'GRAPH_INVALID_OPTION',
    });
  }
  return { visit: options.visit, parallelism, signal: options.signal ?? new AbortController().signal };
}
