import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Lifeboat } from '@lifeboat/sdk';
import { startServer, type RunningServer } from '@lifeboat/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import { loadConfiguration } from '../../src/config/load.js';
import { resolveVariables } from '../../src/config/variables.js';
import { plan, type PlanOptions } from '../../src/plan/planner.js';
import type { Plan } from '../../src/plan/types.js';
import { emptyState, LocalStateBackend, StateLockedError, type StateSnapshot } from '../../src/state/index.js';
import { spawnApplyChild } from './apply-child.js';

/**
 * An apply SIGKILLed part way, in a process of its own, then converged by a normal apply: no
 * duplicate backup, no orphaned cluster, and the objects the killed run started are adopted.
 */

const keys = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'] as const;
const seed = 20_250_611;

let server: RunningServer;
let client: Lifeboat;
let work: string;
let backend: LocalStateBackend;
const clusters: Record<string, string> = {};

/** A small seeded PRNG (mulberry32), so the random kill points are the same on every run. */
function random(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function writeConfig(): Promise<void> {
  await writeFile(
    join(work, 'config', 'main.tf.json'),
    JSON.stringify({
      variable: {
        clusters: { type: 'map(string)', default: clusters },
        project_id: { type: 'string', default: server.defaultProjectId },
        standby_name: { type: 'string' },
      },
      resource: {
        // One manual backup per cluster: the server refuses a second one while the first runs,
        // and a duplicate taken after it would be a second AVAILABLE backup of the same cluster.
        lifeboat_backup: { manual: { for_each: '${var.clusters}', cluster_id: '${each.value}' } },
        lifeboat_cluster_restore: {
          standby: {
            source_cluster_id: '${lifeboat_backup.manual["k0"].cluster_id}',
            backup_id: '${lifeboat_backup.manual["k0"].backup_id}',
            project_id: '${var.project_id}',
            cluster_name: '${var.standby_name}',
          },
        },
      },
    }),
  );
}

async function planNow(standbyName: string, extra: Partial<PlanOptions> = {}): Promise<Plan> {
  const { configuration, diagnostics } = await loadConfiguration({ dir: join(work, 'config') });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const variables = await resolveVariables(configuration, { vars: { standby_name: standbyName }, env: {} });
  const state = (await backend.read()) ?? emptyState();
  const planned = await plan({ configuration, variables: Object.fromEntries(variables.values), state, client, ...extra });
  expect(planned.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return planned;
}

/** How one kill is decided: on a line the child printed, after a delay from `applying`, or by the child itself. */
type KillPoint =
  | { readonly kind: 'line'; readonly label: string; readonly when: (line: string, lines: readonly string[]) => boolean }
  | { readonly kind: 'delay'; readonly label: string; readonly ms: number }
  | { readonly kind: 'self'; readonly label: string; readonly crashAfter: string };

interface ChildRun {
  readonly pid: number;
  readonly lines: readonly string[];
  readonly signal: NodeJS.Signals | null;
  readonly code: number | null;
  /** What the child had printed when it died: the last line, and how long after `applying`. */
  readonly diedAfter: string;
  readonly stderr: string;
}

/** Runs `apply-process.ts` against the test's server and kills it at `point`. */
async function runChild(standbyName: string, point: KillPoint): Promise<ChildRun> {
  const child = spawnApplyChild({
    server,
    configDir: join(work, 'config'),
    statePath: backend.options.path,
    vars: { standby_name: standbyName },
    parallelism: 3,
    crashAfter: point.kind === 'self' ? point.crashAfter : undefined,
  });
  const pid = child.pid ?? 0;
  const lines: string[] = [];
  let stderr = '';
  let applyingAt: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    if (line.startsWith('applying ')) {
      applyingAt = Date.now();
      if (point.kind === 'delay') timer = setTimeout(() => child.kill('SIGKILL'), point.ms);
    }
    if (point.kind === 'line' && point.when(line, lines)) child.kill('SIGKILL');
  });
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`apply-process did not finish in 30 s; it printed:\n${lines.join('\n')}\n${stderr}`));
    }, 30_000);
    child.once('exit', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal });
    });
  });
  clearTimeout(timer);
  const since = applyingAt === undefined ? 'before applying' : `+${Date.now() - applyingAt}ms`;
  return { pid, lines, ...exit, diedAfter: `${lines.at(-1) ?? '(nothing)'} @${since}`, stderr };
}

/** The instance at `address` in `state`, if any. */
function instanceAt(state: StateSnapshot, address: string) {
  for (const resource of state.resources) {
    for (const instance of resource.instances) {
      const key = instance.index_key === undefined ? '' : `[${JSON.stringify(instance.index_key)}]`;
      if (`${resource.type}.${resource.name}${key}` === address) return instance;
    }
  }
  return undefined;
}

/** A string attribute of the instance at `address` (ids), if recorded. */
function idAt(state: StateSnapshot, address: string, attribute: 'backup_id' | 'cluster_id'): string | undefined {
  const value = instanceAt(state, address)?.attributes[attribute];
  return typeof value === 'string' ? value : undefined;
}

const backupAddress = (key: string) => `lifeboat_backup.manual["${key}"]`;
const standbyAddress = 'lifeboat_cluster_restore.standby';

/** What exists on the server matches the state exactly: one backup per configured key, one standby, nothing else. */
async function expectServerMatches(state: StateSnapshot): Promise<void> {
  // Jobs the killed run started finish on the server regardless; a duplicate would show only then.
  await server.idle(20_000);
  for (const key of keys) {
    const clusterId = clusters[key] ?? '';
    const manual = await client.backups.list({ clusterId, creationMethod: 'MANUAL' }).toArray();
    // Backups deleted by earlier trials' destroys may linger as DELETING; a FAILED job is no duplicate.
    const live = manual.filter((b) => b.status === 'AVAILABLE' || b.status === 'CREATING');
    const recorded = idAt(state, backupAddress(key), 'backup_id');
    expect(live.map((b) => `${b.backupId}:${b.status}`), `manual backups of ${key} (${clusterId})`).toEqual([`${recorded ?? '(none in state)'}:AVAILABLE`]);
  }
  const standbyId = idAt(state, standbyAddress, 'cluster_id') ?? '(none in state)';
  const existing = (await client.clusters.list({ projectId: server.defaultProjectId }).toArray()).filter((c) => c.status !== 'DELETED' && c.status !== 'DELETING');
  expect(existing.map((c) => c.clusterId).sort()).toEqual([...Object.values(clusters), standbyId].sort());
  expect(existing.find((c) => c.clusterId === standbyId)?.status).toBe('RUNNING');
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'lifeboat-interrupt-'));
  server = await startServer({ dataDir: join(work, 'server'), runner: { leaseMs: 2000, pollMs: 20 }, rateLimitPerSecond: 100_000 });
  client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey });
  for (const [index, key] of keys.entries()) {
    const { clusterId } = await client.clusters.create({ projectId: server.defaultProjectId, regionId: 'local-1', clusterName: `orders-${key}`, cuSize: 1 });
    const data = client.dataPlane(clusterId);
    await data.collections.create({ collectionName: 'orders', schema: { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }] } });
    await data.entities.insert({ collectionName: 'orders', data: Array.from({ length: 40 + 10 * index }, (_, id) => ({ id })) });
    clusters[key] = clusterId;
  }
  await mkdir(join(work, 'config'));
  await writeConfig();
  backend = new LocalStateBackend({ path: join(work, 'terraform.tfstate') });
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('an apply killed with SIGKILL', () => {
  it('is converged by the next apply with no duplicate backup and no orphaned cluster', async () => {
    const next = random(seed);
    const starts = (n: number) => (line: string, lines: readonly string[]) => line.startsWith('start ') && lines.filter((l) => l.startsWith('start ')).length === n;
    const points: KillPoint[] = [
      { kind: 'line', label: 'after the 1st start', when: starts(1) },
      { kind: 'line', label: 'after the 4th start', when: starts(4) },
      { kind: 'self', label: 'right after the 2nd create was accepted', crashAfter: 'accepted:2' },
      { kind: 'self', label: 'between a put-instance and its pending-done', crashAfter: 'put-instance:1' },
      { kind: 'line', label: 'as the restore starts', when: (line) => line === `start ${standbyAddress}` },
      { kind: 'line', label: 'once the restore was accepted', when: (line) => line === `journal accepted ${standbyAddress}` },
      { kind: 'delay', label: 'random', ms: Math.round(50 + next() * 900) },
      { kind: 'delay', label: 'random', ms: Math.round(50 + next() * 900) },
    ];
    const summary: string[] = [];

    for (const [trial, point] of points.entries()) {
      const standbyName = `standby-${trial}`;
      const run = await runChild(standbyName, point);
      expect(run.stderr, `stderr of trial ${trial}`).not.toMatch(/Error/);
      const killed = run.signal === 'SIGKILL';
      if (!killed) expect(run.lines.at(-1), `trial ${trial} finished instead of being killed`).toBe('complete true');

      // The state a killed apply leaves behind loads (a torn journal line is ignored).
      const afterKill = (await backend.read()) ?? emptyState();
      const accepted = afterKill.pending.filter((op) => op.objectId !== undefined);
      summary.push(
        `#${trial} ${point.label}${point.kind === 'delay' ? ` ${point.ms}ms` : ''}: ${killed ? `killed at "${run.diedAfter}"` : 'finished first'}, ` +
          `${afterKill.resources.reduce((n, r) => n + r.instances.length, 0)} in state, ${afterKill.pending.length} pending (${accepted.length} accepted)`,
      );

      // The dead process's lock stays, as in Terraform; the error says its holder is gone.
      const lock = await backend.currentLock();
      if (lock !== undefined) {
        expect(lock.Pid).toBe(run.pid);
        const refused = await backend.lock('OperationTypeApply').catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(StateLockedError);
        expect((refused as StateLockedError).holderRunning).toBe(false);
        await backend.forceUnlock(lock.ID);
      }

      // The next plan re-sends every interrupted create with the key it was first sent with.
      const resumed = await planNow(standbyName);
      for (const operation of afterKill.pending) {
        const change = resumed.resourceChanges.find((c) => c.address === operation.address);
        if (change !== undefined && (change.actions as readonly string[]).includes('create')) expect(change.resumeIdempotencyKey, operation.address).toBe(operation.idempotencyKey);
      }
      const applied = await apply({ plan: resumed, backend, client });
      expect(applied.walk.failed.map((f) => `${f.id}: ${String(f.error)}`)).toEqual([]);
      expect(applied.complete).toBe(true);

      const state = applied.state;
      expect(state.pending).toEqual([]);
      // What the killed run had started was adopted, not taken again.
      for (const operation of accepted) {
        const adopted = idAt(state, operation.address, operation.address.startsWith('lifeboat_backup') ? 'backup_id' : 'cluster_id');
        expect(adopted, operation.address).toBe(operation.objectId);
      }
      const again = await planNow(standbyName);
      expect(again.resourceChanges.filter((c) => c.actions[0] !== 'no-op').map((c) => `${c.address}: ${c.actions.join('/')}`)).toEqual([]);
      expect(again.resourceChanges).toHaveLength(keys.length + 1);
      await expectServerMatches(state);

      // A clean slate for the next trial, which also shows destroy leaves nothing behind.
      const destroyed = await apply({ plan: await planNow(standbyName, { mode: 'destroy' }), backend, client });
      expect(destroyed.complete).toBe(true);
      expect(destroyed.state.resources).toEqual([]);
      expect(destroyed.state.pending).toEqual([]);
    }

    console.log(`interrupt-kill: ${points.length} trials, seed ${seed}; ${summary.join('; ')}`);
  }, 120_000);

  it('converges a first apply killed before any state was written, and never replays a create that had finished', async () => {
    // A state of its own: the killed run leaves a journal and no snapshot, so the state read
    // back has no lineage of its own yet.
    await mkdir(join(work, 'first'));
    backend = new LocalStateBackend({ path: join(work, 'first', 'terraform.tfstate') });
    // Killed after the first backup was recorded in state but before its pending operation was
    // marked done: the next apply must see that create as finished, not as one to resume.
    const run = await runChild('standby-replay', { kind: 'self', label: 'between a put-instance and its pending-done', crashAfter: 'put-instance:1' });
    expect(run.signal).toBe('SIGKILL');
    await expect(access(backend.options.path)).rejects.toMatchObject({ code: 'ENOENT' });
    await access(backend.options.journalPath);
    const afterKill = (await backend.read()) ?? emptyState();
    const finished = afterKill.pending.filter((op) => instanceAt(afterKill, op.address) !== undefined);
    // At least the one the kill followed: creates finishing together share a journal sync, so
    // another may have landed in the same batch.
    expect(finished.length).toBeGreaterThanOrEqual(1);
    const lock = await backend.currentLock();
    if (lock !== undefined) await backend.forceUnlock(lock.ID);

    const converged = await apply({ plan: await planNow('standby-replay'), backend, client });
    expect(converged.complete).toBe(true);
    expect(converged.state.pending).toEqual([]);
    const first = new Set(keys.map((key) => idAt(converged.state, backupAddress(key), 'backup_id')));
    await apply({ plan: await planNow('standby-replay', { mode: 'destroy' }), backend, client });

    // Configured again after the destroy: six new backups, none of them a replay of a deleted one.
    const again = await planNow('standby-replay-2');
    expect(again.resourceChanges.filter((c) => c.resumeIdempotencyKey !== undefined)).toEqual([]);
    const recreated = await apply({ plan: again, backend, client });
    expect(recreated.walk.failed.map((f) => `${f.id}: ${String(f.error)}`)).toEqual([]);
    expect(recreated.complete).toBe(true);
    for (const key of keys) expect(first.has(idAt(recreated.state, backupAddress(key), 'backup_id')), key).toBe(false);
    await expectServerMatches(recreated.state);
    await apply({ plan: await planNow('standby-replay-2', { mode: 'destroy' }), backend, client });
  }, 60_000);
});
