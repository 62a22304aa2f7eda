import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { startServer, type RunningServer } from '@lifeboat/server';

/** A real server on an ephemeral port with a temporary data directory, and a client with the owner key. */
export interface TestServer {
  readonly server: RunningServer;
  readonly client: Lifeboat;
  /** A scratch directory for the test's synth output and state, removed by `close`. */
  readonly work: string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const work = await mkdtemp(join(tmpdir(), 'lifeboat-cdktf-'));
  const server = await startServer({ dataDir: join(work, 'server'), runner: { leaseMs: 2000, pollMs: 20 }, rateLimitPerSecond: 100_000 });
  const client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey });
  return {
    server,
    client,
    work,
    close: async () => {
      await server.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** A RUNNING cluster in `local-1` holding one collection of `rows` rows (small: restores stay fast). */
export async function seedCluster(client: Lifeboat, request: { projectId: string; clusterName: string; rows?: number }): Promise<string> {
  const { clusterId } = await client.clusters.create({ projectId: request.projectId, regionId: 'local-1', clusterName: request.clusterName, cuSize: 1 });
  const data = client.dataPlane(clusterId);
  await data.collections.create({ collectionName: 'orders', schema: { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }] } });
  await data.entities.insert({ collectionName: 'orders', data: Array.from({ length: request.rows ?? 20 }, (_, id) => ({ id })) });
  return clusterId;
}

/** Polls `probe` until it returns something other than `undefined`, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
