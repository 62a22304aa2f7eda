import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/internal/clock.js';
import { migrations } from '../../src/store/migrations.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { seedCluster, startTestServer, type TestServer } from '../harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('the data time of backups and copies', () => {
  it('gives a copy its source\'s data time, however much later it was copied', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 14, 2, 0, 0));
    const t: TestServer = await startTestServer({ clock });
    cleanups.push(() => t.stop());
    const clusterId = await seedCluster(t.client, t.server.defaultProjectId, { rows: 20 });
    const { backupId, job } = await t.client.backups.create({ clusterId, backupType: 'CLUSTER' });
    await job.wait({ pollIntervalMs: 20 });

    clock.advance(7 * 24 * 3600 * 1000);
    const copy = await t.client.backups.copy({ clusterId, backupId, regionId: 'local-2' });
    await copy.job.wait({ pollIntervalMs: 20 });

    const [copied] = await t.client.backups.list({ clusterId, regionId: 'local-2' }).toArray();
    expect(copied).toMatchObject({ backupId: copy.backupId, createTime: '2026-11-21T02:00:00Z', dataTime: '2026-11-14T02:00:00Z' });
    expect((await t.client.backups.get({ clusterId, backupId })).dataTime).toBe('2026-11-14T02:00:00Z');
  });

  it('fills the data time in for backups and copies made before it was recorded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeboat-migration-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const path = join(dir, 'metadata.sqlite');
    // A database at schema version 1, with a backup and a copy of it made a week later.
    const db = new Database(path);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    db.exec(migrations[0]!.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (1, ?, 0)').run(migrations[0]!.description);
    const insert = db.prepare(
      `INSERT INTO backups (backup_id, backup_name, cluster_id, cluster_name, project_id, region_id, backup_type, creation_method, status, size, stored_bytes, create_time, source_backup_id)
       VALUES (?, ?, 'in01-0000000000000001', 'orders', 'proj-1', ?, 'CLUSTER', 'MANUAL', 'AVAILABLE', 1, 1, ?, ?)`,
    );
    insert.run('backup0_a', 'b0', 'local-1', 1000, null);
    insert.run('backup1_b', 'b1', 'local-2', 9000, 'backup0_a');
    insert.run('backup2_c', 'b2', 'local-3', 7000, 'backup9_gone');
    db.close();

    const store = await SqliteStore.open(path);
    cleanups.push(() => store.close());
    expect((await store.getBackup('backup0_a'))?.dataTime).toBe(1000);
    expect((await store.getBackup('backup1_b'))?.dataTime).toBe(1000);
    // The source is gone: the copy's own time is all that is known.
    expect((await store.getBackup('backup2_c'))?.dataTime).toBe(7000);
  });
});
