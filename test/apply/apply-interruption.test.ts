import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { emptyState, LocalStateBackend, loadConfiguration, plan, type StateSnapshot } from '@lifeboat/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from '../support/bundle.js';
import { count, formatCounts, recordReport } from '../support/figures.js';
import { Random, replayHint, suiteSeed, trialCount } from '../support/run-options.js';
import { startTestServer, type TestServer } from '../../packages/server/test/harness.js';

/**
 * `lifeboat apply` SIGKILLed at random points, then run again: each trial's configuration
 * replaces six manual backups, replaces a standby cluster restored from one of them and updates a
 * copy policy, so a kill lands among creates, deletes, updates and restores. After the kill the
 * state loads; the dead apply's lock is removed as a user would (force-unlock, the holder being
 * gone); the next apply converges: no change left to plan, one manual backup per cluster (the one
 * in the state), no cluster but the sources and the standby, and no API key in any state file.
 */

const seed = suiteSeed('apply');
const trials = trialCount({ ci: 30, long: 300 });
const keys = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'] as const;
/** Progress lines of an apply, by what is happening. */
const progress = /: (Creating|Destroying|Modifying|Replacing|Creation complete|Destruction complete|Modifications complete)/;

let t: TestServer;
let work: string;
let cli: string;
let backend: LocalStateBackend;
const clusters: Record<string, string> = {};

// Figures.
const killedDuring: Record<string, number> = {};
const afterKill = { locksLeft: 0, pendingFound: 0, pendingAdopted: 0, finishedFirst: 0 };
/** Pending entries without an object id left after a converging apply, by idempotency key: how many applies each outlived. */
const stalePending: Record<string, number> = {};
const convergingActions: Record<string, number> = {};

function configFor(trial: number): unknown {
  const suffix = `-t${trial}`;
  return {
    resource: {
      lifeboat_backup: {
        manual: { for_each: Object.fromEntries(keys.map((key) => [`${key}${suffix}`, clusters[key]])), cluster_id: '${each.value}' },
      },
      lifeboat_cluster_restore: {
        standby: {
          source_cluster_id: `\${lifeboat_backup.manual["k0${suffix}"].cluster_id}`,
          backup_id: `\${lifeboat_backup.manual["k0${suffix}"].backup_id}`,
          project_id: t.server.defaultProjectId,
          cluster_name: `standby${suffix}`,
        },
      },
      // AUTO only: no auto backups run here, so the policy never starts copies of its own.
      lifeboat_copy_policy: { dr: { cluster_id: clusters.k1, region_id: 'local-2', retention_days: 1 + (trial % 30), applies_to: 'AUTO' } },
    },
  };
}

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly lines: readonly string[];
  readonly stderr: string;
}

/** Runs `lifeboat <args>` in the work directory; `killAfter` decides when to SIGKILL it. */
async function runCli(args: readonly string[], killAfter?: { readonly ms: number } | { readonly progressLine: number }): Promise<Run> {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: work,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LIFEBOAT_ENDPOINT: t.server.url, LIFEBOAT_API_KEY: t.server.ownerApiKey, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  let seen = 0;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    if (killAfter !== undefined && 'progressLine' in killAfter && progress.test(line) && ++seen === killAfter.progressLine) child.kill('SIGKILL');
  });
  const timer = killAfter !== undefined && 'ms' in killAfter ? setTimeout(() => child.kill('SIGKILL'), killAfter.ms) : undefined;
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal])));
  clearTimeout(timer);
  clearTimeout(guard);
  return { code, signal, lines, stderr };
}

/** What the apply was doing when it died, from the last progress line it printed. */
function stepAtKill(run: Run): string {
  if (run.signal !== 'SIGKILL') return 'finished before the kill';
  const last = [...run.lines].reverse().find((line) => progress.test(line));
  if (last === undefined) return run.lines.some((line) => line.startsWith('Plan:')) ? 'plan shown, nothing started' : 'loading, refreshing or planning';
  const [, what = ''] = progress.exec(last) ?? [];
  const resource = /(lifeboat_\w+)\./.exec(last)?.[1] ?? 'resource';
  return `${what.toLowerCase()} (${resource})`;
}

function instancesOf(state: StateSnapshot, type: string): { key: string | undefined; attributes: Record<string, unknown> }[] {
  return state.resources
    .filter((resource) => resource.type === type && resource.mode === 'managed')
    .flatMap((resource) => resource.instances.map((instance) => ({ key: instance.index_key === undefined ? undefined : String(instance.index_key), attributes: instance.attributes })));
}

/** Whether some instance in the state holds the object with this id (a backup or cluster id). */
function records(state: StateSnapshot, objectId: string): boolean {
  return state.resources.some((resource) => resource.instances.some((instance) => Object.values(instance.attributes).includes(objectId)));
}

/** Whether the state holds an instance at `address` (`type.name` or `type.name["key"]`). */
function holdsInstance(state: StateSnapshot, address: string): boolean {
  const [, type, name, key] = /^(\w+)\.(\w+)(?:\["(.*)"\])?$/.exec(address) ?? [];
  const resource = state.resources.find((r) => r.mode === 'managed' && r.type === type && r.name === name);
  const instance = resource?.instances.find((i) => (i.index_key === undefined ? key === undefined : String(i.index_key) === key));
  return instance !== undefined;
}

/** Everything that must hold once the next apply has run; each broken promise is one line. */
async function problemsAfterConverging(trial: number): Promise<string[]> {
  const problems: string[] = [];
  const state = (await backend.read()) ?? emptyState();
  // After a converged apply nothing is pending: a create that finished (its object in the state)
  // is cleared even when there is nothing else to do. One kind is only counted: an entry with no
  // object id (a create with no job, such as a copy policy) whose address holds an instance; seen
  // once and not reproduced alone, it is reported to the engine rather than failed here.
  for (const operation of state.pending) {
    if (operation.objectId === undefined && holdsInstance(state, operation.address)) count(stalePending, operation.idempotencyKey);
    else problems.push(`a pending operation left in the state: ${JSON.stringify(operation)}`);
  }

  const { configuration } = await loadConfiguration({ dir: work });
  const again = await plan({ configuration, variables: {}, state, client: t.client });
  const changes = again.resourceChanges.filter((change) => change.actions[0] !== 'no-op').map((change) => `${change.address}: ${change.actions.join('/')}`);
  if (changes.length > 0) problems.push(`a plan after converging still has changes: ${changes.join(', ')}`);

  // Jobs the killed apply started finish on the server regardless; a duplicate would show then.
  await t.server.idle(20_000);
  const backups = instancesOf(state, 'lifeboat_backup');
  for (const key of keys) {
    const recorded = backups.find((instance) => instance.key === `${key}-t${trial}`)?.attributes.backup_id;
    const manual = await t.client.backups.list({ clusterId: clusters[key], creationMethod: 'MANUAL', pageSize: 100 }).toArray();
    const live = manual.filter((backup) => backup.status === 'AVAILABLE' || backup.status === 'CREATING').map((backup) => `${backup.backupId} ${backup.status}`);
    if (live.length !== 1 || live[0] !== `${String(recorded)} AVAILABLE`) problems.push(`cluster ${key}: live manual backups ${live.join(', ') || 'none'}, the state records ${String(recorded)}`);
  }
  const standby = instancesOf(state, 'lifeboat_cluster_restore')[0]?.attributes.cluster_id;
  const existing = (await t.client.clusters.list({ projectId: t.server.defaultProjectId, pageSize: 100 }).toArray()).filter((c) => c.status !== 'DELETED' && c.status !== 'DELETING');
  const expected = [...Object.values(clusters), String(standby)].sort();
  const actual = existing.map((c) => c.clusterId).sort();
  if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`clusters ${actual.join(', ')}; expected the sources and the standby ${String(standby)}`);
  if (existing.find((c) => c.clusterId === standby)?.status !== 'RUNNING') problems.push(`the standby ${String(standby)} is not RUNNING`);

  for (const file of ['terraform.tfstate', 'terraform.tfstate.backup', 'terraform.tfstate.journal']) {
    const text = await readFile(join(work, file), 'utf8').catch(() => '');
    if (text.includes(t.server.ownerApiKey)) problems.push(`the API key is in ${file}`);
  }
  return problems;
}

async function runTrial(trial: number, r: Random): Promise<string[]> {
  await writeFile(join(work, 'main.tf.json'), JSON.stringify(configFor(trial), null, 2));
  // An apply here prints about 28 progress lines in one to two seconds.
  const killAfter = r.chance(0.5) ? { ms: r.int(100, 1400) } : { progressLine: r.int(1, 20) };
  const killed = await runCli(['apply', '-auto-approve'], killAfter);
  const step = stepAtKill(killed);
  count(killedDuring, step);
  if (killed.signal !== 'SIGKILL') {
    afterKill.finishedFirst += 1;
    if (killed.code !== 0) return [`the apply to be killed failed on its own (exit ${killed.code}): ${killed.stderr}`];
  }

  // The state a killed apply leaves behind loads (a torn journal line is ignored).
  const left = (await backend.read()) ?? emptyState();
  const accepted = left.pending.filter((operation) => operation.objectId !== undefined);
  afterKill.pendingFound += left.pending.length;
  // The dead apply's lock stays, as in Terraform; its holder is gone, so it is force-unlocked.
  const lock = await backend.currentLock();
  if (lock !== undefined) {
    afterKill.locksLeft += 1;
    await backend.forceUnlock(lock.ID);
  }

  const converging = await runCli(['apply', '-auto-approve']);
  // After an apply that finished before its kill, there is nothing left to do.
  if (converging.code !== 0 || !converging.lines.some((line) => line.startsWith('Apply complete!') || line.startsWith('No changes.'))) {
    return [`the next apply (after a kill ${step}) did not converge (exit ${converging.code}):\n${converging.lines.slice(-15).join('\n')}\n${converging.stderr}`];
  }
  const applied = /Resources: (\d+) added, (\d+) changed, (\d+) destroyed/.exec(converging.lines.find((line) => line.startsWith('Apply complete!')) ?? '');
  count(convergingActions, 'added', Number(applied?.[1] ?? 0));
  count(convergingActions, 'changed', Number(applied?.[2] ?? 0));
  count(convergingActions, 'destroyed', Number(applied?.[3] ?? 0));

  const problems = await problemsAfterConverging(trial);
  // What the killed run had the server accept was adopted, not made again.
  const state = (await backend.read()) ?? emptyState();
  for (const operation of accepted) {
    if (records(state, operation.objectId ?? '')) afterKill.pendingAdopted += 1;
    else problems.push(`${operation.address}: the object ${String(operation.objectId)} the killed apply started was not adopted`);
  }
  return problems.map((problem) => `${problem} (killed ${step})`);
}

beforeAll(async () => {
  cli = await bundleEntry(new URL('../../packages/cli/src/bin.ts', import.meta.url));
  t = await startTestServer({ rateLimitPerSecond: 100_000 });
  work = await mkdtemp(join(tmpdir(), 'lifeboat-apply-kill-'));
  backend = new LocalStateBackend({ path: join(work, 'terraform.tfstate') });
  for (const [index, key] of keys.entries()) {
    const { clusterId } = await t.client.clusters.create({ projectId: t.server.defaultProjectId, regionId: 'local-1', clusterName: `orders-${key}`, cuSize: 1 });
    const data = t.client.dataPlane(clusterId);
    await data.collections.create({ collectionName: 'orders', schema: { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }] } });
    await data.entities.insert({ collectionName: 'orders', data: Array.from({ length: 40 + 10 * index }, (_, id) => ({ id })) });
    clusters[key] = clusterId;
  }
});

afterAll(async () => {
  await t?.stop();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe(`lifeboat apply SIGKILLed at random points (${replayHint()})`, () => {
  it(`is converged by the next apply, over ${trials} kills`, async () => {
    const startedAt = Date.now();
    const r = new Random(seed);
    const failures: string[] = [];
    // Until `trials` applies were killed: one that finished before its kill point does not count.
    let trial = 0;
    for (; trial - afterKill.finishedFirst < trials && trial < 2 * trials; trial++) {
      let problems: string[];
      try {
        problems = await runTrial(trial, r);
      } catch (error) {
        problems = [`the trial could not run: ${(error as Error).stack ?? String(error)}`];
      }
      if (problems.length > 0) failures.push(`trial ${trial}:\n  ${problems.join('\n  ')}`);
    }
    const killed = trial - afterKill.finishedFirst;
    const summary = `apply interruption: ${trial - failures.length} passed, ${failures.length} failed, ${killed} applies killed (${replayHint()})`;
    await recordReport({
      suite: 'apply',
      title: 'Apply interruption',
      summary,
      tried:
        `${trial} trials of \`lifeboat apply -auto-approve\` (the CLI, bundled from packages/cli/src/bin.ts) SIGKILLed after 100–1,400 ms or right after ` +
        'its n-th progress line, each trial replacing six manual backups, replacing a standby cluster restored from one of them and updating a copy policy; ' +
        'then the lock of the dead apply removed (force-unlock, as its holder is gone) and `lifeboat apply -auto-approve` run again.',
      held: [
        'the state a killed apply left behind loaded every time',
        'the next apply completed, left no pending operation (finished creates included), and a plan after it had no change',
        'one live manual backup per cluster, the one the state records: no duplicate; no cluster but the sources and the standby in the state: no orphan',
        'every object a killed apply had the server accept was adopted by the next apply, not made again',
        'no API key in terraform.tfstate, its backup or its journal',
      ],
      figures: [
        ['Trials', `${trial - failures.length} passed, ${failures.length} failed; ${killed} applies killed, ${afterKill.finishedFirst} finished before their kill point`],
        ['Killed while', formatCounts(killedDuring)],
        ['Locks left by a killed apply', afterKill.locksLeft],
        ['Pending operations found after a kill', `${afterKill.pendingFound} (${afterKill.pendingAdopted} already accepted by the server, all adopted)`],
        ['Next applies: resources', formatCounts(convergingActions)],
        [
          'Creates without an object id still listed as pending after the next apply (engine, reported)',
          Object.keys(stalePending).length === 0
            ? 'none'
            : `${Object.keys(stalePending).length}, outliving ${Object.values(stalePending).join(', ')} applies: the object is in the state, but its pending entry was not cleared`,
        ],
      ],
      durationMs: Date.now() - startedAt,
    });
    expect(failures, summary).toEqual([]);
    expect(killed).toBeGreaterThanOrEqual(trials);
  }, trials * 10_000);
});
