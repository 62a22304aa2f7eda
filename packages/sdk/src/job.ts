import { controlPlaneEndpoints, ErrorCode, terminalJobStatuses, type CancelJobResult, type Job as JobInfo, type JobStatus } from '@lifeboat/api';
import { z } from 'zod';
import { isLifeboatError } from './errors/lifeboat-error.js';
import { JobFailedError } from './errors/job-failed-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import { sleep } from './internal/sleep.js';
import type { Transport } from './internal/transport.js';
import { validateInput } from './internal/validate.js';
import type { CallOptions } from './options.js';

/** What `onProgress` receives on every poll. */
export interface JobProgress {
  readonly jobId: string;
  readonly status: JobInfo['status'];
  /** 0–100. */
  readonly percent: number;
  readonly bytesDone: number | undefined;
  readonly bytesTotal: number | undefined;
  /** Time since `wait()` started. */
  readonly elapsedMs: number;
  readonly job: JobInfo;
}

/** Options of `job.wait()`. A field set to `undefined` counts as not set. */
export interface WaitOptions {
  /** Stops waiting (rejects with the signal's reason). The job keeps running on the server. */
  readonly signal?: AbortSignal | undefined;
  /** Gives up waiting after this long with a `TimeoutError` carrying the last state seen; the job keeps running. */
  readonly timeoutMs?: number | undefined;
  /** Called after every poll. */
  readonly onProgress?: ((progress: JobProgress) => void) | undefined;
  /** First delay between polls; grows by half each poll, with jitter. @default 500 */
  readonly pollIntervalMs?: number | undefined;
  /** Longest delay between polls. @default 5000 */
  readonly maxPollIntervalMs?: number | undefined;
}

/** Plain-JSON form of a job handle, for `client.jobs.resume()` in another process. */
export const serializedJobSchema = z.object({
  kind: z.literal('lifeboat.job'),
  version: z.literal(1),
  jobId: z.string().min(1),
  /** The server the job runs on, for the reader's information. */
  baseUrl: z.string(),
  /** The call that started it, e.g. `createBackup`. */
  operationId: z.string().optional(),
  /** When the handle was made (ISO 8601). */
  startedAt: z.string(),
});
export type SerializedJob = z.infer<typeof serializedJobSchema>;

/** How many failed polls in a row `wait()` rides out before giving up. */
const toleratedPollFailures = 5;

/**
 * A handle on a server job: a backup, restore, copy, export or verification.
 *
 * @example
 * const { backupId, job } = await client.backups.create({ clusterId, backupType: 'CLUSTER' });
 * const done = await job.wait({ onProgress: (p) => console.log(`${p.percent}%`) });
 * const saved = JSON.stringify(job.serialize()); // resume later: client.jobs.resume(JSON.parse(saved))
 */
export class Job {
  /** The server's job id. */
  readonly id: string;
  readonly operationId: string | undefined;
  readonly #transport: Transport;
  readonly #startedAt: string;

  /** @internal Made by SDK methods and `client.jobs.handle()/resume()`. */
  constructor(transport: Transport, init: { jobId: string; operationId?: string | undefined; startedAt?: string | undefined }) {
    this.#transport = transport;
    this.id = init.jobId;
    this.operationId = init.operationId;
    this.#startedAt = init.startedAt ?? new Date().toISOString();
  }

  /** The job's current state (one request). */
  async get(options: CallOptions = {}): Promise<JobInfo> {
    return (await this.#describe(options)).data;
  }

  /**
   * Polls until the job ends. Resolves with the final job when `SUCCESSFUL`; rejects with a
   * `JobFailedError` carrying the job when `FAILED` or `CANCELED`. Aborting or timing out only
   * stops the waiting, never the job.
   */
  async wait(options: WaitOptions = {}): Promise<JobInfo> {
    const started = Date.now();
    const deadline = options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : started + options.timeoutMs;
    const firstDelay = options.pollIntervalMs ?? 500;
    const maxDelay = Math.max(firstDelay, options.maxPollIntervalMs ?? 5000);
    let delay = firstDelay;
    let failures = 0;
    let last: JobInfo | undefined;

    for (;;) {
      let hint: number | undefined;
      try {
        const result = await this.#describe({ signal: pollSignal(options.signal, deadline) });
        failures = 0;
        last = result.data;
        hint = result.retryAfterMs;
        options.onProgress?.(progressOf(last, Date.now() - started));
        if (isTerminal(last.status)) return settle(last);
      } catch (error) {
        if (options.signal?.aborted === true) throw options.signal.reason;
        if (Date.now() >= deadline) throw this.#waitTimeout(options.timeoutMs ?? 0, last);
        if (!isLifeboatError(error) || !error.retryable || ++failures > toleratedPollFailures) throw error;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw this.#waitTimeout(options.timeoutMs ?? 0, last);
      // Equal jitter: polls stay roughly regular but clients started together drift apart.
      const pause = hint ?? delay * (0.5 + Math.random() * 0.5);
      await sleep(Math.min(pause, remaining), options.signal);
      delay = Math.min(maxDelay, delay * 1.5);
    }
  }

  /** Asks the server to cancel the job; it ends `CANCELED` once its partial work is cleaned up. */
  async cancel(options: CallOptions = {}): Promise<CancelJobResult> {
    const { data } = await this.#transport.call(controlPlaneEndpoints.cancelJob, { params: { jobId: this.id }, body: {} }, options);
    return data;
  }

  /** Plain JSON to store and hand to `client.jobs.resume()` later, in any process. */
  serialize(): SerializedJob {
    return {
      kind: 'lifeboat.job',
      version: 1,
      jobId: this.id,
      baseUrl: this.#transport.options.baseUrl,
      ...(this.operationId === undefined ? {} : { operationId: this.operationId }),
      startedAt: this.#startedAt,
    };
  }

  /** `JSON.stringify(job)` gives the serialized form. */
  toJSON(): SerializedJob {
    return this.serialize();
  }

  /** @internal Rebuilds a handle from `serialize()` output (object or JSON text). */
  static fromSerialized(transport: Transport, serialized: unknown): Job {
    const value = typeof serialized === 'string' ? parseJson(serialized) : serialized;
    const parsed = validateInput(serializedJobSchema, value, 'resumeJob');
    return new Job(transport, { jobId: parsed.jobId, operationId: parsed.operationId, startedAt: parsed.startedAt });
  }

  #describe(options: CallOptions) {
    return this.#transport.call(controlPlaneEndpoints.describeJob, { params: { jobId: this.id } }, options);
  }

  #waitTimeout(timeoutMs: number, last: JobInfo | undefined): TimeoutError {
    const state = last === undefined ? 'no state seen yet' : `last seen ${last.status} at ${last.progress}%`;
    return new TimeoutError(
      `Stopped waiting for job ${this.id} after ${timeoutMs} ms (${state}); it is still running on the server. Wait again, or resume it later with client.jobs.resume().`,
      { code: ErrorCode.JOB_WAIT_TIMEOUT, operationId: 'waitJob', job: last },
    );
  }
}

/**
 * The signal of one poll: the caller's, plus the wait's deadline, so a poll that hangs cannot
 * carry the wait past its `timeoutMs`.
 */
function pollSignal(signal: AbortSignal | undefined, deadline: number): AbortSignal | undefined {
  if (deadline === Number.POSITIVE_INFINITY) return signal;
  const timeout = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
  return signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isTerminal(status: string): boolean {
  return (terminalJobStatuses as readonly string[]).includes(status);
}

function progressOf(job: JobInfo, elapsedMs: number): JobProgress {
  const percent = Number.parseFloat(job.progress);
  return {
    jobId: job.jobId,
    status: job.status,
    percent: Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0,
    bytesDone: job.bytesDone,
    bytesTotal: job.bytesTotal,
    elapsedMs,
    job,
  };
}

function settle(job: JobInfo): JobInfo {
  const status = job.status as JobStatus;
  if (status === 'SUCCESSFUL') return job;
  const canceled = status === 'CANCELED';
  const reason = job.reason === '' ? 'no reason given' : job.reason;
  throw new JobFailedError(
    canceled
      ? `Job ${job.jobId} (${job.type}) was canceled: ${reason}.`
      : `Job ${job.jobId} (${job.type}) failed: ${reason}. Fix the cause and start it again.`,
    { code: canceled ? ErrorCode.JOB_CANCELED : ErrorCode.JOB_FAILED, job, operationId: 'waitJob' },
  );
}
