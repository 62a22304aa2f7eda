import type {
  Backup,
  BackupPage,
  CopyBackupResult,
  CreateBackupRequest,
  CreateBackupResult,
  CreationMethod,
  DeleteBackupResult,
  JobStarted,
  ListBackupsQuery,
  RenameBackupResult,
} from '@lifeboat/api';
import type { ServerContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { newBackupId } from '../internal/ids.js';
import { authorize, type Action, type Principal } from './access.js';
import { loadCluster } from './clusters.js';
import { newJob } from './jobs-factory.js';
import type { BackupRecord, BackupScope, ClusterRecord } from './model.js';
import { pagingOf } from './paging.js';
import { backupSummaryView, backupView } from './views.js';

const dayMs = 24 * 60 * 60 * 1000;
const activeJob = ['PENDING', 'IN_PROGRESS', 'CANCELING'] as const;

/** A backup the caller may act on; the path's cluster must be the backup's own. */
export async function loadBackup(ctx: ServerContext, principal: Principal, ref: { clusterId: string; backupId: string }, action: Action): Promise<BackupRecord> {
  const backup = await ctx.store.getBackup(ref.backupId);
  if (backup === undefined) throw new ServiceError('BACKUP_NOT_FOUND', `Backup ${ref.backupId} not found. List backups with GET /v2/backups.`);
  if (backup.clusterId !== ref.clusterId) {
    throw new ServiceError('CLUSTER_ID_MISMATCH', `Backup ${ref.backupId} belongs to cluster ${backup.clusterId}, not ${ref.clusterId}. Use that cluster id in the path.`);
  }
  authorize(principal, action, [backup.projectId]);
  return backup;
}

/** Only AVAILABLE backups can be restored, copied, exported or verified. */
export function requireAvailable(backup: BackupRecord): void {
  if (backup.status !== 'AVAILABLE') {
    throw new ServiceError('BACKUP_NOT_AVAILABLE', `Backup ${backup.backupId} is ${backup.status}; only AVAILABLE backups can be restored, copied, exported or verified.`);
  }
}

/**
 * Queues a backup of a cluster: the backup row (CREATING) and its job are written together.
 * Rules: one MANUAL backup pending or running per cluster; a MANUAL one cannot start while an
 * AUTO one runs; an AUTO one still runs while a MANUAL one does.
 */
export async function startBackup(
  ctx: ServerContext,
  cluster: ClusterRecord,
  request: { backupType: 'CLUSTER' | 'COLLECTION'; scope: BackupScope | null; backupName?: string | undefined; creationMethod: CreationMethod; crossRegionCopies: readonly string[]; expireTime: number | null },
): Promise<CreateBackupResult> {
  return ctx.locks.run(`cluster:${cluster.clusterId}`, async () => {
    const creating = await ctx.store.listBackups({ clusterId: cluster.clusterId, status: 'CREATING' }, { offset: 0, limit: 100 });
    const running = creating.items.filter((b) => b.sourceBackupId === null);
    if (request.creationMethod === 'MANUAL') {
      if (running.some((b) => b.creationMethod === 'MANUAL')) throw new ServiceError('MANUAL_BACKUP_IN_PROGRESS');
      if (running.some((b) => b.creationMethod === 'AUTO')) throw new ServiceError('AUTO_BACKUP_IN_PROGRESS');
    } else if (running.some((b) => b.creationMethod === 'AUTO')) {
      throw new ServiceError('AUTO_BACKUP_IN_PROGRESS');
    }
    for (const regionId of request.crossRegionCopies) {
      if (!ctx.regions.has(regionId)) throw new ServiceError('INVALID_REGION_ID', `Unknown region ${regionId} in crossRegionCopies.`);
      if (regionId === cluster.regionId) throw new ServiceError('SAME_REGION_COPY', `The backup is made in ${regionId} already; list other regions in crossRegionCopies.`);
    }
    const n = await ctx.store.nextBackupNumber(cluster.clusterId);
    const backupId = newBackupId(n);
    const now = ctx.clock.now();
    const backupName = request.backupName ?? `${cluster.clusterName}_backup${n}`;
    const backup: BackupRecord = {
      backupId,
      backupName,
      clusterId: cluster.clusterId,
      clusterName: cluster.clusterName,
      projectId: cluster.projectId,
      regionId: cluster.regionId,
      backupType: request.backupType,
      creationMethod: request.creationMethod,
      status: 'CREATING',
      size: 0,
      storedBytes: 0,
      createTime: now,
      dataTime: now,
      expireTime: request.expireTime,
      sourceBackupId: null,
      scope: request.scope,
      contents: null,
    };
    const job = newJob({ type: 'BACKUP', now, projectId: cluster.projectId, clusterId: cluster.clusterId, backupId, payload: { crossRegionCopies: request.crossRegionCopies } });
    await ctx.store.createBackupWithJob(backup, job);
    ctx.wakeRunner();
    return { backupId, backupName, jobId: job.jobId };
  });
}

export async function createBackup(ctx: ServerContext, principal: Principal, clusterId: string, request: CreateBackupRequest): Promise<CreateBackupResult> {
  const cluster = await loadCluster(ctx, principal, clusterId, 'backup:create');
  if (cluster.status !== 'RUNNING') throw new ServiceError('BACKUP_FAILED', `Cluster ${clusterId} is ${cluster.status}; only RUNNING clusters can be backed up.`);
  const scope = request.dbCollections?.map((db) => ({ dbName: db.dbName ?? 'default', collectionNames: db.collectionNames })) ?? null;
  if (scope !== null) {
    const data = await ctx.clusters.get(clusterId);
    for (const db of scope) {
      const existing = new Set(await data.listCollections(db.dbName));
      const missing = db.collectionNames.filter((name) => !existing.has(name));
      if (missing.length > 0) {
        throw new ServiceError('COLLECTION_NOT_FOUND', `Collection(s) ${missing.join(', ')} not found in database ${db.dbName} of ${clusterId}.`);
      }
    }
  }
  return startBackup(ctx, cluster, {
    backupType: request.backupType,
    scope,
    backupName: request.backupName,
    creationMethod: 'MANUAL',
    crossRegionCopies: request.crossRegionCopies?.map((c) => c.regionId) ?? [],
    expireTime: null,
  });
}

export async function listBackups(ctx: ServerContext, principal: Principal, query: ListBackupsQuery): Promise<BackupPage> {
  if (query.projectId !== undefined) authorize(principal, 'read', [query.projectId], 'project');
  const paging = pagingOf(query);
  const page = await ctx.store.listBackups(
    {
      projectIds: principal.projectIds ?? undefined,
      projectId: query.projectId,
      clusterId: query.clusterId,
      creationMethod: query.creationMethod,
      backupType: query.backupType,
      regionId: query.regionId,
      status: query.status,
      createdFrom: query.startTime === undefined ? undefined : Date.parse(query.startTime),
      createdTo: query.endTime === undefined ? undefined : Date.parse(query.endTime),
    },
    paging,
  );
  return { count: page.count, currentPage: paging.currentPage, pageSize: paging.pageSize, backups: page.items.map(backupSummaryView) };
}

export async function describeBackup(ctx: ServerContext, principal: Principal, ref: { clusterId: string; backupId: string }): Promise<Backup> {
  const backup = await loadBackup(ctx, principal, ref, 'read');
  const copies = await ctx.store.listBackups({ sourceBackupId: backup.backupId }, { offset: 0, limit: 100 });
  return backupView(backup, copies.items);
}

/** Marks a backup DELETING; the sweeper removes its manifest and row, and GC its unshared blobs. */
export async function deleteBackup(ctx: ServerContext, principal: Principal, ref: { clusterId: string; backupId: string }): Promise<DeleteBackupResult> {
  const backup = await loadBackup(ctx, principal, ref, 'backup:delete');
  return ctx.locks.run(`backup:${backup.backupId}`, async () => {
    const jobs = await ctx.store.listJobs({ statuses: [...activeJob] }, { offset: 0, limit: 10_000 });
    if (jobs.items.some((job) => job.backupId === backup.backupId || job.payload.sourceBackupId === backup.backupId)) {
      throw new ServiceError('CLUSTER_BUSY', `Backup ${backup.backupId} is in use by a running job; wait for it or cancel it, then delete.`);
    }
    await ctx.store.updateBackup(backup.backupId, { status: 'DELETING' });
    ctx.wakeRunner();
    return { backupId: backup.backupId, backupName: backup.backupName };
  });
}

export async function renameBackup(ctx: ServerContext, principal: Principal, ref: { clusterId: string; backupId: string }, backupName: string): Promise<RenameBackupResult> {
  const backup = await loadBackup(ctx, principal, ref, 'backup:create');
  await ctx.store.updateBackup(backup.backupId, { backupName });
  return { backupId: backup.backupId, backupName };
}

/**
 * Queues a copy of an AVAILABLE backup to another region: a new backup record there
 * (CREATING, `sourceBackupId` set) and a COPY job; only blobs missing there will move.
 */
export async function startCopy(ctx: ServerContext, source: BackupRecord, regionId: string, expireTime: number | null): Promise<CopyBackupResult> {
  requireAvailable(source);
  if (!ctx.regions.has(regionId)) throw new ServiceError('INVALID_REGION_ID', `Unknown region ${regionId}: this server has ${[...ctx.regions.keys()].join(', ')}.`);
  if (regionId === source.regionId) throw new ServiceError('SAME_REGION_COPY');
  return ctx.locks.run(`backup:${source.backupId}`, async () => {
    // Re-read under the lock: the sweeper or a delete may have taken the source meanwhile.
    const current = await ctx.store.getBackup(source.backupId);
    if (current === undefined) throw new ServiceError('BACKUP_NOT_FOUND', `Backup ${source.backupId} was deleted.`);
    requireAvailable(current);
    const existing = await ctx.store.listBackups({ sourceBackupId: source.backupId, regionId, statuses: ['CREATING', 'AVAILABLE'] }, { offset: 0, limit: 1 });
    const found = existing.items[0];
    if (found !== undefined) {
      throw new ServiceError('COPY_IN_PROGRESS', `Backup ${source.backupId} already has a copy in ${regionId}: ${found.backupId} (${found.status}).`);
    }
    const n = await ctx.store.nextBackupNumber(source.clusterId);
    const now = ctx.clock.now();
    const copy: BackupRecord = {
      ...source,
      backupId: newBackupId(n),
      regionId,
      status: 'CREATING',
      storedBytes: 0,
      createTime: now,
      expireTime,
      sourceBackupId: source.backupId,
    };
    const job = newJob({ type: 'COPY', now, projectId: source.projectId, clusterId: source.clusterId, backupId: copy.backupId, payload: { sourceBackupId: source.backupId } });
    await ctx.store.createBackupWithJob(copy, job);
    ctx.wakeRunner();
    return { backupId: copy.backupId, jobId: job.jobId };
  });
}

export async function copyBackup(ctx: ServerContext, principal: Principal, ref: { clusterId: string; backupId: string }, request: { regionId: string; retentionDays?: number | undefined }): Promise<CopyBackupResult> {
  const backup = await loadBackup(ctx, principal, ref, 'backup:create');
  const expireTime = request.retentionDays === undefined ? null : ctx.clock.now() + request.retentionDays * dayMs;
  return startCopy(ctx, backup, request.regionId, expireTime);
}

export async function verifyBackup(ctx: ServerContext, principal: Principal, ref: { clusterId: string; backupId: string }): Promise<JobStarted> {
  const backup = await loadBackup(ctx, principal, ref, 'read');
  requireAvailable(backup);
  const job = newJob({ type: 'VERIFY', now: ctx.clock.now(), projectId: backup.projectId, clusterId: backup.clusterId, backupId: backup.backupId });
  await ctx.store.createJob(job);
  ctx.wakeRunner();
  return { jobId: job.jobId };
}

export async function exportBackup(ctx: ServerContext, principal: Principal, ref: { clusterId: string; backupId: string }, request: { integrationId: string; directory: string }): Promise<JobStarted> {
  const backup = await loadBackup(ctx, principal, ref, 'backup:create');
  requireAvailable(backup);
  if (!ctx.integrations.has(request.integrationId)) {
    throw new ServiceError('INTEGRATION_NOT_FOUND', `Unknown integration ${request.integrationId}; configured: ${[...ctx.integrations.keys()].join(', ') || 'none'}.`);
  }
  const job = newJob({ type: 'EXPORT', now: ctx.clock.now(), projectId: backup.projectId, clusterId: backup.clusterId, backupId: backup.backupId, payload: { ...request } });
  await ctx.store.createJob(job);
  ctx.wakeRunner();
  return { jobId: job.jobId };
}

