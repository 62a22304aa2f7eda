import type { ServerContext } from '../context.js';
import type { BackupRecord } from '../domain/model.js';
import { isBackupInUse, listActiveJobs } from './active-jobs.js';

const pageSize = 1000;

/** What one sweep did. */
export interface SweepResult {
  /** Backups whose manifest and row are gone. */
  readonly removed: readonly string[];
  /** DELETING backups a running job still reads or writes: swept on a later pass. */
  readonly inUse: readonly string[];
}

/**
 * Removes DELETING backups: first the manifest from the region's store (after which the backup
 * can no longer be restored and its blobs become collectable), then the row. In that order, a
 * crash in between leaves a DELETING row without a manifest, which the next sweep finishes; the
 * other order could leave a manifest nobody owns (garbage collection removes those too, but
 * only later). Blobs are left to the garbage collector, since other backups may share them.
 */
export async function sweepDeletedBackups(ctx: ServerContext): Promise<SweepResult> {
  const doomed: BackupRecord[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await ctx.store.listBackups({ status: 'DELETING' }, { offset, limit: pageSize });
    doomed.push(...page.items);
    if (page.items.length < pageSize) break;
  }
  const removed: string[] = [];
  const inUse: string[] = [];
  for (const backup of doomed) {
    try {
      // The lock a copy takes to start from this backup: a copy queued before we look is seen
      // below and keeps the backup; one queued after fails for want of its source, cleanly.
      const outcome = await ctx.locks.run(`backup:${backup.backupId}`, () => sweepOne(ctx, backup));
      (outcome === 'removed' ? removed : inUse).push(backup.backupId);
    } catch (error) {
      ctx.logger.error({ backupId: backup.backupId, err: String(error) }, 'could not remove a deleted backup; trying again next pass');
    }
  }
  if (removed.length > 0) ctx.logger.info({ removed: removed.length, inUse: inUse.length }, 'deleted backups removed');
  return { removed, inUse };
}

async function sweepOne(ctx: ServerContext, backup: BackupRecord): Promise<'removed' | 'in-use'> {
  // Read under the lock, so a restore, verify, export or copy still reading this backup keeps it.
  if (isBackupInUse(await listActiveJobs(ctx), backup.backupId)) return 'in-use';
  const store = ctx.regions.get(backup.regionId);
  if (store === undefined) {
    // The region left the configuration: nothing of it to delete here. Dropping the row is safe;
    // if the region comes back, its manifest has no row and garbage collection removes it.
    ctx.logger.warn({ backupId: backup.backupId, regionId: backup.regionId }, 'deleted backup is in a region no longer configured; removing its record only');
  } else {
    await store.deleteManifest(backup.backupId);
  }
  await ctx.store.deleteBackup(backup.backupId);
  return 'removed';
}
