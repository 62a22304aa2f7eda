import { clusterPathSchema } from '@lifeboat/api';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { ensureOwner, ensureProjects } from './bootstrap.js';
import type { ServerContext } from './context.js';
import { buildApp } from './http/app.js';
import { RateLimiter } from './http/rate-limit.js';
import { systemClock, type Clock } from './internal/clock.js';
import { ClusterRegistry } from './internal/cluster-registry.js';
import { lockDataDir } from './internal/data-dir-lock.js';
import { KeyedMutex } from './internal/keyed-mutex.js';
import { jobHandlers } from './jobs/handlers/index.js';
import { JobRunner, type RunnerOptions } from './jobs/runner.js';
import { Scheduler, type SchedulerOptions } from './jobs/scheduler.js';
import { silentLogger, type Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { openRegions, type RegionConfig } from './storage/regions.js';
import { SqliteStore } from './store/sqlite-store.js';

/** Options of `startServer`; all optional. */
export interface ServerOptions {
  /** Where metadata, clusters' data and region stores live. @default ".lifeboat" */
  readonly dataDir?: string | undefined;
  /** @default 0 (an ephemeral port) */
  readonly port?: number | undefined;
  /** @default "127.0.0.1" */
  readonly host?: string | undefined;
  /** Region blob stores. @default local-1, local-2, local-3 under `<dataDir>/regions` */
  readonly regions?: readonly RegionConfig[] | undefined;
  /** Export targets: integration id → directory. */
  readonly integrations?: Readonly<Record<string, string>> | undefined;
  readonly logger?: Logger | undefined;
  /** Time source; tests inject a `ManualClock`. */
  readonly clock?: Clock | undefined;
  /** Requests per second per key and endpoint. @default 20 */
  readonly rateLimitPerSecond?: number | undefined;
  readonly runner?: RunnerOptions | undefined;
  readonly scheduler?: SchedulerOptions | undefined;
  /**
   * Names of projects to have besides the default one, e.g. one per team, so keys can be scoped
   * to each. Missing ones are created at start (matched by name); existing ones are kept, and
   * none is deleted when its name is dropped from the list.
   * @default [] (only "Default Project")
   */
  readonly projects?: readonly string[] | undefined;
}

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:7433`. */
  readonly url: string;
  /** The ORG_OWNER key (also in `<dataDir>/owner.key`). */
  readonly ownerApiKey: string;
  /** The project created on first start. */
  readonly defaultProjectId: string;
  readonly dataDir: string;
  /** Runs the scheduler once now (tests drive schedules with an injected clock). */
  tick(): Promise<void>;
  /** Resolves when no job is queued or running. */
  idle(timeoutMs?: number): Promise<void>;
  /** Stops accepting requests, lets running jobs finish briefly, hands back the rest, closes. */
  close(): Promise<void>;
}

/**
 * Starts the control plane in this process: metadata in SQLite, clusters' data and region blob
 * stores on disk under `dataDir`, a job runner and a scheduler.
 *
 * @example
 * const server = await startServer({ dataDir: '.lifeboat' });
 * const client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey });
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir ?? '.lifeboat');
  await mkdir(join(dataDir, 'clusters'), { recursive: true, mode: 0o700 });
  const unlock = await lockDataDir(dataDir);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const store = await SqliteStore.open(join(dataDir, 'metadata.sqlite'));
  try {
    const { stores, regions } = await openRegions({ dataDir, regions: options.regions });
    for (const blobStore of stores.values()) await blobStore.cleanTemp();
    const { ownerApiKey, defaultProjectId } = await ensureOwner(store, dataDir, clock);
    await ensureProjects(store, options.projects ?? [], clock);

    let url = '';
    // The context needs to wake the runner, and the runner needs the context.
    const wake = { runner: undefined as JobRunner | undefined, scheduler: undefined as Scheduler | undefined };
    let ready = false;
    const ctx: ServerContext = {
      store,
      clock,
      dataDir,
      regions: stores,
      regionInfo: regions,
      integrations: new Map(Object.entries(options.integrations ?? {}).map(([id, dir]) => [id, resolve(dir)])),
      clusters: new ClusterRegistry(join(dataDir, 'clusters'), clock),
      locks: new KeyedMutex(),
      rateLimiter: new RateLimiter(options.rateLimitPerSecond ?? 20),
      metrics: createMetrics(store),
      logger,
      clusterPathSchema,
      baseUrl: () => url,
      wakeRunner: () => wake.runner?.wake(),
      wakeScheduler: () => {
        void wake.scheduler?.tick().catch((error: unknown) => logger.error({ err: String(error) }, 'scheduler pass failed'));
      },
    };

    // This process owns the data directory now, so every lease still held belongs to a
    // process that died: its jobs are resumed at once instead of after the lease runs out.
    await store.expireAllLeases();
    const runner = new JobRunner(ctx, jobHandlers, options.runner);
    wake.runner = runner;
    const scheduler = new Scheduler(ctx, options.scheduler);
    wake.scheduler = scheduler;
    const app = await buildApp(ctx, { readyCheck: () => ready });
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
    const address = app.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    url = `http://${host}:${address.port}`;
    runner.start();
    scheduler.start();
    ready = true;
    logger.info({ url, dataDir }, 'lifeboat server listening');

    let closed: Promise<void> | undefined;
    return {
      url,
      ownerApiKey,
      defaultProjectId,
      dataDir,
      tick: () => scheduler.tick(),
      idle: async (timeoutMs = 30_000) => {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const busy = await store.listJobs({ statuses: ['PENDING', 'IN_PROGRESS', 'CANCELING'] }, { offset: 0, limit: 1 });
          if (busy.count === 0 && runner.activeJobIds.length === 0) return;
          if (Date.now() > deadline) throw new Error(`jobs still running after ${timeoutMs} ms`);
          runner.wake();
          await new Promise((r) => setTimeout(r, 20));
        }
      },
      close: () => {
        closed ??= (async () => {
          ready = false;
          await app.close();
          await scheduler.stop();
          await runner.stop();
          await store.close();
          await unlock();
        })();
        return closed;
      },
    };
  } catch (error) {
    await store.close();
    await unlock();
    throw error;
  }
}
