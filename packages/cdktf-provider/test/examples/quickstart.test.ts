import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickstart, type QuickstartSettings } from '../../../../examples/quickstart/main.js';
import { actionsOf, changesOf, EngineWorkspace, planText } from '../support/engine.js';
import { seedCluster, startTestServer, type TestServer } from '../support/server.js';
import { synthApp } from '../support/synth.js';

let lifeboat: TestServer;
let clusters: [string, string];
let workspace: EngineWorkspace;

/** `cdktf synth` of the example, as a user would run it after editing `main.ts`. */
const synth = (settings: QuickstartSettings = {}): void => synthApp(workspace.dir, (app) => void quickstart(app, settings));

beforeAll(async () => {
  lifeboat = await startTestServer();
  const projectId = lifeboat.server.defaultProjectId;
  clusters = [await seedCluster(lifeboat.client, { projectId, clusterName: 'orders' }), await seedCluster(lifeboat.client, { projectId, clusterName: 'billing' })];
  workspace = new EngineWorkspace(join(lifeboat.work, 'quickstart'), lifeboat.client, { cluster_ids: JSON.stringify(clusters), migrating_cluster_id: clusters[0] });
}, 60_000);

afterAll(async () => {
  await lifeboat.close();
});

describe('examples/quickstart against a real server', () => {
  it('synthesizes, plans, applies, plans nothing, plans exactly a retention change, and destroys everything', async () => {
    const [orders, billing] = clusters;
    const { client } = lifeboat;
    const policy = (cluster: string) => `lifeboat_backup_policy.nightly["${cluster}"]`;
    const copy = (cluster: string) => `lifeboat_copy_policy.nightly_copy_local-2["${cluster}"]`;

    // given the example as written
    synth();
    const first = await workspace.plan();
    expect(actionsOf(first)).toEqual({
      [policy(orders)]: 'create',
      [policy(billing)]: 'create',
      [copy(orders)]: 'create',
      [copy(billing)]: 'create',
      'lifeboat_backup.before_migration': 'create',
    });
    expect(planText(first)).toContain('Plan: 5 to add, 0 to change, 0 to destroy.');

    // when it is applied
    const applied = await workspace.apply(first);

    // then both clusters are on the schedule, copied to local-2, and the manual backup exists
    for (const cluster of clusters) {
      expect(await client.policies.get(cluster)).toMatchObject({ status: 'ENABLED', retentionDays: 7, startTime: '02:00-04:00' });
      expect(await client.copyPolicies.list(cluster)).toEqual([{ regionId: 'local-2', retentionDays: 14, appliesTo: 'ALL' }]);
    }
    const backupId = applied.outputs.before_migration_backup_id?.value as string;
    expect(await client.backups.get({ clusterId: orders, backupId })).toMatchObject({ status: 'AVAILABLE', backupName: 'before-migration', creationMethod: 'MANUAL' });

    // and a second plan has nothing to do
    expect(changesOf(await workspace.plan())).toEqual({});

    // when the retention changes, the plan shows exactly that change, in place
    synth({ retentionDays: 14 });
    const changed = await workspace.plan();
    expect(changesOf(changed)).toEqual({ [policy(orders)]: 'update', [policy(billing)]: 'update' });
    expect(planText(changed)).toContain('Plan: 0 to add, 2 to change, 0 to destroy.');
    expect(planText(changed)).toMatch(/~ retention_days += 7 -> 14/);
    await workspace.apply(changed);
    for (const cluster of clusters) expect((await client.policies.get(cluster)).retentionDays).toBe(14);
    expect(changesOf(await workspace.plan())).toEqual({});

    // when destroyed, nothing the plan made is left on the server
    const destroy = await workspace.plan({ mode: 'destroy' });
    expect(Object.values(actionsOf(destroy))).toEqual(Array(5).fill('delete'));
    const destroyed = await workspace.apply(destroy);
    expect(destroyed.state.resources).toEqual([]);
    for (const cluster of clusters) {
      expect((await client.policies.get(cluster)).status).toBe('DISABLED');
      expect(await client.copyPolicies.list(cluster)).toEqual([]);
    }
    const manual = await client.backups.get({ clusterId: orders, backupId }).catch(() => undefined);
    expect(manual === undefined || manual.status === 'DELETING').toBe(true);
  }, 120_000);
});
