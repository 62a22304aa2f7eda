import { TerraformIterator, type TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { LifeboatProvider, ScheduledBackups, type ScheduledBackupsProps } from '../../src/index.js';
import { blockOf, describeDiagnostics, engineView, namesOf, synthStack } from '../support/synth.js';

const clusterId = 'in01-3e5ad8adc38f0a1b';
const nightly: ScheduledBackupsProps = { clusterId, days: 'daily', window: '02:00-04:00', retentionDays: 7 };

/** Synthesizes one ScheduledBackups (at `stack/<path…>`) with a provider. */
const synthSchedule = (props: Partial<ScheduledBackupsProps>, path: readonly string[] = ['orders']) =>
  synthStack((stack) => {
    new LifeboatProvider(stack, 'lifeboat');
    let scope: Construct = stack;
    for (const id of path.slice(0, -1)) scope = new Construct(scope, id);
    new ScheduledBackups(scope, path[path.length - 1] ?? 'orders', { ...nightly, ...props });
  });

describe('ScheduledBackups', () => {
  it('declares the schedule and one copy policy per region, which the engine accepts', async () => {
    // given a schedule copied to two regions
    const { dir, json } = await synthSchedule({ days: [5, 1, 3], copies: [{ regionId: 'local-2', retentionDays: 14 }, { regionId: 'local-3', retentionDays: 3, appliesTo: 'AUTO' }] });

    // then
    expect(blockOf(json, 'resource', 'lifeboat_backup_policy', 'orders')).toMatchObject({ cluster_id: clusterId, frequency: '5,1,3', start_time: '02:00-04:00', retention_days: 7 });
    expect(blockOf(json, 'resource', 'lifeboat_copy_policy')).toMatchObject({
      'orders_copy_local-2': { cluster_id: clusterId, region_id: 'local-2', retention_days: 14 },
      'orders_copy_local-3': { cluster_id: clusterId, region_id: 'local-3', retention_days: 3, applies_to: 'AUTO' },
    });
    expect(describeDiagnostics((await engineView(dir)).diagnostics)).toEqual([]);
  });

  it('creates the copy policies before it enables the schedule, so the first backup is copied too', async () => {
    const { json } = await synthSchedule({ copies: [{ regionId: 'local-2', retentionDays: 14 }] });
    expect(blockOf(json, 'resource', 'lifeboat_backup_policy', 'orders')).toMatchObject({ depends_on: ['lifeboat_copy_policy.orders_copy_local-2'] });
  });

  it('adds copies with addCopy', async () => {
    const { json } = await synthStack((stack) => {
      new LifeboatProvider(stack, 'lifeboat');
      const schedule = new ScheduledBackups(stack, 'orders', nightly);
      const copy = schedule.addCopy({ regionId: 'local-3', retentionDays: 5 });
      expect(schedule.copyPolicies).toEqual([copy]);
    });
    expect(namesOf(json, 'resource', 'lifeboat_copy_policy')).toEqual(['orders_copy_local-3']);
  });

  it('repeats the schedule for every element of a for_each', async () => {
    const { dir, json } = await synthStack((stack) => {
      new LifeboatProvider(stack, 'lifeboat');
      const clusters = TerraformIterator.fromList(['in01-0000000000000001', 'in01-0000000000000002']);
      new ScheduledBackups(stack, 'fleet', { ...nightly, forEach: clusters, clusterId: clusters.value as string, copies: [{ regionId: 'local-2', retentionDays: 14 }] });
    });
    for (const [type, name] of [['lifeboat_backup_policy', 'fleet'], ['lifeboat_copy_policy', 'fleet_copy_local-2']] as const) {
      expect(blockOf(json, 'resource', type, name)).toMatchObject({ for_each: '${toset(["in01-0000000000000001", "in01-0000000000000002"])}', cluster_id: '${each.value}' });
    }
    expect(describeDiagnostics((await engineView(dir)).diagnostics)).toEqual([]);
  });

  it('names its resources after its name, wherever the construct sits', async () => {
    const top = await synthSchedule({ copies: [{ regionId: 'local-2', retentionDays: 14 }] }, ['orders']);
    const nested = await synthSchedule({ copies: [{ regionId: 'local-2', retentionDays: 14 }] }, ['team-a', 'databases', 'orders']);
    for (const { json } of [top, nested]) {
      expect(namesOf(json, 'resource', 'lifeboat_backup_policy')).toEqual(['orders']);
      expect(namesOf(json, 'resource', 'lifeboat_copy_policy')).toEqual(['orders_copy_local-2']);
    }
    const renamed = await synthSchedule({ name: 'orders_prod' }, ['weird id!']);
    expect(namesOf(renamed.json, 'resource', 'lifeboat_backup_policy')).toEqual(['orders_prod']);
    const sanitized = await synthSchedule({}, ['2nd cluster']);
    expect(namesOf(sanitized.json, 'resource', 'lifeboat_backup_policy')).toEqual(['_2nd_cluster']);
  });

  it('declares a rename from previousName as moved blocks', async () => {
    const { dir, json } = await synthSchedule({ name: 'orders_prod', previousName: 'orders', copies: [{ regionId: 'local-2', retentionDays: 14 }] });
    expect(json.moved).toEqual([
      { from: 'lifeboat_backup_policy.orders', to: 'lifeboat_backup_policy.orders_prod' },
      { from: 'lifeboat_copy_policy.orders_copy_local-2', to: 'lifeboat_copy_policy.orders_prod_copy_local-2' },
    ]);
    expect(describeDiagnostics((await engineView(dir)).diagnostics)).toEqual([]);
  });

  it('reports every invalid prop at synth, naming the construct path and the fix', async () => {
    const synth = synthSchedule(
      { retentionDays: 45, window: '2am-4am', days: [1, 8, 1] as never, name: 'bad name', copies: [{ regionId: 'local-2', retentionDays: 0 }, { regionId: 'local-2', retentionDays: 14 }, { regionId: 'local-3', retentionDays: 14 }] },
      ['prod', 'orders'],
    );
    await expect(synth).rejects.toThrow('stack/prod/orders: retentionDays must be a whole number of days from 1 to 30 (got 45); set it to 1–30.');
    const message = await synth.catch((error: unknown) => String(error));
    expect(message).toContain('stack/prod/orders: window must be a UTC window "HH:mm-HH:mm" such as "02:00-04:00" (got "2am-4am").');
    expect(message).toContain('stack/prod/orders: days must be ISO weekdays 1–7 (1 = Monday), got 8.');
    expect(message).toContain('stack/prod/orders: name must start with a letter or underscore and hold only letters, digits, underscores and dashes (got "bad name").');
    expect(message).toContain('stack/prod/orders: retentionDays of the copy to local-2 must be a whole number of days from 1 to 30 (got 0); set it to 1–30.');
    expect(message).toContain('stack/prod/orders: region local-2 is listed more than once in copies');
  });

  it.each<[Partial<ScheduledBackupsProps>, string]>([
    [{ days: 'fortnightly' as never }, 'days must be "daily", "weekdays", "weekends" or a list of ISO weekdays such as [1, 3, 5] (got "fortnightly")'],
    [{ days: [] }, 'days must list at least one day'],
    [{ days: [2, 2] }, 'days lists a day more than once (2, 2)'],
    [{ window: '24:00-01:00' }, 'window must be a UTC window'],
    [{ retentionDays: 1.5 }, 'retentionDays must be a whole number of days from 1 to 30 (got 1.5)'],
  ])('rejects %j', async (props, problem) => {
    await expect(synthSchedule(props)).rejects.toThrow(`stack/orders: ${problem}`);
  });

  it('leaves values known only at plan time to the engine', async () => {
    const { json } = await synthStack((stack) => {
      new LifeboatProvider(stack, 'lifeboat');
      const clusters = TerraformIterator.fromList(['in01-0000000000000001']);
      new ScheduledBackups(stack, 'orders', { ...nightly, clusterId: clusters.value as string, forEach: clusters, window: clusters.value as string });
    });
    expect(blockOf(json, 'resource', 'lifeboat_backup_policy', 'orders')).toMatchObject({ start_time: '${each.value}' });
  });

  it('refuses two schedules with the same name in one stack, naming both', async () => {
    const synth = synthStack((stack: TerraformStack) => {
      new LifeboatProvider(stack, 'lifeboat');
      new ScheduledBackups(new Construct(stack, 'team-a'), 'orders', nightly);
      new ScheduledBackups(new Construct(stack, 'team-b'), 'orders', nightly);
    });
    await expect(synth).rejects.toThrow(
      'stack/team-a/orders: lifeboat_backup_policy.orders is declared twice, by stack/team-a/orders/policy and by stack/team-b/orders/policy. Resources of ScheduledBackups are named after its `name`',
    );
  });
});
