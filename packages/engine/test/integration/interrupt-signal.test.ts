import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { startServer, type RunningServer } from '@lifeboat/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import { loadConfiguration } from '../../src/config/load.js';
import { resolveVariables } from '../../src/config/variables.js';
import { plan } from '../../src/plan/planner.js';
import type { Plan } from '../../src/plan/types.js';
import { emptyState, LocalStateBackend, type StateBackend, type StateSnapshot } from '../../src/state/index.js';

/**
 * An apply interrupted the way the CLI interrupts it on SIGINT (its signal aborts): scheduling
 * stops, the creates in flight stay recorded as pending, the state is written, and the next
 * apply finishes those creates with the keys they were first sent with.
 */

const keys = ['k0', 'k1', 'k2', 'k3', 'k4'] as const;

let server: RunningServer;
let client: Lifeboat;
let work: string;
let backend: LocalStateBackend;
const clusters: Record<string, string> = {};

const backupAddress = (key: string) => `lifeboat_backup.manual["${key}"]`;

function backupIdAt(state: StateSnapshot, key: string): unknown {
  const resource = state.resources.find((r) => r.type === 'lifeboat_backup' && r.name === 'manual');
  return resource?.instances.find((i) => i.index_key === key)?.attributes.backup_id;
}

async function planNow(): Promise<Plan> {
  const { configuration, diagnostics } = await loadConfiguration({ dir: join(work, 'config') });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const variables = await resolveVariables(configuration, { env: {} });
  const planned = await plan({ configuration, variables: Object.fromEntries(variables.values), state: (await backend.read()) ?? emptyState(), client });
  expect(planned.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return planned;
}

/** The backend, calling `onAccepted` once an accepted create (a pending entry with the server's id) is durable. */
function watching(inner: StateBackend, onAccepted: (address: string) => void): StateBackend {
  return {
    describe: () => inner.describe(),
    read: () => inner.read(),
    write: (state) => inner.write(state),
    lock: (operation, info) => inner.lock(operation, info),
    forceUnlock: (id) => inner.forceUnlock(id),
    currentLock: () => inner.currentLock(),
    close: () => inner.close(),
    append: async (entry) => {
      await inner.append(entry);
      if (entry.kind === 'pending' && entry.operation.objectId !== undefined) onAccepted(entry.operation.address);
    },
  };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'lifeboat-signal-'));
  server = await startServer({ dataDir: join(work, 'server'), runner: { leaseMs: 2000, pollMs: 20 }, rateLimitPerSecond: 100_000 });
  client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey });
  for (const key of keys) {
    const { clusterId } = await client.clusters.create({ projectId: server.defaultProjectId, regionId: 'local-1', clusterName: `orders-${key}`, cuSize: 1 });
    const data = client.dataPlane(clusterId);
    await data.collections.create({ collectionName: 'orders', schema: { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }] } });
    await data.entities.insert({ collectionName: 'orders', data: Array.from({ length: 30 }, (_, id) => ({ id })) });
    clusters[key] = clusterId;
  }
  await mkdir(join(work, 'config'));
  await writeFile(
    join(work, 'config', 'main.tf.json'),
    JSON.stringify({
      variable: { clusters: { type: 'map(string)', default: clusters } },
      resource: { lifeboat_backup: { manual: { for_each: '${var.clusters}', cluster_id: '${each.value}' } } },
    }),
  );
  backend = new LocalStateBackend({ path: join(work, 'terraform.tfstate') });
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('an apply whose signal aborts', () => {
  it('stops scheduling, records the creates in flight as pending, and the next apply finishes them with the same keys', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const first = await planNow();
    const interrupted = await apply({
      plan: first,
      backend: watching(backend, () => controller.abort()),
      client,
      // Three at once: some creates are in flight when the signal aborts, two never start.
      parallelism: 3,
      signal: controller.signal,
      hooks: { onResourceStart: ({ address }) => started.push(address) },
    });

    // It resolves (it does not throw): incomplete, the running creates failed with the abort, the rest not started.
    expect(interrupted.complete).toBe(false);
    expect(started).toHaveLength(3);
    expect(interrupted.walk.succeeded).toEqual([]);
    expect(interrupted.walk.failed.map((f) => f.id).sort()).toEqual([...started].sort());
    for (const failure of interrupted.walk.failed) expect((failure.error as Error).name, failure.id).toBe('AbortError');
    expect([...interrupted.walk.notStarted].sort()).toEqual(keys.map(backupAddress).filter((a) => !started.includes(a)).sort());

    // The state was written (the journal folded into a snapshot) and the lock released.
    expect(interrupted.state.serial).toBe(1);
    await expect(access(backend.options.journalPath)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await backend.currentLock()).toBeUndefined();
    const stored = (await backend.read()) ?? emptyState();
    expect(stored).toEqual(interrupted.state);
    expect(stored.resources).toEqual([]);
    // Every create that started is pending with its key; at least the one that aborted the run has the server's id.
    expect(stored.pending.map((op) => op.address).sort()).toEqual([...started].sort());
    const accepted = stored.pending.filter((op) => op.objectId !== undefined);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    for (const op of stored.pending) expect(op.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);

    // Aborting stops the waiting, never the job: the backups the server accepted complete.
    await server.idle(20_000);
    for (const op of accepted) {
      const key = keys.find((k) => backupAddress(k) === op.address) ?? '';
      expect((await client.backups.get({ clusterId: clusters[key] ?? '', backupId: op.objectId ?? '' })).status).toBe('AVAILABLE');
    }

    // The next plan re-sends each interrupted create with the key recorded for it; the others get new ones.
    const resumed = await planNow();
    for (const change of resumed.resourceChanges) {
      expect(change.actions, change.address).toEqual(['create']);
      expect(change.resumeIdempotencyKey, change.address).toBe(stored.pending.find((op) => op.address === change.address)?.idempotencyKey);
    }

    const converged = await apply({ plan: resumed, backend, client });
    expect(converged.walk.failed.map((f) => `${f.id}: ${String(f.error)}`)).toEqual([]);
    expect(converged.complete).toBe(true);
    expect(converged.state.pending).toEqual([]);
    // The interrupted creates were answered with the backups the server had already made.
    for (const op of accepted) {
      const key = keys.find((k) => backupAddress(k) === op.address) ?? '';
      expect(backupIdAt(converged.state, key), op.address).toBe(op.objectId);
    }
    // No duplicate: each cluster has exactly the one manual backup the state records.
    await server.idle(20_000);
    for (const key of keys) {
      const manual = await client.backups.list({ clusterId: clusters[key] ?? '', creationMethod: 'MANUAL' }).toArray();
      expect(manual.filter((b) => b.status !== 'FAILED').map((b) => `${b.backupId}:${b.status}`), key).toEqual([`${String(backupIdAt(converged.state, key))}:AVAILABLE`]);
    }
    const again = await planNow();
    expect(again.resourceChanges.every((c) => c.actions[0] === 'no-op')).toBe(true);
    console.log(`interrupt-signal: aborted with ${started.length} creates in flight (${accepted.length} accepted by the server), ${interrupted.walk.notStarted.length} not started; all adopted on resume`);
  }, 60_000);
});
