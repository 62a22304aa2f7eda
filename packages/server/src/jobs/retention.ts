import type { BackupStatus } from '@lifeboat/api';
import type { ServerContext } from '../context.js';
import type { BackupRecord } from '../domain/model.js';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * How long a FAILED backup without an expiry is kept. A failed MANUAL backup (or a copy asked for
 * without retention) has no `expireTime`, so without this rule failed attempts would pile up
 * forever in every list of the cluster's backups, though none of them can ever be restored. A
 * week leaves time to read why it failed. (Their partly copied blobs are collectable at once: no
 * manifest names them.)
 */
export const failedBackupKeepMs = 7 * dayMs;

const pageSize = 1000;

/** Why a backup is due for deletion, or `undefined` when it is kept. */
export function expiryReason(backup: Pick<BackupRecord, 'status' | 'expireTime' | 'createTime'>, now: number): 'expired' | 'failed-long-ago' | undefined {
  if (backup.status !== 'AVAILABLE' && backup.status !== 'FAILED') return undefined;
  // AUTO backups carry their policy's expiry and policy copies their copy policy's, both set at
  // creation; MANUAL backups have none and never expire.
  if (backup.expireTime !== null) return backup.expireTime <= now ? 'expired' : undefined;
  if (backup.status === 'FAILED' && backup.createTime <= now - failedBackupKeepMs) return 'failed-long-ago';
  return undefined;
}

/**
 * Marks backups past their retention DELETING; the sweeper then removes them once no job uses
 * them. CREATING backups are never touched: their job decides how they end.
 */
export async function expireBackups(ctx: ServerContext): Promise<{ readonly expired: readonly string[] }> {
  const now = ctx.clock.now();
  // Read everything first, then change: each change moves a backup out of the filtered list,
  // which would make offset paging skip others.
  const candidates: BackupRecord[] = [];
  const statuses: readonly BackupStatus[] = ['AVAILABLE', 'FAILED'];
  for (let offset = 0; ; offset += pageSize) {
    const page = await ctx.store.listBackups({ statuses }, { offset, limit: pageSize });
    candidates.push(...page.items);
    if (page.items.length < pageSize) break;
  }
  const expired: string[] = [];
  for (const backup of candidates) {
    const reason = expiryReason(backup, now);
    if (reason === undefined) continue;
    try {
      // Same lock as a user's delete and a copy's start, so neither sees a half-made decision.
      await ctx.locks.run(`backup:${backup.backupId}`, async () => {
        const current = await ctx.store.getBackup(backup.backupId);
        if (current === undefined || expiryReason(current, now) === undefined) return;
        await ctx.store.updateBackup(backup.backupId, { status: 'DELETING' });
        expired.push(backup.backupId);
        ctx.logger.info({ backupId: backup.backupId, clusterId: backup.clusterId, reason }, 'backup expired');
      });
    } catch (error) {
      ctx.logger.error({ backupId: backup.backupId, err: String(error) }, 'could not expire a backup; trying again next pass');
    }
  }
  return { expired };
}
