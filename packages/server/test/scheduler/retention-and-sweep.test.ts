import { describe, expect, it } from 'vitest';
import { expireBackups, expiryReason } from '../../src/jobs/retention.js';
import { sweepDeletedBackups } from '../../src/jobs/sweeper.js';
import { addBackup, addCluster, addJob, dayMs, monday, useHarness } from './context-helpers.js';

const newHarness = useHarness();
const now = monday + 30 * dayMs;

describe('expiryReason', () => {
  it.each([
    ['expires an AVAILABLE backup at its expiry', { status: 'AVAILABLE', expireTime: now, createTime: monday }, 'expired'],
    ['keeps an AVAILABLE backup before its expiry', { status: 'AVAILABLE', expireTime: now + 1, createTime: monday }, undefined],
    ['keeps a MANUAL backup (no expiry), however old', { status: 'AVAILABLE', expireTime: null, createTime: 0 }, undefined],
    ['expires a FAILED backup past its expiry', { status: 'FAILED', expireTime: now - 1, createTime: now - 2 }, 'expired'],
    ['deletes a FAILED backup without expiry once 7 days old', { status: 'FAILED', expireTime: null, createTime: now - 7 * dayMs }, 'failed-long-ago'],
    ['keeps a FAILED backup without expiry for 7 days', { status: 'FAILED', expireTime: null, createTime: now - 7 * dayMs + 1 }, undefined],
    ['leaves a CREATING backup to its job, even past its expiry', { status: 'CREATING', expireTime: now - 1, createTime: monday }, undefined],
    ['leaves a DELETING backup to the sweeper', { status: 'DELETING', expireTime: now - 1, createTime: monday }, undefined],
  ] as const)('%s', (_, backup, expected) => {
    expect(expiryReason(backup, now)).toBe(expected);
  });
});

describe('retention and sweeping', () => {
  it('deletes expired AUTO backups, expired copies and long-failed attempts, and nothing else', async () => {
    const h = await newHarness();
    const cluster = await addCluster(h);
    const expiredAuto = await addBackup(h, cluster, { patch: { creationMethod: 'AUTO', expireTime: monday + dayMs } });
    const liveAuto = await addBackup(h, cluster, { patch: { creationMethod: 'AUTO', expireTime: monday + 30 * dayMs } });
    const manual = await addBackup(h, cluster);
    const expiredCopy = await addBackup(h, cluster, { patch: { creationMethod: 'AUTO', regionId: 'local-2', sourceBackupId: liveAuto.backup.backupId, expireTime: monday + dayMs } });
    const oldFailure = await addBackup(h, cluster, { manifest: false, patch: { status: 'FAILED' } });
    h.clock.set(monday + 8 * dayMs);
    const recentFailure = await addBackup(h, cluster, { manifest: false, patch: { status: 'FAILED' } });

    const { expired } = await expireBackups(h.ctx);
    const swept = await sweepDeletedBackups(h.ctx);

    const gone = [expiredAuto, expiredCopy, oldFailure].map((b) => b.backup.backupId);
    expect([...expired].sort()).toEqual([...gone].sort());
    expect([...swept.removed].sort()).toEqual([...gone].sort());
    for (const backupId of gone) expect(await h.ctx.store.getBackup(backupId)).toBeUndefined();
    for (const { backup } of [liveAuto, manual, recentFailure]) expect((await h.ctx.store.getBackup(backup.backupId))?.status).toBe(backup.status);
    expect((await h.region('local-1').listManifests()).sort()).toEqual([liveAuto, manual].map((b) => b.backup.backupId).sort());
    expect(await h.region('local-2').listManifests()).toEqual([]);
  });

  it('keeps a DELETING backup while a verify, export, restore or copy job uses it', async () => {
    const h = await newHarness();
    const cluster = await addCluster(h);
    const read = await addBackup(h, cluster, { patch: { status: 'DELETING' } });
    const copied = await addBackup(h, cluster, { patch: { status: 'DELETING' } });
    const idle = await addBackup(h, cluster, { patch: { status: 'DELETING' } });
    await addJob(h, { type: 'VERIFY', now: h.clock.now(), projectId: cluster.projectId, clusterId: cluster.clusterId, backupId: read.backup.backupId, status: 'PENDING' });
    await addBackup(h, cluster, {
      manifest: false,
      patch: { status: 'CREATING', regionId: 'local-2', sourceBackupId: copied.backup.backupId },
      job: { status: 'CANCELING' },
    });

    const swept = await sweepDeletedBackups(h.ctx);

    expect(swept.removed).toEqual([idle.backup.backupId]);
    expect([...swept.inUse].sort()).toEqual([read, copied].map((b) => b.backup.backupId).sort());
    expect((await h.region('local-1').listManifests()).sort()).toEqual([read, copied].map((b) => b.backup.backupId).sort());
  });

  it('removes the record of a deleted backup in a region that is no longer configured', async () => {
    const h = await newHarness();
    const cluster = await addCluster(h);
    const { backup } = await addBackup(h, cluster, { manifest: false, patch: { status: 'DELETING', regionId: 'gone-1' } });

    expect((await sweepDeletedBackups(h.ctx)).removed).toEqual([backup.backupId]);
    expect(h.logs.some((log) => log.level === 'warn' && log.fields.regionId === 'gone-1')).toBe(true);
  });
});
