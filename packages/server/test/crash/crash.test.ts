import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat, type JobInfo } from '@lifeboat/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type ChildServer } from './child-server.js';

/**
 * SIGKILL in the middle of backups, copies and restores, at several points, then a restart on
 * the same data: every job must end SUCCESSFUL or FAILED with a reason, every AVAILABLE backup
 * must verify, and every restore that reports success must hold the source's rows.
 */

let dataDir: string;
let server: ChildServer;
let client: Lifeboat;
let projectId: string;
let clusterId: string;
let source: { rowCount: number; checksum: string };

const connect = (s: ChildServer) => new Lifeboat({ baseUrl: s.url, apiKey: s.ownerApiKey, retry: { baseDelayMs: 20, maxDelayMs: 200 } });

/** How each trial's job stood when the server was killed, by job type. */
const killedAt: Record<string, Record<string, number>> = {};

async function killDuring(jobId: string | undefined, type: string): Promise<void> {
  const status = jobId === undefined ? 'NOT_STARTED' : (await client.jobs.get(jobId).catch(() => undefined))?.status ?? 'UNKNOWN';
  (killedAt[type] ??= {})[status] = (killedAt[type]?.[status] ?? 0) + 1;
  await restart();
}

async function restart(): Promise<void> {
  await server.kill();
  server = await spawnServer(dataDir);
  client = connect(server);
}

/** Waits until no job is queued or running, then returns every job. */
async function settledJobs(): Promise<JobInfo[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const jobs = await client.jobs.list({}).toArray();
    if (jobs.every((job) => ['SUCCESSFUL', 'FAILED', 'CANCELED'].includes(job.status))) return jobs;
    if (Date.now() > deadline) throw new Error(`jobs still running: ${JSON.stringify(jobs.filter((j) => !['SUCCESSFUL', 'FAILED', 'CANCELED'].includes(j.status)))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function expectConsistent(): Promise<void> {
  const jobs = await settledJobs();
  for (const job of jobs) {
    if (job.status === 'FAILED') expect(job.reason, `job ${job.jobId} failed without a reason`).not.toBe('');
  }
  for await (const backup of client.backups.list({ status: 'AVAILABLE' })) {
    const { job } = await client.backups.verify({ clusterId: backup.clusterId, backupId: backup.backupId });
    await expect(job.wait({ pollIntervalMs: 20 }), `backup ${backup.backupId} does not verify`).resolves.toMatchObject({ status: 'SUCCESSFUL' });
  }
  for (const job of jobs.filter((j) => j.type === 'RESTORE' && j.status === 'SUCCESSFUL' && j.targetClusterId)) {
    const restored = await client.dataPlane(job.targetClusterId!).collections.describe({ collectionName: 'articles' });
    expect({ rowCount: restored.rowCount, checksum: restored.checksum }).toEqual(source);
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lifeboat-crash-'));
  server = await spawnServer(dataDir);
  client = connect(server);
  projectId = (await client.projects.list())[0]!.projectId;
  ({ clusterId } = await client.clusters.create({ projectId, regionId: 'local-1', clusterName: 'crashy', cuSize: 1 }));
  const data = client.dataPlane(clusterId);
  await data.collections.create({
    collectionName: 'articles',
    schema: { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }, { fieldName: 'body', dataType: 'VarChar', elementTypeParams: { max_length: 4096 } }] },
  });
  // About 24 MB in several segments, so kills land inside copies, not only between them.
  const body = 'x'.repeat(3000);
  for (let batch = 0; batch < 8; batch++) {
    await data.entities.insert({ collectionName: 'articles', data: Array.from({ length: 1000 }, (_, i) => ({ id: batch * 1000 + i, body: `${batch}-${i}-${body}` })) });
  }
  const described = await data.collections.describe({ collectionName: 'articles' });
  source = { rowCount: described.rowCount, checksum: described.checksum };
}, 60_000);

afterAll(async () => {
  console.log(`crash trials: job status at the kill ${JSON.stringify(killedAt)}`);
  await server.kill();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a server killed with SIGKILL', () => {
  // Backups and copies of this data take tens of milliseconds; restores longer.
  const quick = [0, 3, 6, 10];
  const delays = [0, 15, 40, 90];

  it.each(quick)('finishes or fails cleanly a backup killed after %i ms', async (delay) => {
    const { jobId } = await client.backups.create({ clusterId, backupType: 'CLUSTER' });
    await new Promise((r) => setTimeout(r, delay));
    await killDuring(jobId, 'BACKUP');
    await expectConsistent();
  }, 90_000);

  it.each(quick)('finishes or fails cleanly a copy killed after %i ms', async (delay) => {
    const latest = await client.backups.findLatest({ clusterId, regionId: 'local-1' });
    expect(latest).toBeDefined();
    const existing = await client.backups.list({ clusterId, regionId: 'local-2' }).toArray();
    for (const copy of existing) await client.backups.delete({ clusterId, backupId: copy.backupId });
    const copy = await client.backups.copy({ clusterId, backupId: latest!.backupId, regionId: 'local-2' });
    await new Promise((r) => setTimeout(r, delay));
    await killDuring(copy.jobId, 'COPY');
    await expectConsistent();
  }, 90_000);

  it.each(delays)('finishes or fails cleanly a restore killed after %i ms', async (delay) => {
    const latest = await client.backups.findLatest({ clusterId, regionId: 'local-1' });
    const { jobId } = await client.backups.restoreCluster({ clusterId, backupId: latest!.backupId, projectId, clusterName: `restored-${delay}`, cuSize: 1 });
    await new Promise((r) => setTimeout(r, delay));
    await killDuring(jobId, 'RESTORE');
    await expectConsistent();
    const restored = (await client.clusters.list({}).toArray()).find((c) => c.clusterName === `restored-${delay}`);
    // Either it came back whole (checked above) or it was removed; never a half-restored RUNNING cluster.
    if (restored) expect(restored.status).toBe('RUNNING');
  }, 90_000);
});
