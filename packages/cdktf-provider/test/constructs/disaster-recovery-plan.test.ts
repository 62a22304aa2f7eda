import { resourceTypeOf } from '@lifeboat/engine';
import { describe, expect, it } from 'vitest';
import { intervalChoices, intervalForRpo } from '../../src/internal/rpo.js';
import { DisasterRecoveryPlan, LifeboatProvider, type DisasterRecoveryPlanProps } from '../../src/index.js';
import { blockOf, describeDiagnostics, engineView, namesOf, synthStack } from '../support/synth.js';

const sourceClusterId = 'in01-3e5ad8adc38f0a1b';
const base: DisasterRecoveryPlanProps = { sourceClusterId, drRegionId: 'local-2', rpo: '1h' };

const synthPlan = (props: Partial<DisasterRecoveryPlanProps>) =>
  synthStack((stack) => {
    new LifeboatProvider(stack, 'lifeboat');
    new DisasterRecoveryPlan(stack, 'orders-dr', { ...base, ...props });
  });

describe('DisasterRecoveryPlan', () => {
  it('backs up at least twice per RPO, with the longest interval the server offers', () => {
    // The table of docs/iac.md, at the edges of each row.
    const cases: [string, number][] = [
      ['10m', 5], ['19m', 5], ['20m', 10], ['29m', 10], ['30m', 15], ['59m', 15], ['1h', 30], ['119m', 30],
      ['2h', 60], ['7h', 60], ['8h', 240], ['23h', 240], ['1d', 720], ['24h', 720], ['47h', 720], ['2d', 1440], ['30d', 1440],
    ];
    expect(cases.map(([rpo]) => [rpo, intervalForRpo(rpo).ok && intervalForRpo(rpo)])).toEqual(
      cases.map(([rpo, interval]) => [rpo, expect.objectContaining({ ok: true, intervalMinutes: interval })]),
    );
  });

  it('offers only intervals the engine schema accepts, and every one of them', () => {
    const validate = resourceTypeOf('managed', 'lifeboat_backup_policy')?.schema.attributes.interval_minutes?.validate;
    expect(validate).toBeDefined();
    const accepted = Array.from({ length: 1440 }, (_, i) => i + 1).filter((minutes) => validate?.(minutes) === undefined);
    expect(accepted).toEqual([...intervalChoices]);
  });

  it('declares the schedule and the copy to the DR region, copying before the schedule starts', async () => {
    const { dir, json } = await synthPlan({ retentionDays: 10 });
    expect(blockOf(json, 'resource', 'lifeboat_copy_policy', 'orders-dr_dr_copy')).toMatchObject({ cluster_id: sourceClusterId, region_id: 'local-2', retention_days: 10 });
    expect(blockOf(json, 'resource', 'lifeboat_backup_policy', 'orders-dr')).toMatchObject({
      cluster_id: sourceClusterId,
      interval_minutes: 30,
      retention_days: 10,
      depends_on: ['lifeboat_copy_policy.orders-dr_dr_copy'],
    });
    expect(blockOf(json, 'resource', 'lifeboat_backup_policy', 'orders-dr')).not.toHaveProperty('start_time');
    expect(blockOf(json, 'resource')).not.toHaveProperty('lifeboat_cluster_restore');
    expect(describeDiagnostics((await engineView(dir)).diagnostics)).toEqual([]);
  });

  it('restores a standby from the newest backup in the DR region, created before the old one is dropped', async () => {
    const { dir, json } = await synthPlan({ standby: { clusterName: 'orders-standby', cuSize: 2 } });
    expect(blockOf(json, 'data', 'lifeboat_latest_backup', 'orders-dr_dr_latest')).toMatchObject({ cluster_id: sourceClusterId, region_id: 'local-2', backup_type: 'CLUSTER' });
    // Read at plan time: depending on the schedule would defer the read and replace the standby on every schedule change.
    expect(blockOf(json, 'data', 'lifeboat_latest_backup', 'orders-dr_dr_latest')).not.toHaveProperty('depends_on');
    expect(blockOf(json, 'resource', 'lifeboat_cluster_restore', 'orders-dr_standby')).toMatchObject({
      source_cluster_id: sourceClusterId,
      backup_id: '${data.lifeboat_latest_backup.orders-dr_dr_latest.backup_id}',
      project_id: '${data.lifeboat_cluster.orders-dr_source.project_id}',
      cluster_name: 'orders-standby-${data.lifeboat_latest_backup.orders-dr_dr_latest.backup_id}',
      cu_size: 2,
      lifecycle: { create_before_destroy: true },
    });
    expect(blockOf(json, 'output')).toMatchObject({
      'orders-dr_standby_connect_address': { value: '${lifeboat_cluster_restore.orders-dr_standby.connect_address}' },
      'orders-dr_standby_cluster_id': { value: '${lifeboat_cluster_restore.orders-dr_standby.cluster_id}' },
    });
    expect(describeDiagnostics((await engineView(dir)).diagnostics)).toEqual([]);
  });

  it('uses the project it is given instead of looking the source cluster up', async () => {
    const { json } = await synthPlan({ standby: { clusterName: 'orders-standby', projectId: 'proj-7c1e9a3b5d2f4e6a' } });
    expect(namesOf(json, 'data', 'lifeboat_cluster')).toEqual([]);
    expect(blockOf(json, 'resource', 'lifeboat_cluster_restore', 'orders-dr_standby')).toMatchObject({ project_id: 'proj-7c1e9a3b5d2f4e6a' });
  });

  it('rejects an RPO no schedule can meet, naming the construct path', async () => {
    await expect(synthPlan({ rpo: '5m' })).rejects.toThrow(
      'stack/orders-dr: rpo 5m cannot be met: the tightest schedule backs up every 5 minutes, and each backup also needs time to be taken and copied to the DR region, so the shortest RPO is 10m.',
    );
  });

  it.each<[Partial<DisasterRecoveryPlanProps>, string]>([
    [{ rpo: '1.5h' }, 'rpo must be a whole number of minutes, hours or days such as "15m", "1h" or "1d" (got "1.5h")'],
    [{ rpo: '60' as never }, 'rpo must be a whole number of minutes'],
    [{ retentionDays: 31 }, 'retentionDays must be a whole number of days from 1 to 30 (got 31); set it to 1–30.'],
    [{ standby: { clusterName: 'orders standby' } }, 'standby.clusterName must start with a letter or underscore'],
    [{ standby: { clusterName: 'x'.repeat(39) } }, 'standby.clusterName must be at most 38 characters (got 39)'],
  ])('rejects %j', async (props, problem) => {
    await expect(synthPlan(props)).rejects.toThrow(`stack/orders-dr: ${problem}`);
  });
});
