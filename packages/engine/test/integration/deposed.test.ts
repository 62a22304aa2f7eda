import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import type { RunningServer } from '@lifeboat/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import { loadConfiguration } from '../../src/config/load.js';
import { resolveVariables } from '../../src/config/variables.js';
import { plan } from '../../src/plan/planner.js';
import type { Plan } from '../../src/plan/types.js';
import { planToJson, renderPlan } from '../../src/render/index.js';
import { emptyState, LocalStateBackend, type ResourceInstanceState, type StateSnapshot } from '../../src/state/index.js';
import { startTestServer, type TestServer } from '../operations/helpers.js';
import { spawnApplyChild } from './apply-child.js';
import { seedOrdersCluster } from './lifecycle-scenario.js';

/**
 * create_before_destroy whose old object is not deleted, against the real server: once because
 * the server refuses the delete (a DR operator's key may restore clusters but not drop them),
 * once because the apply is SIGKILLed between the create and the delete. Either way the old
 * cluster stays in the state as a deposed object, the next plan destroys it, and the apply after
 * that removes it from the server and the state.
 */

const standby = 'lifeboat_cluster_restore.standby';

let test: TestServer;
let server: RunningServer;
let owner: Lifeboat;
/** May restore clusters (backup:restore) but not drop them (cluster:write): the server refuses the delete. */
let operator: Lifeboat;
let work: string;
let backend: LocalStateBackend;
let sourceId: string;
const backups: string[] = [];

async function writeConfig(): Promise<void> {
  await writeFile(
    join(work, 'config', 'main.tf.json'),
    JSON.stringify({
      variable: {
        backup_id: { type: 'string' },
        generation: { type: 'string' },
        source_cluster_id: { type: 'string', default: sourceId },
        project_id: { type: 'string', default: server.defaultProjectId },
      },
      resource: {
        lifeboat_cluster_restore: {
          standby: {
            source_cluster_id: '${var.source_cluster_id}',
            backup_id: '${var.backup_id}',
            project_id: '${var.project_id}',
            // Both clusters exist for a while, and names are unique in a project.
            cluster_name: 'standby-${var.generation}',
            lifecycle: { create_before_destroy: true },
          },
        },
      },
    }),
  );
}

async function planWith(vars: { backup_id: string; generation: string }, client: Lifeboat = owner): Promise<Plan> {
  const { configuration, diagnostics } = await loadConfiguration({ dir: join(work, 'config') });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const variables = await resolveVariables(configuration, { vars, env: {} });
  const planned = await plan({ configuration, variables: Object.fromEntries(variables.values), state: (await backend.read()) ?? emptyState(), client });
  expect(planned.diagnostics).toEqual([]);
  return planned;
}

/** The standby's objects in the state: its current cluster id, and its deposed ones by key. */
function standbyObjects(state: StateSnapshot): { current: string | undefined; deposed: Record<string, string> } {
  const instances: readonly ResourceInstanceState[] = state.resources.find((r) => r.type === 'lifeboat_cluster_restore')?.instances ?? [];
  return {
    current: instances.find((i) => i.deposed === undefined)?.attributes.cluster_id as string | undefined,
    deposed: Object.fromEntries(instances.filter((i) => i.deposed !== undefined).map((i) => [i.deposed, i.attributes.cluster_id as string])),
  };
}

/** Whether a cluster still exists on the server (dropped ones read as DELETED, or not at all). */
async function exists(clusterId: string): Promise<boolean> {
  const cluster = await owner.clusters.get(clusterId).catch(() => undefined);
  return cluster !== undefined && cluster.status !== 'DELETED' && cluster.status !== 'DELETING';
}

/** Plans with the owner's key and checks the one thing to do is destroying the deposed object `key`. */
async function expectDeposedDeletePlanned(vars: { backup_id: string; generation: string }, key: string): Promise<Plan> {
  const planned = await planWith(vars);
  expect(planned.resourceChanges.map((c) => [c.address, c.deposed, c.actions.join('/')])).toEqual([
    [standby, undefined, 'no-op'],
    [standby, key, 'delete'],
  ]);
  const text = renderPlan(planned, { color: false });
  expect(text).toContain(`  # ${standby} (deposed object ${key}) will be destroyed\n  # (left over from a partially-failed replacement of this instance)\n`);
  expect(text).toContain('Plan: 0 to add, 0 to change, 1 to destroy.');
  expect(planToJson(planned).resource_changes.find((c) => c.deposed === key)?.change.actions).toEqual(['delete']);
  return planned;
}

beforeAll(async () => {
  test = await startTestServer();
  ({ server, client: owner, root: work } = test);
  sourceId = await seedOrdersCluster(owner, server.defaultProjectId);
  for (let i = 0; i < 2; i++) {
    const started = await owner.backups.create({ clusterId: sourceId, backupType: 'CLUSTER' });
    await started.job.wait({ pollIntervalMs: 50 });
    backups.push(started.backupId);
  }
  const key = await owner.apiKeys.create({ name: 'dr-operator', role: 'CUSTOM', projectIds: [server.defaultProjectId], privileges: ['backup:restore'] });
  operator = new Lifeboat({ baseUrl: server.url, apiKey: key.apiKey });
  await mkdir(join(work, 'config'));
  await writeConfig();
  backend = new LocalStateBackend({ path: join(work, 'terraform.tfstate') });
}, 60_000);

afterAll(async () => {
  await test.close();
});

describe('create_before_destroy leaving its old object behind', () => {
  it('keeps the old object deposed when the server refuses its delete, and destroys it on the next apply', async () => {
    const first = await apply({ plan: await planWith({ backup_id: backups[0] ?? '', generation: '1' }), backend, client: owner });
    expect(first.complete).toBe(true);
    const old = standbyObjects(first.state).current ?? '';

    const replacing = await planWith({ backup_id: backups[1] ?? '', generation: '2' }, operator);
    expect(replacing.resourceChanges.map((c) => c.actions.join('/'))).toEqual(['create/delete']);
    const refused = await apply({ plan: replacing, backend, client: operator });
    expect(refused.complete).toBe(false);
    expect(refused.walk.failed.map((f) => [f.id, (f.error as { code?: unknown }).code])).toEqual([[standby, expect.any(Number)]]);
    expect(String(refused.walk.failed[0]?.error)).toMatch(/may not use cluster:write/);

    // The new cluster is the instance now; the old one is kept, deposed, under a Terraform-style key.
    const after = standbyObjects(refused.state);
    expect(after.current).not.toBe(old);
    expect(await exists(after.current ?? '')).toBe(true);
    expect(Object.values(after.deposed)).toEqual([old]);
    const [key = ''] = Object.keys(after.deposed);
    expect(key).toMatch(/^[0-9a-f]{8}$/);
    expect(await exists(old)).toBe(true);

    const cleanup = await expectDeposedDeletePlanned({ backup_id: backups[1] ?? '', generation: '2' }, key);
    const cleaned = await apply({ plan: cleanup, backend, client: owner });
    expect(cleaned.walk.failed).toEqual([]);
    expect(standbyObjects(cleaned.state)).toEqual({ current: after.current, deposed: {} });
    expect(await exists(old)).toBe(false);

    const settled = await planWith({ backup_id: backups[1] ?? '', generation: '2' });
    expect(settled.resourceChanges.map((c) => c.actions.join('/'))).toEqual(['no-op']);
  }, 60_000);

  it('keeps the old object deposed when the apply is killed between the create and the delete', async () => {
    const vars = { backup_id: backups[0] ?? '', generation: '3' };
    const old = standbyObjects((await backend.read()) ?? emptyState()).current ?? '';
    // The child SIGKILLs itself once the new cluster is recorded, before the old one's delete starts.
    const child = spawnApplyChild({ server, configDir: join(work, 'config'), statePath: backend.options.path, vars, crashAfter: 'put-instance:1' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, exitSignal) => resolve(exitSignal)));
    expect(signal, output).toBe('SIGKILL');
    // The deposing was journalled before the create, so it is there even though nothing else ran.
    expect(output.indexOf(`journal depose-instance ${standby}`), output).toBeGreaterThanOrEqual(0);
    expect(output.indexOf(`journal depose-instance ${standby}`)).toBeLessThan(output.indexOf(`journal pending ${standby}`));

    const lock = await backend.currentLock();
    if (lock !== undefined) await backend.forceUnlock(lock.ID);
    const afterKill = standbyObjects((await backend.read()) ?? emptyState());
    expect(afterKill.current).not.toBe(old);
    expect(Object.values(afterKill.deposed)).toEqual([old]);
    expect(await exists(old)).toBe(true);

    const cleanup = await expectDeposedDeletePlanned(vars, Object.keys(afterKill.deposed)[0] ?? '');
    const cleaned = await apply({ plan: cleanup, backend, client: owner });
    expect(cleaned.complete).toBe(true);
    expect(standbyObjects(cleaned.state)).toEqual({ current: afterKill.current, deposed: {} });
    expect(await exists(old)).toBe(false);
  }, 60_000);
});
