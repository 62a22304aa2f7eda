/**
 * Runs the built `lifeboat` binary as a child process, the way users run it: real argv, real
 * environment, stdout and stderr captured. Not a terminal (pipes), so output has no colour and
 * progress is plain lines; `runInTerminal` gives it a pseudo-terminal.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './build.js';

export const binPath = join(repoRoot, 'packages', 'cli', 'bin', 'lifeboat.js');

/** What a run produced. */
export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to run it. */
export interface CliRunOptions {
  readonly cwd?: string;
  /** Added to a clean environment (PATH and HOME only), so the developer's LIFEBOAT_* never leak in. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Written to stdin, which is then closed. */
  readonly input?: string;
}

/** A running CLI, for tests that act while it runs (Ctrl-C). */
export interface CliProcess {
  readonly child: ChildProcess;
  /** Output so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves once `pattern` appears on stdout or stderr. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  readonly done: Promise<CliResult>;
}

function environment(extra: CliRunOptions['env']): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: process.env['HOME'] };
  for (const [name, value] of Object.entries(extra ?? {})) if (value !== undefined) env[name] = value;
  return env;
}

/** Starts the binary with `args`. */
export function startCli(args: readonly string[], options: CliRunOptions = {}): CliProcess {
  const child = spawn(process.execPath, [binPath, ...args], { cwd: options.cwd ?? repoRoot, env: environment(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(stdout) || waiter.pattern.test(stderr)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    check();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    check();
  });
  if (options.input !== undefined) child.stdin?.write(options.input);
  child.stdin?.end();
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    done,
    waitFor: (pattern, timeoutMs = 20_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${String(pattern)}\nstdout:\n${stdout}\nstderr:\n${stderr}`)), timeoutMs);
        waiters.push({
          pattern,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
        check();
        void done.then(() => {
          clearTimeout(timer);
          if (waiters.some((waiter) => waiter.pattern === pattern)) reject(new Error(`exited before ${String(pattern)}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
        });
      }),
  };
}

/** Runs the binary with `args` to the end. */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliResult> {
  return startCli(args, options).done;
}

/** Whether `script` (util-linux) is here to give the CLI a pseudo-terminal. */
export const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * Runs the binary in a pseudo-terminal (through `script`), typing `input` into it: for what only
 * happens on a terminal (prompts, live progress, colour). Output is the terminal's, stdout and
 * stderr together, with `\r\n` line ends.
 */
export function runInTerminal(args: readonly string[], options: CliRunOptions = {}): Promise<CliResult> {
  const quoted = [process.execPath, binPath, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qefc', quoted, '/dev/null'], { cwd: options.cwd ?? repoRoot, env: { ...environment(options.env), TERM: 'xterm' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Typed once the prompt is up; a terminal echoes it back into stdout.
    if (options.input !== undefined) {
      const input = options.input;
      const timer = setInterval(() => {
        if (/Enter a value:/.test(stdout)) {
          clearInterval(timer);
          child.stdin.write(input);
        }
      }, 20);
      child.on('close', () => clearInterval(timer));
    }
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
