/**
 * How backups look to people: the list's columns and the describe view (what the backup holds,
 * where its copies are).
 */
import type { Backup, BackupSummary } from '@lifeboat/sdk';
import { formatFields } from '../runtime/fields.js';
import type { Column } from '../runtime/table.js';
import { formatTable } from '../runtime/table.js';
import { formatAge, formatBytes } from '../runtime/units.js';

/** Columns of `backups list`: what to scan for at 3 a.m. (which, whose, usable, how big, how old). */
export function backupColumns(now: number): Column<BackupSummary>[] {
  return [
    { header: 'BACKUP', value: (b) => b.backupId },
    { header: 'NAME', value: (b) => b.backupName },
    { header: 'CLUSTER', value: (b) => b.clusterId },
    { header: 'REGION', value: (b) => b.regionId },
    { header: 'TYPE', value: (b) => b.backupType },
    { header: 'METHOD', value: (b) => b.creationMethod },
    { header: 'STATUS', value: (b) => b.status },
    { header: 'SIZE', value: (b) => formatBytes(b.size), alignRight: true },
    { header: 'CREATED', value: (b) => b.createTime },
    { header: 'AGE', value: (b) => formatAge(now - Date.parse(b.createTime)), alignRight: true },
  ];
}

/** `backups describe`: the backup's fields, its collections, and its copies. */
export function formatBackup(backup: Backup, now: number): string {
  const fields = formatFields([
    ['Backup', backup.backupId],
    ['Name', backup.backupName],
    ['Cluster', `${backup.clusterId} (${backup.clusterName})`],
    ['Project', backup.projectId],
    ['Region', backup.regionId],
    ['Type', backup.backupType],
    ['Method', backup.creationMethod],
    ['Status', backup.status],
    ['Size', formatBytes(backup.size)],
    backup.storedBytes === undefined ? undefined : ['Stored', `${formatBytes(backup.storedBytes)} new (unchanged data is shared with other backups)`],
    ['Created', `${backup.createTime} (${formatAge(now - Date.parse(backup.createTime))} ago)`],
    ['Expires', backup.expireTime ?? 'never (manual backups are kept until deleted)'],
    backup.sourceBackupId === undefined || backup.sourceBackupId === null ? undefined : ['Copied from', backup.sourceBackupId],
  ]);
  const collections = backup.dbCollections.flatMap((db) => db.collections.map((collection) => ({ dbName: db.dbName, ...collection })));
  const collectionTable = formatTable(collections, [
    { header: 'DATABASE', value: (c) => c.dbName },
    { header: 'COLLECTION', value: (c) => c.collectionName },
    { header: 'ROWS', value: (c) => c.rowCount, alignRight: true },
    { header: 'PARTITIONS', value: (c) => c.partitions.length, alignRight: true },
    { header: 'CHECKSUM', value: (c) => c.checksum },
  ]);
  const copies = backup.copies ?? [];
  const copyTable = formatTable(copies, [
    { header: 'REGION', value: (c) => c.regionId },
    { header: 'COPY', value: (c) => c.backupId },
    { header: 'STATUS', value: (c) => c.status },
  ]);
  return `${fields}\nCollections:\n${indent(collectionTable)}\nCopies in other regions:\n${indent(copyTable)}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}
