/**
 * Quickstart: protect two clusters with a nightly backup schedule whose backups are copied to a
 * second region, and take a manual backup of one of them before migrating it.
 *
 *   lifeboat synth             # runs `npx tsx main.ts` (cdktf.json), which writes cdktf.out/
 *   lifeboat plan -var 'cluster_ids=["in01-…","in01-…"]' -var migrating_cluster_id=in01-…
 *   lifeboat apply -var 'cluster_ids=["in01-…","in01-…"]' -var migrating_cluster_id=in01-…
 *
 * The provider block is empty: the endpoint and API key come from LIFEBOAT_ENDPOINT and
 * LIFEBOAT_API_KEY.
 */
import { fileURLToPath } from 'node:url';
import { Backup, LifeboatProvider, ScheduledBackups } from '@lifeboat/cdktf-provider';
import { App, TerraformIterator, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';

/** What a later change of the quickstart touches; everything else is fixed below. */
export interface QuickstartSettings {
  /** Days each nightly backup is kept. @default 7 */
  readonly retentionDays?: number;
}

/** Declares the quickstart stack in `app`. */
export function quickstart(app: App, settings: QuickstartSettings = {}): TerraformStack {
  const stack = new TerraformStack(app, 'quickstart');
  new LifeboatProvider(stack, 'lifeboat');

  const clusterIds = new TerraformVariable(stack, 'cluster_ids', { type: 'list(string)', description: 'The clusters to protect.' });
  const migrating = new TerraformVariable(stack, 'migrating_cluster_id', { type: 'string', description: 'The cluster about to be migrated: it gets a manual backup first.' });

  // One schedule (and one copy policy) per cluster of the list: for_each in the synthesized JSON.
  const clusters = TerraformIterator.fromList(clusterIds.listValue);
  new ScheduledBackups(stack, 'nightly', {
    forEach: clusters,
    clusterId: clusters.value as string,
    days: 'daily',
    window: '02:00-04:00',
    retentionDays: settings.retentionDays ?? 7,
    copies: [{ regionId: 'local-2', retentionDays: 14 }],
  });

  // Manual backups never expire: this one stays until the resource is destroyed.
  const beforeMigration = new Backup(stack, 'before_migration', { clusterId: migrating.stringValue, backupName: 'before-migration' });
  new TerraformOutput(stack, 'before_migration_backup_id', { value: beforeMigration.backupId, description: 'The backup to restore if the migration goes wrong.' });
  return stack;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const app = new App();
  quickstart(app);
  app.synth();
}
