import { TerraformIterator, TerraformOutput, type TerraformStack } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { classExamples } from '../../scripts/generator/examples.js';
import {
  Backup,
  BackupPolicy,
  ClusterRestore,
  CollectionRestore,
  CopyPolicy,
  DataLifeboatBackups,
  DataLifeboatCluster,
  DataLifeboatLatestBackup,
  LifeboatProvider,
  backupPolicy,
} from '../../src/index.js';
import { blockOf, describeDiagnostics, engineView, synthStack } from '../support/synth.js';

const clusterId = 'in01-3e5ad8adc38f0a1b';

describe('generated resource classes', () => {
  it('synthesize camelCase config as the snake_case attributes of the type', async () => {
    // given
    const { json } = await synthStack((stack) => {
      new LifeboatProvider(stack, 'lifeboat');
      new BackupPolicy(stack, 'nightly', { clusterId, frequency: 'weekdays', startTime: '01:00-03:00', retentionDays: 9, enabled: false });
    });
    // then
    expect(blockOf(json, 'resource', 'lifeboat_backup_policy', 'nightly')).toMatchObject({
      cluster_id: clusterId,
      frequency: 'weekdays',
      start_time: '01:00-03:00',
      retention_days: 9,
      enabled: false,
    });
  });

  it('leave out what is not set, and what reset* takes back', async () => {
    const { json } = await synthStack((stack) => {
      new LifeboatProvider(stack, 'lifeboat');
      const backup = new Backup(stack, 'b', { clusterId, backupName: 'first', copyRegions: ['local-2'] });
      backup.resetBackupName();
      backup.copyRegions = ['local-3'];
    });
    const block = blockOf(json, 'resource', 'lifeboat_backup', 'b');
    expect(block).toMatchObject({ cluster_id: clusterId, copy_regions: ['local-3'] });
    expect(block).not.toHaveProperty('backup_name');
    expect(block).not.toHaveProperty('collections');
  });

  it('write a list of objects set with put* in snake_case, and read its elements back as references', async () => {
    const { json } = await synthStack((stack) => {
      new LifeboatProvider(stack, 'lifeboat');
      const backup = new Backup(stack, 'b', { clusterId });
      backup.putCollections([{ dbName: 'sales', collectionNames: ['orders', 'invoices'] }]);
      new TerraformOutput(stack, 'first_db', { value: backup.collections.get(0).dbName });
      const backups = new DataLifeboatBackups(stack, 'all', { clusterId, status: 'AVAILABLE' });
      new TerraformOutput(stack, 'newest', { value: backups.backups.get(0).backupId });
    });
    expect(blockOf(json, 'resource', 'lifeboat_backup', 'b')).toMatchObject({ collections: [{ db_name: 'sales', collection_names: ['orders', 'invoices'] }] });
    expect(blockOf(json, 'output', 'first_db')).toMatchObject({ value: '${lifeboat_backup.b.collections[0].db_name}' });
    expect(blockOf(json, 'output', 'newest')).toMatchObject({ value: '${data.lifeboat_backups.all.backups[0].backup_id}' });
  });

  it('give every attribute a getter that synthesizes as a reference to it', async () => {
    const { json } = await synthStack((stack) => {
      new LifeboatProvider(stack, 'lifeboat');
      const latest = new DataLifeboatLatestBackup(stack, 'latest', { clusterId, regionId: 'local-2' });
      const source = new DataLifeboatCluster(stack, 'source', { clusterId });
      const standby = new ClusterRestore(stack, 'standby', { sourceClusterId: clusterId, backupId: latest.backupId, projectId: source.projectId, clusterName: 'standby' });
      new TerraformOutput(stack, 'address', { value: standby.connectAddress });
      new TerraformOutput(stack, 'password', { value: standby.password, sensitive: true });
    });
    expect(blockOf(json, 'resource', 'lifeboat_cluster_restore', 'standby')).toMatchObject({
      backup_id: '${data.lifeboat_latest_backup.latest.backup_id}',
      project_id: '${data.lifeboat_cluster.source.project_id}',
    });
    expect(blockOf(json, 'output', 'address')).toMatchObject({ value: '${lifeboat_cluster_restore.standby.connect_address}' });
    expect(blockOf(json, 'output', 'password')).toMatchObject({ value: '${lifeboat_cluster_restore.standby.password}', sensitive: true });
  });

  it('pass the meta-arguments through: for_each, depends_on, lifecycle, provider alias', async () => {
    const { json } = await synthStack((stack) => {
      new LifeboatProvider(stack, 'lifeboat');
      const dr = new LifeboatProvider(stack, 'dr', { alias: 'dr', endpoint: 'http://127.0.0.1:7433' });
      const clusters = TerraformIterator.fromList(['in01-0000000000000001', 'in01-0000000000000002']);
      const copy = new CopyPolicy(stack, 'copy', { forEach: clusters, clusterId: clusters.value as string, regionId: 'local-2', retentionDays: 3, provider: dr });
      new CollectionRestore(stack, 'restore', {
        sourceClusterId: clusterId,
        backupId: 'backup1_0000000000000000',
        destClusterId: 'in01-0000000000000003',
        collectionName: 'orders',
        dependsOn: [copy],
        lifecycle: { preventDestroy: true },
      });
    });
    expect(blockOf(json, 'provider')).toEqual({ lifeboat: [{}, { alias: 'dr', endpoint: 'http://127.0.0.1:7433' }] });
    expect(blockOf(json, 'resource', 'lifeboat_copy_policy', 'copy')).toMatchObject({ for_each: '${toset(["in01-0000000000000001", "in01-0000000000000002"])}', cluster_id: '${each.value}', provider: 'lifeboat.dr' });
    expect(blockOf(json, 'resource', 'lifeboat_collection_restore', 'restore')).toMatchObject({ depends_on: ['lifeboat_copy_policy.copy'], lifecycle: { prevent_destroy: true } });
  });

  it('declare import blocks with importFrom and generateConfigForImport', async () => {
    // Both make CDKTF's validation run `terraform version` (it wants Terraform 1.5 for import
    // blocks); Lifeboat needs no Terraform, and this machine may have none, so it is skipped here.
    const { json } = await synthStack(
      (stack) => {
        new LifeboatProvider(stack, 'lifeboat');
        const policy = new BackupPolicy(stack, 'existing', { clusterId, frequency: 'daily', startTime: '02:00-04:00', retentionDays: 7 });
        policy.importFrom(clusterId);
        BackupPolicy.generateConfigForImport(stack, 'found', clusterId);
      },
      { skipValidation: true },
    );
    expect(json.import).toEqual([
      { id: clusterId, to: 'lifeboat_backup_policy.existing' },
      { id: clusterId, to: 'lifeboat_backup_policy.found' },
    ]);
  });

  it('name their Terraform type statically and through a namespace, as @cdktf/provider-* packages do', () => {
    expect(BackupPolicy.tfResourceType).toBe('lifeboat_backup_policy');
    expect(DataLifeboatLatestBackup.tfResourceType).toBe('lifeboat_latest_backup');
    expect(LifeboatProvider.tfResourceType).toBe('lifeboat');
    expect(backupPolicy.BackupPolicy).toBe(BackupPolicy);
  });

  it('refuse to synthesize without a provider, like any CDKTF provider', async () => {
    await expect(synthStack((stack: TerraformStack) => void new CopyPolicy(stack, 'copy', { clusterId, regionId: 'local-2', retentionDays: 3 }))).rejects.toThrow(
      /without a matching provider construct.*lifeboat/s,
    );
  });
});

describe('the documentation examples of the generated classes', () => {
  const classes: Record<string, new (scope: TerraformStack, id: string, config: never) => unknown> = {
    lifeboat: LifeboatProvider,
    lifeboat_backup_policy: BackupPolicy,
    lifeboat_copy_policy: CopyPolicy,
    lifeboat_backup: Backup,
    lifeboat_cluster_restore: ClusterRestore,
    lifeboat_collection_restore: CollectionRestore,
    'data.lifeboat_latest_backup': DataLifeboatLatestBackup,
    'data.lifeboat_cluster': DataLifeboatCluster,
    'data.lifeboat_backups': DataLifeboatBackups,
  };

  it('cover every class', () => {
    expect(Object.keys(classExamples).sort()).toEqual(Object.keys(classes).sort());
  });

  it('synthesize to configuration the engine accepts', async () => {
    const { dir } = await synthStack((stack) => {
      for (const [key, Class] of Object.entries(classes)) {
        const example = classExamples[key];
        if (example === undefined) throw new Error(`no example for ${key}`);
        new Class(stack, example.id, example.config as never);
      }
    });
    const { configuration, diagnostics } = await engineView(dir);
    expect(describeDiagnostics(diagnostics)).toEqual([]);
    expect(configuration.resources.map((resource) => resource.address).sort()).toEqual([
      'data.lifeboat_backups.available',
      'data.lifeboat_cluster.orders',
      'data.lifeboat_latest_backup.newest-in-dr',
      'lifeboat_backup.before-migration',
      'lifeboat_backup_policy.nightly',
      'lifeboat_cluster_restore.standby',
      'lifeboat_collection_restore.orders-copy',
      'lifeboat_copy_policy.to-dr',
    ]);
  });
});
