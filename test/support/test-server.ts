import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { startServer, type RunningServer, type ServerOptions } from '@lifeboat/server';

/** A real server in this process on an ephemeral port, with its own data directory. */
export interface TestServer {
  readonly server: RunningServer;
  /** An owner client that retries quickly. */
  readonly client: Lifeboat;
  readonly dataDir: string;
  /** Stops the server and deletes its data. */
  stop(): Promise<void>;
}

export async function startTestServer(options: Omit<ServerOptions, 'dataDir'> = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lifeboat-reliability-'));
  const server = await startServer({ runner: { leaseMs: 2000, pollMs: 20 }, ...options, dataDir });
  const client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey, retry: { baseDelayMs: 10, maxDelayMs: 50 } });
  return {
    server,
    client,
    dataDir,
    stop: async () => {
      await server.idle(10_000).catch(() => undefined);
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
