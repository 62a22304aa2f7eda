import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFailedError, ImportNotSupportedError, ImportTargetNotDeclaredError, ResourceAlreadyManagedError } from '../../src/operations/errors/import.js';
import { importBlocks, importResource } from '../../src/operations/import.js';
import { stateList } from '../../src/operations/state-commands.js';
import { actionsOf, configure, newCluster, newWorkspace, planWorkspace, startTestServer, type TestServer } from './helpers.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
}, 60_000);

afterAll(async () => {
  await t.close();
});

const policy = { cluster_id: '${var.cluster_id}', frequency: 'daily', start_time: '02:00-04:00', retention_days: 7 };
const variable = { cluster_id: { type: 'string' } };

/** A cluster with a backup policy and a copy policy to local-2, made outside the engine. */
async function clusterWithPolicies(): Promise<string> {
  const clusterId = await newCluster(t);
  await t.client.policies.set({ clusterId, enabled: true, frequency: '1,2,3,4,5,6,7', startTime: '02:00-04:00', retentionDays: 7 });
  await t.client.copyPolicies.put({ clusterId, regionId: 'local-2', retentionDays: 14, appliesTo: 'ALL' });
  return clusterId;
}

describe('import ADDR ID', () => {
  it('an imported backup policy (id = cluster id) plans as no-op against the matching configuration', async () => {
    const clusterId = await clusterWithPolicies();
    const workspace = await newWorkspace(t);
    const loaded = await configure(workspace, { variable, resource: { lifeboat_backup_policy: { nightly: policy } } }, { cluster_id: clusterId });

    const imported = await importResource({ ...loaded, backend: workspace.backend, client: t.client, address: 'lifeboat_backup_policy.nightly', id: clusterId });
    expect(imported.attributes).toMatchObject({ id: clusterId, cluster_id: clusterId, retention_days: 7, enabled: true });
    expect(imported.state.serial).toBe(1);
    expect(imported.state.resources).toEqual([
      {
        mode: 'managed',
        type: 'lifeboat_backup_policy',
        name: 'nightly',
        provider: 'provider["registry.terraform.io/lifeboat/lifeboat"]',
        instances: [{ schema_version: 0, attributes: imported.attributes, sensitive_attributes: [], dependencies: [] }],
      },
    ]);

    const planned = await planWorkspace(workspace, t.client, loaded);
    expect(actionsOf(planned)).toEqual({ 'lifeboat_backup_policy.nightly': 'no-op' });
    expect(planned.resourceDrift).toEqual([]);
  }, 60_000);

  it('an imported copy policy (id = <cluster>/<region>) plans as no-op against the matching configuration', async () => {
    const clusterId = await clusterWithPolicies();
    const workspace = await newWorkspace(t);
    const loaded = await configure(workspace, { variable, resource: { lifeboat_copy_policy: { dr: { cluster_id: '${var.cluster_id}', region_id: 'local-2', retention_days: 14 } } } }, { cluster_id: clusterId });

    const imported = await importResource({ ...loaded, backend: workspace.backend, client: t.client, address: 'lifeboat_copy_policy.dr', id: `${clusterId}/local-2` });
    expect(imported.attributes).toEqual({ id: `${clusterId}/local-2`, cluster_id: clusterId, region_id: 'local-2', retention_days: 14, applies_to: 'ALL' });
    expect(actionsOf(await planWorkspace(workspace, t.client, loaded))).toEqual({ 'lifeboat_copy_policy.dr': 'no-op' });
  }, 60_000);

  it('imports into one for_each instance by key; the other instances are still created', async () => {
    const clusterId = await clusterWithPolicies();
    const workspace = await newWorkspace(t);
    const loaded = await configure(
      workspace,
      {
        variable: { ...variable, regions: { type: 'list(string)' } },
        resource: { lifeboat_copy_policy: { dr: { for_each: '${toset(var.regions)}', cluster_id: '${var.cluster_id}', region_id: '${each.key}', retention_days: 14 } } },
      },
      { cluster_id: clusterId, regions: '["local-2","local-3"]' },
    );
    await importResource({ ...loaded, backend: workspace.backend, client: t.client, address: 'lifeboat_copy_policy.dr["local-2"]', id: `${clusterId}/local-2` });
    expect(stateList(await workspace.backend.read())).toEqual(['lifeboat_copy_policy.dr["local-2"]']);
    expect(actionsOf(await planWorkspace(workspace, t.client, loaded))).toEqual({ 'lifeboat_copy_policy.dr["local-2"]': 'no-op', 'lifeboat_copy_policy.dr["local-3"]': 'create' });

    const wrongKey = importResource({ ...loaded, backend: workspace.backend, client: t.client, address: 'lifeboat_copy_policy.dr["local-9"]', id: `${clusterId}/local-9` });
    await expect(wrongKey).rejects.toMatchObject({
      code: 'IMPORT_TARGET_NOT_DECLARED',
      message: expect.stringContaining('Its instances: lifeboat_copy_policy.dr["local-2"], lifeboat_copy_policy.dr["local-3"]'),
    });
    const noKey = importResource({ ...loaded, backend: workspace.backend, client: t.client, address: 'lifeboat_copy_policy.dr', id: `${clusterId}/local-3` });
    await expect(noKey).rejects.toMatchObject({ code: 'IMPORT_TARGET_NOT_DECLARED', message: expect.stringContaining('has for_each, so its instances are addressed by key') });
  }, 60_000);

  it('refuses an address the configuration does not declare, naming the declared ones', async () => {
    const workspace = await newWorkspace(t);
    const loaded = await configure(workspace, { variable, resource: { lifeboat_backup_policy: { nightly: policy }, lifeboat_copy_policy: { dr: { cluster_id: '${var.cluster_id}', region_id: 'local-2', retention_days: 1 } } } }, { cluster_id: 'in01-x' });
    const attempt = importResource({ ...loaded, backend: workspace.backend, client: t.client, address: 'lifeboat_backup_policy.weekly', id: 'in01-x' });
    await expect(attempt).rejects.toBeInstanceOf(ImportTargetNotDeclaredError);
    await expect(attempt).rejects.toThrow(
      'Cannot import to lifeboat_backup_policy.weekly: lifeboat_backup_policy.weekly is not declared in the configuration. Add a resource block for it first: Lifeboat imports only into declared resources. Declared resources: lifeboat_backup_policy.nightly, lifeboat_copy_policy.dr.',
    );
    const keyed = importResource({ ...loaded, backend: workspace.backend, client: t.client, address: 'lifeboat_backup_policy.nightly[0]', id: 'in01-x' });
    await expect(keyed).rejects.toThrow('lifeboat_backup_policy.nightly has neither count nor for_each, so it has no instance lifeboat_backup_policy.nightly[0]. Import it as lifeboat_backup_policy.nightly.');
    await expect(importResource({ ...loaded, backend: workspace.backend, client: t.client, address: 'not an address', id: 'x' })).rejects.toMatchObject({ code: 'STATE_INVALID_ADDRESS' });
    expect(await workspace.backend.read()).toBeUndefined();
  });

  it('refuses a type that cannot be imported, listing those that can', async () => {
    const workspace = await newWorkspace(t);
    const restore = { source_cluster_id: 'in01-a', backup_id: 'b', dest_cluster_id: 'in01-b', collection_name: 'orders' };
    const loaded = await configure(workspace, { resource: { lifeboat_collection_restore: { orders: restore } } });
    const attempt = importResource({ ...loaded, backend: workspace.backend, client: t.client, address: 'lifeboat_collection_restore.orders', id: 'in01-b/default/orders' });
    await expect(attempt).rejects.toBeInstanceOf(ImportNotSupportedError);
    await expect(attempt).rejects.toMatchObject({
      code: 'IMPORT_NOT_SUPPORTED',
      message: expect.stringContaining('lifeboat_collection_restore cannot be imported (lifeboat_collection_restore.orders). Let Lifeboat create it'),
    });
    await expect(attempt).rejects.toThrow(/Types that can be imported: lifeboat_backup_policy, lifeboat_copy_policy, lifeboat_backup, lifeboat_cluster_restore\./);
  });

  it('refuses an address already in the state and leaves the state as it was', async () => {
    const clusterId = await clusterWithPolicies();
    const workspace = await newWorkspace(t);
    const loaded = await configure(workspace, { variable, resource: { lifeboat_backup_policy: { nightly: policy } } }, { cluster_id: clusterId });
    const request = { ...loaded, backend: workspace.backend, client: t.client, address: 'lifeboat_backup_policy.nightly', id: clusterId };
    const first = await importResource(request);

    const again = importResource(request);
    await expect(again).rejects.toBeInstanceOf(ResourceAlreadyManagedError);
    await expect(again).rejects.toMatchObject({ code: 'RESOURCE_ALREADY_MANAGED', message: expect.stringMatching(/^Resource already managed by Lifeboat: lifeboat_backup_policy\.nightly is already in the state .*lifeboat state rm lifeboat_backup_policy\.nightly/) });
    expect(await workspace.backend.read()).toEqual(first.state);
    expect(await workspace.backend.currentLock()).toBeUndefined();
  }, 60_000);

  it('a wrong id fails with IMPORT_FAILED, says what ids look like, and records nothing', async () => {
    const clusterId = await clusterWithPolicies();
    const workspace = await newWorkspace(t);
    const loaded = await configure(workspace, { variable, resource: { lifeboat_copy_policy: { dr: { cluster_id: '${var.cluster_id}', region_id: 'local-3', retention_days: 14 } } } }, { cluster_id: clusterId });
    const attempt = importResource({ ...loaded, backend: workspace.backend, client: t.client, address: 'lifeboat_copy_policy.dr', id: `${clusterId}/local-3` });
    await expect(attempt).rejects.toBeInstanceOf(ImportFailedError);
    await expect(attempt).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: expect.stringMatching(/^Cannot import "in01-\w+\/local-3" to lifeboat_copy_policy\.dr: .*Check that the object exists and that the id is right \(lifeboat_copy_policy import ids are <cluster_id>\/<region_id>\)\. Nothing was recorded in the state\.$/),
    });
    expect(await workspace.backend.read()).toBeUndefined();
    expect(await workspace.backend.currentLock()).toBeUndefined();
  }, 60_000);

  it('does not wait for the state lock: fails with STATE_LOCKED while another command holds it', async () => {
    const clusterId = await clusterWithPolicies();
    const workspace = await newWorkspace(t);
    const loaded = await configure(workspace, { variable, resource: { lifeboat_backup_policy: { nightly: policy } } }, { cluster_id: clusterId });
    const held = await workspace.backend.lock('OperationTypeApply');
    try {
      await expect(importResource({ ...loaded, backend: workspace.backend, client: t.client, address: 'lifeboat_backup_policy.nightly', id: clusterId })).rejects.toMatchObject({ code: 'STATE_LOCKED' });
    } finally {
      await held.release();
    }
    expect(await workspace.backend.read()).toBeUndefined();
  }, 60_000);
});

describe('import blocks', () => {
  it('imports the targets not yet in state, with ids built from variables, once', async () => {
    const clusterId = await clusterWithPolicies();
    const workspace = await newWorkspace(t);
    const loaded = await configure(
      workspace,
      {
        variable,
        resource: { lifeboat_backup_policy: { nightly: policy }, lifeboat_copy_policy: { dr: { cluster_id: '${var.cluster_id}', region_id: 'local-2', retention_days: 14 } } },
        import: [
          { to: 'lifeboat_backup_policy.nightly', id: '${var.cluster_id}' },
          { to: 'lifeboat_copy_policy.dr', id: '${var.cluster_id}/local-2' },
        ],
      },
      { cluster_id: clusterId },
    );
    const hooks: string[] = [];
    const first = await importBlocks({ ...loaded, backend: workspace.backend, client: t.client, hooks: { onResourceDone: (e) => hooks.push(`${e.action} ${e.address} ${e.id ?? ''}`) } });
    expect(first.failed).toEqual([]);
    expect(first.complete).toBe(true);
    expect(first.imported.map((i) => [i.address, i.id])).toEqual([
      ['lifeboat_backup_policy.nightly', clusterId],
      ['lifeboat_copy_policy.dr', `${clusterId}/local-2`],
    ]);
    expect(hooks).toEqual([`import lifeboat_backup_policy.nightly ${clusterId}`, `import lifeboat_copy_policy.dr ${clusterId}/local-2`]);
    // Both land in one state write.
    expect(first.state?.serial).toBe(1);
    expect(actionsOf(await planWorkspace(workspace, t.client, loaded))).toEqual({ 'lifeboat_backup_policy.nightly': 'no-op', 'lifeboat_copy_policy.dr': 'no-op' });

    const second = await importBlocks({ ...loaded, backend: workspace.backend, client: t.client });
    expect(second).toMatchObject({ imported: [], alreadyManaged: ['lifeboat_backup_policy.nightly', 'lifeboat_copy_policy.dr'], failed: [], complete: true });
    expect(second.state?.serial).toBe(1);
  }, 60_000);

  it('reports a block that cannot be imported and still imports the others', async () => {
    const clusterId = await clusterWithPolicies();
    const workspace = await newWorkspace(t);
    const loaded = await configure(
      workspace,
      {
        variable,
        resource: {
          lifeboat_backup_policy: { nightly: policy },
          lifeboat_copy_policy: { dr: { cluster_id: '${var.cluster_id}', region_id: 'local-2', retention_days: 14 }, far: { cluster_id: '${var.cluster_id}', region_id: 'local-3', retention_days: 14 } },
        },
        import: [
          { to: 'lifeboat_copy_policy.dr', id: '${lifeboat_backup_policy.nightly.id}/local-2' },
          { to: 'lifeboat_copy_policy.far', id: '${var.cluster_id}/local-3' },
          { to: 'lifeboat_backup_policy.nightly', id: '${var.cluster_id}' },
        ],
      },
      { cluster_id: clusterId },
    );
    const result = await importBlocks({ ...loaded, backend: workspace.backend, client: t.client });
    expect(result.complete).toBe(false);
    expect(result.imported.map((i) => i.address)).toEqual(['lifeboat_backup_policy.nightly']);
    expect(result.failed.map((f) => [f.address, (f.error as { code?: string }).code])).toEqual([
      ['lifeboat_copy_policy.dr', 'INVALID_IMPORT_ID'],
      ['lifeboat_copy_policy.far', 'IMPORT_FAILED'],
    ]);
    expect(result.failed[0]?.error.message).toBe(
      'The import block for lifeboat_copy_policy.dr in main.tf.json has an id that cannot be used: it refers to values known only after apply. The id must be a string known before apply: literal text, variables and locals, not attributes of other resources.',
    );
    expect(stateList(await workspace.backend.read())).toEqual(['lifeboat_backup_policy.nightly']);
  }, 60_000);
});
