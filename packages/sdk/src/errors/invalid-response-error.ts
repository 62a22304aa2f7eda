import { LifeboatError } from './lifeboat-error.js';

/** The server answered with something that does not match the API contract. */
export class InvalidResponseError extends LifeboatError {
  override readonly name = 'InvalidResponseError' as const;
}
