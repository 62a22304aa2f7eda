import { ConflictError } from '@lifeboat/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows, seedCluster, startTestServer, type TestServer } from '../harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ rateLimitPerSecond: 1000 });
});
afterAll(async () => t.stop());

describe('backups of a local cluster', () => {
  it('backs up real rows: the backup becomes AVAILABLE with the rows\' count and checksum', async () => {
    const clusterId = await seedCluster(t.client, t.server.defaultProjectId, { name: 'shop', rows: 500 });
    const source = await t.client.dataPlane(clusterId).collections.describe({ collectionName: 'articles' });

    const progress: number[] = [];
    const { backupId, job } = await t.client.backups.create({ clusterId, backupType: 'CLUSTER' });
    const done = await job.wait({ pollIntervalMs: 10, onProgress: (p) => progress.push(p.percent) });

    expect(done.status).toBe('SUCCESSFUL');
    expect(progress.at(-1)).toBe(100);
    const backup = await t.client.backups.get({ clusterId, backupId });
    expect(backup.status).toBe('AVAILABLE');
    expect(backup.size).toBeGreaterThan(0);
    expect(backup.storedBytes).toBe(backup.size);
    const articles = backup.dbCollections.find((db) => db.dbName === 'default')?.collections.find((c) => c.collectionName === 'articles');
    expect(articles).toMatchObject({ rowCount: 500, checksum: source.checksum });
  });

  it('stores only new segments in an incremental backup', async () => {
    const clusterId = await seedCluster(t.client, t.server.defaultProjectId, { name: 'incremental', rows: 300, partitions: ['eu'] });
    const first = await t.client.backups.create({ clusterId, backupType: 'CLUSTER' });
    await first.job.wait({ pollIntervalMs: 10 });
    const unchanged = await t.client.backups.create({ clusterId, backupType: 'CLUSTER' });
    await unchanged.job.wait({ pollIntervalMs: 10 });
    expect((await t.client.backups.get({ clusterId, backupId: unchanged.backupId })).storedBytes).toBe(0);

    await insertRows(t.client, clusterId, 10_000, 50, 'eu');
    const third = await t.client.backups.create({ clusterId, backupType: 'CLUSTER' });
    await third.job.wait({ pollIntervalMs: 10 });
    const full = await t.client.backups.get({ clusterId, backupId: first.backupId });
    const incremental = await t.client.backups.get({ clusterId, backupId: third.backupId });
    expect(incremental.storedBytes).toBeGreaterThan(0);
    expect(incremental.storedBytes).toBeLessThan(full.storedBytes ?? 0);
    expect(incremental.size).toBeGreaterThan(full.size);
  });

  it('allows one MANUAL backup per cluster at a time', async () => {
    const clusterId = await seedCluster(t.client, t.server.defaultProjectId, { name: 'one-at-a-time', rows: 10 });
    const first = t.client.backups.create({ clusterId, backupType: 'CLUSTER' });
    const second = t.client.backups.create({ clusterId, backupType: 'CLUSTER' });
    const results = await Promise.allSettled([first, second]);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: 97012 });
    await t.server.idle();
  });

  it('backs up only the listed collections in a COLLECTION backup, and refuses unknown ones', async () => {
    const clusterId = await seedCluster(t.client, t.server.defaultProjectId, { name: 'partial', rows: 20 });
    await t.client.dataPlane(clusterId).collections.create({ collectionName: 'other', schema: { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }] } });
    const { backupId, job } = await t.client.backups.create({ clusterId, backupType: 'COLLECTION', dbCollections: [{ collectionNames: ['articles'] }] });
    await job.wait({ pollIntervalMs: 10 });
    const backup = await t.client.backups.get({ clusterId, backupId });
    expect(backup.dbCollections.flatMap((db) => db.collections.map((c) => c.collectionName))).toEqual(['articles']);
    await expect(t.client.backups.create({ clusterId, backupType: 'COLLECTION', dbCollections: [{ collectionNames: ['missing'] }] })).rejects.toMatchObject({ code: 97025 });
  });

  it('cancels a queued backup: the job ends CANCELED and the backup FAILED, never AVAILABLE', async () => {
    const clusterId = await seedCluster(t.client, t.server.defaultProjectId, { name: 'cancel-me', rows: 10 });
    const { backupId, job } = await t.client.backups.create({ clusterId, backupType: 'CLUSTER' });
    await job.cancel().catch(() => undefined);
    const final = await job.wait({ pollIntervalMs: 10 }).then(
      (j) => j,
      (error: { job: { status: string } }) => error.job,
    );
    const backup = await t.client.backups.get({ clusterId, backupId });
    if (final.status === 'CANCELED') expect(backup.status).toBe('FAILED');
    else expect(backup.status).toBe('AVAILABLE'); // it finished before the cancel arrived
  });

  it('lists backups by cluster, a page at a time', async () => {
    const clusterId = await seedCluster(t.client, t.server.defaultProjectId, { name: 'paged', rows: 5 });
    for (let i = 0; i < 3; i++) {
      const { job } = await t.client.backups.create({ clusterId, backupType: 'CLUSTER' });
      await job.wait({ pollIntervalMs: 10 });
    }
    const pages = [];
    for await (const page of t.client.backups.list({ clusterId, pageSize: 2 }).pages()) pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([2, 1]);
    expect(pages[0]?.count).toBe(3);
    const latest = await t.client.backups.findLatest({ clusterId });
    expect(latest?.backupId).toBe(pages[0]?.items[0]?.backupId);
  });
});
