import { LifeboatError } from './lifeboat-error.js';

/** The server failed (HTTP 5xx); usually retryable. */
export class ServerError extends LifeboatError {
  override readonly name = 'ServerError' as const;
}
