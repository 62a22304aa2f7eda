import { describeErrorCode, ErrorCode } from '@lifeboat/api';
import { AuthenticationError } from '../errors/authentication-error.js';
import { ConflictError } from '../errors/conflict-error.js';
import { LifeboatError } from '../errors/lifeboat-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { PermissionError } from '../errors/permission-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { ServerError } from '../errors/server-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { ValidationError } from '../errors/validation-error.js';

/** What the transport knows about a failed response. */
export interface FailedResponse {
  readonly httpStatus: number;
  /** Envelope code; `undefined` when the body was not an envelope (e.g. a proxy's HTML page). */
  readonly code: number | undefined;
  readonly message: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly operationId: string;
}

/**
 * Picks the error class for a failed response. The envelope code decides when the catalogue
 * knows it, because the hosted service sends some errors with HTTP 200; otherwise the status does.
 */
export function errorFromResponse(failed: FailedResponse): LifeboatError {
  const known = failed.code === undefined ? undefined : describeErrorCode(failed.code);
  const status = known?.httpStatus ?? (failed.httpStatus >= 400 ? failed.httpStatus : 500);
  const code = failed.code ?? fallbackCode(status);
  const message = failed.message ?? known?.message ?? `The server answered HTTP ${failed.httpStatus} for ${failed.operationId}.`;
  const details = {
    code,
    httpStatus: failed.httpStatus,
    requestId: failed.requestId,
    operationId: failed.operationId,
  };
  switch (status) {
    case 400:
    case 413:
    case 422:
      return new ValidationError(message, { ...details, source: 'server' });
    case 401:
      return new AuthenticationError(message, details);
    case 403:
      return new PermissionError(message, details);
    case 404:
      return new NotFoundError(message, details);
    case 408:
      return new TimeoutError(message, details);
    case 409:
      return new ConflictError(message, details);
    case 429:
      return new RateLimitError(message, { ...details, retryAfterMs: failed.retryAfterMs });
    default:
      return status >= 500
        ? new ServerError(message, { ...details, retryable: status !== 501 })
        : new LifeboatError(message, details);
  }
}

function fallbackCode(status: number): number {
  if (status === 401) return ErrorCode.UNAUTHENTICATED;
  if (status === 403) return ErrorCode.PERMISSION_DENIED;
  if (status === 404) return ErrorCode.ROUTE_NOT_FOUND;
  if (status === 408) return ErrorCode.TIMEOUT;
  if (status === 413) return ErrorCode.BODY_TOO_LARGE;
  if (status === 429) return ErrorCode.RATE_LIMITED;
  if (status >= 400 && status < 500) return ErrorCode.INVALID_REQUEST;
  return ErrorCode.INTERNAL;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
