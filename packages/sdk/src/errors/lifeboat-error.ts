/** Marks Lifeboat errors across copies of the package (ESM and CJS, or two versions). */
const brand = Symbol.for('@lifeboat/sdk.error');

/** Context carried by every Lifeboat error. */
export interface LifeboatErrorDetails {
  /** Stable numeric code from the error catalogue of `@lifeboat/api`. */
  readonly code: number;
  /** HTTP status of the response, when there was one. */
  readonly httpStatus?: number | undefined;
  /** The server's request id (`x-request-id`), to quote when reporting a problem. */
  readonly requestId?: string | undefined;
  /** Whether repeating the same call may succeed. */
  readonly retryable?: boolean | undefined;
  /** Operation that failed, e.g. `createBackup`. */
  readonly operationId?: string | undefined;
  readonly cause?: unknown;
}

/**
 * Base of every error the SDK throws. Messages say what went wrong and what to do; they never
 * contain the API key or the Authorization header.
 *
 * @example
 * try {
 *   await client.backups.get({ clusterId, backupId });
 * } catch (error) {
 *   if (isLifeboatError(error)) console.error(`${error.message} (code ${error.code}, request ${error.requestId})`);
 *   else throw error;
 * }
 */
export class LifeboatError extends Error {
  override readonly name: string = 'LifeboatError';
  readonly code: number;
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly operationId: string | undefined;

  constructor(message: string, details: LifeboatErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.httpStatus = details.httpStatus;
    this.requestId = details.requestId;
    this.retryable = details.retryable ?? false;
    this.operationId = details.operationId;
    Object.defineProperty(this, brand, { value: true });
  }
}

/** True for errors thrown by any copy of the Lifeboat SDK. */
export function isLifeboatError(error: unknown): error is LifeboatError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true;
}
