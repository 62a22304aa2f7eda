import type { Job as JobInfo } from '@lifeboat/api';
import { LifeboatError, type LifeboatErrorDetails } from './lifeboat-error.js';

/**
 * A request took longer than `timeoutMs` (code 98002), or waiting for a job did (code 98007,
 * `job` is the last state seen). A job wait that times out leaves the job running on the server.
 */
export class TimeoutError extends LifeboatError {
  override readonly name = 'TimeoutError' as const;
  readonly job: JobInfo | undefined;

  constructor(message: string, details: LifeboatErrorDetails & { readonly job?: JobInfo | undefined }) {
    super(message, { ...details, retryable: true });
    this.job = details.job;
  }
}
