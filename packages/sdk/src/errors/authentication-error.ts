import { LifeboatError } from './lifeboat-error.js';

/** The API key is missing or unknown (HTTP 401). */
export class AuthenticationError extends LifeboatError {
  override readonly name = 'AuthenticationError' as const;
}
