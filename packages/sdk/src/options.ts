import { ValidationError } from './errors/validation-error.js';
import type { LifeboatHooks } from './hooks.js';

/** How failed requests are retried. */
export interface RetryOptions {
  /** Retries after the first attempt. @default 3 */
  readonly limit?: number;
  /** First backoff delay; doubles each retry, with full jitter. @default 300 */
  readonly baseDelayMs?: number;
  /** Upper bound of one backoff delay. @default 10000 */
  readonly maxDelayMs?: number;
  /** Longest `Retry-After` honoured; longer ones are cut to this. @default 60000 */
  readonly maxRetryAfterMs?: number;
}

/**
 * Options of `new Lifeboat(...)`; all optional. A field set to `undefined` counts as not set, so
 * `apiKey: process.env.LIFEBOAT_API_KEY` works as is.
 */
export interface LifeboatOptions {
  /** Server base URL. @default env `LIFEBOAT_ENDPOINT`, else `http://127.0.0.1:7433` */
  readonly baseUrl?: string | undefined;
  /** API key. @default env `LIFEBOAT_API_KEY` */
  readonly apiKey?: string | undefined;
  /** Time limit of one HTTP attempt. @default 30000 */
  readonly timeoutMs?: number | undefined;
  /** Retry policy, a retry count, or `false` for none. @default {limit: 3} */
  readonly retry?: RetryOptions | number | false | undefined;
  /** `fetch` implementation. @default globalThis.fetch */
  readonly fetch?: typeof fetch | undefined;
  /** Extension points of every call; see `LifeboatHooks`. */
  readonly hooks?: LifeboatHooks | undefined;
  /** Appended to the SDK's own `User-Agent`. */
  readonly userAgent?: string | undefined;
}

/** The form every part of the SDK works with: defaults applied, values checked. */
export interface NormalizedLifeboatOptions {
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly timeoutMs: number;
  readonly retry: Required<RetryOptions>;
  readonly fetch: typeof fetch;
  readonly hooks: Required<LifeboatHooks>;
  readonly userAgent: string;
}

export const sdkVersion = '0.1.0';

export const defaultRetryOptions: Required<RetryOptions> = {
  limit: 3,
  baseDelayMs: 300,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

export const defaultLifeboatOptions = {
  baseUrl: 'http://127.0.0.1:7433',
  timeoutMs: 30_000,
  retry: defaultRetryOptions,
} as const;

function environment(): Record<string, string | undefined> {
  // Read without importing Node: the SDK runs wherever `fetch` exists.
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
}

function invalid(field: string, message: string): ValidationError {
  return new ValidationError(`Invalid Lifeboat option ${field}: ${message}`, {
    source: 'client',
    issues: [{ path: field, message }],
  });
}

/** Applies defaults and the environment to user options, once, and checks them. */
export function normalizeLifeboatOptions(options: LifeboatOptions = {}): NormalizedLifeboatOptions {
  const env = environment();
  const baseUrl = (options.baseUrl ?? env.LIFEBOAT_ENDPOINT ?? defaultLifeboatOptions.baseUrl).replace(/\/+$/, '');
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw invalid('baseUrl', `must be an http(s) URL such as http://127.0.0.1:7433 (got "${baseUrl}")`);
  }
  const timeoutMs = options.timeoutMs ?? defaultLifeboatOptions.timeoutMs;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw invalid('timeoutMs', `must be a positive number of milliseconds (got ${timeoutMs})`);
  }
  const retry = normalizeRetry(options.retry);
  // Looked up at call time, not now, so a fetch installed later (a polyfill, an interceptor) is used.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  if (typeof fetchImpl !== 'function' || (options.fetch === undefined && typeof globalThis.fetch !== 'function')) {
    throw invalid('fetch', 'no fetch implementation found; pass one as the fetch option');
  }
  const apiKey = options.apiKey ?? env.LIFEBOAT_API_KEY;
  return {
    baseUrl,
    apiKey: apiKey === '' ? undefined : apiKey,
    timeoutMs,
    retry,
    fetch: fetchImpl,
    hooks: {
      beforeRequest: options.hooks?.beforeRequest ?? [],
      afterResponse: options.hooks?.afterResponse ?? [],
      beforeRetry: options.hooks?.beforeRetry ?? [],
      beforeError: options.hooks?.beforeError ?? [],
    },
    userAgent: [`lifeboat-sdk/${sdkVersion}`, options.userAgent].filter(Boolean).join(' '),
  };
}

function normalizeRetry(retry: LifeboatOptions['retry']): Required<RetryOptions> {
  if (retry === false) return { ...defaultRetryOptions, limit: 0 };
  const merged = typeof retry === 'number' ? { ...defaultRetryOptions, limit: retry } : { ...defaultRetryOptions, ...retry };
  for (const [field, value] of Object.entries(merged)) {
    if (!Number.isFinite(value) || value < 0) {
      throw invalid(`retry.${field}`, `must be a number of 0 or more (got ${String(value)})`);
    }
  }
  return merged;
}

/** Options of one call. A field set to `undefined` counts as not set. */
export interface CallOptions {
  /** Aborts the call (and its retries). Work already accepted by the server keeps running. */
  readonly signal?: AbortSignal | undefined;
  /** Overrides the generated `Idempotency-Key` of a POST, e.g. to make a retried script safe. */
  readonly idempotencyKey?: string | undefined;
  /** Overrides the client's `timeoutMs` for this call. */
  readonly timeoutMs?: number | undefined;
}
