import { join } from 'node:path';
import { TerraformStack, type App } from 'cdktf';
import { Construct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupPolicy, LifeboatProvider, ScheduledBackups, type ScheduledBackupsProps } from '../../src/index.js';
import { actionsOf, changesOf, EngineWorkspace } from '../support/engine.js';
import { seedCluster, startTestServer, type TestServer } from '../support/server.js';
import { synthApp } from '../support/synth.js';

let lifeboat: TestServer;
let clusterId: string;

beforeAll(async () => {
  lifeboat = await startTestServer();
  clusterId = await seedCluster(lifeboat.client, { projectId: lifeboat.server.defaultProjectId, clusterName: 'orders' });
}, 60_000);

afterAll(async () => {
  await lifeboat.close();
});

/** One stack holding a ScheduledBackups at `path` (scopes created on the way). */
function scheduleAt(path: readonly string[], props: Partial<ScheduledBackupsProps> = {}) {
  return (app: App): void => {
    const stack = new TerraformStack(app, 'refactor');
    new LifeboatProvider(stack, 'lifeboat');
    let scope: Construct = stack;
    for (const id of path.slice(0, -1)) scope = new Construct(scope, id);
    new ScheduledBackups(scope, path[path.length - 1] ?? 'orders', {
      clusterId,
      days: 'daily',
      window: '02:00-04:00',
      retentionDays: 7,
      copies: [{ regionId: 'local-2', retentionDays: 14 }],
      ...props,
    });
  };
}

describe('refactoring constructs against a real server', () => {
  it('moving a ScheduledBackups into another scope plans no change, and a rename with previousName moves state instead of replacing', async () => {
    const workspace = new EngineWorkspace(join(lifeboat.work, 'refactor'), lifeboat.client);

    // given a schedule applied at the top of the stack
    synthApp(workspace.dir, scheduleAt(['orders']));
    await workspace.apply(await workspace.plan());

    // when it moves two scopes down, then nothing changes
    synthApp(workspace.dir, scheduleAt(['team-a', 'databases', 'orders']));
    const moved = await workspace.plan();
    expect(actionsOf(moved)).toEqual({ 'lifeboat_backup_policy.orders': 'no-op', 'lifeboat_copy_policy.orders_copy_local-2': 'no-op' });

    // when it is renamed and says what it was called, then the state moves and nothing is replaced
    synthApp(workspace.dir, scheduleAt(['team-a', 'databases', 'orders'], { name: 'orders_prod', previousName: 'orders' }));
    const renamed = await workspace.plan();
    expect(actionsOf(renamed)).toEqual({ 'lifeboat_backup_policy.orders_prod': 'no-op', 'lifeboat_copy_policy.orders_prod_copy_local-2': 'no-op' });
    expect(renamed.stateMoves.length).toBeGreaterThan(0);
    await workspace.apply(renamed);
    expect((await workspace.backend.read())?.resources.map((resource) => `${resource.type}.${resource.name}`).sort()).toEqual([
      'lifeboat_backup_policy.orders_prod',
      'lifeboat_copy_policy.orders_prod_copy_local-2',
    ]);
    expect(changesOf(await workspace.plan())).toEqual({});
    expect((await lifeboat.client.policies.get(clusterId)).status).toBe('ENABLED');
  }, 60_000);

  it('a generated resource moved without help would be replaced: its CDKTF logical id follows the construct path', async () => {
    // This is why the higher-level constructs name their resources themselves.
    const workspace = new EngineWorkspace(join(lifeboat.work, 'plain'), lifeboat.client);
    const billing = await seedCluster(lifeboat.client, { projectId: lifeboat.server.defaultProjectId, clusterName: 'billing' });
    const policyAt = (path: readonly string[]) => (app: App) => {
      const stack = new TerraformStack(app, 'plain');
      new LifeboatProvider(stack, 'lifeboat');
      let scope: Construct = stack;
      for (const id of path.slice(0, -1)) scope = new Construct(scope, id);
      new BackupPolicy(scope, path[path.length - 1] ?? 'nightly', { clusterId: billing, frequency: 'daily', startTime: '02:00-04:00', retentionDays: 7 });
    };
    synthApp(workspace.dir, policyAt(['nightly']));
    await workspace.apply(await workspace.plan());
    synthApp(workspace.dir, policyAt(['team-a', 'nightly']));
    const planned = await workspace.plan();
    expect(Object.values(changesOf(planned)).sort()).toEqual(['create', 'delete']);
    await workspace.apply(await workspace.plan({ mode: 'destroy' }));
  }, 60_000);
});
