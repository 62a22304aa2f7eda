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

describe('refresh cost', () => {
  it('reads 300 resources of 150 clusters in 4 API calls, and a disabled policy stays as declared', async () => {
    const backend = new LocalStateBackend({ path: join(work, 'terraform.tfstate') });
    const { configuration } = await loadConfiguration({ dir: work });
    const variables = Object.fromEntries((await resolveVariables(configuration, { vars: { clusters: JSON.stringify(clusterIds) }, env: {} })).values);
    const first = await plan({ configuration, variables, state: emptyState(), client });
    expect(first.resourceChanges).toHaveLength(300);
    const applied = await apply({ plan: first, backend, client });
    expect(applied.complete).toBe(true);
    expect(await client.policies.get(clusterIds[0]!)).toMatchObject({ status: 'DISABLED', frequency: '1,2,3,4,5', startTime: '01:00-02:00', retentionDays: 5 });

    const second = await plan({ configuration, variables, state: (await backend.read())!, client });
    expect(second.resourceChanges.every((change) => change.actions[0] === 'no-op')).toBe(true);
    // Policies and copy policies of 100 clusters per call: 2 calls each for 150 clusters.
    expect(second.stats.apiCalls).toBe(4);
  }, 120_000);
});
