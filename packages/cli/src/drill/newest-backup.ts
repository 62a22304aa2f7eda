/**
 * The backup a recovery would use: the AVAILABLE cluster backup holding the newest data. A copy
 * in another region is a backup record of its own, created when it was copied, so its
 * `createTime` says nothing about how old its data is: that is its source backup's `createTime`.
 * Picking by record time would let yesterday's copy of last month's backup pass a one-day RPO.
 */
import { ErrorCode, isLifeboatError, type Backup, type Lifeboat } from '@lifeboat/sdk';

/** A backup and when the data in it was captured. */
export interface NewestBackup {
  readonly backup: Backup;
  /** The source backup's `createTime` for a copy; the backup's own otherwise (ISO 8601). */
  readonly dataTime: string;
}

/** The newest data among a cluster's available cluster backups (in `regionId`), or `undefined`. */
export async function findNewestBackup(client: Lifeboat, query: { readonly clusterId: string; readonly regionId?: string | undefined }, signal?: AbortSignal): Promise<NewestBackup | undefined> {
  const { clusterId, regionId } = query;
  const summaries = await client.backups.list({ clusterId, status: 'AVAILABLE', backupType: 'CLUSTER', pageSize: 100, ...(regionId === undefined ? {} : { regionId }) }, { signal }).toArray();
  summaries.sort((a, b) => Date.parse(b.createTime) - Date.parse(a.createTime));
  let newest: NewestBackup | undefined;
  for (const summary of summaries) {
    // Data is never newer than its record, so no older record can hold newer data. A record as
    // old as the newest data may be the original of the copy found first: it is preferred.
    if (newest !== undefined && Date.parse(summary.createTime) < Date.parse(newest.dataTime)) break;
    const backup = await client.backups.get({ clusterId, backupId: summary.backupId }, { signal });
    const candidate = { backup, dataTime: await dataTimeOf(client, backup, signal) };
    if (newest === undefined || isNewer(candidate, newest)) newest = candidate;
  }
  return newest;
}

/** Newer data wins; for the same data, an original wins over a copy (it is where the cluster lives). */
function isNewer(candidate: NewestBackup, current: NewestBackup): boolean {
  const difference = Date.parse(candidate.dataTime) - Date.parse(current.dataTime);
  return difference > 0 || (difference === 0 && isCopy(current.backup) && !isCopy(candidate.backup));
}

const isCopy = (backup: Backup): boolean => backup.sourceBackupId !== undefined && backup.sourceBackupId !== null;

/** When a backup's data was captured: its source's creation for a copy (its own if the source is gone). */
async function dataTimeOf(client: Lifeboat, backup: Backup, signal?: AbortSignal): Promise<string> {
  const sourceBackupId = backup.sourceBackupId;
  if (sourceBackupId === undefined || sourceBackupId === null) return backup.createTime;
  try {
    const source = await client.backups.get({ clusterId: backup.clusterId, backupId: sourceBackupId }, { signal });
    return source.createTime;
  } catch (error) {
    // The source was deleted or expired: the copy's own time is the only bound left (data is no newer).
    if (isLifeboatError(error) && error.code === ErrorCode.BACKUP_NOT_FOUND) return backup.createTime;
    throw error;
  }
}
