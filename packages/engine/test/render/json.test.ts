import { describe, expect, it } from 'vitest';
import { normalizePlanJsonOptions, planToJson, renderPlan } from '../../src/render/index.js';
import type { JsonResourceChange } from '../../src/render/index.js';
import { change, output, plan as makePlan } from '../fixtures/render/builders.js';
import { fixedTimestamp, fixtureNames, loadFixture } from './golden.js';
import { planRepresentation } from './terraform-plan-format.js';

const jsonOf = async (name: string) => planToJson((await loadFixture(name)).plan, { timestamp: fixedTimestamp });
const changeAt = (changes: readonly JsonResourceChange[], address: string): JsonResourceChange => {
  const found = changes.find((candidate) => candidate.address === address);
  if (found === undefined) throw new Error(`no change for ${address}`);
  return found;
};

describe('planToJson', () => {
  it.each(fixtureNames())('writes the documented terraform show -json plan shape for %s', async (name) => {
    const json = await jsonOf(name);
    const result = planRepresentation.safeParse(JSON.parse(JSON.stringify(json)));
    expect(result.error?.issues ?? []).toEqual([]);
    expect(json.format_version).toBe('1.2');
  });

  it('keeps the action lists of creates, updates, deletes, reads and both kinds of replacement', async () => {
    const actions = [...(await jsonOf('replace')).resource_changes, ...(await jsonOf('update')).resource_changes, ...(await jsonOf('data-read')).resource_changes, ...(await jsonOf('delete')).resource_changes].map(
      (entry) => [entry.address, entry.change.actions],
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        ['lifeboat_backup.weekly', ['delete', 'create']],
        ['lifeboat_cluster_restore.standby', ['create', 'delete']],
        ['lifeboat_backup_policy.nightly', ['update']],
        ['lifeboat_copy_policy.dr["us-east-1"]', ['no-op']],
        ['data.lifeboat_latest_backup.dr_copy', ['read']],
        ['lifeboat_backup.snapshot[2]', ['delete']],
      ]),
    );
  });

  it('marks values known only after apply in after_unknown and leaves them out of after', async () => {
    const { change: created } = changeAt((await jsonOf('create')).resource_changes, 'lifeboat_backup_policy.nightly');
    expect(created.before).toBeNull();
    expect(created.before_sensitive).toBe(false);
    expect(created.after_unknown).toEqual({ id: true, status: true });
    expect(created.after).not.toHaveProperty('id');
    expect(created.after).toMatchObject({ retention_days: 7 });
  });

  it('writes {} for after_unknown and false for after_sensitive of a deleted object', async () => {
    const { change: deleted } = changeAt((await jsonOf('delete')).resource_changes, 'lifeboat_backup_policy.legacy');
    expect(deleted.after).toBeNull();
    expect(deleted.after_unknown).toEqual({});
    expect(deleted.after_sensitive).toBe(false);
    expect(deleted.before_sensitive).toEqual({});
  });

  it('mirrors lists element by element in the sensitivity marks, as Terraform does', async () => {
    const { change: snapshot } = changeAt((await jsonOf('delete')).resource_changes, 'lifeboat_backup.snapshot[2]');
    expect(snapshot.before_sensitive).toEqual({ collections: [{ collection_names: [false] }], copy_regions: [] });
  });

  it('lists the paths that force a replacement as arrays of steps, and only for replacements caused by them', async () => {
    const replace = await jsonOf('replace');
    expect(changeAt(replace.resource_changes, 'lifeboat_cluster_restore.standby').change.replace_paths).toEqual([['backup_id']]);
    expect(changeAt(replace.resource_changes, 'lifeboat_backup.weekly').change.replace_paths).toEqual([['copy_regions']]);
    const tainted = changeAt((await jsonOf('tainted')).resource_changes, 'lifeboat_backup.before_migration');
    expect(tainted.change).not.toHaveProperty('replace_paths');
    expect(tainted.action_reason).toBe('replace_because_tainted');
    expect(changeAt((await jsonOf('update')).resource_changes, 'lifeboat_backup_policy.nightly').change).not.toHaveProperty('replace_paths');
  });

  it('carries action_reason only where the plan gives one', async () => {
    const reasons = Object.fromEntries((await jsonOf('delete')).resource_changes.map((entry) => [entry.address, entry.action_reason]));
    expect(reasons).toEqual({
      'lifeboat_backup.snapshot[2]': 'delete_because_count_index',
      'lifeboat_backup_policy.legacy': 'delete_because_no_resource_config',
      'lifeboat_copy_policy.dr["ap-south-1"]': 'delete_because_each_key',
    });
    expect(changeAt((await jsonOf('create')).resource_changes, 'lifeboat_backup_policy.nightly')).not.toHaveProperty('action_reason');
  });

  it('keeps every drift in resource_drift while the text shows only drift with a planned change', async () => {
    const { plan } = await loadFixture('drift');
    const json = planToJson(plan, { timestamp: fixedTimestamp });
    expect(json.resource_drift.map((entry) => entry.address)).toEqual(['lifeboat_backup.before_migration', 'lifeboat_backup_policy.nightly', 'lifeboat_copy_policy.dr']);
    expect(changeAt(json.resource_drift, 'lifeboat_copy_policy.dr').change).toMatchObject({ before: { retention_days: 14 }, after: { retention_days: 3 } });
    expect(renderPlan(plan)).not.toContain('lifeboat_copy_policy.dr');
  });

  it('gives index, mode and instance keys as Terraform does', async () => {
    const created = changeAt((await jsonOf('create')).resource_changes, 'lifeboat_copy_policy.dr["eu-central-1"]');
    expect(created).toMatchObject({ mode: 'managed', type: 'lifeboat_copy_policy', name: 'dr', index: 'eu-central-1', provider_name: 'registry.terraform.io/lifeboat/lifeboat' });
    expect(changeAt((await jsonOf('delete')).resource_changes, 'lifeboat_backup.snapshot[2]').index).toBe(2);
    expect(changeAt((await jsonOf('data-read')).resource_changes, 'data.lifeboat_latest_backup.dr_copy')).toMatchObject({ mode: 'data', name: 'dr_copy' });
    expect(changeAt((await jsonOf('create')).resource_changes, 'lifeboat_backup_policy.nightly')).not.toHaveProperty('index');
  });

  it('plans values of everything that will exist, and nothing that will be destroyed', async () => {
    const planned = (await jsonOf('delete')).planned_values.root_module.resources;
    expect(planned).toEqual([]);
    const replaced = (await jsonOf('replace')).planned_values.root_module.resources.map((resource) => resource.address);
    expect(replaced).toEqual(['lifeboat_backup.weekly', 'lifeboat_cluster_restore.standby']);
  });

  it('writes output changes, leaving out an after that is known only after apply', async () => {
    const json = await jsonOf('outputs');
    expect(json.output_changes['latest_backup_id']).toEqual({ actions: ['update'], before: 'bk-0001', after_unknown: true, before_sensitive: false, after_sensitive: false });
    expect(json.output_changes['legacy_cluster']).toMatchObject({ actions: ['delete'], before: 'in01-legacy', after: null });
    expect(json.planned_values.outputs?.['latest_backup_id']).toEqual({ sensitive: false });
    expect(json.planned_values.outputs).not.toHaveProperty('legacy_cluster');
    expect(Object.keys(json.output_changes)).toEqual([...Object.keys(json.output_changes)].sort());
  });

  it('describes the prior state, tainted instances included', async () => {
    const prior = (await jsonOf('tainted')).prior_state;
    expect(prior).toMatchObject({ format_version: '1.0', terraform_version: '1.11.0' });
    expect(prior.values.root_module.resources).toEqual([expect.objectContaining({ address: 'lifeboat_backup.before_migration', tainted: true, schema_version: 0 })]);
  });

  it('writes variables as {name: {value}}, and a minimal configuration without instances deleted for lack of one', async () => {
    const json = planToJson(makePlan({ variables: { retention: 14, regions: ['eu-central-1'] } }), { timestamp: fixedTimestamp });
    expect(json.variables).toEqual({ regions: { value: ['eu-central-1'] }, retention: { value: 14 } });
    const configured = (await jsonOf('delete')).configuration.root_module.resources.map((resource) => resource.address);
    expect(configured).toEqual(['lifeboat_backup.snapshot', 'lifeboat_copy_policy.dr']);
  });

  it('is applyable only without errors and with something to do', async () => {
    expect((await jsonOf('create')).applyable).toBe(true);
    expect((await jsonOf('no-changes')).applyable).toBe(false);
    expect((await jsonOf('refresh-only')).applyable).toBe(true);
    expect((await jsonOf('diagnostics'))).toMatchObject({ applyable: false, errored: true });
    expect((await jsonOf('outputs')).applyable).toBe(true);
  });

  it('writes the same bytes whatever order the planner built its objects in', () => {
    const build = (after: Record<string, string | number>, afterUnknown: Record<string, boolean>) =>
      makePlan({ resourceChanges: [change({ address: 'lifeboat_copy_policy.dr', actions: ['create'], after, afterUnknown })], outputChanges: [output({ name: 'b', actions: ['create'], after: 1 }), output({ name: 'a', actions: ['create'], after: 2 })] });
    const one = JSON.stringify(planToJson(build({ region_id: 'eu', cluster_id: 'in01', retention_days: 7 }, { id: true }), { timestamp: fixedTimestamp }));
    const two = JSON.stringify(planToJson(build({ retention_days: 7, cluster_id: 'in01', region_id: 'eu' }, { id: true }), { timestamp: fixedTimestamp }));
    expect(one).toBe(two);
  });

  it('stamps the time as RFC 3339 in whole seconds, and refuses an invalid date', () => {
    expect(planToJson(makePlan(), { timestamp: new Date('2026-03-01T12:34:56.789Z') }).timestamp).toBe('2026-03-01T12:34:56Z');
    expect(() => normalizePlanJsonOptions({ timestamp: new Date('nope') })).toThrow(RangeError);
  });
});
