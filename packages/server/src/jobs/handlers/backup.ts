import type { ClusterSnapshot, SegmentInfo } from '../../data/types.js';
import { startCopy } from '../../domain/backups.js';
import type { BackupRecord, JobRecord } from '../../domain/model.js';
import type { JobContext, JobEffects, JobHandler } from '../handler.js';
import { forEachConcurrently } from '../../internal/concurrent.js';
import { JobFailure } from '../handler.js';
import { contentsOf, sizeOf, type BackupManifest } from '../manifest.js';
import { ByteProgress, concurrentBlobTransfers } from './shared.js';

const dayMs = 24 * 60 * 60 * 1000;

/** A segment of a snapshot with where it lives in the cluster. */
interface SegmentSource {
  readonly dbName: string;
  readonly collectionName: string;
  readonly partitionName: string;
  readonly segment: SegmentInfo;
}

/**
 * Every segment of a snapshot once per hash (the same bytes in two places are one blob, and
 * storing them twice at the same time would count them twice), newest first: in a backup after
 * an earlier one, the newest segments are the ones the store lacks, so their copies and fsyncs
 * start at once and the quick checks of the older, already stored segments overlap with them.
 */
function segmentSources(snapshot: ClusterSnapshot): SegmentSource[] {
  const byHash = new Map<string, SegmentSource>();
  for (const { dbName, collections } of snapshot.databases) {
    for (const { collectionName, partitions } of collections) {
      for (const { partitionName, segments } of partitions) {
        for (const segment of segments) if (!byHash.has(segment.sha256)) byHash.set(segment.sha256, { dbName, collectionName, partitionName, segment });
      }
    }
  }
  return [...byHash.values()].reverse();
}

async function loadBackupOf(job: JobRecord, context: Pick<JobContext, 'server'>): Promise<BackupRecord> {
  const backup = job.backupId === null ? undefined : await context.server.store.getBackup(job.backupId);
  if (backup === undefined) throw new JobFailure(`backup ${job.backupId ?? '?'} no longer exists`);
  return backup;
}

/**
 * BACKUP: snapshot the cluster's sealed segments (checkpointed, so a re-run after a crash backs up
 * the same point in time), copy the blobs the region's store lacks, then write the manifest last.
 */
export const backupHandler: JobHandler = {
  type: 'BACKUP',

  async run(job, context): Promise<JobEffects> {
    const { server, signal } = context;
    const backup = await loadBackupOf(job, context);
    const store = server.regions.get(backup.regionId);
    if (store === undefined) throw new JobFailure(`region ${backup.regionId} is not configured on this server`);
    const cluster = await server.clusters.get(backup.clusterId);

    const takeSnapshot = async (): Promise<ClusterSnapshot> => {
      const taken = await cluster.snapshot(backup.scope ?? undefined);
      await context.checkpoint({ ...job.payload, snapshot: taken });
      return taken;
    };
    const snapshot = (job.payload.snapshot as ClusterSnapshot | undefined) ?? (await takeSnapshot());

    const sources = segmentSources(snapshot);
    const progress = new ByteProgress(context, sources.reduce((sum, { segment }) => sum + segment.bytes, 0));
    let stored = 0;
    await forEachConcurrently(sources, concurrentBlobTransfers, async ({ dbName, collectionName, partitionName, segment }) => {
      signal.throwIfAborted();
      const path = cluster.segmentPath(dbName, collectionName, partitionName, segment);
      const segmentProgress = progress.item(segment.bytes);
      const { written } = await store.putFile(segment.sha256, path, { signal, onBytes: segmentProgress.onBytes }).catch((error: unknown) => {
        if (signal.aborted) throw error;
        throw new JobFailure(`could not store segment ${segment.sha256.slice(0, 12)} of ${dbName}.${collectionName}: ${(error as Error).message}`);
      });
      stored += written;
      segmentProgress.settle();
    });

    const manifest: BackupManifest = {
      version: 1,
      backupId: backup.backupId,
      sourceBackupId: null,
      clusterId: backup.clusterId,
      clusterName: backup.clusterName,
      regionId: backup.regionId,
      backupType: backup.backupType,
      createTime: backup.createTime,
      databases: snapshot.databases,
    };
    signal.throwIfAborted();
    await store.putManifest(backup.backupId, manifest);
    server.metrics.bytesCopied.inc({ kind: 'backup' }, stored);
    return { backup: { status: 'AVAILABLE', size: sizeOf(snapshot), storedBytes: stored, contents: contentsOf(snapshot) } };
  },

  async cleanup(job, context): Promise<JobEffects> {
    const backup = job.backupId === null ? undefined : await context.server.store.getBackup(job.backupId);
    if (backup !== undefined) await context.server.regions.get(backup.regionId)?.deleteManifest(backup.backupId);
    // Blobs already copied stay until garbage collection finds nothing that needs them.
    return { backup: { status: 'FAILED' } };
  },

  /** Copies asked for with the backup, then those of the cluster's copy policies. */
  async afterSuccess(job, context): Promise<void> {
    const { server } = context;
    const backup = await loadBackupOf(job, context);
    const requested = new Set((job.payload.crossRegionCopies as string[] | undefined) ?? []);
    const policies = await server.store.listCopyPolicies(backup.clusterId);
    const targets = new Map<string, number | null>([...requested].map((regionId) => [regionId, null]));
    for (const policy of policies) {
      if (policy.appliesTo !== 'ALL' && policy.appliesTo !== backup.creationMethod) continue;
      if (policy.regionId === backup.regionId) continue;
      targets.set(policy.regionId, server.clock.now() + policy.retentionDays * dayMs);
    }
    for (const [regionId, expireTime] of targets) {
      await startCopy(server, backup, regionId, expireTime).catch((error: unknown) => {
        server.logger.warn({ backupId: backup.backupId, regionId, err: String(error) }, 'could not queue a copy');
      });
    }
  },
};
