import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundError } from '@lifeboat/sdk';
import { describe, expect, it } from 'vitest';
import { backupCluster, createClusterWithData, failureOf, useServers } from './helpers.js';

const start = useServers();

describe('canceling a RESTORE', () => {
  it('removes the half-restored cluster: its record ends DELETED and its data directory is gone', async () => {
    // The runner notices a cancel at its next heartbeat (every leaseMs / 3): a short lease makes
    // that ~200 ms, well inside the second or so this restore takes.
    const t = await start({ runner: { leaseMs: 600 } });
    const { clusterId } = await createClusterWithData(t, {
      clusterName: 'big',
      titleBytes: 400,
      collections: Array.from({ length: 8 }, (_, i) => ({ dbName: 'default', collectionName: `c${i}`, rows: { _default: 5000 }, loaded: false })),
    });
    const backupId = await backupCluster(t.client, clusterId);

    const restore = await t.client.backups.restoreCluster({ clusterId, backupId, projectId: t.projectId, clusterName: 'big-dr', cuSize: 1 });
    const dataDir = join(t.dataDir, 'clusters', restore.clusterId);
    // Cancel once the restore is writing the new cluster's data, so there is something to undo.
    for (;;) {
      const job = await restore.job.get();
      expect(job.status).toBe('IN_PROGRESS');
      if (existsSync(dataDir)) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await restore.job.cancel();
    const { status, reason } = await failureOf(restore.job.wait({ pollIntervalMs: 20 }));

    expect({ status, reason }).toEqual({ status: 'CANCELED', reason: 'canceled by request' });
    expect(existsSync(dataDir)).toBe(false);
    await expect(t.client.clusters.get(restore.clusterId)).rejects.toBeInstanceOf(NotFoundError);
  });
});
