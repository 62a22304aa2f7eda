import type { Job as JobInfo } from '@lifeboat/api';
import { LifeboatError, type LifeboatErrorDetails } from './lifeboat-error.js';

/**
 * A job ended `FAILED` (code 98005) or `CANCELED` (code 98006). `job` is its final state;
 * `job.reason` says why.
 */
export class JobFailedError extends LifeboatError {
  override readonly name = 'JobFailedError' as const;
  readonly job: JobInfo;

  constructor(message: string, details: LifeboatErrorDetails & { readonly job: JobInfo }) {
    super(message, { ...details, retryable: false });
    this.job = details.job;
  }
}
