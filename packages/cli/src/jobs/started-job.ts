/**
 * The end of every command that starts a job (`backups create|copy|verify|export`, `restore
 * cluster|collection`): with `--no-wait`, print the job id and how to wait for it; otherwise wait
 * with progress and print the outcome. `--json` prints one document either way, with the job's
 * state under `job`.
 */
import type { Job, JobInfo } from '@lifeboat/sdk';
import type { Runtime } from '../runtime/runtime.js';
import { followJobs, reportStarted } from './follow.js';

/** What the command knows once the job succeeded. */
export interface JobOutcome {
  /** Fields added to the JSON document. */
  readonly json?: Readonly<Record<string, unknown>>;
  /** Lines for people on stdout. */
  readonly lines: readonly string[];
}

/** A started job and how to report it. */
export interface StartedJob {
  readonly job: Job;
  /** What the job does, e.g. `backup backup3_ab12 of in01-3e5ad8adc38f0a1b`. */
  readonly label: string;
  /** The JSON document's fields besides `job` (ids the start returned). */
  readonly result: Readonly<Record<string, unknown>>;
  readonly json: boolean;
  /** False with `--no-wait`. */
  readonly wait: boolean;
  /** Called once the job succeeded (not with `--no-wait`). */
  readonly finished: (job: JobInfo) => Promise<JobOutcome> | JobOutcome;
  /** Lines printed after the start with `--no-wait`, e.g. the new cluster's id. */
  readonly startedLines?: readonly string[];
}

/** Waits for (or only reports) a started job; see the module comment. */
export async function completeStartedJob(runtime: Runtime, started: StartedJob): Promise<void> {
  const { output } = runtime;
  if (!started.wait) {
    if (started.json) return output.json({ ...started.result, job: await started.job.get() });
    for (const line of started.startedLines ?? []) output.line(line);
    return reportStarted(runtime, { jobId: started.job.id, what: started.label });
  }
  const outcome = await followJobs(runtime, { jobs: [{ job: started.job, label: started.label }], json: started.json });
  if (outcome.interrupted) return;
  const [info] = outcome.jobs;
  if (info === undefined) return;
  const done = await started.finished(info);
  if (started.json) return output.json({ ...started.result, ...done.json, job: info });
  for (const line of done.lines) output.line(line);
}
