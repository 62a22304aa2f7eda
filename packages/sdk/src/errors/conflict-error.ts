import { LifeboatError } from './lifeboat-error.js';

/** The call conflicts with the object's state, e.g. a manual backup already running (HTTP 409). */
export class ConflictError extends LifeboatError {
  override readonly name = 'ConflictError' as const;
}
