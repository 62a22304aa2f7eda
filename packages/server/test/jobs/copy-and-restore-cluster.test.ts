import { describe, expect, it } from 'vitest';
import { backupCluster, createClusterWithData, describeAll, useServers } from './helpers.js';

const start = useServers();

describe('COPY and cluster RESTORE', () => {
  it('restores a copy in another region with identical data after the source cluster is dropped', async () => {
    const t = await start();
    const { client, projectId } = t;
    const { clusterId, data } = await createClusterWithData(t, { clusterName: 'orders' });
    const before = await describeAll(data);
    const backupId = await backupCluster(client, clusterId);

    const copy = await client.backups.copy({ clusterId, backupId, regionId: 'local-2' });
    await copy.job.wait({ pollIntervalMs: 20 });
    await client.clusters.drop(clusterId);
    const restore = await client.backups.restoreCluster({ clusterId, backupId: copy.backupId, projectId, clusterName: 'orders-dr', cuSize: 1 });
    await restore.job.wait({ pollIntervalMs: 20 });

    const source = await client.backups.get({ clusterId, backupId });
    const copied = await client.backups.get({ clusterId, backupId: copy.backupId });
    expect(copied).toMatchObject({ status: 'AVAILABLE', regionId: 'local-2', sourceBackupId: backupId, size: source.size, dbCollections: source.dbCollections });
    expect(copied.storedBytes).toBeGreaterThan(0);
    expect(source.copies).toEqual([{ regionId: 'local-2', backupId: copy.backupId, status: 'AVAILABLE' }]);

    const restored = await client.clusters.get(restore.clusterId);
    expect(restored).toMatchObject({ status: 'RUNNING', regionId: 'local-2', clusterName: 'orders-dr' });
    const restoredData = client.dataPlane(restore.clusterId);
    expect(await describeAll(restoredData)).toEqual(before);
    const rows = await restoredData.entities.query({ collectionName: 'articles', filter: 'id in [1, 2]', outputFields: ['id', 'title'] });
    expect(rows.map((row) => row.id).sort()).toEqual([1, 2]);
  });

  it('restores every collection unloaded with collectionStatus RELEASE, rows unchanged', async () => {
    const t = await start();
    const { clusterId, data } = await createClusterWithData(t, { clusterName: 'orders' });
    const before = await describeAll(data);
    const backupId = await backupCluster(t.client, clusterId);

    const restore = await t.client.backups.restoreCluster({ clusterId, backupId, projectId: t.projectId, clusterName: 'orders-cold', cuSize: 1, collectionStatus: 'RELEASE' });
    await restore.job.wait({ pollIntervalMs: 20 });

    const after = await describeAll(t.client.dataPlane(restore.clusterId));
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [name, facts] of Object.entries(before)) {
      expect(after[name]).toEqual({ ...facts, loadStatus: 'UNLOADED' });
    }
  });

  it('copies an unchanged second backup without transferring a byte', async () => {
    const t = await start();
    const { client } = t;
    const { clusterId } = await createClusterWithData(t, { clusterName: 'orders' });
    const first = await backupCluster(client, clusterId);
    const firstCopy = await client.backups.copy({ clusterId, backupId: first, regionId: 'local-2' });
    await firstCopy.job.wait({ pollIntervalMs: 20 });

    const second = await backupCluster(client, clusterId);
    const secondCopy = await client.backups.copy({ clusterId, backupId: second, regionId: 'local-2' });
    await secondCopy.job.wait({ pollIntervalMs: 20 });

    const firstCopied = await client.backups.get({ clusterId, backupId: firstCopy.backupId });
    const secondCopied = await client.backups.get({ clusterId, backupId: secondCopy.backupId });
    expect(firstCopied.storedBytes).toBeGreaterThan(0);
    expect(secondCopied).toMatchObject({ status: 'AVAILABLE', storedBytes: 0, size: firstCopied.size, sourceBackupId: second });
    // Nothing was moved, yet the copy is whole: every blob it names is there and intact.
    const verify = await client.backups.verify({ clusterId, backupId: secondCopy.backupId });
    await expect(verify.job.wait({ pollIntervalMs: 20 })).resolves.toMatchObject({ status: 'SUCCESSFUL' });
  });
});
