import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { startServer, type RunningServer, type ServerOptions } from '../src/index.js';

/** A real server on an ephemeral port with its own data directory, and an owner client. */
export interface TestServer {
  readonly server: RunningServer;
  readonly client: Lifeboat;
  readonly dataDir: string;
  /** Stops the server and deletes its data. */
  stop(): Promise<void>;
}

export async function startTestServer(options: Omit<ServerOptions, 'dataDir'> & { dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'lifeboat-test-')));
  const server = await startServer({ runner: { leaseMs: 2000, pollMs: 20 }, ...options, dataDir });
  const client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey, retry: { baseDelayMs: 10, maxDelayMs: 50 } });
  return {
    server,
    client,
    dataDir,
    stop: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A cluster with one collection (`articles`: id, title, vector dim 4) and `rows` rows. */
export async function seedCluster(client: Lifeboat, projectId: string, options: { name?: string; rows?: number; partitions?: string[] } = {}): Promise<string> {
  const { clusterId } = await client.clusters.create({ projectId, regionId: 'local-1', clusterName: options.name ?? 'orders', cuSize: 1 });
  const data = client.dataPlane(clusterId);
  await data.collections.create({
    collectionName: 'articles',
    schema: {
      fields: [
        { fieldName: 'id', dataType: 'Int64', isPrimary: true },
        { fieldName: 'title', dataType: 'VarChar', elementTypeParams: { max_length: 200 } },
        { fieldName: 'vector', dataType: 'FloatVector', elementTypeParams: { dim: 4 } },
      ],
    },
    ...(options.partitions ? { partitionNames: options.partitions } : {}),
  });
  await insertRows(client, clusterId, 0, options.rows ?? 100);
  return clusterId;
}

export async function insertRows(client: Lifeboat, clusterId: string, from: number, count: number, partitionName?: string): Promise<void> {
  const data = client.dataPlane(clusterId);
  for (let start = from; start < from + count; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, from + count - start) }, (_, i) => ({
      id: start + i,
      title: `article ${start + i}`,
      vector: [start + i, 0.5, 0.25, 0.125],
    }));
    await data.entities.insert({ collectionName: 'articles', data: rows, ...(partitionName ? { partitionName } : {}) });
  }
}
