/**
 * Waiting for server jobs the way every command does it: one progress bar (or timestamped lines)
 * per job, and on Ctrl-C a list of what is still running on the server with the command that
 * picks it up again. Waiting never cancels a job; only `lifeboat jobs cancel` does.
 */
import { isLifeboatError, type Job, type JobFailedError, type JobInfo } from '@lifeboat/sdk';
import { ExitCode } from '../runtime/exit-codes.js';
import type { Runtime } from '../runtime/runtime.js';
import { formatDuration } from '../runtime/units.js';

/** A job to wait for, and how people see it. */
export interface FollowedJob {
  readonly job: Job;
  /** What the job does, e.g. `backup of in01-3e5ad8adc38f0a1b`. */
  readonly label: string;
}

/** What {@link followJobs} is told. */
export interface FollowJobsRequest {
  readonly jobs: readonly FollowedJob[];
  /** `--json`: progress goes to stderr, so stdout holds only the JSON document. */
  readonly json: boolean;
  /** Stops waiting (Ctrl-C); the jobs keep running on the server. @default the runtime's Ctrl-C */
  readonly signal?: AbortSignal | undefined;
}

/** How the waiting ended: every job's final state, or an interruption (already reported). */
export type FollowJobsResult = { readonly interrupted: false; readonly jobs: readonly JobInfo[] } | { readonly interrupted: true };

/** Polling for a CLI user: quick at first (small jobs end in well under a second), then every 2 s. */
export const waitPolling = { pollIntervalMs: 200, maxPollIntervalMs: 2000 } as const;

/**
 * Waits for every job with progress. Resolves with their final states when all succeeded;
 * rethrows the first failure (the SDK's `JobFailedError` says why and what to do) once every
 * job has ended. On Ctrl-C, prints the jobs still running and how to wait for them again, sets
 * the exit code to 130 and resolves `{ interrupted: true }`.
 */
export async function followJobs(runtime: Runtime, request: FollowJobsRequest): Promise<FollowJobsResult> {
  const progress = runtime.progress(request.json ? runtime.output.stderr : runtime.output.stdout);
  const signal = request.signal ?? runtime.interrupt().signal;
  const settled = await Promise.allSettled(
    request.jobs.map(async ({ job, label }) => {
      progress.start(job.id, label, `${label}: waiting for job ${job.id}`);
      try {
        const done = await job.wait({ ...waitPolling, signal, onProgress: (update) => progress.update(job.id, update) });
        progress.finish(job.id, `${label}: ${done.status.toLowerCase()} after ${formatDuration(elapsedOf(done))} (job ${job.id})`);
        return done;
      } catch (error) {
        // The reason is in the error main() prints; the progress line only marks the end.
        if (!signal.aborted) progress.fail(job.id, `${label}: ${failedStatus(error)} (job ${job.id})`);
        throw error;
      }
    }),
  );
  if (signal.aborted) {
    reportLeftRunning(runtime, progress.running().map((operation) => ({ jobId: operation.id, label: operation.label })));
    progress.close();
    return { interrupted: true };
  }
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return { interrupted: false, jobs: settled.map((outcome) => (outcome as PromiseFulfilledResult<JobInfo>).value) };
}

/** A job left running on the server when the user stopped waiting. */
export interface LeftRunning {
  readonly jobId: string;
  readonly label: string;
}

/**
 * After Ctrl-C: says which jobs keep running on the server and how to pick them up, and sets
 * exit code 130.
 */
export function reportLeftRunning(runtime: Runtime, jobs: readonly LeftRunning[]): void {
  const { output } = runtime;
  runtime.exitCode = ExitCode.interrupted;
  if (jobs.length === 0) {
    output.note('Stopped waiting; no job was left running.');
    return;
  }
  output.note(`Stopped waiting. Still running on the server (waiting does not cancel them):`);
  for (const job of jobs) output.note(`  ${job.jobId}  ${job.label}`);
  output.note(`Pick them up with: lifeboat jobs wait ${jobs.map((job) => job.jobId).join(' ')}`);
  output.note(`Or stop them with: lifeboat jobs cancel ${jobs.map((job) => job.jobId).join(' ')}`);
}

/** What `--no-wait` prints after starting a job: its id and how to wait for it. */
export function reportStarted(runtime: Runtime, started: { readonly jobId: string; readonly what: string }): void {
  runtime.output.line(`Started ${started.what} (job ${started.jobId}).`);
  runtime.output.line(`Wait for it with: lifeboat jobs wait ${started.jobId}`);
}

/** `failed` or `canceled` for a job that ended badly, `failed` for anything else that went wrong. */
function failedStatus(error: unknown): string {
  return isLifeboatError(error) && error.name === 'JobFailedError' ? (error as JobFailedError).job.status.toLowerCase() : 'failed';
}

function elapsedOf(job: JobInfo): number {
  const start = job.startTime ?? job.createTime;
  const end = job.endTime;
  if (start === undefined || start === null || end === null) return 0;
  return Math.max(0, Date.parse(end) - Date.parse(start));
}
