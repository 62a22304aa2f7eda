import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drStandby, type DrStandbySettings } from '../../../../examples/dr-standby/main.js';
import { actionsOf, changesOf, EngineWorkspace, planText } from '../support/engine.js';
import { seedCluster, startTestServer, waitFor, type TestServer } from '../support/server.js';
import { synthApp } from '../support/synth.js';

let lifeboat: TestServer;
let orders: string;
let workspace: EngineWorkspace;

const synth = (settings: DrStandbySettings = {}): void => synthApp(workspace.dir, (app) => void drStandby(app, settings));

/** The id of the newest AVAILABLE backup of `orders` in local-2, once there is one other than `previous`. */
const newestInDr = (previous?: string): Promise<string> =>
  waitFor(`a backup of ${orders} in local-2`, async () => {
    const found = await lifeboat.client.backups.findLatest({ clusterId: orders, regionId: 'local-2', backupType: 'CLUSTER' });
    return found === undefined || found.backupId === previous ? undefined : found.backupId;
  });

beforeAll(async () => {
  lifeboat = await startTestServer();
  orders = await seedCluster(lifeboat.client, { projectId: lifeboat.server.defaultProjectId, clusterName: 'orders', rows: 30 });
  workspace = new EngineWorkspace(join(lifeboat.work, 'dr-standby'), lifeboat.client, { source_cluster_id: orders });
}, 60_000);

afterAll(async () => {
  await lifeboat.close();
});

describe('examples/dr-standby against a real server', () => {
  it('keeps a standby from the newest copy: retention changes in place, a newer backup replaces it, create before destroy', async () => {
    const { client } = lifeboat;
    const policy = 'lifeboat_backup_policy.orders';
    const copy = 'lifeboat_copy_policy.orders_dr_copy';
    const standby = 'lifeboat_cluster_restore.orders_standby';

    // given the schedule and its copies, applied first: there is nothing in local-2 to restore yet
    synth({ standby: false });
    const protect = await workspace.plan();
    expect(actionsOf(protect)).toEqual({ [policy]: 'create', [copy]: 'create' });
    await workspace.apply(protect);
    expect(await client.policies.get(orders)).toMatchObject({ status: 'ENABLED', intervalMinutes: 30, retentionDays: 7 });
    // enabling the schedule took a first backup, and the copy policy (created first) copied it
    const firstCopy = await newestInDr();

    // when the standby is added, the plan restores exactly it, from that copy
    synth();
    const addStandby = await workspace.plan();
    expect(changesOf(addStandby)).toEqual({ [standby]: 'create' });
    expect(addStandby.resourceChanges.find((change) => change.address === standby)?.after).toMatchObject({ backup_id: firstCopy, cluster_name: `orders-standby-${firstCopy}` });
    const applied = await workspace.apply(addStandby);
    const standbyId = applied.outputs.orders_standby_cluster_id?.value as string;
    expect(await client.clusters.get(standbyId)).toMatchObject({ status: 'RUNNING', regionId: 'local-2', clusterName: `orders-standby-${firstCopy}` });
    expect(applied.outputs.orders_standby_connect_address?.value).toBe((await client.clusters.get(standbyId)).connectAddress);
    expect((await client.dataPlane(standbyId).collections.describe({ collectionName: 'orders' })).rowCount).toBe(30);

    // then a second plan is empty
    expect(changesOf(await workspace.plan())).toEqual({});

    // when the retention changes, the schedule and the copy policy change in place and the standby stays
    synth({ retentionDays: 14 });
    const retention = await workspace.plan();
    expect(changesOf(retention)).toEqual({ [policy]: 'update', [copy]: 'update' });
    expect(planText(retention)).toContain('Plan: 0 to add, 2 to change, 0 to destroy.');
    await workspace.apply(retention);
    expect((await client.policies.get(orders)).retentionDays).toBe(14);

    // when a newer backup reaches local-2, the plan replaces the standby, creating the new one first
    await client.backups.create({ clusterId: orders, backupType: 'CLUSTER' });
    const newerCopy = await newestInDr(firstCopy);
    const refresh = await workspace.plan();
    expect(changesOf(refresh)).toEqual({ [standby]: 'create/delete' });
    const replacement = refresh.resourceChanges.find((change) => change.address === standby);
    expect(replacement?.replacePaths).toContainEqual(['backup_id']);
    expect(replacement?.after).toMatchObject({ backup_id: newerCopy });
    expect(planText(refresh)).toContain('+/- resource "lifeboat_cluster_restore" "orders_standby"');
    const replaced = await workspace.apply(refresh);
    const newStandbyId = replaced.outputs.orders_standby_cluster_id?.value as string;
    expect(newStandbyId).not.toBe(standbyId);
    expect((await client.clusters.get(newStandbyId)).status).toBe('RUNNING');
    const old = await client.clusters.get(standbyId).catch(() => undefined);
    expect(old === undefined || old.status === 'DELETED').toBe(true);
    expect(changesOf(await workspace.plan())).toEqual({});

    // when destroyed, the standby is dropped and the schedule and copy policy are gone
    const destroyed = await workspace.apply(await workspace.plan({ mode: 'destroy' }));
    expect(destroyed.state.resources).toEqual([]);
    const dropped = await client.clusters.get(newStandbyId).catch(() => undefined);
    expect(dropped === undefined || dropped.status === 'DELETED').toBe(true);
    expect((await client.policies.get(orders)).status).toBe('DISABLED');
    expect(await client.copyPolicies.list(orders)).toEqual([]);
  }, 120_000);
});
