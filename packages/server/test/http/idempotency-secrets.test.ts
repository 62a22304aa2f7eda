import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness.js';

/**
 * An answer kept for idempotent replay may hold a secret shown only once (a new API key, a
 * cluster's password). The metadata files must not: someone who copies them gets neither.
 */

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ rateLimitPerSecond: 100_000 });
});

afterAll(async () => {
  await t.stop();
});

async function post(path: string, idempotencyKey: string, body: unknown): Promise<{ status: number; data: Record<string, string> }> {
  const response = await fetch(`${t.server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.server.ownerApiKey}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  });
  return { status: response.status, data: ((await response.json()) as { data: Record<string, string> }).data };
}

/** Everything SQLite wrote: the database, its write-ahead log and shared memory. */
async function metadataBytes(): Promise<string> {
  const parts = await Promise.all(['metadata.sqlite', 'metadata.sqlite-wal', 'metadata.sqlite-shm'].map((name) => readFile(join(t.dataDir, name)).catch(() => Buffer.alloc(0))));
  return Buffer.concat(parts).toString('latin1');
}

describe('idempotency records', () => {
  it('keep no new API key and no cluster password in the metadata files, yet replay them to the same Idempotency-Key', async () => {
    const key = await post('/v2/apiKeys', 'make-a-key', { name: 'ci', role: 'PROJECT_READ', projectIds: [t.server.defaultProjectId] });
    const cluster = await post('/v2/clusters/createDedicated', 'make-a-cluster', { projectId: t.server.defaultProjectId, regionId: 'local-1', clusterName: 'secretive', cuSize: 1 });
    expect([key.status, cluster.status]).toEqual([200, 200]);
    const apiKey = key.data.apiKey ?? '';
    const password = cluster.data.password ?? '';
    const secret = apiKey.slice(apiKey.indexOf('_', 4) + 1);

    const stored = await metadataBytes();
    expect(stored.includes(apiKey), 'the API key is in the metadata files').toBe(false);
    expect(stored.includes(secret), 'the API key secret is in the metadata files').toBe(false);
    expect(stored.includes(password), 'the cluster password is in the metadata files').toBe(false);

    // The client that lost the first answer still gets it back.
    expect(await post('/v2/apiKeys', 'make-a-key', { name: 'ci', role: 'PROJECT_READ', projectIds: [t.server.defaultProjectId] })).toEqual(key);
    expect(await post('/v2/clusters/createDedicated', 'make-a-cluster', { projectId: t.server.defaultProjectId, regionId: 'local-1', clusterName: 'secretive', cuSize: 1 })).toEqual(cluster);
  });
});
