import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { startServer, type RunningServer } from '@lifeboat/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import { loadConfiguration } from '../../src/config/load.js';
import { resolveVariables } from '../../src/config/variables.js';
import { plan } from '../../src/plan/planner.js';
import { emptyState, LocalStateBackend } from '../../src/state/index.js';

let server: RunningServer;
let client: Lifeboat;
let work: string;
const clusterIds: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'lifeboat-batching-'));
  server = await startServer({ dataDir: join(work, 'server'), runner: { leaseMs: 2000, pollMs: 20 }, rateLimitPerSecond: 100_000 });
  client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey });
  for (let i = 0; i < 150; i++) {
    clusterIds.push((await client.clusters.create({ projectId: server.defaultProjectId, regionId: 'local-1', clusterName: `c${i}`, cuSize: 1 })).clusterId);
  }
  await writeFile(
    join(work, 'main.tf.json'),
    JSON.stringify({
      variable: { clusters: { type: 'list(string)' } },
      resource: {
        lifeboat_backup_policy: { p: { for_each: '${toset(var.clusters)}', cluster_id: '${each.value}', enabled: false, frequency: 'weekdays', start_time: '01:00-02:00', retention_days: 5 } },
        lifeboat_copy_policy: { c: { for_each: '${toset(var.clusters)}', cluster_id: '${each.value}', region_id: 'local-2', retention_days: 9, applies_to: 'MANUAL' } },
      },
    }),
  );
}, 120_000);

afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

/** A client that notes the operation of every answer it gets. */
function countingClient(): { client: Lifeboat; calls: string[] } {
  const calls: string[] = [];
  const counted = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey, hooks: { afterResponse: [({ operationId }) => void calls.push(operationId)] } });
  return { client: counted, calls };
}

describe('refresh and apply cost', () => {
  it('applies 300 policies of 150 clusters in 4 API calls and reads them back in 4, a disabled policy staying as declared', async () => {
    const backend = new LocalStateBackend({ path: join(work, 'terraform.tfstate') });
    const { configuration } = await loadConfiguration({ dir: work });
    const variables = Object.fromEntries((await resolveVariables(configuration, { vars: { clusters: JSON.stringify(clusterIds) }, env: {} })).values);
    const first = await plan({ configuration, variables, state: emptyState(), client });
    expect(first.resourceChanges).toHaveLength(300);
    const counting = countingClient();
    const applied = await apply({ plan: first, backend, client: counting.client });
    expect(applied.complete).toBe(true);
    expect(applied.walk.succeeded).toHaveLength(300);
    // 100 writes per call: two calls of each kind for 150 clusters.
    expect(counting.calls.sort()).toEqual(['putCopyPolicies', 'putCopyPolicies', 'setBackupPolicies', 'setBackupPolicies']);
    expect((await backend.read())?.resources.map((r) => r.instances.length)).toEqual([150, 150]);
    expect(await client.policies.get(clusterIds[0]!)).toMatchObject({ status: 'DISABLED', frequency: '1,2,3,4,5', startTime: '01:00-02:00', retentionDays: 5 });

    const second = await plan({ configuration, variables, state: (await backend.read())!, client });
    expect(second.resourceChanges.every((change) => change.actions[0] === 'no-op')).toBe(true);
    // Policies and copy policies of 100 clusters per call: 2 calls each for 150 clusters.
    expect(second.stats.apiCalls).toBe(4);
  }, 120_000);
});

describe('a batch with one write the server refuses', () => {
  it('fails only that resource and its dependents; the rest of its batch is applied', async () => {
    const dir = await mkdtemp(join(work, 'refused-'));
    const good = clusterIds.slice(0, 3);
    const missing = 'in01-00000000000000ff';
    await writeFile(
      join(dir, 'main.tf.json'),
      JSON.stringify({
        variable: { clusters: { type: 'list(string)' } },
        resource: {
          lifeboat_copy_policy: { c: { for_each: '${toset(var.clusters)}', cluster_id: '${each.value}', region_id: 'local-3', retention_days: 4 } },
          lifeboat_backup_policy: {
            after_missing: { cluster_id: good[0], enabled: false, frequency: 'daily', start_time: '03:00-04:00', retention_days: 3, depends_on: ['lifeboat_copy_policy.c'] },
          },
        },
      }),
    );
    const backend = new LocalStateBackend({ path: join(dir, 'terraform.tfstate') });
    const { configuration } = await loadConfiguration({ dir });
    const variables = Object.fromEntries((await resolveVariables(configuration, { vars: { clusters: JSON.stringify([...good, missing]) }, env: {} })).values);
    const planned = await plan({ configuration, variables, state: emptyState(), client });
    const counting = countingClient();

    const applied = await apply({ plan: planned, backend, client: counting.client });

    expect(applied.walk.failed.map((f) => f.id)).toEqual([`lifeboat_copy_policy.c["${missing}"]`]);
    expect(applied.walk.skipped.map((s) => s.id)).toEqual(['lifeboat_backup_policy.after_missing']);
    expect([...applied.walk.succeeded].sort()).toEqual(good.map((id) => `lifeboat_copy_policy.c["${id}"]`).sort());
    for (const clusterId of good) expect(await client.copyPolicies.list(clusterId)).toContainEqual({ regionId: 'local-3', retentionDays: 4, appliesTo: 'ALL' });
    // The batch was refused as a whole, then each of its policies was sent on its own.
    expect(counting.calls.sort()).toEqual(['putCopyPolicies', 'putCopyPolicy', 'putCopyPolicy', 'putCopyPolicy', 'putCopyPolicy']);
    expect((await backend.read())?.resources.flatMap((r) => r.instances.map((i) => i.index_key)).sort()).toEqual([...good].sort());
  }, 60_000);
});
