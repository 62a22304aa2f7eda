import type { LifeboatError } from './errors/lifeboat-error.js';

/** Passed to `beforeRequest`: the request about to be sent. */
export interface BeforeRequestState {
  readonly operationId: string;
  readonly request: Request;
  /** 0 for the first attempt, then 1, 2, … for retries. */
  readonly attempt: number;
}

/** Passed to `afterResponse`: every response, including ones that will be retried. */
export interface AfterResponseState {
  readonly operationId: string;
  readonly request: Request;
  readonly response: Response;
  readonly attempt: number;
}

/** Passed to `beforeRetry`: why the previous attempt failed and which attempt comes next. */
export interface BeforeRetryState {
  readonly operationId: string;
  readonly request: Request;
  /** The failure: an HTTP status, a timeout or a network error. */
  readonly error: Error;
  readonly attempt: number;
}

/** Passed to `beforeError`: the typed error about to be thrown. */
export interface BeforeErrorState {
  readonly operationId: string;
  readonly error: LifeboatError;
}

type MaybePromise<T> = T | Promise<T>;

/**
 * Extension points of every call. Each hook receives one state object; hooks of the same kind
 * run in order. `beforeRequest` may return a replacement `Request`; `beforeError` may return a
 * replacement error.
 *
 * @example
 * const client = new Lifeboat({
 *   hooks: { afterResponse: [({ operationId, response }) => metrics.count(operationId, response.status)] },
 * });
 */
export interface LifeboatHooks {
  readonly beforeRequest?: readonly ((state: BeforeRequestState) => MaybePromise<Request | void>)[];
  readonly afterResponse?: readonly ((state: AfterResponseState) => MaybePromise<void>)[];
  readonly beforeRetry?: readonly ((state: BeforeRetryState) => MaybePromise<void>)[];
  readonly beforeError?: readonly ((state: BeforeErrorState) => MaybePromise<LifeboatError | void>)[];
}
