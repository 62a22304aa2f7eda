import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConflictError, ValidationError } from '@lifeboat/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCluster, startTestServer, type TestServer } from '../harness.js';

/**
 * The rules of API.md that depend on jobs being pending or running. The server here runs no
 * jobs (runner concurrency 0), so a queued backup or restore stays queued while the rule is
 * checked; the AVAILABLE backups the rules need were made by an earlier server on the same data.
 */

let dataDir: string;
let t: TestServer;
let clusterId: string;
let clusterBackupId: string;
let collectionBackupId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lifeboat-rules-'));
  const first = await startTestServer({ dataDir, rateLimitPerSecond: 10_000 });
  clusterId = await seedCluster(first.client, first.server.defaultProjectId, { name: 'ruled', rows: 20 });
  const clusterBackup = await first.client.backups.create({ clusterId, backupType: 'CLUSTER' });
  await clusterBackup.job.wait({ pollIntervalMs: 10 });
  const collectionBackup = await first.client.backups.create({ clusterId, backupType: 'COLLECTION', dbCollections: [{ collectionNames: ['articles'] }] });
  await collectionBackup.job.wait({ pollIntervalMs: 10 });
  clusterBackupId = clusterBackup.backupId;
  collectionBackupId = collectionBackup.backupId;
  await first.server.close();
  t = await startTestServer({ dataDir, rateLimitPerSecond: 10_000, runner: { concurrency: 0 } });
}, 60_000);

afterAll(async () => {
  await t.server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('rules the server enforces', () => {
  it('refuses a MANUAL backup while an AUTO one runs (97013)', async () => {
    const other = await seedCluster(t.client, t.server.defaultProjectId, { name: 'auto-first', rows: 5 });
    await t.client.policies.set({ clusterId: other, enabled: true, frequency: '1,2,3,4,5,6,7', startTime: '02:00-03:00', retentionDays: 3 });
    await t.server.tick();
    const auto = await t.client.backups.list({ clusterId: other, status: 'CREATING' }).toArray();
    expect(auto.map((b) => b.creationMethod)).toEqual(['AUTO']);
    await expect(t.client.backups.create({ clusterId: other, backupType: 'CLUSTER' })).rejects.toMatchObject({ code: 97013 });
  });

  it('still starts an AUTO backup while a MANUAL one runs', async () => {
    const other = await seedCluster(t.client, t.server.defaultProjectId, { name: 'manual-first', rows: 5 });
    await t.client.backups.create({ clusterId: other, backupType: 'CLUSTER' });
    await t.client.policies.set({ clusterId: other, enabled: true, frequency: '1,2,3,4,5,6,7', startTime: '02:00-03:00', retentionDays: 3 });
    await t.server.tick();
    const creating = await t.client.backups.list({ clusterId: other, status: 'CREATING' }).toArray();
    expect(creating.map((b) => b.creationMethod).sort()).toEqual(['AUTO', 'MANUAL']);
  });

  it('runs one restore at a time per destination cluster (97014)', async () => {
    const request = { clusterId, backupId: clusterBackupId, destClusterId: clusterId, dbCollections: [{ dbName: 'default', collections: [{ collectionName: 'articles', destCollectionName: 'articles_copy' }] }] };
    await t.client.backups.restoreCollection(request);
    const second = t.client.backups.restoreCollection({ ...request, dbCollections: [{ dbName: 'default', collections: [{ collectionName: 'articles', destCollectionName: 'articles_again' }] }] });
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    await expect(second).rejects.toMatchObject({ code: 97014 });
  });

  it('restores, copies, exports and verifies only AVAILABLE backups (97011)', async () => {
    const { backupId } = await t.client.backups.create({ clusterId, backupType: 'CLUSTER' });
    const ref = { clusterId, backupId };
    await expect(t.client.backups.copy({ ...ref, regionId: 'local-2' })).rejects.toMatchObject({ code: 97011 });
    await expect(t.client.backups.verify(ref)).rejects.toMatchObject({ code: 97011 });
    await expect(t.client.backups.restoreCluster({ ...ref, projectId: t.server.defaultProjectId, clusterName: 'too_soon', cuSize: 1 })).rejects.toMatchObject({ code: 97011 });
  });

  it('restores a cluster only from a CLUSTER backup (97017), and always into a new cluster (96017)', async () => {
    const restore = (backupId: string, clusterName: string) => t.client.backups.restoreCluster({ clusterId, backupId, projectId: t.server.defaultProjectId, clusterName, cuSize: 1 });
    await expect(restore(collectionBackupId, 'from_collection')).rejects.toMatchObject({ code: 97017 });
    await expect(restore(clusterBackupId, 'ruled')).rejects.toMatchObject({ code: 96017 });
  });

  it('copies only to another region (97018) and refuses an unknown one (96001)', async () => {
    const ref = { clusterId, backupId: clusterBackupId };
    await expect(t.client.backups.copy({ ...ref, regionId: 'local-1' })).rejects.toMatchObject({ code: 97018 });
    await expect(t.client.backups.copy({ ...ref, regionId: 'mars-1' })).rejects.toBeInstanceOf(ValidationError);
    await expect(t.client.backups.copy({ ...ref, regionId: 'mars-1' })).rejects.toMatchObject({ code: 96001 });
  });

  it('refuses a backup path whose cluster is not the backup\'s (96036)', async () => {
    const other = await seedCluster(t.client, t.server.defaultProjectId, { name: 'not-the-owner', rows: 1 });
    await expect(t.client.backups.get({ clusterId: other, backupId: clusterBackupId })).rejects.toMatchObject({ code: 96036 });
  });
});
