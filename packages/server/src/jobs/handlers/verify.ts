import type { ServerContext } from '../../context.js';
import type { BackupRecord } from '../../domain/model.js';
import type { JobEffects, JobHandler } from '../handler.js';
import { JobFailure } from '../handler.js';
import { segmentsOf } from '../manifest.js';
import { backupOf, ByteProgress, manifestOf, messageOf, regionStore } from './shared.js';

/** How many damaged blobs a failure names; the count covers the rest. */
const namedInReason = 3;

/**
 * VERIFY: re-reads and re-hashes every blob the backup's manifest names. A missing or corrupt
 * blob fails the job with a reason that names the damage and where an intact copy is. The
 * backup's status is left alone: verifying reports damage, it does not decide what the backup is.
 */
export const verifyHandler: JobHandler = {
  type: 'VERIFY',

  async run(job, context): Promise<JobEffects> {
    const { server, signal } = context;
    const backup = await backupOf(server, job.backupId);
    const store = regionStore(server, backup.regionId);
    const manifest = await manifestOf(store, backup.backupId);

    const segments = segmentsOf(manifest);
    const progress = new ByteProgress(context, segments.reduce((sum, segment) => sum + segment.bytes, 0));
    const missing: string[] = [];
    const corrupt: string[] = [];
    for (const segment of segments) {
      signal.throwIfAborted();
      const segmentProgress = progress.item(segment.bytes);
      let intact: boolean;
      try {
        intact = await store.verify(segment.sha256, { signal, onBytes: segmentProgress.onBytes });
      } catch (error) {
        if (signal.aborted) throw error;
        // An unreadable blob (I/O error, permissions) is as unusable as a corrupt one.
        server.logger.warn({ backupId: backup.backupId, hash: segment.sha256, err: messageOf(error) }, 'blob could not be read while verifying');
        intact = false;
      }
      if (!intact) ((await store.has(segment.sha256)) ? corrupt : missing).push(segment.sha256);
      segmentProgress.settle();
    }

    if (missing.length + corrupt.length > 0) {
      throw new JobFailure(await damageReport(server, backup, segments.length, missing, corrupt));
    }
    return {};
  },

  cleanup(): Promise<JobEffects> {
    // Verifying only reads.
    return Promise.resolve({});
  },
};

/** "3 of 12 blobs … are damaged (…): <hashes>. Restore from …" */
async function damageReport(server: ServerContext, backup: BackupRecord, total: number, missing: readonly string[], corrupt: readonly string[]): Promise<string> {
  const damaged = [...missing, ...corrupt];
  const kinds = [missing.length > 0 ? `${missing.length} missing` : '', corrupt.length > 0 ? `${corrupt.length} corrupt` : ''].filter(Boolean).join(', ');
  const named = damaged.slice(0, namedInReason).join(', ') + (damaged.length > namedInReason ? `, and ${damaged.length - namedInReason} more` : '');
  const elsewhere = await intactElsewhere(server, backup);
  const where = elsewhere.length > 0 ? ` (${elsewhere.map((b) => `${b.backupId} in ${b.regionId}`).join(', ')})` : '';
  return (
    `${damaged.length} of ${total} blobs of backup ${backup.backupId} in region ${backup.regionId} are damaged (${kinds}): ${named}. ` +
    `This backup cannot be restored from ${backup.regionId} as it is: restore from a copy of it in another region${where}, or take a new backup.`
  );
}

/** AVAILABLE copies of the same data in other regions: the backup's source and its copies. */
async function intactElsewhere(server: ServerContext, backup: BackupRecord): Promise<BackupRecord[]> {
  const related: BackupRecord[] = [];
  const copies = await server.store.listBackups({ sourceBackupId: backup.backupId, status: 'AVAILABLE' }, { offset: 0, limit: 10 });
  related.push(...copies.items);
  if (backup.sourceBackupId !== null) {
    const source = await server.store.getBackup(backup.sourceBackupId);
    if (source?.status === 'AVAILABLE') related.push(source);
  }
  return related.filter((b) => b.regionId !== backup.regionId);
}
