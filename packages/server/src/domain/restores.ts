import type { JobStarted, RestoreClusterRequest, RestoreClusterResult, RestoreCollectionRequest } from '@lifeboat/api';
import type { ServerContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { newClusterId, newPassword } from '../internal/ids.js';
import { authorize, type Principal } from './access.js';
import { loadBackup, requireAvailable } from './backups.js';
import { loadCluster } from './clusters.js';
import { newJob } from './jobs-factory.js';

/** One restore at a time per destination cluster. */
async function requireNoRestoreInto(ctx: ServerContext, clusterId: string): Promise<void> {
  const running = await ctx.store.listJobs({ type: 'RESTORE', statuses: ['PENDING', 'IN_PROGRESS', 'CANCELING'] }, { offset: 0, limit: 10_000 });
  if (running.items.some((job) => job.targetClusterId === clusterId)) {
    throw new ServiceError('RESTORE_IN_PROGRESS', `A restore into ${clusterId} is already running. Wait for its job to finish.`);
  }
}

/**
 * Restores a CLUSTER backup into a new cluster in the backup's own region (a copy in another
 * region restores there). The new cluster exists at once in status RESTORING; its password is
 * returned only here (passwords are never backed up).
 */
export async function restoreCluster(ctx: ServerContext, principal: Principal, ref: { clusterId: string; backupId: string }, request: RestoreClusterRequest): Promise<RestoreClusterResult> {
  const backup = await loadBackup(ctx, principal, ref, 'backup:restore');
  authorize(principal, 'backup:restore', [request.projectId], 'project');
  requireAvailable(backup);
  if (backup.backupType !== 'CLUSTER') throw new ServiceError('CLUSTER_BACKUP_REQUIRED');
  if ((await ctx.store.getProject(request.projectId)) === undefined) throw new ServiceError('INVALID_PROJECT_ID');
  return ctx.locks.run(`cluster-name:${request.projectId}`, async () => {
    if (await ctx.store.findClusterByName(request.projectId, request.clusterName)) {
      throw new ServiceError('DUPLICATE_CLUSTER_NAME', `A cluster named ${request.clusterName} already exists in ${request.projectId}. A restore always creates a new cluster: choose another name.`);
    }
    const clusterId = newClusterId();
    const now = ctx.clock.now();
    const job = newJob({
      type: 'RESTORE',
      now,
      projectId: request.projectId,
      clusterId: backup.clusterId,
      backupId: backup.backupId,
      targetClusterId: clusterId,
      payload: { kind: 'cluster', collectionStatus: request.collectionStatus ?? 'KEEP' },
    });
    await ctx.store.createClusterWithJob(
      { clusterId, clusterName: request.clusterName, projectId: request.projectId, regionId: backup.regionId, cuType: 'Performance-optimized', cuSize: request.cuSize, status: 'RESTORING', createTime: now },
      job,
    );
    ctx.wakeRunner();
    return { clusterId, username: 'db_admin', password: newPassword(), jobId: job.jobId };
  });
}

/** Restores collections of a backup into an existing cluster. */
export async function restoreCollection(ctx: ServerContext, principal: Principal, ref: { clusterId: string; backupId: string }, request: RestoreCollectionRequest): Promise<JobStarted> {
  const backup = await loadBackup(ctx, principal, ref, 'backup:restore');
  const target = await loadCluster(ctx, principal, request.destClusterId, 'backup:restore');
  requireAvailable(backup);
  if (target.status !== 'RUNNING') throw new ServiceError('RESTORE_COLLECTION_FAILED', `Cluster ${target.clusterId} is ${target.status}; restore into a RUNNING cluster.`);
  if (target.regionId !== backup.regionId) {
    throw new ServiceError(
      'RESTORE_COLLECTION_FAILED',
      `Backup ${backup.backupId} is in ${backup.regionId} but cluster ${target.clusterId} is in ${target.regionId}. Copy the backup to ${target.regionId} and restore the copy.`,
    );
  }
  const available = new Map((backup.contents?.dbCollections ?? []).map((db) => [db.dbName, new Set(db.collections.map((c) => c.collectionName))]));
  for (const db of request.dbCollections ?? []) {
    for (const collection of db.collections) {
      if (available.get(db.dbName)?.has(collection.collectionName) !== true) {
        throw new ServiceError('RESTORE_COLLECTION_FAILED', `Backup ${backup.backupId} has no collection ${db.dbName}.${collection.collectionName}. Describe the backup to see what it holds.`);
      }
    }
  }
  return ctx.locks.run(`restore:${target.clusterId}`, async () => {
    await requireNoRestoreInto(ctx, target.clusterId);
    const job = newJob({
      type: 'RESTORE',
      now: ctx.clock.now(),
      projectId: target.projectId,
      clusterId: backup.clusterId,
      backupId: backup.backupId,
      targetClusterId: target.clusterId,
      payload: { kind: 'collection', dbCollections: request.dbCollections ?? null, onConflict: request.onConflict ?? 'FAIL' },
    });
    await ctx.store.createJob(job);
    ctx.wakeRunner();
    return { jobId: job.jobId };
  });
}
