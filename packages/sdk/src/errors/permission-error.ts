import { LifeboatError } from './lifeboat-error.js';

/** The key's role or project scope does not allow the call (HTTP 403). */
export class PermissionError extends LifeboatError {
  override readonly name = 'PermissionError' as const;
}
