import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./server-process.ts', import.meta.url));

/** A server process that can be killed without warning and started again on the same data. */
export interface ChildServer {
  readonly url: string;
  readonly ownerApiKey: string;
  /** SIGKILL: no cleanup of any kind runs. */
  kill(): Promise<void>;
}

export async function spawnServer(dataDir: string, port = 0): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ url: string; key: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const [word, url, key] = line.split(' ');
      if (word === 'READY' && url && key) resolve({ url, key });
    });
    child.once('exit', (code) => reject(new Error(`server process exited (${code}) before it was ready: ${stderr}`)));
  });
  return {
    url: ready.url,
    ownerApiKey: ready.key,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
