import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { startServer, type RunningServer } from '@lifeboat/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import type { PlanOptions } from '../../src/plan/planner.js';
import type { Plan } from '../../src/plan/types.js';
import { LocalStateBackend } from '../../src/state/index.js';
import { actionsOf, planFrom, seedOrdersCluster, writeLifecycleConfig } from './lifecycle-scenario.js';

let server: RunningServer;
let client: Lifeboat;
let work: string;
let clusterId: string;
let backend: LocalStateBackend;

const writeConfig = (retention: number, copyRegion: string) => writeLifecycleConfig(work, retention, copyRegion);
const planNow = (extra: Partial<PlanOptions> = {}): Promise<Plan> => planFrom({ dir: work, clusterId, client, backend, extra });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'lifeboat-engine-'));
  server = await startServer({ dataDir: join(work, 'server'), runner: { leaseMs: 2000, pollMs: 20 }, rateLimitPerSecond: 100_000 });
  client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey });
  clusterId = await seedOrdersCluster(client, server.defaultProjectId);
  backend = new LocalStateBackend({ path: join(work, 'terraform.tfstate') });
}, 60_000);

afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

describe('plan and apply against a real server', () => {
  it('creates, finds nothing to do, sees drift, updates, replaces and destroys', async () => {
    await writeConfig(7, 'local-2');
    const first = await planNow();
    expect(first.errored).toBe(false);
    expect(actionsOf(first)).toEqual({
      'lifeboat_backup_policy.nightly': 'create',
      'lifeboat_copy_policy.dr': 'create',
      'lifeboat_backup.before_migration': 'create',
      'data.lifeboat_latest_backup.newest': 'read',
    });
    const applied = await apply({ plan: first, backend, client });
    expect(applied.walk.failed.map((f) => `${f.id}: ${String(f.error)}`)).toEqual([]);
    expect(applied.complete).toBe(true);
    expect(applied.outputs.backup_id?.value).toMatch(/^backup\d+_/);
    const backupId = applied.outputs.backup_id?.value as string;
    expect((await client.backups.get({ clusterId, backupId })).status).toBe('AVAILABLE');
    expect((await client.policies.get(clusterId)).retentionDays).toBe(7);
    expect(await client.copyPolicies.list(clusterId)).toEqual([{ regionId: 'local-2', retentionDays: 14, appliesTo: 'ALL' }]);

    const second = await planNow();
    expect(Object.values(actionsOf(second)).every((a) => a === 'no-op')).toBe(true);

    // Drift made outside the engine is seen and put back.
    await client.policies.set({ clusterId, enabled: true, frequency: '1,2,3,4,5,6,7', startTime: '02:00-04:00', retentionDays: 10 });
    const drifted = await planNow();
    expect(drifted.resourceDrift.map((d) => d.address)).toEqual(['lifeboat_backup_policy.nightly']);
    expect(actionsOf(drifted)['lifeboat_backup_policy.nightly']).toBe('update');
    await apply({ plan: drifted, backend, client });
    expect((await client.policies.get(clusterId)).retentionDays).toBe(7);

    await writeConfig(14, 'local-3');
    const changed = await planNow();
    expect(actionsOf(changed)).toMatchObject({ 'lifeboat_backup_policy.nightly': 'update', 'lifeboat_copy_policy.dr': 'delete/create', 'lifeboat_backup.before_migration': 'no-op' });
    expect(changed.resourceChanges.find((c) => c.address === 'lifeboat_copy_policy.dr')?.replacePaths).toEqual([['region_id']]);
    await apply({ plan: changed, backend, client });
    expect((await client.policies.get(clusterId)).retentionDays).toBe(14);
    expect((await client.copyPolicies.list(clusterId)).map((p) => p.regionId)).toEqual(['local-3']);

    const destroy = await planNow({ mode: 'destroy' });
    expect(Object.values(actionsOf(destroy)).every((a) => a === 'delete')).toBe(true);
    const destroyed = await apply({ plan: destroy, backend, client });
    expect(destroyed.complete).toBe(true);
    expect(destroyed.state.resources).toEqual([]);
    expect((await client.policies.get(clusterId)).status).toBe('DISABLED');
    expect(await client.copyPolicies.list(clusterId)).toEqual([]);
    const backup = await client.backups.get({ clusterId, backupId }).catch(() => undefined);
    expect(backup === undefined || backup.status === 'DELETING').toBe(true);
  }, 120_000);

  it('refuses a saved plan once the state has moved on', async () => {
    await writeConfig(7, 'local-2');
    const stale = await planNow();
    await apply({ plan: await planNow(), backend, client });
    await expect(apply({ plan: stale, backend, client })).rejects.toMatchObject({ code: 'STALE_PLAN' });
  }, 120_000);
});
