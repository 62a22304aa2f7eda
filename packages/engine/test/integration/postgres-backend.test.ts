import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { startServer, type RunningServer } from '@lifeboat/server';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply, type ApplyResult } from '../../src/apply/apply.js';
import type { PlanOptions } from '../../src/plan/planner.js';
import type { Plan } from '../../src/plan/types.js';
import { PostgresStateBackend, StateLockedError, type LockInfo, type StateBackend } from '../../src/state/index.js';
import { findPostgresBinaries, startPostgres, type PostgresServer } from '../state/postgres-server.js';
import { actionsOf, planFrom, seedOrdersCluster, writeLifecycleConfig } from './lifecycle-scenario.js';

/**
 * The lifecycle of `lifecycle.test.ts` with the state in a real PostgreSQL (started by the
 * test from the machine's `initdb` and `pg_ctl`), and two applies racing for its lock.
 */

const binaries = findPostgresBinaries();
if (binaries === undefined) {
  console.warn('Skipping the Postgres-backend integration tests: no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin. Install PostgreSQL to run them.');
}

const schemaName = 'lifeboat_it';

describe.skipIf(binaries === undefined)('plan and apply with the state in PostgreSQL', () => {
  let postgres: PostgresServer;
  let admin: pg.Client;
  let server: RunningServer;
  let client: Lifeboat;
  let work: string;
  let clusterId: string;
  let backend: PostgresStateBackend;
  const backends: PostgresStateBackend[] = [];

  function newBackend(): PostgresStateBackend {
    const created = new PostgresStateBackend({ connectionString: postgres.connectionString, schemaName });
    backends.push(created);
    return created;
  }

  const writeConfig = (retention: number, copyRegion: string, backups?: readonly string[]) => writeLifecycleConfig(work, retention, copyRegion, backups);
  const planNow = (extra: Partial<PlanOptions> = {}, from: StateBackend = backend): Promise<Plan> => planFrom({ dir: work, clusterId, client, backend: from, extra });

  async function storedRows(): Promise<{ serial: number; journal: number }> {
    const states = await admin.query<{ serial: string }>(`SELECT serial::text AS serial FROM ${schemaName}.states WHERE name = 'default'`);
    const journal = await admin.query<{ count: string }>(`SELECT count(*)::text AS count FROM ${schemaName}.journal WHERE name = 'default'`);
    return { serial: Number(states.rows[0]?.serial ?? -1), journal: Number(journal.rows[0]?.count ?? -1) };
  }

  beforeAll(async () => {
    postgres = await startPostgres(binaries!);
    admin = new pg.Client({ connectionString: postgres.connectionString });
    await admin.connect();
    work = await mkdtemp(join(tmpdir(), 'lifeboat-engine-pg-'));
    server = await startServer({ dataDir: join(work, 'server'), runner: { leaseMs: 2000, pollMs: 20 }, rateLimitPerSecond: 100_000 });
    client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey });
    clusterId = await seedOrdersCluster(client, server.defaultProjectId);
    backend = newBackend();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(backends.map((b) => b.close()));
    await admin?.end();
    await server?.close();
    await postgres?.stop();
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  }, 30_000);

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
    // The state is one row in PostgreSQL; the journal was folded into it and emptied.
    expect(await storedRows()).toEqual({ serial: 1, journal: 0 });
    expect(await backend.read()).toEqual(applied.state);
    const backupId = applied.outputs.backup_id?.value as string;
    expect(backupId).toMatch(/^backup\d+_/);
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
    expect((await apply({ plan: drifted, backend, client })).complete).toBe(true);
    expect((await client.policies.get(clusterId)).retentionDays).toBe(7);

    await writeConfig(14, 'local-3');
    const changed = await planNow();
    expect(actionsOf(changed)).toMatchObject({ 'lifeboat_backup_policy.nightly': 'update', 'lifeboat_copy_policy.dr': 'delete/create', 'lifeboat_backup.before_migration': 'no-op' });
    expect(changed.resourceChanges.find((c) => c.address === 'lifeboat_copy_policy.dr')?.replacePaths).toEqual([['region_id']]);
    expect((await apply({ plan: changed, backend, client })).complete).toBe(true);
    expect((await client.policies.get(clusterId)).retentionDays).toBe(14);
    expect((await client.copyPolicies.list(clusterId)).map((p) => p.regionId)).toEqual(['local-3']);
    expect(await storedRows()).toEqual({ serial: 3, journal: 0 });

    // A second backend on the same tables (another machine of the team) sees the same state.
    const teammate = newBackend();
    expect(await teammate.read()).toEqual(await backend.read());
    expect(Object.values(actionsOf(await planNow({}, teammate))).every((a) => a === 'no-op')).toBe(true);

    const destroy = await planNow({ mode: 'destroy' });
    expect(Object.values(actionsOf(destroy)).every((a) => a === 'delete')).toBe(true);
    const destroyed = await apply({ plan: destroy, backend, client });
    expect(destroyed.complete).toBe(true);
    expect(destroyed.state.resources).toEqual([]);
    expect((await client.policies.get(clusterId)).status).toBe('DISABLED');
    expect(await client.copyPolicies.list(clusterId)).toEqual([]);
    const backup = await client.backups.get({ clusterId, backupId }).catch(() => undefined);
    expect(backup === undefined || backup.status === 'DELETING').toBe(true);
    expect(await backend.currentLock()).toBeUndefined();
  }, 120_000);

  it('lets exactly one of two concurrent applies take the lock; the other is told who holds it', async () => {
    await writeConfig(7, 'local-2');
    const [mine, theirs] = [newBackend(), newBackend()];
    // Both planned from the same state, as two people running `lifeboat apply` at once would.
    const plans = [await planNow({}, mine), await planNow({}, theirs)];
    const taken: LockInfo[] = [];
    const recordingLock = (inner: StateBackend): StateBackend => ({
      describe: () => inner.describe(),
      read: () => inner.read(),
      write: (state) => inner.write(state),
      append: (entry) => inner.append(entry),
      forceUnlock: (id) => inner.forceUnlock(id),
      currentLock: () => inner.currentLock(),
      close: () => inner.close(),
      lock: async (operation, info) => {
        const lock = await inner.lock(operation, info);
        taken.push(lock.info);
        return lock;
      },
    });

    const results = await Promise.allSettled([mine, theirs].map((b, i) => apply({ plan: plans[i] as Plan, backend: recordingLock(b), client })));
    const won = results.filter((r): r is PromiseFulfilledResult<ApplyResult> => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(taken).toHaveLength(1);
    expect(won[0]?.value.complete).toBe(true);

    const error = lost[0]?.reason as unknown;
    expect(error).toBeInstanceOf(StateLockedError);
    const holder = (error as StateLockedError).holder;
    expect(holder).toMatchObject({ ID: taken[0]?.ID, Operation: 'OperationTypeApply', Pid: process.pid, Who: taken[0]?.Who });
    expect(holder.Path).toContain(`schema ${schemaName}`);
    expect((error as StateLockedError).message).toContain(`lifeboat force-unlock ${taken[0]?.ID ?? ''}`);

    // Only the winner wrote; the loser's plan is now stale rather than applied over it.
    const loser = results[0]?.status === 'rejected' ? 0 : 1;
    expect(await storedRows()).toMatchObject({ journal: 0 });
    await expect(apply({ plan: plans[loser] as Plan, backend: [mine, theirs][loser] as PostgresStateBackend, client })).rejects.toMatchObject({ code: 'STALE_PLAN' });
    expect(await backend.currentLock()).toBeUndefined();
  }, 60_000);
});
