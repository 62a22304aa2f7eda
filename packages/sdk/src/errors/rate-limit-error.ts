import { LifeboatError, type LifeboatErrorDetails } from './lifeboat-error.js';

/** Too many requests for this key and endpoint (HTTP 429), after the SDK's own retries. */
export class RateLimitError extends LifeboatError {
  override readonly name = 'RateLimitError' as const;
  /** How long the server asked to wait (`Retry-After`), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: LifeboatErrorDetails & { readonly retryAfterMs?: number | undefined }) {
    super(message, { ...details, retryable: true });
    this.retryAfterMs = details.retryAfterMs;
  }
}
