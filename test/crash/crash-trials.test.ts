import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat, type BackupSummary, type JobInfo } from '@lifeboat/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareChildServer, startChildServer, type ChildServer, type PreparedServer } from '../support/child-server.js';
import { createArticles, insertRows } from '../support/clusters.js';
import { count, formatCounts, percentile, recordReport } from '../support/figures.js';
import { Random, replayHint, suiteSeed, trialCount } from '../support/run-options.js';
import { missingBlobs } from './blobs.js';

/**
 * Crash trials: a server in a child process is given backups, copies, restores, deletes and
 * garbage-collection passes, and SIGKILLed at a random moment. After each restart on the same
 * data: every job reaches a terminal status, every AVAILABLE backup verifies and has its
 * manifest and every blob on disk, and every restore that reported success holds the rows and
 * checksums the source had when the backup was asked for.
 */

const seed = suiteSeed('crash');
const trials = trialCount({ ci: 100, long: 1000 });
const terminal = new Set(['SUCCESSFUL', 'FAILED', 'CANCELED']);
/** How often the child runs a scheduler pass (expiry, sweep of deleted backups, garbage collection). */
const passEveryMs = 150;
/** More AVAILABLE backups than this and the oldest is deleted, keeping each trial's checks short. */
const keptBackups = 4;

type OpKind = 'backup' | 'copy' | 'restore' | 'delete' | 'gc';

/** Rows and checksum of each collection, by name. */
type Contents = Readonly<Record<string, { readonly rowCount: number; readonly checksum: string | undefined }>>;

/** A job a trial started, and what the test expects of it. */
interface StartedJob {
  readonly type: 'BACKUP' | 'COPY' | 'RESTORE';
  readonly jobId: string;
  /** For restores: the backup restored and the cluster being made. */
  readonly backupId?: string;
  readonly targetClusterId?: string;
}

let dataDir: string;
let server: ChildServer;
/** The next server, loaded and waiting for the current one to die. */
let spare: Promise<PreparedServer> | undefined;
let client: Lifeboat;
let projectId: string;
let sourceClusterId: string;
let nextRowId = 0;
let scratchGeneration = 0;
/** What each backup (and copy) must restore to: the source as it was when the backup was asked for. */
const expected = new Map<string, Contents>();

// Figures.
const steps: Record<string, number> = {};
const outcomes: Record<string, number> = {};
const opsTried: Record<string, number> = {};
const restartMs: number[] = [];
const tally = { killsInPass: 0, verified: 0, blobsChecked: 0, restoresChecked: 0, blobsCollected: 0 };

const connect = (s: ChildServer): Lifeboat => new Lifeboat({ baseUrl: s.url, apiKey: s.ownerApiKey, retry: { baseDelayMs: 20, maxDelayMs: 200 } });
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function restart(): Promise<void> {
  tally.blobsCollected += collectedBlobs(server);
  const next = await (spare ?? prepareChildServer({ dataDir, passEveryMs }));
  await server.kill();
  const started = Date.now();
  server = await next.start();
  restartMs.push(Date.now() - started);
  spare = prepareChildServer({ dataDir, passEveryMs });
  client = connect(server);
}

/** Blobs the server's collector reported deleting, from its log. */
function collectedBlobs(s: ChildServer): number {
  let blobs = 0;
  for (const line of s.logLines) {
    const fields = /^LOG info garbage collection done (\{.*\})$/.exec(line)?.[1];
    if (fields !== undefined) blobs += (JSON.parse(fields) as { blobsDeleted: number }).blobsDeleted;
  }
  return blobs;
}

async function describeSource(): Promise<Contents> {
  const data = client.dataPlane(sourceClusterId);
  const contents: Record<string, { rowCount: number; checksum: string }> = {};
  for (const collectionName of await data.collections.list()) {
    const { rowCount, checksum } = await data.collections.describe({ collectionName });
    contents[collectionName] = { rowCount, checksum };
  }
  return contents;
}

/** New rows, or a `scratch` collection replaced whole, so old backups hold blobs nothing else needs. */
async function changeSource(r: Random): Promise<void> {
  if (r.chance(0.5)) {
    const rows = r.int(20, 150);
    await insertRows(client, sourceClusterId, { from: nextRowId, count: rows, padding: r.int(100, 1500) });
    nextRowId += rows;
    return;
  }
  const data = client.dataPlane(sourceClusterId);
  await data.collections.drop({ collectionName: 'scratch' });
  await createArticles(client, sourceClusterId, 'scratch');
  scratchGeneration += 1;
  await insertRows(client, sourceClusterId, { from: scratchGeneration * 10_000, count: r.int(20, 200), collectionName: 'scratch', padding: r.int(100, 1500) });
}

/** AVAILABLE backups and copies, newest first, with their regions. */
async function availableBackups(): Promise<Available[]> {
  const found: Available[] = [];
  for (const regionId of ['local-1', 'local-2', 'local-3']) {
    for (const backup of await client.backups.list({ status: 'AVAILABLE', regionId, pageSize: 100 }).toArray()) found.push({ ...backup, regionId });
  }
  return found.sort((a, b) => b.createTime.localeCompare(a.createTime));
}

type Available = BackupSummary & { readonly regionId: string };

/** Starts one operation; `undefined` when it started no job. `available` loses what gets deleted. */
async function startOp(kind: OpKind, trial: number, r: Random, available: Available[]): Promise<StartedJob | undefined> {
  switch (kind) {
    case 'backup': {
      const contents = await describeSource();
      const { backupId, jobId } = await client.backups.create({ clusterId: sourceClusterId, backupType: 'CLUSTER' });
      expected.set(backupId, contents);
      return { type: 'BACKUP', jobId };
    }
    case 'copy': {
      const originals = available.filter((b) => b.regionId === 'local-1');
      if (originals.length === 0) return undefined;
      const source = r.pick(originals);
      const detail = await client.backups.get({ clusterId: source.clusterId, backupId: source.backupId });
      const regions = ['local-2', 'local-3'].filter((regionId) => !(detail.copies ?? []).some((copy) => copy.regionId === regionId));
      if (regions.length === 0) return undefined;
      const copy = await client.backups.copy({ clusterId: source.clusterId, backupId: source.backupId, regionId: r.pick(regions) });
      expected.set(copy.backupId, expected.get(source.backupId) ?? {});
      return { type: 'COPY', jobId: copy.jobId };
    }
    case 'restore': {
      if (available.length === 0) return undefined;
      const backup = r.pick(available);
      const restore = await client.backups.restoreCluster({ clusterId: backup.clusterId, backupId: backup.backupId, projectId, clusterName: `restored-${trial}`, cuSize: 1 });
      return { type: 'RESTORE', jobId: restore.jobId, backupId: backup.backupId, targetClusterId: restore.clusterId };
    }
    case 'delete': {
      if (available.length === 0) return undefined;
      const [victim] = available.splice(r.int(0, available.length - 1), 1);
      if (victim !== undefined) await client.backups.delete({ clusterId: victim.clusterId, backupId: victim.backupId });
      return undefined;
    }
    case 'gc':
      return undefined;
  }
}

/** Where a job stood, as last seen before the kill. */
function stepOf(job: JobInfo | undefined): string {
  if (job === undefined) return 'not seen';
  if (job.status === 'PENDING') return 'queued';
  // Progress is saved a few times a second at most, so it cannot tell the steps of a short job apart.
  if (job.status === 'IN_PROGRESS') return 'running';
  return terminal.has(job.status) ? 'finished' : job.status.toLowerCase();
}

/** Waits until no job is queued or running. */
async function settle(): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const busy = [];
    for (const status of ['PENDING', 'IN_PROGRESS', 'CANCELING'] as const) busy.push(...(await client.jobs.list({ status, pageSize: 100 }).toArray()));
    if (busy.length === 0) return;
    if (Date.now() > deadline) throw new Error(`jobs still running a minute after the restart: ${busy.map((j) => `${j.jobId} ${j.type} ${j.status}`).join(', ')}`);
    await sleep(25);
  }
}

/** Everything that must hold after a restart; each broken promise is one line. */
async function problemsAfterRestart(started: readonly StartedJob[]): Promise<string[]> {
  const problems: string[] = [];
  await settle();
  for (const job of started) {
    const final = await client.jobs.get(job.jobId);
    count(outcomes, `${job.type} ${final.status.toLowerCase()}`);
    if (!terminal.has(final.status)) problems.push(`job ${job.jobId} (${job.type}) ended ${final.status}`);
    if (final.status === 'FAILED' && final.reason === '') problems.push(`job ${job.jobId} (${job.type}) failed without a reason`);
    if (job.type === 'RESTORE' && job.targetClusterId !== undefined) problems.push(...(await checkRestore(job, final)));
  }

  const all = await client.backups.list({ pageSize: 100 }).toArray();
  for (const backup of all.filter((b) => b.status === 'CREATING')) problems.push(`backup ${backup.backupId} is still CREATING with no job running`);
  const available = all.filter((b) => b.status === 'AVAILABLE');
  // Every backup is checked at once: its description, its blobs on disk, then a verify job.
  const checked = await Promise.all(available.map(async (backup) => checkBackup(backup)));
  problems.push(...checked.flat());
  return problems;
}

/** An AVAILABLE backup was asked for, describes what the source held, is whole on disk and verifies. */
async function checkBackup(backup: BackupSummary): Promise<string[]> {
  const want = expected.get(backup.backupId);
  if (want === undefined) return [`backup ${backup.backupId} is AVAILABLE but was never asked for`];
  const problems: string[] = [];
  const detail = await client.backups.get({ clusterId: backup.clusterId, backupId: backup.backupId });
  const recorded = Object.fromEntries(detail.dbCollections.flatMap((db) => db.collections.map((c) => [c.collectionName, { rowCount: c.rowCount, checksum: c.checksum }])));
  if (JSON.stringify(sorted(recorded)) !== JSON.stringify(sorted(want))) problems.push(`backup ${backup.backupId} describes ${JSON.stringify(recorded)}, expected ${JSON.stringify(want)}`);
  const blobs = await missingBlobs(dataDir, detail.regionId, backup.backupId);
  tally.blobsChecked += blobs.checked;
  if (blobs.problem !== undefined) problems.push(`backup ${backup.backupId} in ${detail.regionId}: ${blobs.problem}`);
  const { job } = await client.backups.verify({ clusterId: backup.clusterId, backupId: backup.backupId });
  const outcome = await job.wait({ pollIntervalMs: 20 }).then(
    (done) => done.status,
    (error: unknown) => String(error),
  );
  tally.verified += 1;
  if (outcome !== 'SUCCESSFUL') problems.push(`backup ${backup.backupId} does not verify: ${outcome}`);
  return problems;
}

function sorted(contents: Contents): Contents {
  return Object.fromEntries(Object.entries(contents).sort(([a], [b]) => a.localeCompare(b)));
}

/** A successful restore holds the backup's rows; a failed one leaves no RUNNING cluster behind. */
async function checkRestore(job: StartedJob, final: JobInfo): Promise<string[]> {
  const clusterId = job.targetClusterId as string;
  const cluster = await client.clusters.get(clusterId).catch(() => undefined);
  if (final.status !== 'SUCCESSFUL') {
    return cluster?.status === 'RUNNING' ? [`restore ${job.jobId} ended ${final.status} but left cluster ${clusterId} RUNNING`] : [];
  }
  tally.restoresChecked += 1;
  const want = expected.get(job.backupId ?? '') ?? {};
  const data = client.dataPlane(clusterId);
  const got: Record<string, { rowCount: number; checksum: string }> = {};
  for (const collectionName of await data.collections.list()) {
    const { rowCount, checksum } = await data.collections.describe({ collectionName });
    got[collectionName] = { rowCount, checksum };
  }
  // Dropped once checked, so the clusters do not pile up over the trials.
  await client.clusters.drop(clusterId);
  return JSON.stringify(sorted(got)) === JSON.stringify(sorted(want)) ? [] : [`restore ${job.jobId} of ${job.backupId ?? '?'} holds ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`];
}

/** One trial: change the source, start one or two operations, kill at a random moment, restart, check. */
async function runTrial(trial: number, r: Random): Promise<string[]> {
  if (r.chance(0.35)) await changeSource(r);
  const available = await availableBackups();
  // Old backups go, so the checks stay short and the sweep and collector have work.
  for (const oldest of available.splice(keptBackups)) await client.backups.delete({ clusterId: oldest.clusterId, backupId: oldest.backupId });

  const primary = r.pick<OpKind>(['backup', 'backup', 'backup', 'copy', 'copy', 'restore', 'restore', 'delete', 'gc']);
  const kinds: OpKind[] = [primary];
  if (r.chance(0.4)) kinds.push(r.pick<OpKind>(['backup', 'copy', 'restore', 'gc'].filter((k) => k !== primary) as OpKind[]));
  // A pass that finds garbage is the interesting kind to interrupt.
  if (kinds.includes('gc') && !kinds.includes('delete') && r.chance(0.5)) kinds.unshift('delete');

  const jobs: StartedJob[] = [];
  for (const kind of kinds) {
    count(opsTried, kind);
    const job = await startOp(kind, trial, r, available);
    if (job !== undefined) jobs.push(job);
  }

  if (kinds.includes('gc')) {
    await Promise.race([server.nextPass(), sleep(2000)]);
    await sleep(r.int(0, 20));
  } else {
    // Most jobs on this data take from a few to a few hundred milliseconds.
    await sleep(r.pick([() => r.int(0, 5), () => r.int(5, 40), () => r.int(40, 200)])());
  }
  const seen = await Promise.all(jobs.map((job) => client.jobs.get(job.jobId).catch(() => undefined)));
  const inPass = server.inSchedulerPass;
  await restart();
  if (inPass) tally.killsInPass += 1;
  jobs.forEach((job, i) => count(steps, `${job.type} ${stepOf(seen[i])}`));
  return problemsAfterRestart(jobs);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lifeboat-crash-trials-'));
  server = await startChildServer({ dataDir, passEveryMs });
  client = connect(server);
  projectId = (await client.projects.list())[0]?.projectId ?? '';
  ({ clusterId: sourceClusterId } = await client.clusters.create({ projectId, regionId: 'local-1', clusterName: 'source', cuSize: 1 }));
  await createArticles(client, sourceClusterId, 'articles');
  await createArticles(client, sourceClusterId, 'scratch');
  for (let batch = 0; batch < 3; batch++) {
    await insertRows(client, sourceClusterId, { from: nextRowId, count: 150, padding: 1500 });
    nextRowId += 150;
  }
  await insertRows(client, sourceClusterId, { from: 0, count: 100, collectionName: 'scratch', padding: 500 });
});

afterAll(async () => {
  await server?.kill();
  await (await spare)?.discard();
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
});

describe(`a server SIGKILLed at random moments (${replayHint()})`, () => {
  it(`keeps every promise after each of ${trials} restarts`, async () => {
    const startedAt = Date.now();
    const r = new Random(seed);
    const failures: string[] = [];
    let passed = 0;
    for (let trial = 0; trial < trials; trial++) {
      let problems: string[];
      try {
        problems = await runTrial(trial, r);
      } catch (error) {
        problems = [`the trial could not run: ${(error as Error).stack ?? String(error)}`];
      }
      if (problems.length === 0) passed += 1;
      else failures.push(`trial ${trial}:\n  ${problems.join('\n  ')}`);
    }
    tally.blobsCollected += collectedBlobs(server);
    const summary = `crash trials: ${passed} passed, ${failures.length} failed (${replayHint()})`;
    const sortedRestarts = [...restartMs].sort((a, b) => a - b);
    await recordReport({
      suite: 'crash',
      title: 'Crash trials',
      summary,
      tried:
        `${trials} trials on one data directory. Each trial may change the source cluster (new rows, or a collection replaced whole), ` +
        'starts one or two of: a backup, a cross-region copy, a restore to a new cluster, a delete, a scheduler pass (expiry, sweep, garbage collection ' +
        'with no grace period); then SIGKILLs the server after 0–200 ms (or inside the next scheduler pass) and starts it again on the same data.',
      held: [
        'every job reached SUCCESSFUL, FAILED (with a reason) or CANCELED after the restart',
        'every AVAILABLE backup was asked for, describes the rows and checksums the source had then, has its manifest and every blob on disk, and passes verify',
        'every restore that reported success holds the rows and checksums of its backup; every failed one left no RUNNING cluster',
      ],
      figures: [
        ['Trials', `${passed} passed, ${failures.length} failed`],
        ['Operations started', formatCounts(opsTried)],
        ['Jobs at the kill (as last seen)', formatCounts(steps)],
        ['Kills inside a scheduler pass', tally.killsInPass],
        ['Job outcomes after the restart', formatCounts(outcomes)],
        ['Verify jobs run, all successful', tally.verified],
        ['Blob presence checks', tally.blobsChecked],
        ['Restores compared with their source', tally.restoresChecked],
        ['Blobs deleted by garbage collection', tally.blobsCollected],
        ['Restart (data directory opened to ready), p50 / max', `${percentile(sortedRestarts, 0.5)} ms / ${sortedRestarts.at(-1) ?? 0} ms`],
      ],
      durationMs: Date.now() - startedAt,
    });
    expect(failures, summary).toEqual([]);
  }, trials * 10_000);
});
