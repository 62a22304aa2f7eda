/**
 * `lifeboat synth`: runs the CDKTF app named in `cdktf.json` the way `cdktf synth` does (its
 * `app` command, with `CDKTF_OUTDIR` and `CDKTF_CONTEXT_JSON` set), streaming its output, and
 * lists the stacks it wrote. plan and apply then read `cdktf.out/manifest.json`.
 */
import { spawn } from 'node:child_process';
import { access, readFile, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { CliError } from '../runtime/cli-error.js';
import { jsonOption } from '../runtime/options.js';
import type { Runtime } from '../runtime/runtime.js';

interface SynthOptions {
  readonly app?: string | undefined;
  readonly output?: string | undefined;
  readonly json?: boolean | undefined;
}

/** The fields of `cdktf.json` synth reads. */
interface CdktfJson {
  readonly app?: unknown;
  readonly output?: unknown;
  readonly context?: unknown;
}

/** Registers `synth`. */
export function registerSynth(program: Command, runtime: Runtime): void {
  program
    .command('synth')
    .description('Run the CDKTF app named in cdktf.json to write the Terraform JSON of its stacks (into cdktf.out by default).')
    .addOption(new Option('--app <command>', 'the command that runs the app (default: "app" in cdktf.json)'))
    .addOption(new Option('--output <dir>', 'where the app writes its stacks (default: "output" in cdktf.json, or cdktf.out)'))
    .addOption(jsonOption())
    .action((options: SynthOptions) => synth(runtime, options));
}

async function synth(runtime: Runtime, options: SynthOptions): Promise<void> {
  const config = await readCdktfJson(runtime.cwd, options.app === undefined);
  const app = options.app ?? config.app;
  if (typeof app !== 'string' || app.trim() === '') {
    throw new CliError({ code: 'NO_CDKTF_APP', problem: 'cdktf.json has no "app" command', fix: 'Set "app" in cdktf.json (e.g. "npx tsx main.ts"), or pass --app.' });
  }
  const output = resolve(runtime.cwd, options.output ?? (typeof config.output === 'string' ? config.output : 'cdktf.out'));
  const shown = relative(runtime.cwd, output) || '.';
  // Stacks left from an earlier synth would be read as if the app had written them.
  await rm(join(output, 'manifest.json'), { force: true });
  await rm(join(output, 'stacks'), { recursive: true, force: true });

  const json = options.json === true;
  if (!json) runtime.output.line(runtime.output.stdout.colors.dim(`Running the app: ${app}`));
  const code = await runApp(runtime, app, {
    CDKTF_OUTDIR: output,
    CDKTF_CONTEXT_JSON: JSON.stringify({ ...contextFromEnv(runtime.env), ...(isObject(config.context) ? config.context : {}) }),
  }, json);
  if (code !== 0) {
    throw new CliError({ code: 'SYNTH_FAILED', problem: `The app (${app}) ${code === null ? 'was killed' : `exited with code ${code}`}; its output is above`, fix: 'Fix the error it reports and run lifeboat synth again.' });
  }
  const stacks = await stacksIn(output, shown, app);
  if (json) {
    runtime.output.json({ output: shown, stacks });
    return;
  }
  runtime.output.line();
  runtime.output.line(runtime.output.stdout.colors.green(`Synthesized ${stacks.length === 1 ? '1 stack' : `${stacks.length} stacks`} into ${shown}:`));
  for (const stack of stacks) runtime.output.line(`  ${stack.name}  ${stack.file}`);
}

async function readCdktfJson(cwd: string, required: boolean): Promise<CdktfJson> {
  const path = join(cwd, 'cdktf.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !required) return {};
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CliError({ code: 'NO_CDKTF_JSON', problem: `There is no cdktf.json in ${cwd}`, fix: 'Run lifeboat synth in the directory of your CDKTF app, or pass --app.' });
    }
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!isObject(parsed)) throw new Error('it is not a JSON object');
    return parsed;
  } catch (error) {
    throw new CliError({ code: 'INVALID_CDKTF_JSON', problem: `cdktf.json is not valid: ${(error as Error).message}`, fix: 'Fix the file; it needs at least {"app": "<command>"}.' });
  }
}

/** Runs the app through the shell, as cdktf does, streaming its output to ours (stderr with --json). */
function runApp(runtime: Runtime, app: string, env: Record<string, string>, json: boolean): Promise<number | null> {
  return new Promise((resolveCode, reject) => {
    const child = spawn(app, { shell: true, cwd: runtime.cwd, env: { ...runtime.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = json ? runtime.output.stderr : runtime.output.stdout;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => out.write(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => runtime.output.stderr.write(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolveCode(code));
  });
}

/** The stacks the app's manifest lists. */
async function stacksIn(output: string, shown: string, app: string): Promise<{ name: string; file: string }[]> {
  const manifestPath = join(output, 'manifest.json');
  if (!(await access(manifestPath).then(() => true, () => false))) {
    throw new CliError({
      code: 'SYNTH_NO_MANIFEST',
      problem: `The app (${app}) finished but wrote no ${join(shown, 'manifest.json')}`,
      fix: 'Check that it calls app.synth(), and that cdktf.json\'s "output" matches where it writes (it is told through CDKTF_OUTDIR).',
    });
  }
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { stacks?: Record<string, { name?: string; synthesizedStackPath?: string }> };
  return Object.entries(manifest.stacks ?? {}).map(([key, stack]) => ({ name: stack.name ?? key, file: join(shown, stack.synthesizedStackPath ?? '') }));
}

function contextFromEnv(env: Readonly<Record<string, string | undefined>>): Record<string, unknown> {
  try {
    const parsed = JSON.parse(env['CDKTF_CONTEXT_JSON'] ?? '{}') as unknown;
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
