import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '@lifeboat/server';

const script = join(dirname(fileURLToPath(import.meta.url)), 'apply-process.ts');

/** One run of `apply-process.ts`: what it plans and applies, and where it may SIGKILL itself. */
export interface ApplyChildRequest {
  readonly server: RunningServer;
  readonly configDir: string;
  readonly statePath: string;
  /** `-var` values. */
  readonly vars: Readonly<Record<string, string>>;
  readonly parallelism?: number;
  /** `<event>:<n>`: the child kills itself right after the n-th journal entry of that event. */
  readonly crashAfter?: string | undefined;
}

/** Starts `apply-process.ts` in a process of its own (see that file for what it prints). */
export function spawnApplyChild(request: ApplyChildRequest): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, ['--conditions=@lifeboat/source', '--import', 'tsx', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      LIFEBOAT_ENDPOINT: request.server.url,
      LIFEBOAT_API_KEY: request.server.ownerApiKey,
      APPLY_CONFIG_DIR: request.configDir,
      APPLY_STATE_PATH: request.statePath,
      APPLY_VARS: JSON.stringify(request.vars),
      ...(request.parallelism === undefined ? {} : { APPLY_PARALLELISM: String(request.parallelism) }),
      ...(request.crashAfter === undefined ? {} : { APPLY_CRASH_AFTER: request.crashAfter }),
    },
  });
}
