/**
 * A throwaway PostgreSQL for tests, started from the machine's own binaries (`initdb`,
 * `pg_ctl`) in a temp directory, on a free loopback port. As root, PostgreSQL refuses to run,
 * so the cluster is created and started as the `postgres` user through `su`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Where `initdb` and `pg_ctl` were found. */
export interface PostgresBinaries {
  readonly initdb: string;
  readonly pgCtl: string;
}

/** A running server; `stop` shuts it down and deletes its files. */
export interface PostgresServer {
  readonly connectionString: string;
  readonly binaries: PostgresBinaries;
  stop(): Promise<void>;
}

function binariesIn(dir: string): PostgresBinaries | undefined {
  const initdb = join(dir, 'initdb');
  const pgCtl = join(dir, 'pg_ctl');
  return existsSync(initdb) && existsSync(pgCtl) ? { initdb, pgCtl } : undefined;
}

/** `initdb` and `pg_ctl` from PATH, else from the newest /usr/lib/postgresql/<version>/bin. */
export function findPostgresBinaries(): PostgresBinaries | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const found = dir === '' ? undefined : binariesIn(dir);
    if (found) return found;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a)) : [];
  for (const version of versions) {
    const found = binariesIn(join(root, version, 'bin'));
    if (found) return found;
  }
  return undefined;
}

function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

const asRoot = process.getuid?.() === 0;

/** Runs a shell command as the `postgres` user when we are root, else as ourselves. */
function run(command: string): void {
  const result = asRoot ? spawnSync('su', ['postgres', '-c', command], { encoding: 'utf8' }) : spawnSync('sh', ['-c', command], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Creates a cluster with a trusted superuser `lifeboat` and starts it. */
export async function startPostgres(binaries: PostgresBinaries): Promise<PostgresServer> {
  const dir = await mkdtemp(join(tmpdir(), 'lifeboat-pg-'));
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    if (!Number.isInteger(uid) || uid <= 0) throw new Error('Running as root, but there is no postgres user to run PostgreSQL as.');
    await chown(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const log = join(dir, 'log');
  // -N: no fsync during initdb; the cluster is thrown away after the tests.
  run(`${quote(binaries.initdb)} -D ${quote(data)} -A trust -U lifeboat -N`);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  try {
    run(`${quote(binaries.pgCtl)} -D ${quote(data)} -l ${quote(log)} -o ${quote(options)} -w start`);
  } catch (error) {
    const serverLog = await readFile(log, 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${serverLog}`);
  }
  return {
    connectionString: `postgres://lifeboat@127.0.0.1:${port}/postgres`,
    binaries,
    stop: async () => {
      try {
        run(`${quote(binaries.pgCtl)} -D ${quote(data)} -m fast -w stop`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
