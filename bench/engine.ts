import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apply, emptyState, loadConfiguration, LocalStateBackend, plan, resolveVariables } from '@lifeboat/engine';
import { Lifeboat } from '@lifeboat/sdk';
import { startServer, type RunningServer } from '@lifeboat/server';
import type { BenchmarkResult } from './report.js';
import { median, medianOf, timed } from './stats.js';

/** Runs of each measurement; the report gives their median. */
const runs = 3;

/**
 * Plan and apply of N resources (a backup policy and a copy policy for each of N/2 clusters)
 * against the in-process server, beside `terraform` applying and planning N `terraform_data`
 * resources, when terraform is on the PATH. Policies are declared disabled so the server does not
 * start N/2 first backups during the measurement.
 */
export async function engineBench(sizes: readonly number[] = [2000, 10_000]): Promise<BenchmarkResult[]> {
  const results: BenchmarkResult[] = [];
  for (const size of sizes) {
    const result = await benchSize(size);
    console.log(`  ${result.name}: ${JSON.stringify(result.figures)}`);
    results.push(result);
  }
  return results;
}

/** Terraform's own runs take long at 10,000 resources: this many of them there. */
const terraformRunsAt = (size: number) => (size > 2000 ? 1 : runs);

async function benchSize(size: number): Promise<BenchmarkResult> {
  const work = await mkdtemp(join(tmpdir(), `lifeboat-bench-engine-${size}-`));
  const server = await startServer({ dataDir: join(work, 'server'), rateLimitPerSecond: Number.POSITIVE_INFINITY });
  try {
    const requests: string[] = [];
    // beforeRequest, not afterResponse: ky clones every response for afterResponse hooks.
    const client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey, hooks: { beforeRequest: [({ operationId }) => void requests.push(operationId)] } });
    const { dir, clusters } = await writeConfiguration(work, server, size);
    const load = async () => {
      const { configuration } = await loadConfiguration({ dir });
      const variables = Object.fromEntries((await resolveVariables(configuration, { vars: { clusters: JSON.stringify(clusters) }, env: {} })).values);
      return { configuration, variables };
    };

    const applyMs: number[] = [];
    const planMs: number[] = [];
    let applyCalls = 0;
    let planCalls = 0;
    for (let run = 0; run < runs; run++) {
      // A new state each run: every run creates all N resources (the server's writes are upserts).
      const backend = new LocalStateBackend({ path: join(work, `run-${run}.tfstate`) });
      requests.length = 0;
      const applied = await timed(async () => {
        const { configuration, variables } = await load();
        const planned = await plan({ configuration, variables, state: emptyState(), client });
        return apply({ plan: planned, backend, client });
      });
      if (!applied.value.complete) throw new Error(`bench apply of ${size} resources did not complete`);
      applyMs.push(applied.ms);
      applyCalls = requests.length;
      const noChange = await timed(async () => {
        const { configuration, variables } = await load();
        return plan({ configuration, variables, state: (await backend.read()) ?? emptyState(), client });
      });
      if (noChange.value.resourceChanges.some((c) => c.actions[0] !== 'no-op')) throw new Error('bench: the second plan was not empty');
      planMs.push(noChange.ms);
      planCalls = noChange.value.stats.apiCalls;
    }

    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const figures: Record<string, string> = {
      'Lifeboat apply (load, plan and apply from nothing)': medianOf(applyMs, seconds),
      'API calls of the apply': `${applyCalls} (${((applyCalls / size) * 100).toFixed(2)} per 100 resources)`,
      'Lifeboat no-change plan (load, refresh, diff)': medianOf(planMs, seconds),
      'API calls of the no-change plan': `${planCalls} (${((planCalls / size) * 100).toFixed(2)} per 100 resources)`,
    };
    const terraform = await terraformTimes(size, join(work, 'terraform'));
    if (terraform) {
      figures[`terraform ${terraform.version} apply, terraform_data`] = medianOf(terraform.applyMs, seconds);
      figures[`terraform ${terraform.version} no-change plan`] = medianOf(terraform.planMs, seconds);
      figures['terraform apply time / Lifeboat apply time'] = (median(terraform.applyMs) / median(applyMs)).toFixed(1);
      figures['terraform plan time / Lifeboat plan time'] = (median(terraform.planMs) / median(planMs)).toFixed(1);
    } else {
      figures.terraform = 'not on the PATH: no comparison';
    }
    return {
      name: `Engine: ${size} resources (${size / 2} clusters)`,
      method: `Each of ${runs} runs loads the configuration, plans against an empty state and applies, then plans again with no change, with the server in the same process (so its work is timed too). terraform runs ${terraformRunsAt(size)} time(s) on the same number of terraform_data resources (count, -parallelism=10), the built-in resource that calls no API.`,
      figures,
      ...(size <= 2000
        ? terraform && { ratio: { label: 'terraform apply time / Lifeboat apply time (higher is better)', value: median(terraform.applyMs) / median(applyMs), target: 10, higherIsBetter: true } }
        : { ratio: { label: 'Lifeboat no-change plan, seconds', value: median(planMs) / 1000, target: 2 } }),
    };
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** N/2 new clusters, and a `main.tf.json` declaring both policies for each of them. */
async function writeConfiguration(work: string, server: RunningServer, size: number): Promise<{ dir: string; clusters: string[] }> {
  const client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey });
  const clusters: string[] = [];
  for (let i = 0; i < size / 2; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, size / 2 - i) }, (_, j) =>
        client.clusters.create({ projectId: server.defaultProjectId, regionId: 'local-1', clusterName: `bench-${i + j}`, cuSize: 1 }),
      ),
    );
    clusters.push(...batch.map((c) => c.clusterId));
  }
  const dir = join(work, 'config');
  await mkdir(dir);
  await writeFile(
    join(dir, 'main.tf.json'),
    JSON.stringify({
      variable: { clusters: { type: 'list(string)' } },
      resource: {
        lifeboat_backup_policy: { p: { for_each: '${toset(var.clusters)}', cluster_id: '${each.value}', enabled: false, frequency: 'daily', start_time: '02:00-04:00', retention_days: 7 } },
        lifeboat_copy_policy: { c: { for_each: '${toset(var.clusters)}', cluster_id: '${each.value}', region_id: 'local-2', retention_days: 14 } },
      },
    }),
  );
  return { dir, clusters };
}

interface TerraformTimes {
  readonly version: string;
  readonly applyMs: number[];
  readonly planMs: number[];
}

async function terraformTimes(size: number, dir: string): Promise<TerraformTimes | undefined> {
  // No CLI configuration: nothing here downloads, and a configured file that is missing only warns.
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' };
  let version: string;
  try {
    version = (JSON.parse(execFileSync('terraform', ['version', '-json'], { encoding: 'utf8', env })) as { terraform_version: string }).terraform_version;
  } catch {
    return undefined;
  }
  const applyMs: number[] = [];
  const planMs: number[] = [];
  for (let run = 0; run < terraformRunsAt(size); run++) {
    const runDir = join(dir, `run-${run}`);
    await mkdir(runDir, { recursive: true });
    // count rather than for_each over range(): range() stops at 1,024 elements.
    await writeFile(join(runDir, 'main.tf.json'), JSON.stringify({ resource: { terraform_data: { r: { count: size, input: '${count.index}' } } } }));
    execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: runDir, env, stdio: 'ignore' });
    let start = performance.now();
    execFileSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color', '-parallelism=10'], { cwd: runDir, env, stdio: 'ignore', maxBuffer: 1 << 28 });
    applyMs.push(performance.now() - start);
    start = performance.now();
    execFileSync('terraform', ['plan', '-input=false', '-no-color', '-detailed-exitcode'], { cwd: runDir, env, stdio: 'ignore', maxBuffer: 1 << 28 });
    planMs.push(performance.now() - start);
  }
  return { version, applyMs, planMs };
}
