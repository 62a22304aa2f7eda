/**
 * A real control plane for a test file, on an ephemeral port with a temporary data directory,
 * and the environment that points the CLI at it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { startServer, type RunningServer, type ServerOptions } from '@lifeboat/server';

/** A started server, a client on it, and the CLI's environment for it. */
export interface TestServer {
  readonly server: RunningServer;
  readonly client: Lifeboat;
  /** `LIFEBOAT_ENDPOINT` and `LIFEBOAT_API_KEY` for {@link runCli}. */
  readonly env: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * Starts a server; jobs are picked up quickly and nothing is rate-limited. `options` adds to that,
 * e.g. `{ runner: { concurrency: 0 } }` to keep jobs pending, or `integrations` to export to.
 */
export async function startTestServer(options: Omit<ServerOptions, 'dataDir'> = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lifeboat-cli-server-'));
  const server = await startServer({ rateLimitPerSecond: 100_000, ...options, dataDir, runner: { pollMs: 20, leaseMs: 2000, ...options.runner } });
  return {
    server,
    client: new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey }),
    env: { LIFEBOAT_ENDPOINT: server.url, LIFEBOAT_API_KEY: server.ownerApiKey },
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A cluster with one collection of `rows` rows in `local-1`, for backups to copy. */
export async function seedCluster(client: Lifeboat, projectId: string, name: string, rows = 50): Promise<string> {
  const { clusterId } = await client.clusters.create({ projectId, regionId: 'local-1', clusterName: name, cuSize: 1 });
  const data = client.dataPlane(clusterId);
  await data.collections.create({ collectionName: 'orders', schema: { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }] } });
  await data.entities.insert({ collectionName: 'orders', data: Array.from({ length: rows }, (_, id) => ({ id })) });
  return clusterId;
}
