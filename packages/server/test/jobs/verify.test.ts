import { open, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupCluster, blobFiles, createClusterWithData, failureOf, useServers } from './helpers.js';

const start = useServers();

describe('VERIFY', () => {
  it('succeeds on an intact backup and leaves it AVAILABLE', async () => {
    const t = await start();
    const { clusterId } = await createClusterWithData(t, { clusterName: 'orders' });
    const backupId = await backupCluster(t.client, clusterId);

    const { job } = await t.client.backups.verify({ clusterId, backupId });

    await expect(job.wait({ pollIntervalMs: 20 })).resolves.toMatchObject({ status: 'SUCCESSFUL', progress: '100' });
    expect((await t.client.backups.get({ clusterId, backupId })).status).toBe('AVAILABLE');
  });

  it('fails naming the corrupt and missing blobs and the copy to restore from', async () => {
    const t = await start();
    const { clusterId } = await createClusterWithData(t, { clusterName: 'orders' });
    const backupId = await backupCluster(t.client, clusterId);
    const copy = await t.client.backups.copy({ clusterId, backupId, regionId: 'local-2' });
    await copy.job.wait({ pollIntervalMs: 20 });
    const [corrupted, deleted, ...others] = await blobFiles(t.dataDir, 'local-1');
    expect(corrupted).toBeDefined();
    expect(deleted).toBeDefined();
    expect(others.length).toBeGreaterThan(0);
    // Same size, one byte changed: only re-hashing finds it.
    const handle = await open(corrupted as string, 'r+');
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, 10);
    await handle.write(Buffer.from([byte[0] === 0x41 ? 0x42 : 0x41]), 0, 1, 10);
    await handle.close();
    await rm(deleted as string);

    const { job } = await t.client.backups.verify({ clusterId, backupId });
    const { status, reason } = await failureOf(job.wait({ pollIntervalMs: 20 }));

    expect(status).toBe('FAILED');
    expect(reason).toContain(`2 of ${2 + others.length} blobs`);
    expect(reason).toContain('1 missing, 1 corrupt');
    expect(reason).toContain(basename(corrupted as string));
    expect(reason).toContain(basename(deleted as string));
    expect(reason).toContain(`restore from a copy of it in another region (${copy.backupId} in local-2)`);
    // Verifying reports damage; it does not change the backup.
    expect((await t.client.backups.get({ clusterId, backupId })).status).toBe('AVAILABLE');
    // The copy in local-2 has its own blobs and verifies.
    const again = await t.client.backups.verify({ clusterId, backupId: copy.backupId });
    await expect(again.job.wait({ pollIntervalMs: 20 })).resolves.toMatchObject({ status: 'SUCCESSFUL' });
  });

  it('fails clearly when the manifest is gone', async () => {
    const t = await start();
    const { clusterId } = await createClusterWithData(t, { clusterName: 'orders' });
    const backupId = await backupCluster(t.client, clusterId);
    await rm(`${t.dataDir}/regions/local-1/manifests/${backupId}.json`);

    const { job } = await t.client.backups.verify({ clusterId, backupId });
    const { status, reason } = await failureOf(job.wait({ pollIntervalMs: 20 }));

    expect(status).toBe('FAILED');
    expect(reason).toMatch(new RegExp(`manifest of backup ${backupId} is missing.*restore from a copy in another region`));
  });
});
