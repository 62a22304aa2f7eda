import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { startServer, type RunningServer } from '@lifeboat/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Journal } from './journal.js';
import { renderReport } from './report.js';
import { failOver, type FailoverEvent } from './runbook.js';

interface Setup {
  readonly server: RunningServer;
  readonly client: Lifeboat;
  readonly work: string;
  /** Source cluster ids by name. */
  readonly clusters: Record<string, string>;
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/**
 * Two clusters in local-1 with rows, each copying its backups to local-2, one backup each with
 * its copy AVAILABLE in local-2; then local-1's store directory is removed, as when the region
 * is lost.
 */
async function regionLost(): Promise<Setup> {
  const work = await mkdtemp(join(tmpdir(), 'lifeboat-dr-runbook-'));
  const server = await startServer({ dataDir: join(work, 'server'), runner: { leaseMs: 2000, pollMs: 20 } });
  stops.push(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });
  const client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey });
  const clusters: Record<string, string> = {};
  for (const [name, rows] of [['orders', 120], ['users', 40]] as const) {
    const { clusterId } = await client.clusters.create({ projectId: server.defaultProjectId, regionId: 'local-1', clusterName: name, cuSize: 1 });
    const data = client.dataPlane(clusterId);
    await data.collections.create({ collectionName: name, schema: { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }, { fieldName: 'note', dataType: 'VarChar', elementTypeParams: { max_length: 64 } }] } });
    await data.entities.insert({ collectionName: name, data: Array.from({ length: rows }, (_, id) => ({ id, note: `${name} ${id}` })) });
    await client.copyPolicies.put({ clusterId, regionId: 'local-2', retentionDays: 7, appliesTo: 'ALL' });
    const { job } = await client.backups.create({ clusterId, backupType: 'CLUSTER' });
    await job.wait({ pollIntervalMs: 20 });
    clusters[name] = clusterId;
  }
  for (const clusterId of Object.values(clusters)) {
    await vi.waitFor(async () => expect(await client.backups.findLatest({ clusterId, regionId: 'local-2' })).toBeDefined(), { timeout: 20_000, interval: 50 });
  }
  await rm(join(server.dataDir, 'regions', 'local-1'), { recursive: true, force: true });
  return { server, client, work, clusters };
}

/** Restore jobs the server ran for each source cluster. */
async function restoresBySource(client: Lifeboat): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for await (const job of client.jobs.list({ type: 'RESTORE' })) counts[job.clusterId ?? ''] = (counts[job.clusterId ?? ''] ?? 0) + 1;
  return counts;
}

describe('the DR runbook', () => {
  it('restores every cluster of the lost region from its copy in the surviving one, verified, with RTO and RPO', async () => {
    const { client, work, clusters } = await regionLost();
    const events: FailoverEvent[] = [];
    const report = await failOver({ client, lostRegion: 'local-1', drRegion: 'local-2', journalPath: join(work, 'journal.json'), onEvent: (e) => events.push(e) });

    expect(report.outcomes.map((o) => [o.clusterName, o.status, o.reason])).toEqual([['orders', 'verified', undefined], ['users', 'verified', undefined]]);
    expect(report.complete).toBe(true);
    for (const outcome of report.outcomes) {
      expect(outcome.rtoMs).toBeGreaterThan(0);
      expect(outcome.rpoMs).toBeGreaterThanOrEqual(0);
      const restored = await client.clusters.get(outcome.restoredClusterId!);
      expect(restored).toMatchObject({ regionId: 'local-2', clusterName: `${outcome.clusterName}-dr` });
      const source = await client.dataPlane(outcome.sourceClusterId).collections.describe({ collectionName: outcome.clusterName });
      const copy = await client.dataPlane(restored.clusterId).collections.describe({ collectionName: outcome.clusterName });
      expect({ rows: copy.rowCount, checksum: copy.checksum }).toEqual({ rows: source.rowCount, checksum: source.checksum });
    }
    expect(events.some((e) => e.kind === 'progress')).toBe(true);
    expect(renderReport(report)).toContain('2 of 2 cluster(s) restored and verified');

    // Run again: nothing left to do, nothing restored twice.
    const again = await failOver({ client, lostRegion: 'local-1', drRegion: 'local-2', journalPath: join(work, 'journal.json') });
    expect(again.complete).toBe(true);
    expect(await restoresBySource(client)).toEqual({ [clusters.orders!]: 1, [clusters.users!]: 1 });
  });

  it('resumes an interrupted run without restoring any cluster twice, even one whose restore was sent but never recorded', async () => {
    const { client, server, work, clusters } = await regionLost();
    const journalPath = join(work, 'journal.json');

    // A run killed after sending the restore of `users` and before recording the answer.
    const journal = await Journal.open(journalPath, { lostRegion: 'local-1', drRegion: 'local-2' });
    const usersCopy = await client.backups.findLatest({ clusterId: clusters.users!, regionId: 'local-2' });
    const entry = await journal.start({ sourceClusterId: clusters.users!, clusterName: 'users', backupId: usersCopy!.backupId }, Date.now());
    await client.backups.restoreCluster(
      { clusterId: clusters.users!, backupId: usersCopy!.backupId, projectId: server.defaultProjectId, clusterName: 'users-dr', cuSize: 1 },
      { idempotencyKey: entry.idempotencyKey },
    );

    // A run interrupted (Ctrl-C) while the restore of `orders` is running.
    const stop = new AbortController();
    const interrupted = await failOver({
      client,
      lostRegion: 'local-1',
      drRegion: 'local-2',
      journalPath,
      parallelism: 1,
      signal: stop.signal,
      onEvent: (event) => {
        if (event.kind === 'progress') stop.abort();
      },
    });
    expect(interrupted.complete).toBe(false);
    expect(interrupted.outcomes.map((o) => o.status)).toContain('interrupted');
    expect(JSON.parse(await readFile(journalPath, 'utf8'))).toMatchObject({ lostRegion: 'local-1', drRegion: 'local-2' });

    const resumed = await failOver({ client, lostRegion: 'local-1', drRegion: 'local-2', journalPath });
    expect(resumed.outcomes.map((o) => [o.clusterName, o.status, o.reason])).toEqual([['orders', 'verified', undefined], ['users', 'verified', undefined]]);
    expect(resumed.complete).toBe(true);
    expect(await restoresBySource(client)).toEqual({ [clusters.orders!]: 1, [clusters.users!]: 1 });
    const restoredNames = (await client.clusters.list().toArray()).filter((c) => c.regionId === 'local-2').map((c) => c.clusterName).sort();
    expect(restoredNames).toEqual(['orders-dr', 'users-dr']);
  });

  it('retries a cluster whose last attempt failed, replacing the cluster that attempt left behind', async () => {
    const { client, server, work, clusters } = await regionLost();
    const journalPath = join(work, 'journal.json');

    // An attempt whose restore of `orders` finished but did not verify, its cluster left in local-2.
    const journal = await Journal.open(journalPath, { lostRegion: 'local-1', drRegion: 'local-2' });
    const copy = await client.backups.findLatest({ clusterId: clusters.orders!, regionId: 'local-2' });
    const entry = await journal.start({ sourceClusterId: clusters.orders!, clusterName: 'orders', backupId: copy!.backupId }, Date.now());
    const failed = await client.backups.restoreCluster(
      { clusterId: clusters.orders!, backupId: copy!.backupId, projectId: server.defaultProjectId, clusterName: 'orders-dr', cuSize: 1 },
      { idempotencyKey: entry.idempotencyKey },
    );
    await failed.job.wait({ pollIntervalMs: 20 });
    await journal.update(clusters.orders!, { restoredClusterId: failed.clusterId, jobId: failed.job.id, status: 'failed', finishedAt: Date.now(), reason: 'restored data differs from the backup' });

    const events: FailoverEvent[] = [];
    const report = await failOver({ client, lostRegion: 'local-1', drRegion: 'local-2', journalPath, onEvent: (e) => events.push(e) });

    expect(report.outcomes.map((o) => [o.clusterName, o.status])).toEqual([['orders', 'verified'], ['users', 'verified']]);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'discarded', restoredClusterId: failed.clusterId }));
    const orders = report.outcomes.find((o) => o.clusterName === 'orders')!;
    expect(orders.restoredClusterId).not.toBe(failed.clusterId);
    const inDrRegion = (await client.clusters.list().toArray()).filter((c) => c.regionId === 'local-2').map((c) => [c.clusterId, c.clusterName]);
    expect(inDrRegion.sort((a, b) => a[1]!.localeCompare(b[1]!))).toEqual([[orders.restoredClusterId, 'orders-dr'], [expect.any(String), 'users-dr']]);
  });

  it('refuses to resume a journal of another failover', async () => {
    const work = await mkdtemp(join(tmpdir(), 'lifeboat-dr-runbook-'));
    stops.push(() => rm(work, { recursive: true, force: true }));
    const journalPath = join(work, 'journal.json');
    // Refused before any call: nothing answers at this address.
    const client = new Lifeboat({ baseUrl: 'http://127.0.0.1:9', retry: false });
    await (await Journal.open(journalPath, { lostRegion: 'local-1', drRegion: 'local-2' })).put({ sourceClusterId: 'x', clusterName: 'x', backupId: 'b', idempotencyKey: 'k', startedAt: 0, status: 'failed' });
    await expect(failOver({ client, lostRegion: 'local-1', drRegion: 'local-3', journalPath })).rejects.toThrow(/records a failover from local-1 to local-2/);
  });

  it('refuses a parallelism that would start no restore, rather than reporting an empty run complete', async () => {
    const work = await mkdtemp(join(tmpdir(), 'lifeboat-dr-runbook-'));
    stops.push(() => rm(work, { recursive: true, force: true }));
    const client = new Lifeboat({ baseUrl: 'http://127.0.0.1:9', retry: false });
    for (const parallelism of [Number.NaN, 0, 1.5]) {
      await expect(failOver({ client, lostRegion: 'local-1', drRegion: 'local-2', journalPath: join(work, 'journal.json'), parallelism })).rejects.toThrow(RangeError);
    }
  });
});
