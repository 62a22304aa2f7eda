import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupCluster, createClusterWithData, failureOf, useServers, useTempDirs } from './helpers.js';

const start = useServers();
const tempDir = useTempDirs();

/** Hashes listed in a manifest's segments, once each. */
function hashesOf(manifest: { databases: { collections: { partitions: { segments: { sha256: string }[] }[] }[] }[] }): string[] {
  const hashes = manifest.databases.flatMap((db) => db.collections.flatMap((c) => c.partitions.flatMap((p) => p.segments.map((s) => s.sha256))));
  return [...new Set(hashes)].sort();
}

describe('EXPORT', () => {
  it('writes the manifest and every segment, verified, into the integration directory', async () => {
    const exports = await tempDir();
    const t = await start({ integrations: { exports } });
    const { clusterId } = await createClusterWithData(t, { clusterName: 'orders' });
    const backupId = await backupCluster(t.client, clusterId);

    const { job } = await t.client.backups.export({ clusterId, backupId, integrationId: 'exports', directory: 'nightly/2026-01' });
    await job.wait({ pollIntervalMs: 20 });

    const exportDir = join(exports, 'nightly', '2026-01', backupId);
    const manifest = JSON.parse(await readFile(join(exportDir, 'manifest.json'), 'utf8')) as Parameters<typeof hashesOf>[0] & { backupId: string };
    expect(manifest.backupId).toBe(backupId);
    const hashes = hashesOf(manifest);
    expect(hashes.length).toBeGreaterThan(1);
    expect((await readdir(join(exportDir, 'segments'))).sort()).toEqual(hashes);
    for (const hash of hashes) {
      expect(createHash('sha256').update(await readFile(join(exportDir, 'segments', hash))).digest('hex')).toBe(hash);
    }
  });

  it('refuses a directory that leads outside the integration, by ".." or through a symbolic link', async () => {
    const exports = await tempDir();
    const outside = await tempDir();
    await mkdir(join(exports, 'inside'));
    await symlink(outside, join(exports, 'inside', 'elsewhere'));
    const t = await start({ integrations: { exports: join(exports, 'inside') } });
    const { clusterId } = await createClusterWithData(t, { clusterName: 'orders', collections: [] });
    const backupId = await backupCluster(t.client, clusterId);

    // ".." never reaches a job: the request is refused (the SDK refuses it before sending, too).
    const response = await fetch(`${t.server.url}/v2/clusters/${clusterId}/backups/${backupId}/export`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.server.ownerApiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ integrationId: 'exports', directory: 'a/../../escape' }),
    });
    expect(response.status).toBe(400);
    const { job } = await t.client.backups.export({ clusterId, backupId, integrationId: 'exports', directory: 'elsewhere/nightly' });
    const { status, reason } = await failureOf(job.wait({ pollIntervalMs: 20 }));

    expect(status).toBe('FAILED');
    expect(reason).toContain('exports:elsewhere/nightly/');
    expect(reason).toContain('leads outside integration exports through a symbolic link');
    expect(await readdir(outside)).toEqual([]);
  });

  it('leaves an earlier export in place rather than overwrite it', async () => {
    const exports = await tempDir();
    const t = await start({ integrations: { exports } });
    const { clusterId } = await createClusterWithData(t, { clusterName: 'orders' });
    const backupId = await backupCluster(t.client, clusterId);
    const first = await t.client.backups.export({ clusterId, backupId, integrationId: 'exports', directory: 'weekly' });
    await first.job.wait({ pollIntervalMs: 20 });

    const second = await t.client.backups.export({ clusterId, backupId, integrationId: 'exports', directory: 'weekly' });
    const { reason } = await failureOf(second.job.wait({ pollIntervalMs: 20 }));

    expect(reason).toContain(`exports:weekly/${backupId} already exists`);
    expect((await stat(join(exports, 'weekly', backupId, 'manifest.json'))).isFile()).toBe(true);
  });
});
