import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressNotInStateError, InvalidStateMoveError, OutputNotFoundError, StateMoveTargetExistsError } from '../../src/operations/errors/state-commands.js';
import { importResource } from '../../src/operations/import.js';
import { readOutputs, stateList, stateMv, stateRm, stateShow } from '../../src/operations/state-commands.js';
import { emptyState, type StateSnapshot } from '../../src/state/index.js';
import type { JournalEntry, ResourceInstanceState } from '../../src/state/types.js';
import { actionsOf, configure, newCluster, newWorkspace, planWorkspace, seedState, startTestServer, type TestServer, type Workspace } from './helpers.js';

const provider = 'provider["registry.terraform.io/lifeboat/lifeboat"]';

function put(address: string, attributes: ResourceInstanceState['attributes'], extra: Partial<ResourceInstanceState> = {}): JournalEntry {
  const [, data, type = '', name = ''] = /^(data\.)?([^.]+)\.([^[]+)/.exec(address) ?? [];
  return {
    kind: 'put-instance',
    address,
    resource: { mode: data ? 'data' : 'managed', type, name, provider },
    instance: { schema_version: 0, attributes, sensitive_attributes: [], dependencies: [], ...extra },
  };
}

/** A state such as a few applies leave: count and for_each instances, a data source, a restore with a password, outputs. */
const entries: JournalEntry[] = [
  put('lifeboat_copy_policy.dr["local-3"]', { id: 'in01-a/local-3', cluster_id: 'in01-a', region_id: 'local-3', retention_days: 14, applies_to: 'ALL' }),
  put('lifeboat_copy_policy.dr["local-2"]', { id: 'in01-a/local-2', cluster_id: 'in01-a', region_id: 'local-2', retention_days: 14, applies_to: 'ALL' }),
  put('lifeboat_backup.b[10]', { id: 'backup10', backup_id: 'backup10', cluster_id: 'in01-a' }),
  put('lifeboat_backup.b[1]', { id: 'backup1', backup_id: 'backup1', cluster_id: 'in01-a' }),
  put('lifeboat_backup.b[0]', { id: 'backup0', backup_id: 'backup0', cluster_id: 'in01-a' }),
  put('lifeboat_backup_policy.nightly', { id: 'in01-a', cluster_id: 'in01-a', enabled: true, frequency: '1,2,3,4,5,6,7', start_time: '02:00-04:00', interval_minutes: null, retention_days: 7, status: 'ENABLED' }),
  put('data.lifeboat_cluster.main', { id: 'in01-a', cluster_id: 'in01-a', status: 'RUNNING' }),
  put(
    'lifeboat_cluster_restore.standby',
    {
      id: 'in01-s',
      cluster_id: 'in01-s',
      backup_id: 'backup0',
      cluster_name: 'standby',
      cu_size: 1,
      password: 'hunter2',
      labels: { team: 'dr', 'cost centre': '42' },
      endpoints: ['a:19530', 'b:19530'],
      notes: 'first line\nsecond line',
      region_id: null,
    },
    { dependencies: ['lifeboat_backup.b[0]', 'data.lifeboat_cluster.main'], status: 'tainted', sensitive_attributes: [[{ type: 'get_attr', value: 'labels' }]] },
  ),
];
const outputs: StateSnapshot['outputs'] = {
  standby_password: { value: 'hunter2', type: 'string', sensitive: true },
  backup_id: { value: 'backup0', type: 'string' },
};

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lifeboat-state-commands-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function seeded(): Promise<{ workspace: Workspace; state: StateSnapshot }> {
  const workspace = await newWorkspace({ root });
  return { workspace, state: await seedState(workspace.backend, entries, outputs) };
}

describe('state list', () => {
  it('lists addresses Terraform-style: data sources first, then by type, name, index and key', async () => {
    const { state } = await seeded();
    expect(stateList(state)).toEqual([
      'data.lifeboat_cluster.main',
      'lifeboat_backup.b[0]',
      'lifeboat_backup.b[1]',
      'lifeboat_backup.b[10]',
      'lifeboat_backup_policy.nightly',
      'lifeboat_cluster_restore.standby',
      'lifeboat_copy_policy.dr["local-2"]',
      'lifeboat_copy_policy.dr["local-3"]',
    ]);
    // A state Terraform wrote need not be sorted.
    expect(stateList({ ...state, resources: [...state.resources].reverse() })).toEqual(stateList(state));
    expect(stateList(undefined)).toEqual([]);
    expect(stateList(emptyState())).toEqual([]);
  });

  it('filters by instance address, resource address, type prefix and id', async () => {
    const { state } = await seeded();
    expect(stateList(state, { filter: 'lifeboat_backup.b[1]' })).toEqual(['lifeboat_backup.b[1]']);
    expect(stateList(state, { filter: 'lifeboat_copy_policy.dr' })).toEqual(['lifeboat_copy_policy.dr["local-2"]', 'lifeboat_copy_policy.dr["local-3"]']);
    expect(stateList(state, { filter: 'lifeboat_backup' })).toEqual(['lifeboat_backup.b[0]', 'lifeboat_backup.b[1]', 'lifeboat_backup.b[10]']);
    expect(stateList(state, { filter: 'data' })).toEqual(['data.lifeboat_cluster.main']);
    expect(stateList(state, { filter: ['data.lifeboat_cluster', 'lifeboat_backup_policy.nightly'] })).toEqual(['data.lifeboat_cluster.main', 'lifeboat_backup_policy.nightly']);
    expect(stateList(state, { filter: 'lifeboat_backup.nothing' })).toEqual([]);
    expect(stateList(state, { id: 'in01-a/local-3' })).toEqual(['lifeboat_copy_policy.dr["local-3"]']);
    expect(() => stateList(state, { filter: 'lifeboat_backup.b[x]' })).toThrow(expect.objectContaining({ code: 'STATE_INVALID_ADDRESS' }));
  });
});

describe('state show', () => {
  it('shows one instance with aligned, sorted attributes, nulls left out and sensitive values hidden', async () => {
    const { state } = await seeded();
    expect(stateShow(state, 'lifeboat_cluster_restore.standby')).toBe(
      [
        '# lifeboat_cluster_restore.standby: (tainted)',
        'resource "lifeboat_cluster_restore" "standby" {',
        '    backup_id    = "backup0"',
        '    cluster_id   = "in01-s"',
        '    cluster_name = "standby"',
        '    cu_size      = 1',
        '    endpoints    = [',
        '        "a:19530",',
        '        "b:19530",',
        '    ]',
        '    id           = "in01-s"',
        '    labels       = (sensitive value)',
        '    notes        = <<-EOT',
        '        first line',
        '        second line',
        '    EOT',
        '    password     = (sensitive value)',
        '}',
      ].join('\n'),
    );
    expect(stateShow(state, 'data.lifeboat_cluster.main')).toBe(
      ['# data.lifeboat_cluster.main:', 'data "lifeboat_cluster" "main" {', '    cluster_id = "in01-a"', '    id         = "in01-a"', '    status     = "RUNNING"', '}'].join('\n'),
    );
  });

  it('shows maps with quoted keys one level deeper', async () => {
    const workspace = await newWorkspace({ root });
    const state = await seedState(workspace.backend, [put('lifeboat_backup.tagged', { id: 'backup9', tags: { team: 'dr', 'cost centre': '42' }, empty: {} })]);
    expect(stateShow(state, 'lifeboat_backup.tagged')).toBe(
      ['# lifeboat_backup.tagged:', 'resource "lifeboat_backup" "tagged" {', '    empty = {}', '    id    = "backup9"', '    tags  = {', '        "cost centre" = "42"', '        "team"        = "dr"', '    }', '}'].join('\n'),
    );
  });

  it('asks for one instance when the address names a resource with several', async () => {
    const { state } = await seeded();
    expect(() => stateShow(state, 'lifeboat_backup.b')).toThrow(AddressNotInStateError);
    expect(() => stateShow(state, 'lifeboat_backup.b')).toThrow(
      "lifeboat_backup.b has several instances (lifeboat_backup.b[0], lifeboat_backup.b[1], lifeboat_backup.b[10]), and state show shows one. Give one of them, e.g. lifeboat state show 'lifeboat_backup.b[0]'.",
    );
    expect(() => stateShow(state, 'lifeboat_backup.gone')).toThrow('No instance lifeboat_backup.gone in the state. Run `lifeboat state list` to see the addresses in the state.');
  });
});

describe('state rm', () => {
  it('removes every instance of a resource given without a key and returns what it removed', async () => {
    const { workspace, state } = await seeded();
    const result = await stateRm(workspace.backend, ['lifeboat_backup.b', 'lifeboat_copy_policy.dr["local-3"]']);
    expect(result.removed).toEqual(['lifeboat_backup.b[0]', 'lifeboat_backup.b[1]', 'lifeboat_backup.b[10]', 'lifeboat_copy_policy.dr["local-3"]']);
    expect(result.state.serial).toBe(state.serial + 1);
    expect(stateList(await workspace.backend.read())).toEqual([
      'data.lifeboat_cluster.main',
      'lifeboat_backup_policy.nightly',
      'lifeboat_cluster_restore.standby',
      'lifeboat_copy_policy.dr["local-2"]',
    ]);
    expect(await workspace.backend.currentLock()).toBeUndefined();
  });

  it('changes nothing when any address matches nothing', async () => {
    const { workspace, state } = await seeded();
    const attempt = stateRm(workspace.backend, ['lifeboat_backup.b[0]', 'lifeboat_backup.b[7]']);
    await expect(attempt).rejects.toBeInstanceOf(AddressNotInStateError);
    await expect(attempt).rejects.toMatchObject({ code: 'ADDRESS_NOT_IN_STATE', message: 'No instance matches lifeboat_backup.b[7], so nothing was removed. Run `lifeboat state list` to see the addresses in the state.' });
    expect(await workspace.backend.read()).toEqual(state);
  });

  it('says there is no state when there is none', async () => {
    const workspace = await newWorkspace({ root });
    await expect(stateRm(workspace.backend, ['lifeboat_backup.b'])).rejects.toMatchObject({ code: 'ADDRESS_NOT_IN_STATE', message: expect.stringContaining(`There is no state at ${workspace.statePath}`) });
  });
});

describe('state mv', () => {
  it('moves a whole resource with every instance, keeping keys and rewriting dependencies on them', async () => {
    const { workspace } = await seeded();
    const result = await stateMv(workspace.backend, 'lifeboat_backup.b', 'lifeboat_backup.snapshots');
    expect(result.moved).toEqual([
      { from: 'lifeboat_backup.b[0]', to: 'lifeboat_backup.snapshots[0]' },
      { from: 'lifeboat_backup.b[1]', to: 'lifeboat_backup.snapshots[1]' },
      { from: 'lifeboat_backup.b[10]', to: 'lifeboat_backup.snapshots[10]' },
    ]);
    const state = await workspace.backend.read();
    expect(stateList(state, { filter: 'lifeboat_backup' })).toEqual(['lifeboat_backup.snapshots[0]', 'lifeboat_backup.snapshots[1]', 'lifeboat_backup.snapshots[10]']);
    const moved = state?.resources.find((r) => r.name === 'snapshots');
    expect(moved?.instances.map((i) => [i.index_key, i.attributes.backup_id])).toEqual([
      [0, 'backup0'],
      [1, 'backup1'],
      [10, 'backup10'],
    ]);
    expect(moved?.provider).toBe(provider);
    const standby = state?.resources.find((r) => r.type === 'lifeboat_cluster_restore')?.instances[0];
    expect(standby?.dependencies).toEqual(['lifeboat_backup.snapshots[0]', 'data.lifeboat_cluster.main']);
    expect(standby?.status).toBe('tainted');
  });

  it('moves one instance to another key, leaving its siblings', async () => {
    const { workspace } = await seeded();
    const result = await stateMv(workspace.backend, 'lifeboat_copy_policy.dr["local-2"]', 'lifeboat_copy_policy.dr["eu"]');
    expect(result.moved).toEqual([{ from: 'lifeboat_copy_policy.dr["local-2"]', to: 'lifeboat_copy_policy.dr["eu"]' }]);
    expect(stateList(result.state, { filter: 'lifeboat_copy_policy' })).toEqual(['lifeboat_copy_policy.dr["eu"]', 'lifeboat_copy_policy.dr["local-3"]']);
    expect(stateShow(result.state, 'lifeboat_copy_policy.dr["eu"]')).toContain('region_id      = "local-2"');
  });

  it('refuses to move onto an address that holds an object, and changes nothing', async () => {
    const { workspace, state } = await seeded();
    const ontoInstance = stateMv(workspace.backend, 'lifeboat_backup.b[0]', 'lifeboat_backup.b[1]');
    await expect(ontoInstance).rejects.toBeInstanceOf(StateMoveTargetExistsError);
    await expect(ontoInstance).rejects.toMatchObject({
      code: 'STATE_MOVE_TARGET_EXISTS',
      message: 'Cannot move lifeboat_backup.b[0] to lifeboat_backup.b[1]: the state already has lifeboat_backup.b[1]. Moving onto it would lose one of the two objects. Remove it first with `lifeboat state rm`, or choose another address.',
    });
    expect(await workspace.backend.read()).toEqual(state);

    // A whole resource is not merged into another that has instances of its own.
    await stateMv(workspace.backend, 'lifeboat_copy_policy.dr["local-2"]', 'lifeboat_copy_policy.west["local-2"]');
    const merge = stateMv(workspace.backend, 'lifeboat_copy_policy.dr', 'lifeboat_copy_policy.west');
    await expect(merge).rejects.toMatchObject({ code: 'STATE_MOVE_TARGET_EXISTS', message: expect.stringContaining('the state already has lifeboat_copy_policy.west["local-2"]') });
    expect(stateList(await workspace.backend.read(), { filter: 'lifeboat_copy_policy' })).toEqual(['lifeboat_copy_policy.dr["local-3"]', 'lifeboat_copy_policy.west["local-2"]']);
  });

  it('refuses moves that cannot keep the object meaningful', async () => {
    const { workspace, state } = await seeded();
    const cases: [string, string, RegExp][] = [
      ['lifeboat_backup.b[0]', 'lifeboat_copy_policy.x', /different types \(lifeboat_backup, lifeboat_copy_policy\)/],
      ['data.lifeboat_cluster.main', 'lifeboat_cluster.main', /one is a data source and the other a managed resource/],
      ['lifeboat_backup.b', 'lifeboat_backup.c[0]', /lifeboat_backup\.b is a whole resource .* and lifeboat_backup\.c\[0\] is one instance\. Move it to lifeboat_backup\.c,/],
      ['lifeboat_backup_policy.nightly', 'lifeboat_backup_policy.nightly', /they are the same address/],
    ];
    for (const [from, to, message] of cases) {
      const attempt = stateMv(workspace.backend, from, to);
      await expect(attempt).rejects.toBeInstanceOf(InvalidStateMoveError);
      await expect(attempt).rejects.toMatchObject({ code: 'INVALID_STATE_MOVE', message: expect.stringMatching(message) });
    }
    await expect(stateMv(workspace.backend, 'lifeboat_backup.gone', 'lifeboat_backup.here')).rejects.toMatchObject({ code: 'ADDRESS_NOT_IN_STATE' });
    expect(await workspace.backend.read()).toEqual(state);
  });
});

describe('state commands and deposed objects', () => {
  const standby = put('lifeboat_cluster_restore.standby', { id: 'in01-new', cluster_id: 'in01-new' });
  const deposed = put('lifeboat_cluster_restore.standby', { id: 'in01-old', cluster_id: 'in01-old' }, { deposed: '1a2b3c4d' });

  it('lists and shows an instance once, by its current object, though it has a deposed one', async () => {
    const workspace = await newWorkspace({ root });
    const state = await seedState(workspace.backend, [standby, deposed]);
    expect(stateList(state)).toEqual(['lifeboat_cluster_restore.standby']);
    expect(stateShow(state, 'lifeboat_cluster_restore.standby')).toContain('"in01-new"');
  });

  it('moves deposed objects with their instance, so they are still destroyed at its new address', async () => {
    const workspace = await newWorkspace({ root });
    await seedState(workspace.backend, [standby, deposed]);
    const { state } = await stateMv(workspace.backend, 'lifeboat_cluster_restore.standby', 'lifeboat_cluster_restore.dr');
    expect(state.resources.map((r) => [r.name, r.instances.map((i) => [i.attributes.id, i.deposed])])).toEqual([
      ['dr', [['in01-new', undefined], ['in01-old', '1a2b3c4d']]],
    ]);
  });

  it('removes deposed objects with their instance', async () => {
    const workspace = await newWorkspace({ root });
    await seedState(workspace.backend, [standby, deposed]);
    const { removed, state } = await stateRm(workspace.backend, ['lifeboat_cluster_restore.standby']);
    expect(removed).toEqual(['lifeboat_cluster_restore.standby']);
    expect(state.resources).toEqual([]);
  });
});

describe('outputs', () => {
  it('reads all outputs sorted by name, or one by name, and names the ones there are when asked for another', async () => {
    const { state } = await seeded();
    expect(Object.keys(readOutputs(state))).toEqual(['backup_id', 'standby_password']);
    expect(readOutputs(state, 'standby_password')).toEqual({ value: 'hunter2', type: 'string', sensitive: true });
    expect(() => readOutputs(state, 'missing')).toThrow(OutputNotFoundError);
    expect(() => readOutputs(state, 'missing')).toThrow(
      'Output "missing" not found in the state (it has backup_id, standby_password). If you added it to the configuration recently, run `lifeboat apply`: outputs are recorded in the state only when applied.',
    );
    expect(() => readOutputs(state, 'toString')).toThrow(OutputNotFoundError);
    expect(readOutputs(undefined)).toEqual({});
  });
});

describe('state commands against a real server', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('after renaming a resource and running state mv, the plan is empty; after state rm it creates again', async () => {
    const clusterId = await newCluster(t);
    await t.client.policies.set({ clusterId, enabled: true, frequency: '1,2,3,4,5,6,7', startTime: '02:00-04:00', retentionDays: 7 });
    const workspace = await newWorkspace(t);
    const body = { cluster_id: '${var.cluster_id}', frequency: 'daily', start_time: '02:00-04:00', retention_days: 7 };
    const variable = { cluster_id: { type: 'string' } };
    const before = await configure(workspace, { variable, resource: { lifeboat_backup_policy: { nightly: body } } }, { cluster_id: clusterId });
    await importResource({ ...before, backend: workspace.backend, client: t.client, address: 'lifeboat_backup_policy.nightly', id: clusterId });

    const renamed = await configure(workspace, { variable, resource: { lifeboat_backup_policy: { primary: body } } }, { cluster_id: clusterId });
    expect(actionsOf(await planWorkspace(workspace, t.client, renamed))).toEqual({ 'lifeboat_backup_policy.primary': 'create', 'lifeboat_backup_policy.nightly': 'delete' });
    await stateMv(workspace.backend, 'lifeboat_backup_policy.nightly', 'lifeboat_backup_policy.primary');
    expect(actionsOf(await planWorkspace(workspace, t.client, renamed))).toEqual({ 'lifeboat_backup_policy.primary': 'no-op' });

    await stateRm(workspace.backend, ['lifeboat_backup_policy.primary']);
    expect(actionsOf(await planWorkspace(workspace, t.client, renamed))).toEqual({ 'lifeboat_backup_policy.primary': 'create' });
    // The object itself was never touched.
    expect((await t.client.policies.get(clusterId)).status).toBe('ENABLED');
  }, 60_000);
});
