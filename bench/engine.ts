import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apply, emptyState, loadConfiguration, LocalStateBackend, plan, resolveVariables } from '@lifeboat/engine';
import { Lifeboat } from '@lifeboat/sdk';
import { startServer } from '@lifeboat/server';
import type { BenchmarkResult } from './report.js';

/**
 * Plan and apply of N resources (a backup policy and a copy policy for each of N/2 clusters)
 * against the in-process server, beside `terraform` 1.11 applying and planning N
 * `terraform_data` resources, when terraform is on the PATH. Policies are declared disabled so
 * the server does not start N/2 first backups during the measurement.
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

/**
 * Terraform's apply grows faster than linearly with resources (it rewrites its state as it goes):
 * 2,000 terraform_data took minutes here, so it is compared up to this size only.
 */
const terraformMaxResources = 2000;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

async function benchSize(size: number): Promise<BenchmarkResult> {
  const work = await mkdtemp(join(tmpdir(), `lifeboat-bench-engine-${size}-`));
  const server = await startServer({ dataDir: join(work, 'server'), rateLimitPerSecond: Number.POSITIVE_INFINITY });
  try {
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
    const backend = new LocalStateBackend({ path: join(work, 'terraform.tfstate') });
    const load = async () => {
      const { configuration } = await loadConfiguration({ dir });
      const variables = Object.fromEntries((await resolveVariables(configuration, { vars: { clusters: JSON.stringify(clusters) }, env: {} })).values);
      return { configuration, variables };
    };

    const applied = await timed(async () => {
      const { configuration, variables } = await load();
      const planned = await plan({ configuration, variables, state: emptyState(), client });
      return apply({ plan: planned, backend, client });
    });
    if (!applied.value.complete) throw new Error(`bench apply of ${size} resources did not complete`);
    const noChange = await timed(async () => {
      const { configuration, variables } = await load();
      const state = await backend.read();
      return plan({ configuration, variables, state: state ?? emptyState(), client });
    });
    if (noChange.value.resourceChanges.some((c) => c.actions[0] !== 'no-op')) throw new Error('bench: the second plan was not empty');

    const figures: Record<string, string> = {
      'Lifeboat apply (plan + apply from nothing)': `${(applied.ms / 1000).toFixed(2)} s`,
      'Lifeboat no-change plan (load, refresh, diff)': `${(noChange.ms / 1000).toFixed(2)} s`,
      'API calls of the no-change plan': `${noChange.value.stats.apiCalls} (${((noChange.value.stats.apiCalls / size) * 100).toFixed(2)} per 100 resources)`,
    };
    const terraform = size <= terraformMaxResources ? await terraformTimes(size, join(work, 'terraform')) : undefined;
    if (terraform) {
      figures['terraform apply, terraform_data'] = `${(terraform.applyMs / 1000).toFixed(2)} s`;
      figures['terraform plan, no change'] = `${(terraform.planMs / 1000).toFixed(2)} s`;
    } else {
      figures.terraform = size > terraformMaxResources ? `not run above ${terraformMaxResources} resources (minutes at 2,000 already)` : 'not on the PATH: no comparison';
    }
    return {
      name: `Engine: ${size} resources (${size / 2} clusters)`,
      figures,
      ...(terraform ? { ratio: { label: 'terraform apply time / Lifeboat apply time (higher is better)', value: terraform.applyMs / applied.ms, target: 10, higherIsBetter: true } } : {}),
    };
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

async function terraformTimes(size: number, dir: string): Promise<{ applyMs: number; planMs: number } | undefined> {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  await mkdir(dir, { recursive: true });
  // count rather than for_each over range(): range() stops at 1,024 elements.
  const config = { resource: { terraform_data: { r: { count: size, input: '${count.index}' } } } };
  await writeFile(join(dir, 'main.tf.json'), JSON.stringify(config));
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' };
  execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env, stdio: 'ignore' });
  let start = performance.now();
  execFileSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color', '-parallelism=10'], { cwd: dir, env, stdio: 'ignore', maxBuffer: 1 << 28 });
  const applyMs = performance.now() - start;
  start = performance.now();
  execFileSync('terraform', ['plan', '-input=false', '-no-color', '-detailed-exitcode'], { cwd: dir, env, stdio: 'ignore', maxBuffer: 1 << 28 });
  const planMs = performance.now() - start;
  return { applyMs, planMs };
}
