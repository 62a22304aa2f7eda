import { errorCatalog, type ErrorName } from '@lifeboat/api';

/**
 * An error the server answers with: a name from the api's error catalogue (which fixes the code
 * and HTTP status) and a message that says what went wrong and what to do. Domain, data and
 * storage layers all throw errors of this shape; only the HTTP layer turns them into envelopes.
 */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  readonly errorName: ErrorName;
  /** Seconds to wait before retrying, for 429 and 503. */
  readonly retryAfterSeconds: number | undefined;

  constructor(errorName: ErrorName, message?: string, options: { retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message ?? errorCatalog[errorName].message, options.cause === undefined ? undefined : { cause: options.cause });
    this.errorName = errorName;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Anything carrying a catalogue name, wherever it was thrown (data layer, blob stores). */
export function catalogNameOf(error: unknown): ErrorName | undefined {
  const name = (error as { errorName?: unknown } | null)?.errorName;
  return typeof name === 'string' && name in errorCatalog ? (name as ErrorName) : undefined;
}

/** Code and HTTP status of a catalogue name. */
export function statusOf(errorName: ErrorName): { code: number; httpStatus: number } {
  const info = errorCatalog[errorName];
  return { code: info.code, httpStatus: info.httpStatus ?? 500 };
}

