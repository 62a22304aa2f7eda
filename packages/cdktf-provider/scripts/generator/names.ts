/** How schema names become TypeScript and file names, the way CDKTF's provider generator names them. */

/** `cluster_id` → `clusterId`. */
export function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** `cluster_id` → `ClusterId`. */
export function pascalCase(snake: string): string {
  const camel = camelCase(snake);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/** `BackupCollections` → `backupCollections`. */
export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * The names of one resource type's module and class: `lifeboat_backup_policy` →
 * `lib/backup-policy`, `BackupPolicy`; data source `lifeboat_latest_backup` →
 * `lib/data-lifeboat-latest-backup`, `DataLifeboatLatestBackup` (as `@cdktf/provider-aws` names
 * `aws_s3_bucket` and `data.aws_s3_bucket`).
 */
export function moduleNames(mode: 'managed' | 'data', type: string): { readonly dir: string; readonly className: string; readonly namespace: string } {
  const base = mode === 'data' ? `data_${type}` : type.replace(/^lifeboat_/, '');
  return { dir: base.replaceAll('_', '-'), className: pascalCase(base), namespace: camelCase(base) };
}
