import type { ServerContext } from '../context.js';
import { startDueAutoBackups } from './auto-backups.js';
import { collectGarbage } from './garbage-collector.js';
import { purgeIdempotencyRecords } from './idempotency-purge.js';
import { expireBackups } from './retention.js';
import { sweepDeletedBackups } from './sweeper.js';

export interface SchedulerOptions {
  /** How often the scheduler looks at policies, expiry and garbage. @default 30000 */
  readonly intervalMs?: number | undefined;
  /**
   * Blobs modified more recently than this are never garbage-collected, so a backup that has
   * just found a blob present (and refreshed its time) can still reference it. Tests set 0.
   * @default 3600000 (one hour)
   */
  readonly gcGraceMs?: number | undefined;
}

/** `SchedulerOptions` with every default applied. */
export interface NormalizedSchedulerOptions {
  readonly intervalMs: number;
  readonly gcGraceMs: number;
}

export const defaultSchedulerOptions: NormalizedSchedulerOptions = {
  intervalMs: 30_000,
  gcGraceMs: 3_600_000,
};

/** Applies defaults and refuses values the scheduler cannot work with. */
export function normalizeSchedulerOptions(options: SchedulerOptions = {}): NormalizedSchedulerOptions {
  const intervalMs = options.intervalMs ?? defaultSchedulerOptions.intervalMs;
  const gcGraceMs = options.gcGraceMs ?? defaultSchedulerOptions.gcGraceMs;
  if (!Number.isFinite(intervalMs) || intervalMs < 1) {
    throw new RangeError(`scheduler.intervalMs must be a positive number of milliseconds (got ${intervalMs}).`);
  }
  if (!Number.isFinite(gcGraceMs) || gcGraceMs < 0) {
    throw new RangeError(`scheduler.gcGraceMs must be 0 or more milliseconds (got ${gcGraceMs}); keep the default of one hour unless a test needs 0.`);
  }
  return { intervalMs, gcGraceMs };
}

/**
 * Time-driven work: AUTO backups from policies, retention expiry, removal of deleted backups and
 * blob garbage collection. Everything reads time from the context's clock, so tests drive days
 * of schedule with `tick()`.
 */
export class Scheduler {
  readonly #ctx: ServerContext;
  readonly #options: NormalizedSchedulerOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(ctx: ServerContext, options: SchedulerOptions = {}) {
    this.#ctx = ctx;
    this.#options = normalizeSchedulerOptions(options);
  }

  start(): void {
    this.#timer = setInterval(() => void this.tick().catch((error: unknown) => this.#ctx.logger.error({ err: String(error) }, 'scheduler tick failed')), this.#options.intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer; resolves once a pass already running has finished. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    await this.#running?.catch(() => undefined);
  }

  tick(): Promise<void> {
    this.#running ??= this.#pass().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /**
   * The steps in order: start due backups, expire, sweep what expired (so its blobs become
   * garbage in the same pass), collect garbage, purge idempotency records. A step that fails is
   * logged and the next one still runs: a broken policy must not stop retention, nor a stuck
   * region stop the other regions' clean-up.
   */
  async #pass(): Promise<void> {
    const ctx = this.#ctx;
    await this.#step('auto backups', () => startDueAutoBackups(ctx));
    await this.#step('retention', () => expireBackups(ctx));
    await this.#step('sweep', () => sweepDeletedBackups(ctx));
    await this.#step('garbage collection', () => collectGarbage(ctx, { graceMs: this.#options.gcGraceMs }));
    await this.#step('idempotency purge', () => purgeIdempotencyRecords(ctx));
  }

  async #step(name: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.#ctx.logger.error({ step: name, err: String(error) }, 'scheduler step failed; the other steps still run');
    }
  }
}
