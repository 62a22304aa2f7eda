import { randomBytes, createHash } from 'node:crypto';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterPathSchema } from '@lifeboat/api';
import { afterEach } from 'vitest';
import type { ServerContext } from '../../src/context.js';
import type { ClusterSnapshot, SegmentInfo } from '../../src/data/types.js';
import { newJob } from '../../src/domain/jobs-factory.js';
import type { BackupRecord, ClusterRecord, JobRecord } from '../../src/domain/model.js';
import { RateLimiter } from '../../src/http/rate-limit.js';
import { ManualClock } from '../../src/internal/clock.js';
import { ClusterRegistry } from '../../src/internal/cluster-registry.js';
import { KeyedMutex } from '../../src/internal/keyed-mutex.js';
import type { BackupManifest } from '../../src/jobs/manifest.js';
import type { Logger } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics.js';
import { FsBlobStore } from '../../src/storage/index.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';

/**
 * A server context without HTTP or a job runner: a real SQLite store and real region directories,
 * so a test can put jobs and backups in exactly the state a race would leave them in.
 */
export interface Harness {
  readonly ctx: ServerContext;
  readonly clock: ManualClock;
  readonly dir: string;
  readonly logs: { level: 'info' | 'warn' | 'error'; message: string; fields: Record<string, unknown> }[];
  region(regionId: string): FsBlobStore;
}

export const monday = Date.UTC(2026, 0, 5);
export const projectId = 'proj-0000000000000000';
export const dayMs = 24 * 60 * 60 * 1000;

export function useHarness(): (options?: { readonly regions?: readonly string[]; readonly regionClass?: typeof FsBlobStore }) => Promise<Harness> {
  const made: { dir: string; store: SqliteStore }[] = [];
  afterEach(async () => {
    for (const { dir, store } of made.splice(0)) {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
  return async (options = {}) => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeboat-scheduler-ctx-'));
    const store = await SqliteStore.open(join(dir, 'metadata.sqlite'));
    made.push({ dir, store });
    await store.createProject({ projectId, projectName: 'test', createTime: monday });
    const clock = new ManualClock(monday);
    const logs: Harness['logs'] = [];
    const log = (level: 'info' | 'warn' | 'error') => (fields: Record<string, unknown>, message = '') => void logs.push({ level, message, fields });
    const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error') };
    const Store = options.regionClass ?? FsBlobStore;
    const regions = new Map((options.regions ?? ['local-1', 'local-2']).map((regionId) => [regionId, new Store({ regionId, root: join(dir, 'regions', regionId) })]));
    for (const region of regions.values()) await region.init();
    const ctx: ServerContext = {
      store,
      clock,
      dataDir: dir,
      regions,
      regionInfo: [...regions.keys()].map((regionId) => ({ regionId, cloudProvider: 'local', description: regionId })),
      integrations: new Map(),
      clusters: new ClusterRegistry(join(dir, 'clusters'), clock),
      locks: new KeyedMutex(),
      rateLimiter: new RateLimiter(20),
      metrics: createMetrics(store),
      logger,
      clusterPathSchema,
      baseUrl: () => 'http://127.0.0.1:0',
      wakeRunner: () => undefined,
    wakeScheduler: () => undefined,
    };
    return {
      ctx,
      clock,
      dir,
      logs,
      region: (regionId) => {
        const region = regions.get(regionId);
        if (region === undefined) throw new Error(`no region ${regionId}`);
        return region;
      },
    };
  };
}

let clusterCount = 0;

export async function addCluster(h: Harness, patch: Partial<ClusterRecord> = {}): Promise<ClusterRecord> {
  clusterCount += 1;
  const cluster: ClusterRecord = {
    clusterId: `in01-${clusterCount.toString(16).padStart(16, '0')}`,
    clusterName: `cluster${clusterCount}`,
    projectId,
    regionId: 'local-1',
    cuType: 'Performance-optimized',
    cuSize: 1,
    status: 'RUNNING',
    createTime: h.clock.now(),
    ...patch,
  };
  await h.ctx.store.createCluster(cluster);
  return cluster;
}

/** Stores a blob of random bytes in a region; `ageMs` back-dates its modification time. */
export async function putBlob(h: Harness, regionId: string, options: { readonly bytes?: number; readonly ageMs?: number } = {}): Promise<SegmentInfo> {
  const bytes = randomBytes(options.bytes ?? 64);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const source = join(h.dir, `src-${sha256}`);
  await writeFile(source, bytes);
  const region = h.region(regionId);
  await region.putFile(sha256, source);
  if (options.ageMs !== undefined) {
    const when = new Date(Date.now() - options.ageMs);
    await utimes(region.blobPath(sha256), when, when);
  }
  return { sha256, bytes: bytes.length, rowCount: 1, checksum: 'x' };
}

export function snapshotOf(segments: readonly SegmentInfo[]): ClusterSnapshot {
  return {
    databases: [
      {
        dbName: 'default',
        collections: [
          {
            collectionName: 'docs',
            description: '',
            fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }],
            loaded: true,
            rowCount: segments.length,
            checksum: 'x',
            partitions: [{ partitionName: '_default', rowCount: segments.length, segments }],
          },
        ],
      },
    ],
  };
}

/**
 * A backup row (and its job, as the domain always writes them together), with a manifest naming
 * `segments` in its region unless `manifest: false`. The job ends SUCCESSFUL unless `jobStatus`.
 */
export async function addBackup(
  h: Harness,
  cluster: ClusterRecord,
  options: {
    readonly segments?: readonly SegmentInfo[];
    readonly patch?: Partial<BackupRecord>;
    readonly manifest?: boolean;
    readonly job?: Partial<JobRecord>;
  } = {},
): Promise<{ backup: BackupRecord; job: JobRecord }> {
  const n = await h.ctx.store.nextBackupNumber(cluster.clusterId);
  const backup: BackupRecord = {
    backupId: `backup${n}_${randomBytes(8).toString('hex')}`,
    backupName: `b${n}`,
    clusterId: cluster.clusterId,
    clusterName: cluster.clusterName,
    projectId: cluster.projectId,
    regionId: cluster.regionId,
    backupType: 'CLUSTER',
    creationMethod: 'MANUAL',
    status: 'AVAILABLE',
    size: 0,
    storedBytes: 0,
    createTime: h.clock.now(),
    dataTime: h.clock.now(),
    expireTime: null,
    sourceBackupId: null,
    scope: null,
    contents: null,
    ...options.patch,
  };
  const job: JobRecord = {
    ...newJob({ type: backup.sourceBackupId === null ? 'BACKUP' : 'COPY', now: h.clock.now(), projectId: cluster.projectId, clusterId: cluster.clusterId, backupId: backup.backupId }),
    status: 'SUCCESSFUL',
    ...(backup.sourceBackupId === null ? {} : { payload: { sourceBackupId: backup.sourceBackupId } }),
    ...options.job,
  };
  await h.ctx.store.createBackupWithJob(backup, job);
  if (options.manifest !== false) await h.region(backup.regionId).putManifest(backup.backupId, manifestOf(backup, options.segments ?? []));
  return { backup, job };
}

export function manifestOf(backup: BackupRecord, segments: readonly SegmentInfo[]): BackupManifest {
  return {
    version: 1,
    backupId: backup.backupId,
    sourceBackupId: backup.sourceBackupId,
    clusterId: backup.clusterId,
    clusterName: backup.clusterName,
    regionId: backup.regionId,
    backupType: backup.backupType,
    createTime: backup.createTime,
    databases: snapshotOf(segments).databases,
  };
}

/** A job using a backup, in the given status. */
export async function addJob(h: Harness, fields: Parameters<typeof newJob>[0] & { readonly status?: JobRecord['status'] }): Promise<JobRecord> {
  const job: JobRecord = { ...newJob(fields), status: fields.status ?? 'IN_PROGRESS' };
  await h.ctx.store.createJob(job);
  return job;
}

/** Hashes of every blob in a region. */
export async function blobsIn(h: Harness, regionId: string): Promise<Set<string>> {
  const hashes = new Set<string>();
  for await (const blob of h.region(regionId).list()) hashes.add(blob.hash);
  return hashes;
}
