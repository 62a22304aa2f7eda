/**
 * The embedded control plane: with no endpoint configured, commands start the server in this
 * process on `.lifeboat/`, the way SQLite is a database without a server. Its owner key comes
 * from the data directory.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningServer } from '@lifeboat/server';
import { CliError } from './cli-error.js';

/** Starts the embedded server on `dataDir` (port chosen by the system, local only). */
export async function startEmbeddedServer(dataDir: string, shownDir: string): Promise<RunningServer> {
  // Loaded only when needed: the server (Fastify, SQLite) is most of the CLI's start-up time.
  const { startServer } = await import('@lifeboat/server');
  try {
    // A single user's own process: the shared server's per-key rate limit would only slow an apply down.
    return await startServer({ dataDir, port: 0, host: '127.0.0.1', rateLimitPerSecond: 100_000 });
  } catch (error) {
    const holder = await lockHolder(dataDir);
    if (holder !== undefined) {
      throw new CliError({
        code: 'EMBEDDED_SERVER_BUSY',
        problem: `Another Lifeboat server (pid ${holder.pid}) is already using ${shownDir}, so the embedded server cannot start on it`,
        fix: `Point the CLI at that server: LIFEBOAT_ENDPOINT=<its URL, e.g. http://127.0.0.1:7433> LIFEBOAT_API_KEY=$(cat ${join(shownDir, 'owner.key')}); or stop it.`,
        cause: error,
      });
    }
    throw new CliError({
      code: 'EMBEDDED_SERVER_FAILED',
      problem: `The embedded server could not start on ${shownDir}: ${(error as Error).message}`,
      fix: 'Check that the directory is writable, or set LIFEBOAT_ENDPOINT to use a running server.',
      cause: error,
    });
  }
}

/** The live holder of the data directory's lock, if another process has it. */
async function lockHolder(dataDir: string): Promise<{ pid: number } | undefined> {
  let pid: unknown;
  try {
    pid = (JSON.parse(await readFile(join(dataDir, 'server.lock'), 'utf8')) as { pid?: unknown }).pid;
  } catch {
    return undefined;
  }
  if (typeof pid !== 'number' || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return { pid };
  } catch (error) {
    // EPERM: the process exists and belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? { pid } : undefined;
  }
}
