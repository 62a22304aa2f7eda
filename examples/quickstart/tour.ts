/**
 * The main job (`npm start`): the quickstart end to end on the embedded server, with nothing to
 * set up and no prompt.
 *
 * 1. Starts the control plane on `.lifeboat/` (the embedded default) and creates two demo
 *    clusters with real rows, or reuses them on a second run.
 * 2. Runs the real `lifeboat` commands a user would: `synth` of the quickstart CDKTF app
 *    (`main.ts` beside this file), `plan`, `apply -auto-approve` with live progress.
 * 3. Waits for the first backup's copy to reach the second region, then runs `lifeboat drill`:
 *    restore that copy there into a scratch cluster, verify rows and checksums, measure RTO.
 * 4. Prints what is protected, the RPO and the measured RTO.
 *
 * Options: `--data-dir DIR` (default `.lifeboat`). The quickstart's state and synthesized JSON
 * live in `<data dir>/quickstart/`, beside the server's data, so they always describe it.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Lifeboat, type Cluster } from '@lifeboat/sdk';
import { startServer } from '@lifeboat/server';

const here = fileURLToPath(new URL('.', import.meta.url));
const cliBin = resolve(here, '../../packages/cli/bin/lifeboat.js');
// By path, not `npx tsx`: the data directory may be outside the repository, where npx would
// look for tsx on the network.
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

/** The demo clusters: name and rows. */
const demoClusters = [
  { name: 'demo-orders', rows: 2000 },
  { name: 'demo-users', rows: 500 },
] as const;

/** The drill must pass these; generous for a laptop, tight enough to mean something. */
const objectives = { rto: '5m', rpo: '1h' };

const { values } = parseArgs({ options: { 'data-dir': { type: 'string', default: '.lifeboat' } } });
const dataDir = resolve(values['data-dir']);
const workDir = join(dataDir, 'quickstart');
const started = performance.now();

const server = await startServer({ dataDir });
const client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey });
const env = { ...process.env, LIFEBOAT_ENDPOINT: server.url, LIFEBOAT_API_KEY: server.ownerApiKey, LIFEBOAT_PROJECT_ID: server.defaultProjectId };
let exitCode = 0;
try {
  console.log(`Lifeboat quickstart, on the embedded server at ${server.url} (data in ${dataDir}).\n`);

  step(1, 'Two demo clusters with real rows');
  const clusters = await demoClustersWithRows();
  const [orders, users] = clusters as [Cluster, Cluster];
  for (const cluster of clusters) {
    const rows = (await client.dataPlane(cluster.clusterId).collections.describe({ collectionName: 'items' })).rowCount;
    console.log(`   ${cluster.clusterName.padEnd(12)} ${cluster.clusterId} in ${cluster.regionId}: ${rows.toLocaleString('en')} rows`);
  }

  step(2, 'Synthesize the quickstart CDKTF app');
  await mkdir(workDir, { recursive: true });
  // The app is the repository's examples/quickstart/main.ts; synthesized here, beside the state.
  await writeFile(join(workDir, 'cdktf.json'), `${JSON.stringify({ language: 'typescript', app: `"${process.execPath}" "${tsxCli}" "${join(here, 'main.ts')}"` }, null, 2)}\n`);
  await run(['synth']);

  const vars = ['-var', `cluster_ids=${JSON.stringify(clusters.map((c) => c.clusterId))}`, '-var', `migrating_cluster_id=${orders.clusterId}`];
  step(3, 'Plan');
  await run(['plan', ...vars]);

  step(4, 'Apply');
  await run(['apply', '-auto-approve', ...vars]);

  step(5, `Drill: recover ${orders.clusterName} from its copy in local-2`);
  const copy = await copyInSecondRegion(orders.clusterId);
  console.log(`   The newest copy in local-2 is ${copy.backupId}.`);
  // --json: the report comes back as data for the summary; progress still shows on stderr.
  const drilled = await lifeboat(['drill', '--cluster', orders.clusterId, '--region', 'local-2', '--rto', objectives.rto, '--rpo', objectives.rpo, '--json'], { capture: true });
  // A failed drill exits 1 and still reports; anything else is an error of its own.
  if (drilled.stdout.trim() === '') throw new Error(`lifeboat drill exited with ${drilled.code} without a report`);
  const drill = JSON.parse(drilled.stdout) as DrillSummary;

  console.log('\nSummary');
  const policy = await client.policies.get(users.clusterId);
  console.log(`   Protected:  ${clusters.map((c) => c.clusterName).join(', ')}: backups on days ${policy.frequency ?? '?'} at ${policy.startTime ?? '?'} UTC, kept ${policy.retentionDays ?? '?'} days,`);
  console.log(`               each copied to ${(policy.crossRegionCopies ?? []).map((c) => `${c.regionId} (kept ${c.retentionDays} days)`).join(', ') || 'no other region'}; a manual backup of ${orders.clusterName} before its migration.`);
  console.log(`   RPO:        ${seconds(drill.rpoMs)} (age of the data the drill restored; objective ${objectives.rpo})`);
  console.log(`   RTO:        ${seconds(drill.rtoMs)} measured: restore in local-2 and verify ${drill.collections.length} collection(s) (objective ${objectives.rto})`);
  console.log(`   Drill:      ${drill.passed ? 'PASSED' : `FAILED: ${drill.failures.join('; ')}`}; scratch cluster ${drill.teardown.outcome}.`);
  console.log(`\nDone in ${seconds(performance.now() - started)}.`);
  if (dataDir === resolve('.lifeboat')) {
    // The CLI's embedded server opens .lifeboat/ in the working directory: the same data.
    console.log(`Look around: npx lifeboat backups list --cluster ${orders.clusterId}`);
  }
  console.log('Next: docs/getting-started.md, and docs/iac.md to declare your own.');
  if (!drill.passed) exitCode = 1;
} catch (error) {
  console.error(`\nThe quickstart stopped: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await server.close();
}
process.exitCode = exitCode;

interface DrillSummary {
  readonly rtoMs: number;
  readonly rpoMs: number;
  readonly collections: readonly unknown[];
  readonly passed: boolean;
  readonly failures: readonly string[];
  readonly teardown: { readonly outcome: string };
}

function step(n: number, title: string): void {
  console.log(`\n${n}/5 ${title}`);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The demo clusters, created with their rows on the first run and found again on later ones. */
async function demoClustersWithRows(): Promise<Cluster[]> {
  const existing = await client.clusters.list({ projectId: server.defaultProjectId }).toArray();
  const result: Cluster[] = [];
  for (const { name, rows } of demoClusters) {
    const found = existing.find((cluster) => cluster.clusterName === name);
    if (found) {
      result.push(found);
      continue;
    }
    const { clusterId } = await client.clusters.create({ projectId: server.defaultProjectId, regionId: 'local-1', clusterName: name, cuSize: 1 });
    const data = client.dataPlane(clusterId);
    await data.collections.create({
      collectionName: 'items',
      schema: {
        fields: [
          { fieldName: 'id', dataType: 'Int64', isPrimary: true },
          { fieldName: 'title', dataType: 'VarChar', elementTypeParams: { max_length: 64 } },
          { fieldName: 'embedding', dataType: 'FloatVector', elementTypeParams: { dim: 8 } },
        ],
      },
    });
    for (let start = 0; start < rows; start += 500) {
      const batch = Array.from({ length: Math.min(500, rows - start) }, (_, i) => {
        const id = start + i;
        return { id, title: `${name} item ${id}`, embedding: Array.from({ length: 8 }, (_, d) => Math.sin(id * (d + 1))) };
      });
      await data.entities.insert({ collectionName: 'items', data: batch });
    }
    result.push(await client.clusters.get(clusterId));
  }
  return result;
}

/**
 * The copy in local-2 the drill restores. Enabling the schedule took a first backup at once, and
 * its copy policy copies it; on a later run an earlier copy is there already.
 */
async function copyInSecondRegion(clusterId: string): Promise<{ backupId: string }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const copy = await client.backups.findLatest({ clusterId, regionId: 'local-2', backupType: 'CLUSTER' });
    if (copy) return copy;
    if (Date.now() > deadline) throw new Error('No copy reached local-2 within a minute: check `lifeboat jobs list` for a failed COPY job.');
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** Runs a `lifeboat` command in the quickstart directory, showing it and its output as it runs. */
function lifeboat(args: readonly string[], options: { capture?: boolean } = {}): Promise<{ code: number | null; stdout: string }> {
  console.log(`   $ lifeboat ${args.map((arg) => (/[\s"[\]]/.test(arg) ? `'${arg}'` : arg)).join(' ')}`);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cliBin, ...args], { cwd: workDir, env, stdio: ['ignore', options.capture ? 'pipe' : 'inherit', 'inherit'] });
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout }));
  });
}

/** Runs a step's command; a step that fails stops the quickstart. */
async function run(args: readonly string[]): Promise<void> {
  const { code } = await lifeboat(args);
  if (code !== 0) throw new Error(`lifeboat ${args[0] ?? ''} exited with ${code ?? 'a signal'}; its output above says why`);
}
