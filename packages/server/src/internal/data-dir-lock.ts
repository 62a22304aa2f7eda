import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One server per data directory: two would each believe they own every job lease and every
 * cluster's files. The lock file records the holder; a holder whose process is gone is stale.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, 'server.lock');
  const take = async () => {
    const handle = await open(path, 'wx', 0o600);
    await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
    await handle.close();
  };
  try {
    await take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = JSON.parse(await readFile(path, 'utf8').catch(() => '{}')) as { pid?: number; host?: string };
    if (holder.host === hostname() && typeof holder.pid === 'number' && isAlive(holder.pid)) {
      throw new Error(
        `Another Lifeboat server (pid ${holder.pid}) is using ${dataDir}. Stop it first or use another data directory; if none is running, delete ${path}.`,
      );
    }
    await rm(path, { force: true });
    await take();
  }
  return async () => {
    await rm(path, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
