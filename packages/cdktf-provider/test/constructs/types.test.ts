import type { IResolvable } from 'cdktf';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  BackupConfig,
  BackupDays,
  BackupPolicy,
  BackupPolicyConfig,
  ClusterRestore,
  CopyToRegion,
  DataLifeboatLatestBackup,
  DisasterRecoveryPlan,
  DisasterRecoveryPlanProps,
  Rpo,
  ScheduledBackupsProps,
} from '../../src/index.js';
import type { backup } from '../../src/index.js';

type BackupCollections = backup.BackupCollections;

describe('the public types', () => {
  it('require what the schema requires and type each attribute as CDKTF bindings do', () => {
    expectTypeOf<BackupPolicyConfig['clusterId']>().toEqualTypeOf<string>();
    expectTypeOf<BackupPolicyConfig['retentionDays']>().toEqualTypeOf<number>();
    expectTypeOf<BackupPolicyConfig>().toHaveProperty('enabled').toEqualTypeOf<boolean | IResolvable | undefined>();
    expectTypeOf<BackupConfig['collections']>().toEqualTypeOf<BackupCollections[] | IResolvable | undefined>();
    expectTypeOf<BackupConfig['copyRegions']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<BackupCollections['collectionNames']>().toEqualTypeOf<string[]>();
  });

  it('have getters that return tokens of the attribute type, and no setters for computed attributes', () => {
    expectTypeOf<BackupPolicy['retentionDays']>().toEqualTypeOf<number>();
    expectTypeOf<BackupPolicy['enabled']>().toEqualTypeOf<IResolvable>();
    expectTypeOf<ClusterRestore['connectAddress']>().toEqualTypeOf<string>();
    expectTypeOf<DataLifeboatLatestBackup['backupId']>().toEqualTypeOf<string>();
    expectTypeOf<BackupPolicy>().toHaveProperty('resetFrequency').toEqualTypeOf<() => void>();
    expectTypeOf<BackupPolicy>().not.toHaveProperty('resetClusterId');
  });

  it('take days, RPOs and copies in checked shapes', () => {
    expectTypeOf<'daily'>().toExtend<BackupDays>();
    expectTypeOf<readonly [1, 3, 5]>().toExtend<BackupDays>();
    expectTypeOf<[8]>().not.toExtend<BackupDays>();
    expectTypeOf<'1h'>().toExtend<Rpo>();
    expectTypeOf<'15m'>().toExtend<Rpo>();
    expectTypeOf<'1 hour'>().not.toExtend<Rpo>();
    expectTypeOf<ScheduledBackupsProps['copies']>().toEqualTypeOf<readonly CopyToRegion[] | undefined>();
    expectTypeOf<DisasterRecoveryPlanProps['rpo']>().toEqualTypeOf<Rpo>();
    expectTypeOf<DisasterRecoveryPlan['standby']>().toEqualTypeOf<ClusterRestore | undefined>();
  });
});
