import { describe, expect, it } from 'vitest';
import { Job, type RestoreCollectionRequest } from '../../src/index.js';
import { backup, backupSummary } from './fixtures.js';
import { backupId, clusterId, expectServer, interceptHttp, makeClient, ok, projectId } from './helpers.js';

interceptHttp();
const client = makeClient();
const backupPath = `/v2/clusters/${clusterId}/backups/${backupId}`;

describe('backups: create, list, inspect, delete', () => {
  it('backups.create POSTs the backup type, name and copies, and hands back a job', async () => {
    const body = { backupType: 'CLUSTER', backupName: 'before-upgrade', crossRegionCopies: [{ regionId: 'local-2' }] };
    const started = { backupId, backupName: 'before-upgrade', jobId: 'job-5e6f7a8b9c0d1e2f' };
    const scope = expectServer.post().post(`/v2/clusters/${clusterId}/backups/create`, body).reply(200, ok(started));

    const result = await client.backups.create({
      clusterId,
      backupType: 'CLUSTER',
      backupName: 'before-upgrade',
      crossRegionCopies: [{ regionId: 'local-2' }],
    });

    expect(result).toMatchObject(started);
    expect(result.job).toBeInstanceOf(Job);
    expect(result.job.id).toBe(started.jobId);
    expect(scope.isDone()).toBe(true);
  });

  it('backups.list sends GET /v2/backups with every filter in the query', async () => {
    const filters = {
      projectId,
      clusterId,
      creationMethod: 'AUTO',
      backupType: 'COLLECTION',
      startTime: '2024-08-01T00:00:00Z',
      endTime: '2024-08-31T23:59:59Z',
      regionId: 'local-2',
      status: 'AVAILABLE',
    } as const;
    const listed = backupSummary(1, { creationMethod: 'AUTO', backupType: 'COLLECTION', regionId: 'local-2' });
    const scope = expectServer
      .bodiless()
      .get('/v2/backups')
      .query({ ...filters, pageSize: '10', currentPage: '1' })
      .reply(200, ok({ count: 1, currentPage: 1, pageSize: 10, backups: [listed] }));

    await expect(client.backups.list({ ...filters, pageSize: 10 }).toArray()).resolves.toEqual([listed]);
    expect(scope.isDone()).toBe(true);
  });

  it('backups.get sends GET /v2/clusters/{clusterId}/backups/{backupId} and returns the backup in full', async () => {
    const scope = expectServer.bodiless().get(backupPath).reply(200, ok(backup));

    await expect(client.backups.get({ clusterId, backupId })).resolves.toEqual(backup);
    expect(scope.isDone()).toBe(true);
  });

  it('backups.delete sends DELETE /v2/clusters/{clusterId}/backups/{backupId}', async () => {
    const deleted = { backupId, backupName: 'Dedicated-01_backup0' };
    const scope = expectServer.bodiless().delete(backupPath).reply(200, ok(deleted));

    await expect(client.backups.delete({ clusterId, backupId })).resolves.toEqual(deleted);
    expect(scope.isDone()).toBe(true);
  });

  it('backups.rename POSTs only the new name to …/rename', async () => {
    const renamed = { backupId, backupName: 'before-upgrade' };
    const scope = expectServer.post().post(`${backupPath}/rename`, { backupName: 'before-upgrade' }).reply(200, ok(renamed));

    await expect(client.backups.rename({ clusterId, backupId, backupName: 'before-upgrade' })).resolves.toEqual(renamed);
    expect(scope.isDone()).toBe(true);
  });

  it('backups.findLatest asks for AVAILABLE backups of the cluster and region and returns the newest', async () => {
    const older = backupSummary(1, { regionId: 'local-2' });
    const newest = backupSummary(3, { regionId: 'local-2' });
    const middle = backupSummary(2, { regionId: 'local-2' });
    const scope = expectServer
      .bodiless()
      .get('/v2/backups')
      .query({ clusterId, regionId: 'local-2', status: 'AVAILABLE', pageSize: '100', currentPage: '1' })
      .reply(200, ok({ count: 3, currentPage: 1, pageSize: 100, backups: [older, newest, middle] }));

    await expect(client.backups.findLatest({ clusterId, regionId: 'local-2' })).resolves.toEqual(newest);
    expect(scope.isDone()).toBe(true);
  });

  it('backups.findLatest picks the newest data, not the newest record: a late copy of an old backup loses', async () => {
    const lateCopyOfOld = backupSummary(5, { regionId: 'local-2', createTime: '2026-11-21T10:00:00Z', dataTime: '2026-11-14T02:00:00Z' });
    const copyOfRecent = backupSummary(4, { regionId: 'local-2', createTime: '2026-11-21T03:00:00Z', dataTime: '2026-11-21T02:00:00Z' });
    expectServer
      .bodiless()
      .get('/v2/backups')
      .query(true)
      .reply(200, ok({ count: 2, currentPage: 1, pageSize: 100, backups: [lateCopyOfOld, copyOfRecent] }));

    await expect(client.backups.findLatest({ clusterId, regionId: 'local-2' })).resolves.toEqual(copyOfRecent);
  });
});

describe('backups: long-running work', () => {
  it('backups.restoreCluster POSTs the new cluster settings to …/restoreCluster and hands back a job', async () => {
    const body = { projectId, clusterName: 'restored-01', cuSize: 1, collectionStatus: 'KEEP' } as const;
    const started = { clusterId: 'in01-fedcba9876543210', username: 'db_admin', password: 'Pw-7e1d2c3b', jobId: 'job-7a8b9c0d1e2f3a4b' };
    const scope = expectServer.post().post(`${backupPath}/restoreCluster`, body).reply(200, ok(started));

    const result = await client.backups.restoreCluster({ clusterId, backupId, ...body });

    expect(result).toMatchObject(started);
    expect(result.job.id).toBe(started.jobId);
    expect(scope.isDone()).toBe(true);
  });

  it('backups.restoreCollection POSTs the collections, renames and conflict mode to …/restoreCollection', async () => {
    const body: RestoreCollectionRequest = {
      destClusterId: 'in01-fedcba9876543210',
      dbCollections: [
        {
          dbName: 'default',
          destDbName: 'restored',
          collections: [
            { collectionName: 'medium_articles', destCollectionName: 'medium_articles_0826', destCollectionStatus: 'LOADED', partitionNames: ['_default'] },
          ],
        },
      ],
      onConflict: 'FAIL',
    };
    const scope = expectServer.post().post(`${backupPath}/restoreCollection`, body).reply(200, ok({ jobId: 'job-1b2c3d4e5f6a7b8c' }));

    const result = await client.backups.restoreCollection({ clusterId, backupId, ...body });

    expect(result.jobId).toBe('job-1b2c3d4e5f6a7b8c');
    expect(result.job.id).toBe('job-1b2c3d4e5f6a7b8c');
    expect(scope.isDone()).toBe(true);
  });

  it('backups.copy POSTs the target region and retention to …/copy and returns the copy and its job', async () => {
    const started = { backupId: 'backup1_9f0e1d2c3b4a5968', jobId: 'job-2c3d4e5f6a7b8c9d' };
    const scope = expectServer.post().post(`${backupPath}/copy`, { regionId: 'local-2', retentionDays: 14 }).reply(200, ok(started));

    const result = await client.backups.copy({ clusterId, backupId, regionId: 'local-2', retentionDays: 14 });

    expect(result).toMatchObject(started);
    expect(result.job.id).toBe(started.jobId);
    expect(scope.isDone()).toBe(true);
  });

  it('backups.export POSTs the integration and directory to …/export', async () => {
    const body = { integrationId: 'nightly_exports', directory: 'dedicated-01/2024-08-26' };
    const scope = expectServer.post().post(`${backupPath}/export`, body).reply(200, ok({ jobId: 'job-3d4e5f6a7b8c9d0e' }));

    const result = await client.backups.export({ clusterId, backupId, ...body });

    expect(result.job.id).toBe('job-3d4e5f6a7b8c9d0e');
    expect(scope.isDone()).toBe(true);
  });

  it('backups.verify POSTs an empty object to …/verify', async () => {
    const scope = expectServer.post().post(`${backupPath}/verify`, {}).reply(200, ok({ jobId: 'job-4e5f6a7b8c9d0e1f' }));

    const result = await client.backups.verify({ clusterId, backupId });

    expect(result.job.id).toBe('job-4e5f6a7b8c9d0e1f');
    expect(scope.isDone()).toBe(true);
  });
});
