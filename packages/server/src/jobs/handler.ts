import type { JobType } from '@lifeboat/api';
import type { ServerContext } from '../context.js';
import type { BackupRecord, ClusterRecord, JobRecord } from '../domain/model.js';

/** What a handler may do while it owns a job. */
export interface JobContext {
  readonly server: ServerContext;
  /** Aborts when the job is canceled, its lease is lost, or the server shuts down. */
  readonly signal: AbortSignal;
  /** Records progress (bytes); written to the store at most a few times a second. */
  progress(bytesDone: number, bytesTotal: number): void;
  /** Saves the job's payload, so a run after a crash continues from here. */
  checkpoint(payload: Record<string, unknown>): Promise<void>;
}

/** Records a job's end changes, applied in the same transaction that ends the job. */
export interface JobEffects {
  readonly backup?: Partial<BackupRecord> | undefined;
  readonly cluster?: Partial<ClusterRecord> | undefined;
}

/**
 * One job type. `run` may be called again for the same job after a crash, so it must be
 * idempotent: content-addressed blobs, manifests written last and checkpoints make it so.
 * `cleanup` undoes partial work after a cancel or a failure; it may also run after a crash.
 */
export interface JobHandler {
  readonly type: JobType;
  run(job: JobRecord, context: JobContext): Promise<JobEffects>;
  cleanup(job: JobRecord, context: Omit<JobContext, 'progress' | 'checkpoint'>, outcome: 'FAILED' | 'CANCELED'): Promise<JobEffects>;
  /** Work to queue once the job has succeeded (e.g. cross-region copies after a backup). */
  afterSuccess?(job: JobRecord, context: Omit<JobContext, 'progress' | 'checkpoint'>): Promise<void>;
}

/** Thrown by handlers for failures the user should read as the job's reason. */
export class JobFailure extends Error {
  override readonly name = 'JobFailure';
}
