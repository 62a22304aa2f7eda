import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchmarkResult } from './report.js';
import { median, medianOf, timed } from './stats.js';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../packages/cli/bin/lifeboat.js', import.meta.url));
const builtEntry = fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url));

/** The environment of a user with nothing configured: no endpoint, so `plan` starts the embedded server. */
function plainEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  for (const name of Object.keys(env)) if (name.startsWith('LIFEBOAT_')) delete env[name];
  return env;
}

async function timeCommand(file: string, args: readonly string[], cwd: string): Promise<number> {
  const { ms } = await timed(() => run(file, [...args], { cwd, env: plainEnv() }));
  return ms;
}

/** `runs` timed runs of a command after one untimed one (which fills the OS file cache). */
async function sample(runs: number, command: () => Promise<number>): Promise<number[]> {
  await command();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await command());
  return samples;
}

async function terraformAvailable(): Promise<boolean> {
  return run('terraform', ['version'], { env: plainEnv() }).then(
    () => true,
    () => false,
  );
}

/**
 * CLI cold start: a new `node` process per run, as a user's shell starts one. `--version` beside
 * a bare `node -e 0`; `plan` of an empty configuration with the embedded server (started and
 * stopped inside the process) beside `terraform plan` of an empty configuration.
 */
export async function cliStartBench(runs = 10): Promise<BenchmarkResult[]> {
  const name = 'CLI cold start (`lifeboat --version`, `lifeboat plan` of an empty configuration)';
  if (!existsSync(builtEntry)) {
    return [{ name, figures: { lifeboat: `not built (no ${builtEntry}); run \`npm run build\` first` } }];
  }
  const work = await mkdtemp(join(tmpdir(), 'lifeboat-bench-cli-'));
  try {
    const broken = await run(process.execPath, [bin, '--version'], { cwd: work, env: plainEnv() }).then(
      () => undefined,
      (error: { stderr?: string; message: string }) => (error.stderr ?? error.message).split('\n').find((line) => /error/i.test(line)) ?? error.message,
    );
    if (broken !== undefined) return [{ name, figures: { lifeboat: `the built CLI does not start (${broken.trim()}); run \`npm run build\` and try again` } }];
    await writeFile(join(work, 'main.tf.json'), '{}\n');
    const bareNode = await sample(runs, () => timeCommand(process.execPath, ['-e', '0'], work));
    const version = await sample(runs, () => timeCommand(process.execPath, [bin, '--version'], work));
    // The untimed first plan creates .lifeboat/; the timed ones reopen it, as every later plan does.
    const plan = await sample(runs, () => timeCommand(process.execPath, [bin, 'plan'], work));
    const figures: Record<string, string> = {
      'node -e 0 (anchor)': medianOf(bareNode),
      'lifeboat --version': medianOf(version),
      'lifeboat plan, empty configuration, embedded server': medianOf(plan),
    };
    if (await terraformAvailable()) {
      const terraformDir = join(work, 'terraform');
      await mkdir(terraformDir);
      await writeFile(join(terraformDir, 'main.tf.json'), '{}\n');
      await run('terraform', ['init', '-input=false', '-no-color'], { cwd: terraformDir, env: plainEnv() });
      const terraformPlan = await sample(runs, () => timeCommand('terraform', ['plan', '-input=false', '-no-color'], terraformDir));
      figures['terraform plan, empty configuration'] = medianOf(terraformPlan);
    } else {
      figures['terraform plan, empty configuration'] = 'terraform is not on the PATH: not measured';
    }
    return [
      {
        name,
        method:
          `Each run starts a new process of the built CLI (\`packages/cli/bin/lifeboat.js\`, which loads \`dist/\`) with no ` +
          `LIFEBOAT_* variables set, in a directory holding \`main.tf.json\` = \`{}\`. \`plan\` starts the embedded server on ` +
          `\`.lifeboat/\` there, plans, and stops it; one untimed run first creates that directory and fills the file cache, as a ` +
          `user's first command would. Median of ${runs} runs after it.`,
        figures,
        ratio: { label: 'lifeboat --version / node -e 0', value: median(version) / median(bareNode) },
      },
    ];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
