import { rm } from 'node:fs/promises';
import type { JobRecord } from '../../domain/model.js';
import type { JobContext, JobEffects } from '../handler.js';
import { JobFailure } from '../handler.js';
import { sizeOf } from '../manifest.js';
import { backupOf, ByteProgress, failWith, manifestOf, regionStore } from './shared.js';

type CleanupContext = Omit<JobContext, 'progress' | 'checkpoint'>;

/**
 * RESTORE of a whole cluster (`payload.kind === 'cluster'`): `job.targetClusterId` is the new
 * cluster, created RESTORING in the backup's region; `job.backupId` the CLUSTER backup.
 * Every run starts from an empty cluster, so a re-run after a crash never meets half a restore,
 * and every segment is verified against its hash and row checksum as it is materialised. The
 * cluster becomes RUNNING only when every collection is in place.
 */
export async function runClusterRestore(job: JobRecord, context: JobContext): Promise<JobEffects> {
  const { server, signal } = context;
  const clusterId = targetOf(job);
  const backup = await backupOf(server, job.backupId);
  const store = regionStore(server, backup.regionId);
  const manifest = await manifestOf(store, backup.backupId);
  const keepLoadState = job.payload.collectionStatus !== 'RELEASE';

  await removeClusterData(context, clusterId);
  const cluster = await server.clusters.create(clusterId).catch(failWith(signal, `could not create the data of cluster ${clusterId}`));

  const progress = new ByteProgress(context, sizeOf(manifest));
  for (const db of manifest.databases) {
    signal.throwIfAborted();
    if (!(await cluster.listDatabases()).includes(db.dbName)) {
      await cluster.createDatabase(db.dbName).catch(failWith(signal, `could not create database ${db.dbName} in cluster ${clusterId}`));
    }
    for (const snapshot of db.collections) {
      signal.throwIfAborted();
      await cluster
        .materialize({
          dbName: db.dbName,
          collectionName: snapshot.collectionName,
          snapshot,
          loaded: keepLoadState ? snapshot.loaded : false,
          onConflict: 'FAIL',
          source: async (segment, destPath) => {
            const segmentProgress = progress.item(segment.bytes);
            await store.readTo(segment.sha256, destPath, { signal, onBytes: segmentProgress.onBytes });
            segmentProgress.settle();
          },
          signal,
        })
        .catch(failWith(signal, `could not restore ${db.dbName}.${snapshot.collectionName} from backup ${backup.backupId}`));
    }
  }
  signal.throwIfAborted();
  // Dropping a RESTORING cluster is not refused elsewhere yet; never bring a dropped one back.
  const record = await server.store.getCluster(clusterId);
  if (record === undefined || record.status === 'DELETED') {
    throw new JobFailure(`cluster ${clusterId} was dropped while it was being restored; its data has been removed. Restore the backup again if you still need it.`);
  }
  return { cluster: { status: 'RUNNING' } };
}

/** Removes whatever the restore wrote; the cluster record ends DELETED (it never held data of its own). */
export async function cleanUpClusterRestore(job: JobRecord, context: CleanupContext): Promise<JobEffects> {
  if (job.targetClusterId === null) return {};
  await removeClusterData(context, job.targetClusterId);
  return { cluster: { status: 'DELETED' } };
}

function targetOf(job: JobRecord): string {
  if (job.targetClusterId === null) throw new JobFailure('the restore job records no target cluster; start the restore again.');
  return job.targetClusterId;
}

/**
 * Drops the cluster's data through the registry (which closes what it has open), then removes
 * the directory itself: the registry only drops a cluster it can open, and a crash during
 * `create` can leave a directory that does not open.
 */
async function removeClusterData(context: CleanupContext, clusterId: string): Promise<void> {
  await context.server.clusters.remove(clusterId);
  await rm(context.server.clusters.dirOf(clusterId), { recursive: true, force: true });
}
