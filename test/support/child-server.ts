import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { bundleEntry } from './bundle.js';

/** Options of a server started in a child process; see `server-process.ts`. */
export interface ChildServerOptions {
  readonly dataDir: string;
  /** @default 100000 (practically none) */
  readonly rateLimitPerSecond?: number;
  /** @default 1500 */
  readonly leaseMs?: number;
  /** Runs a scheduler pass (with no grace for garbage) this often, announcing each. @default none */
  readonly passEveryMs?: number;
  readonly projects?: readonly string[];
}

/** A server process that can be killed without warning and started again on the same data. */
export interface ChildServer {
  readonly url: string;
  readonly ownerApiKey: string;
  readonly pid: number;
  /** Whether a scheduler pass (expiry, sweep, garbage collection) is running now. */
  readonly inSchedulerPass: boolean;
  /** Every `LOG` line the server printed so far. */
  readonly logLines: readonly string[];
  /** Resolves at the next scheduler pass's start. */
  nextPass(): Promise<void>;
  /** Resident memory of the process in bytes (from /proc). */
  residentBytes(): Promise<number>;
  /** SIGKILL: no cleanup of any kind runs. */
  kill(): Promise<void>;
}

const script = new URL('./server-process.ts', import.meta.url);

/** A server process that has loaded its code and waits to be started. */
export interface PreparedServer {
  /** Opens the data directory and listens; resolves once the server is ready. */
  start(): Promise<ChildServer>;
  /** Ends the process without starting it. */
  discard(): Promise<void>;
}

/** Starts a server process and waits until it listens. */
export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  return (await prepareChildServer(options)).start();
}

/**
 * Starts a server process that loads its code and then waits: `start()` on it after killing the
 * previous server on the same data measures recovery rather than Node loading modules.
 */
export async function prepareChildServer(options: ChildServerOptions): Promise<PreparedServer> {
  const entry = await bundleEntry(script);
  const child = spawn(process.execPath, [entry, JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const logLines: string[] = [];
  let inPass = false;
  let passWaiters: (() => void)[] = [];
  const ready = new Promise<{ url: string; key: string }>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'PASS start') {
        inPass = true;
        for (const wake of passWaiters) wake();
        passWaiters = [];
      } else if (line === 'PASS end') {
        inPass = false;
      } else if (line.startsWith('LOG ')) {
        logLines.push(line);
      } else if (line.startsWith('READY ')) {
        const [, url, key] = line.split(' ');
        if (url !== undefined && key !== undefined) resolve({ url, key });
      }
    });
    child.once('exit', (code, signal) => reject(new Error(`the server process exited (${code ?? signal}) before it was ready: ${stderr}`)));
  });
  // Until started, an early exit is reported by start(), not as an unhandled rejection.
  ready.catch(() => undefined);
  const pid = child.pid ?? 0;
  const kill = async (): Promise<void> => {
    child.kill('SIGKILL');
    await exited;
  };
  return {
    discard: kill,
    start: async () => {
      child.stdin.write('START\n');
      const { url, key } = await ready;
      return {
        url,
        ownerApiKey: key,
        pid,
        get inSchedulerPass() {
          return inPass;
        },
        logLines,
        nextPass: () => new Promise<void>((resolve) => passWaiters.push(resolve)),
        residentBytes: async () => {
          const status = await readFile(`/proc/${pid}/status`, 'utf8');
          const kilobytes = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
          if (kilobytes === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
          return Number(kilobytes) * 1024;
        },
        kill,
      };
    },
  };
}
