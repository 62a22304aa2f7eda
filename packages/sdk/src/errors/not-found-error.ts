import { LifeboatError } from './lifeboat-error.js';

/** The cluster, backup, job or other object does not exist (HTTP 404). */
export class NotFoundError extends LifeboatError {
  override readonly name = 'NotFoundError' as const;
}
