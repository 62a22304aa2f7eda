import { LifeboatError } from './lifeboat-error.js';

/** The server could not be reached, or the connection broke. */
export class NetworkError extends LifeboatError {
  override readonly name = 'NetworkError' as const;
}
