import type { clusterPathSchema, Region } from '@lifeboat/api';
import type { Logger } from './logger.js';
import type { Clock } from './internal/clock.js';
import type { KeyedMutex } from './internal/keyed-mutex.js';
import type { ClusterRegistry } from './internal/cluster-registry.js';
import type { RateLimiter } from './http/rate-limit.js';
import type { Metrics } from './metrics.js';
import type { BlobStore } from './storage/blob-store.js';
import type { Store } from './store/store.js';

/**
 * Everything the domain, the routes and the job handlers share: one value per server, passed
 * explicitly (no module-level state), so several servers can run in one process.
 */
export interface ServerContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly dataDir: string;
  /** Blob stores by region id. */
  readonly regions: ReadonlyMap<string, BlobStore>;
  readonly regionInfo: readonly Region[];
  /** Export targets by integration id: directories from the configuration. */
  readonly integrations: ReadonlyMap<string, string>;
  readonly clusters: ClusterRegistry;
  readonly locks: KeyedMutex;
  readonly rateLimiter: RateLimiter;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly clusterPathSchema: typeof clusterPathSchema;
  /** The server's base URL once listening, for clusters' connect addresses. */
  baseUrl(): string;
  /** Nudges the job runner after a job is queued, instead of waiting for its next poll. */
  wakeRunner(): void;
  /** Runs a scheduler pass soon, e.g. so a newly enabled policy backs up at once. */
  wakeScheduler(): void;
}
