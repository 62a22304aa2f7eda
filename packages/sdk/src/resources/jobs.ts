import { controlPlaneEndpoints, type CancelJobResult, type Job as JobInfo, type ListJobsQuery } from '@lifeboat/api';
import { Job, type SerializedJob } from '../job.js';
import { listPaged, type ListInput } from '../internal/list.js';
import type { Transport } from '../internal/transport.js';
import type { CallOptions } from '../options.js';
import type { Paginator } from '../paginator.js';

/** Jobs: the long-running work of backups, restores, copies, exports and verifications. */
export class JobsApi {
  readonly #transport: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** A job's current state. */
  async get(jobId: string, options?: CallOptions): Promise<JobInfo> {
    return (await this.#transport.call(controlPlaneEndpoints.describeJob, { params: { jobId } }, options)).data;
  }

  /** Jobs, filtered, fetched a page at a time as you iterate. */
  list(query: ListJobsQuery & ListInput = {}, options?: CallOptions): Paginator<JobInfo> {
    return listPaged(this.#transport, controlPlaneEndpoints.listJobs, query, (data) => (data as { jobs: JobInfo[] }).jobs, options);
  }

  /** Asks the server to cancel a job. */
  async cancel(jobId: string, options?: CallOptions): Promise<CancelJobResult> {
    return (await this.#transport.call(controlPlaneEndpoints.cancelJob, { params: { jobId }, body: {} }, options)).data;
  }

  /** A handle on a job by id, e.g. one listed by `jobs.list()`. */
  handle(jobId: string): Job {
    return new Job(this.#transport, { jobId });
  }

  /**
   * Rebuilds a handle from `job.serialize()` (the object or its JSON text), e.g. in the next run
   * of a script that was interrupted while waiting.
   *
   * @example
   * const job = client.jobs.resume(JSON.parse(readFileSync('job.json', 'utf8')));
   * await job.wait();
   */
  resume(serialized: SerializedJob | string): Job {
    return Job.fromSerialized(this.#transport, serialized);
  }
}
