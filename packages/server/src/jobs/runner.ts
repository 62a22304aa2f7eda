import { randomBytes } from 'node:crypto';
import type { JobType } from '@lifeboat/api';
import type { ServerContext } from '../context.js';
import type { JobRecord } from '../domain/model.js';
import type { JobContext, JobEffects, JobHandler } from './handler.js';

export interface RunnerOptions {
  /** Jobs run at once. @default 2 */
  readonly concurrency?: number;
  /** How long a claim lasts without a heartbeat; a dead runner's jobs are taken over after it. @default 15000 */
  readonly leaseMs?: number;
  /** How often to look for work when not woken. @default 250 */
  readonly pollMs?: number;
  /** Claims after which a job that keeps dying is failed. @default 3 */
  readonly maxAttempts?: number;
}

const progressWriteMs = 200;

/**
 * Runs jobs from the store: claims one with a lease, heartbeats while it works, and completes it
 * with its effects in one transaction. After a crash, a job whose lease ran out is claimed again
 * and re-run (handlers are idempotent) or, after too many attempts, failed and cleaned up — so no
 * job stays IN_PROGRESS forever and no partial backup becomes AVAILABLE.
 */
export class JobRunner {
  readonly owner = `runner-${randomBytes(6).toString('hex')}`;
  readonly #ctx: ServerContext;
  readonly #handlers: ReadonlyMap<JobType, JobHandler>;
  readonly #concurrency: number;
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #maxAttempts: number;
  readonly #active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  #timer: NodeJS.Timeout | undefined;
  #stopping = false;
  #pumping = false;
  #pumpAgain = false;

  constructor(ctx: ServerContext, handlers: readonly JobHandler[], options: RunnerOptions = {}) {
    this.#ctx = ctx;
    this.#handlers = new Map(handlers.map((handler) => [handler.type, handler]));
    this.#concurrency = options.concurrency ?? 2;
    this.#leaseMs = options.leaseMs ?? 15_000;
    this.#pollMs = options.pollMs ?? 250;
    this.#maxAttempts = options.maxAttempts ?? 3;
  }

  start(): void {
    this.#timer = setInterval(() => this.wake(), this.#pollMs);
    this.wake();
  }

  /** Looks for work now. */
  wake(): void {
    if (this.#stopping) return;
    if (this.#pumping) {
      this.#pumpAgain = true;
      return;
    }
    this.#pumping = true;
    void this.#pump().finally(() => {
      this.#pumping = false;
      if (this.#pumpAgain) {
        this.#pumpAgain = false;
        this.wake();
      }
    });
  }

  async #pump(): Promise<void> {
    while (!this.#stopping && this.#active.size < this.#concurrency) {
      const now = Date.now();
      let job: JobRecord | undefined;
      try {
        job = await this.#ctx.store.claimJob(this.owner, now, now + this.#leaseMs, [...this.#handlers.keys()]);
      } catch (error) {
        this.#ctx.logger.error({ err: String(error) }, 'could not claim a job');
        return;
      }
      if (job === undefined) return;
      const claimed = job;
      const controller = new AbortController();
      const done = this.#execute(claimed, controller).finally(() => {
        this.#active.delete(claimed.jobId);
        this.wake();
      });
      this.#active.set(claimed.jobId, { controller, done });
    }
  }

  async #execute(job: JobRecord, controller: AbortController): Promise<void> {
    const handler = this.#handlers.get(job.type);
    if (handler === undefined) return;
    const ctx = this.#ctx;
    const started = job.startTime ?? ctx.clock.now();
    let lastWrite = 0;
    let pending: { bytesDone: number; bytesTotal: number } | undefined;
    const flushProgress = async () => {
      if (pending === undefined) return;
      const { bytesDone, bytesTotal } = pending;
      pending = undefined;
      lastWrite = Date.now();
      const progress = bytesTotal > 0 ? Math.min(99, Math.floor((bytesDone / bytesTotal) * 100)) : 0;
      await ctx.store.updateJobProgress(job.jobId, this.owner, { bytesDone, bytesTotal, progress });
    };
    const context: JobContext = {
      server: ctx,
      signal: controller.signal,
      progress: (bytesDone, bytesTotal) => {
        pending = { bytesDone, bytesTotal };
        if (Date.now() - lastWrite >= progressWriteMs) void flushProgress().catch(() => undefined);
      },
      checkpoint: async (payload) => {
        if (!(await ctx.store.updateJobProgress(job.jobId, this.owner, { payload }))) {
          // Another runner owns the job now: stop without cleaning up what is now its work.
          const lost = new Error('lease lost');
          controller.abort(lost);
          throw lost;
        }
      },
    };

    // Heartbeat: renew the lease and notice a cancel requested through the API.
    const heartbeat = setInterval(() => {
      void (async () => {
        const renewed = await ctx.store.renewLease(job.jobId, this.owner, Date.now() + this.#leaseMs);
        const current = await ctx.store.getJob(job.jobId);
        if (!renewed) controller.abort(new Error('lease lost'));
        else if (current?.status === 'CANCELING') controller.abort(new Error('canceled'));
      })().catch(() => undefined);
    }, Math.max(50, Math.floor(this.#leaseMs / 3)));

    const finish = async (status: 'SUCCESSFUL' | 'FAILED' | 'CANCELED', reason: string, effects: JobEffects) => {
      await flushProgress().catch(() => undefined);
      const completed = await ctx.store.completeJob({
        jobId: job.jobId,
        owner: this.owner,
        status,
        reason,
        endTime: ctx.clock.now(),
        backup: effects.backup && job.backupId ? { backupId: job.backupId, patch: effects.backup } : undefined,
        cluster: effects.cluster && job.targetClusterId ? { clusterId: job.targetClusterId, patch: effects.cluster } : undefined,
      });
      // The outcome must survive power loss before anyone acts on it (GC, a waiting client).
      await ctx.store.flush();
      if (completed) ctx.metrics.jobDuration.observe({ type: job.type, status }, Math.max(0, ctx.clock.now() - started) / 1000);
      return completed;
    };
    const cleanUp = async (outcome: 'FAILED' | 'CANCELED', reason: string) => {
      let effects: JobEffects = {};
      try {
        // The job as last saved: cleanup must see the run's checkpoints, not the first claim.
        const current = (await ctx.store.getJob(job.jobId)) ?? job;
        effects = await handler.cleanup(current, { server: ctx, signal: new AbortController().signal }, outcome);
      } catch (error) {
        ctx.logger.error({ jobId: job.jobId, err: String(error) }, 'cleanup failed');
        reason = `${reason} (cleanup also failed: ${errorText(error)})`;
      }
      await finish(outcome, reason, effects);
    };

    try {
      if (job.status === 'CANCELING') {
        await cleanUp('CANCELED', 'canceled before it finished');
        return;
      }
      if (job.attempts > this.#maxAttempts) {
        await cleanUp('FAILED', `interrupted ${job.attempts - 1} times (the server stopped while it ran); giving up. Start it again.`);
        return;
      }
      let effects: JobEffects;
      try {
        effects = await handler.run(job, context);
      } catch (error) {
        const why = controller.signal.aborted ? String((controller.signal.reason as Error | undefined)?.message) : undefined;
        if (why === 'shutdown' || why === 'lease lost') return; // handed back: another claim resumes it
        if (why === 'canceled') await cleanUp('CANCELED', 'canceled by request');
        else await cleanUp('FAILED', errorText(error));
        return;
      }
      if (controller.signal.aborted && String((controller.signal.reason as Error | undefined)?.message) === 'canceled') {
        await cleanUp('CANCELED', 'canceled by request');
        return;
      }
      if ((await finish('SUCCESSFUL', '', effects)) && handler.afterSuccess) {
        await handler.afterSuccess(job, { server: ctx, signal: controller.signal }).catch((error: unknown) => {
          ctx.logger.error({ jobId: job.jobId, err: String(error) }, 'follow-up work after the job failed to queue');
        });
      }
    } catch (error) {
      ctx.logger.error({ jobId: job.jobId, err: String(error) }, 'job bookkeeping failed; the lease will expire and the job be retried');
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Jobs running in this process now. */
  get activeJobIds(): string[] {
    return [...this.#active.keys()];
  }

  /**
   * Stops taking work. In-flight jobs get `graceMs` to finish; the rest are aborted and their
   * leases handed back, so the next start resumes them at once.
   */
  async stop(graceMs = 5000): Promise<void> {
    this.#stopping = true;
    if (this.#timer) clearInterval(this.#timer);
    const all = Promise.all([...this.#active.values()].map((entry) => entry.done));
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
    if ((await Promise.race([all, timeout])) === 'timeout') {
      for (const entry of this.#active.values()) entry.controller.abort(new Error('shutdown'));
      await all;
    }
    await this.#ctx.store.releaseLeases(this.owner);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
