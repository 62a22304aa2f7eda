import type { JobEffects, JobHandler } from '../handler.js';
import { JobFailure } from '../handler.js';
import { contentsOf, segmentsOf, sizeOf, type BackupManifest } from '../manifest.js';
import { forEachConcurrently } from '../../internal/concurrent.js';
import { backupOf, ByteProgress, concurrentBlobTransfers, failWith, manifestOf, regionStore } from './shared.js';

/**
 * COPY: `job.backupId` is the copy's own backup record (in the target region, CREATING,
 * `sourceBackupId` set); `payload.sourceBackupId` the backup it copies. Blobs the target region
 * already holds are not copied again (content addressing), so a re-run after a crash only moves
 * what is still missing, and a copy of an unchanged backup moves nothing. The copy's manifest is
 * written last, so a copy that looks complete is complete.
 */
export const copyHandler: JobHandler = {
  type: 'COPY',

  async run(job, context): Promise<JobEffects> {
    const { server, signal } = context;
    const copy = await backupOf(server, job.backupId, 'copy');
    const sourceBackupId = typeof job.payload.sourceBackupId === 'string' ? job.payload.sourceBackupId : copy.sourceBackupId;
    const source = await backupOf(server, sourceBackupId, 'source backup');
    if (source.regionId === copy.regionId) {
      throw new JobFailure(`backup ${source.backupId} is already in region ${copy.regionId}; copy it to another region.`);
    }
    const from = regionStore(server, source.regionId);
    const to = regionStore(server, copy.regionId);
    const manifest = await manifestOf(from, source.backupId);

    const segments = segmentsOf(manifest);
    const progress = new ByteProgress(context, segments.reduce((sum, segment) => sum + segment.bytes, 0));
    let stored = 0;
    await forEachConcurrently(segments, concurrentBlobTransfers, async (segment) => {
      signal.throwIfAborted();
      const segmentProgress = progress.item(segment.bytes);
      const { written } = await to
        .copyFrom(from, segment.sha256, { signal, onBytes: segmentProgress.onBytes })
        .catch(failWith(signal, `could not copy segment ${segment.sha256} from ${source.regionId} to ${copy.regionId}`));
      stored += written;
      segmentProgress.settle();
    });

    const copied: BackupManifest = { ...manifest, backupId: copy.backupId, regionId: copy.regionId, sourceBackupId: source.backupId };
    signal.throwIfAborted();
    await to.putManifest(copy.backupId, copied);
    server.metrics.bytesCopied.inc({ kind: 'copy' }, stored);
    // storedBytes counts this run's writes: after a crash, blobs the interrupted run stored count
    // as already present, so the figure can come out low, never high.
    return { backup: { status: 'AVAILABLE', size: sizeOf(manifest), storedBytes: stored, contents: contentsOf(manifest) } };
  },

  async cleanup(job, context): Promise<JobEffects> {
    const copy = job.backupId === null ? undefined : await context.server.store.getBackup(job.backupId);
    if (copy !== undefined) await context.server.regions.get(copy.regionId)?.deleteManifest(copy.backupId);
    // Blobs already copied stay until garbage collection finds nothing that needs them.
    return { backup: { status: 'FAILED' } };
  },
};
