import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import { planToJson } from '../../src/render/index.js';
import { LocalStateBackend } from '../../src/state/index.js';
import { startTestServer, type TestServer } from '../operations/helpers.js';
import { planFrom, seedOrdersCluster } from './lifecycle-scenario.js';

/**
 * A create the server refuses outright (a 4xx: here, a backup of a cluster that does not exist)
 * did nothing, so it leaves no pending operation behind: the failure is reported, the state
 * stays clean, and the apply after the configuration is fixed creates the resource afresh.
 */

let test: TestServer;
let clusterId: string;
beforeAll(async () => {
  test = await startTestServer();
  clusterId = await seedOrdersCluster(test.client, test.server.defaultProjectId);
}, 60_000);
afterAll(async () => test.close());

describe('a create the server refuses', () => {
  it('leaves no pending operation, and the fixed configuration applies cleanly', async () => {
    const work = test.root;
    const backend = new LocalStateBackend({ path: join(work, 'refused.tfstate') });
    const writeConfig = (clusterExpression: string) =>
      writeFile(join(work, 'main.tf.json'), JSON.stringify({ variable: { cluster_id: { type: 'string' } }, resource: { lifeboat_backup: { before: { cluster_id: clusterExpression } } } }));

    await writeConfig('in01-00000000000000ff');
    const refused = await apply({ plan: await planFrom({ dir: work, clusterId: 'unused', client: test.client, backend }), backend, client: test.client });
    expect(refused.complete).toBe(false);
    expect(refused.walk.failed.map((failure) => failure.id)).toEqual(['lifeboat_backup.before']);
    expect((await backend.read())?.pending).toEqual([]);

    await writeConfig('${var.cluster_id}');
    const fixed = await apply({ plan: await planFrom({ dir: work, clusterId, client: test.client, backend }), backend, client: test.client });
    expect(fixed.complete).toBe(true);
    expect((await backend.read())?.pending).toEqual([]);
    expect(await test.client.backups.list({ clusterId }).toArray()).toHaveLength(1);
  });
});

describe('a finished create still listed as pending', () => {
  it('is cleared by the next apply even when nothing else changes', async () => {
    const work = test.root;
    const backend = new LocalStateBackend({ path: join(work, 'finished.tfstate') });
    await writeFile(join(work, 'main.tf.json'), JSON.stringify({ variable: { cluster_id: { type: 'string' } }, resource: { lifeboat_backup: { kept: { cluster_id: '${var.cluster_id}' } } } }));
    const created = await apply({ plan: await planFrom({ dir: work, clusterId, client: test.client, backend }), backend, client: test.client });
    const backupId = created.state.resources[0]?.instances[0]?.attributes.backup_id as string;

    // As an apply killed between recording the instance and clearing its pending entry leaves it.
    const lock = await backend.lock('test');
    const state = (await backend.read())!;
    await backend.write({
      ...state,
      pending: [{ address: 'lifeboat_backup.kept', action: 'create', idempotencyKey: 'key-1', request: { cluster_id: clusterId }, objectId: backupId, startedAt: new Date().toISOString() }],
    });
    await lock.release();

    const planned = await planFrom({ dir: work, clusterId, client: test.client, backend });
    expect(planned.resourceChanges.map((change) => change.actions.join('/'))).toEqual(['no-op']);
    expect(planToJson(planned).applyable).toBe(true);
    const backupsBefore = (await test.client.backups.list({ clusterId }).toArray()).length;
    await apply({ plan: planned, backend, client: test.client });
    expect((await backend.read())?.pending).toEqual([]);
    expect(await test.client.backups.list({ clusterId }).toArray()).toHaveLength(backupsBefore);
  });
});
