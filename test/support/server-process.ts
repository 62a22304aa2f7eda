/**
 * A Lifeboat server in a process of its own, so a suite can SIGKILL it and start it again on the
 * same data. Started by `child-server.ts` with its options as JSON in the first argument; it loads
 * its code, then waits for a line `START` on stdin before it opens the data directory, so the next
 * server can be loaded while the current one still runs.
 *
 * Prints, one line each: `READY <url> <ownerApiKey>` once it listens; `PASS start` and
 * `PASS end` around each scheduler pass (auto backups, expiry, sweep, garbage collection) when
 * `passEveryMs` is set, so a suite knows when a kill lands inside one; `LOG <level> <message>
 * <fields>` for every log entry.
 */
import { createInterface } from 'node:readline';
import { startServer, type Logger } from '@lifeboat/server';

interface ChildOptions {
  readonly dataDir: string;
  readonly rateLimitPerSecond?: number;
  readonly leaseMs?: number;
  readonly passEveryMs?: number;
  readonly projects?: readonly string[];
}

const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const log =
  (level: string): Logger['info'] =>
  (fields, message) =>
    say(`LOG ${level} ${message ?? ''} ${JSON.stringify(fields)}`);
const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error') };

await new Promise<void>((resolve) => {
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => line === 'START' && resolve());
  // The suite is gone: nothing will ever start this server.
  lines.on('close', () => process.exit(0));
});

const server = await startServer({
  dataDir: options.dataDir,
  logger,
  rateLimitPerSecond: options.rateLimitPerSecond ?? 100_000,
  runner: { leaseMs: options.leaseMs ?? 1500, pollMs: 20 },
  // Passes are driven below instead, so each one is announced.
  scheduler: { intervalMs: 2 ** 30, gcGraceMs: 0 },
  projects: options.projects ?? [],
});
say(`READY ${server.url} ${server.ownerApiKey}`);

if (options.passEveryMs !== undefined) {
  const every = options.passEveryMs;
  for (;;) {
    say('PASS start');
    await server.tick();
    say('PASS end');
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}
