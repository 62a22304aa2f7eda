import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/jobs/garbage-collector.js';
import { sweepDeletedBackups } from '../../src/jobs/sweeper.js';
import { FsBlobStore, type BlobInfo } from '../../src/storage/index.js';
import { addBackup, addCluster, addJob, blobsIn, manifestOf, putBlob, snapshotOf, useHarness } from './context-helpers.js';

const newHarness = useHarness();
const hourMs = 3_600_000;
const old = { ageMs: 2 * hourMs };

describe('garbage collection', () => {
  it('deletes blobs nothing names, keeps every blob an AVAILABLE backup needs, and counts what it freed', async () => {
    const h = await newHarness();
    const cluster = await addCluster(h);
    const shared = await putBlob(h, 'local-1', old);
    const kept = await putBlob(h, 'local-1', old);
    await putBlob(h, 'local-1', { ...old, bytes: 100 });
    await putBlob(h, 'local-1', { ...old, bytes: 28 });
    await addBackup(h, cluster, { segments: [shared, kept] });
    await addBackup(h, cluster, { segments: [shared], patch: { creationMethod: 'AUTO', expireTime: Date.UTC(2026, 1, 1) } });

    const result = await collectGarbage(h.ctx, { graceMs: hourMs });

    expect(result).toMatchObject({ blobsDeleted: 2, bytesFreed: 128, orphanManifestsDeleted: 0, skippedRegions: [] });
    expect(await blobsIn(h, 'local-1')).toEqual(new Set([shared.sha256, kept.sha256]));
    expect(h.logs.find((log) => log.message === 'garbage collection done')?.fields).toMatchObject({ blobsDeleted: 2, bytesFreed: 128 });
  });

  it('keeps blobs modified within the grace period, on the file system clock', async () => {
    const h = await newHarness();
    const recent = await putBlob(h, 'local-1', { ageMs: 10 * 60_000 });
    await putBlob(h, 'local-1', old);

    // The server clock is a manual one in January; blob times are real ones. Only the latter count.
    const result = await collectGarbage(h.ctx, { graceMs: hourMs });

    expect(result.blobsDeleted).toBe(1);
    expect(await blobsIn(h, 'local-1')).toEqual(new Set([recent.sha256]));
  });

  it('keeps the blobs of a DELETING backup a running restore still reads, until the sweeper removes it', async () => {
    const h = await newHarness();
    const cluster = await addCluster(h);
    const segment = await putBlob(h, 'local-1', old);
    const { backup } = await addBackup(h, cluster, { segments: [segment], patch: { status: 'DELETING' } });
    const restore = await addJob(h, { type: 'RESTORE', now: h.clock.now(), projectId: cluster.projectId, clusterId: cluster.clusterId, backupId: backup.backupId });

    expect(await sweepDeletedBackups(h.ctx)).toEqual({ removed: [], inUse: [backup.backupId] });
    expect((await collectGarbage(h.ctx, { graceMs: 0 })).blobsDeleted).toBe(0);
    expect(await blobsIn(h, 'local-1')).toEqual(new Set([segment.sha256]));

    await h.ctx.store.completeJob({ jobId: restore.jobId, owner: null, status: 'SUCCESSFUL', reason: '', endTime: h.clock.now() });
    expect(await sweepDeletedBackups(h.ctx)).toEqual({ removed: [backup.backupId], inUse: [] });
    expect(await h.ctx.store.getBackup(backup.backupId)).toBeUndefined();
    expect(await h.region('local-1').listManifests()).toEqual([]);
    expect((await collectGarbage(h.ctx, { graceMs: 0 })).blobsDeleted).toBe(1);
  });

  it('keeps the segments a running BACKUP job has planned in its snapshot', async () => {
    const h = await newHarness();
    const cluster = await addCluster(h);
    const planned = await putBlob(h, 'local-1', old);
    await putBlob(h, 'local-1', old);
    await addBackup(h, cluster, {
      manifest: false,
      patch: { status: 'CREATING' },
      job: { status: 'IN_PROGRESS', payload: { crossRegionCopies: [], snapshot: snapshotOf([planned]) } },
    });

    expect((await collectGarbage(h.ctx, { graceMs: 0 })).blobsDeleted).toBe(1);
    expect(await blobsIn(h, 'local-1')).toEqual(new Set([planned.sha256]));
  });

  it('deletes nothing in a region while a backup into it has not taken its snapshot, and everything once it has', async () => {
    const h = await newHarness();
    const cluster = await addCluster(h);
    const local1 = await putBlob(h, 'local-1', old);
    await putBlob(h, 'local-2', old);
    const { job } = await addBackup(h, cluster, { manifest: false, patch: { status: 'CREATING' }, job: { status: 'PENDING', payload: {} } });

    const blocked = await collectGarbage(h.ctx, { graceMs: 0 });

    expect(blocked.blobsDeleted).toBe(1);
    expect(blocked.skippedRegions).toEqual([{ regionId: 'local-1', reason: expect.stringContaining('has not taken its snapshot yet') as string }]);
    expect(await blobsIn(h, 'local-1')).toEqual(new Set([local1.sha256]));
    expect(await blobsIn(h, 'local-2')).toEqual(new Set());

    await h.ctx.store.completeJob({ jobId: job.jobId, owner: null, status: 'FAILED', reason: 'test', endTime: h.clock.now() });
    expect((await collectGarbage(h.ctx, { graceMs: 0 })).blobsDeleted).toBe(1);
  });

  it('keeps, in the target region, the segments a COPY job is copying there', async () => {
    const h = await newHarness();
    const cluster = await addCluster(h);
    const first = await putBlob(h, 'local-1', old);
    const second = await putBlob(h, 'local-1', old);
    const { backup: source } = await addBackup(h, cluster, { segments: [first, second] });
    // The copy has moved one blob so far; the other is still to come.
    await h.region('local-2').copyFrom(h.region('local-1'), first.sha256);
    await putBlob(h, 'local-2', old); // left by an earlier, failed copy
    await addBackup(h, cluster, {
      manifest: false,
      patch: { status: 'CREATING', regionId: 'local-2', sourceBackupId: source.backupId },
      job: { status: 'IN_PROGRESS' },
    });

    const result = await collectGarbage(h.ctx, { graceMs: 0 });

    expect(result.blobsDeleted).toBe(1);
    expect(await blobsIn(h, 'local-2')).toEqual(new Set([first.sha256]));
    expect(await blobsIn(h, 'local-1')).toEqual(new Set([first.sha256, second.sha256]));
  });

  it('removes a manifest whose backup record is gone, then the blobs only it named', async () => {
    const h = await newHarness();
    const cluster = await addCluster(h);
    const shared = await putBlob(h, 'local-1', old);
    const onlyOrphan = await putBlob(h, 'local-1', old);
    await addBackup(h, cluster, { segments: [shared] });
    const { backup: gone } = await addBackup(h, cluster, { segments: [shared, onlyOrphan] });
    // A crash after the row was removed but before the manifest was.
    await h.ctx.store.deleteBackup(gone.backupId);

    const result = await collectGarbage(h.ctx, { graceMs: 0 });

    expect(result).toMatchObject({ blobsDeleted: 1, orphanManifestsDeleted: 1 });
    expect(await h.region('local-1').listManifests()).not.toContain(gone.backupId);
    expect(await blobsIn(h, 'local-1')).toEqual(new Set([shared.sha256]));
  });

  it('leaves alone a region holding manifests of clusters this server does not know', async () => {
    const h = await newHarness();
    const cluster = await addCluster(h);
    const blob = await putBlob(h, 'local-1', old);
    const { backup } = await addBackup(h, cluster, { manifest: false });
    await h.ctx.store.deleteBackup(backup.backupId);
    await h.region('local-1').putManifest(backup.backupId, manifestOf({ ...backup, clusterId: 'in01-ffffffffffffffff' }, []));

    const result = await collectGarbage(h.ctx, { graceMs: 0 });

    expect(result).toMatchObject({ blobsDeleted: 0, orphanManifestsDeleted: 0 });
    expect(result.skippedRegions[0]?.reason).toMatch(/clusters this server does not know/);
    expect(await blobsIn(h, 'local-1')).toEqual(new Set([blob.sha256]));
    expect(await h.region('local-1').listManifests()).toEqual([backup.backupId]);
  });

  it('leaves alone a region with a manifest it cannot read', async () => {
    const h = await newHarness();
    const cluster = await addCluster(h);
    const blob = await putBlob(h, 'local-1', old);
    const { backup } = await addBackup(h, cluster, { manifest: false });
    await h.region('local-1').putManifest(backup.backupId, { version: 99 });

    const result = await collectGarbage(h.ctx, { graceMs: 0 });

    expect(result.skippedRegions[0]?.reason).toMatch(/cannot be read/);
    expect(await blobsIn(h, 'local-1')).toEqual(new Set([blob.sha256]));
  });

  it('keeps a blob that a backup reuses after the collection listed it', async () => {
    // A store whose listing is followed, before the collector decides, by a backup finding one of
    // the listed blobs present and reusing it (which refreshes its modification time).
    const midway: { reuse?: () => Promise<void> } = {};
    class ReusedMidway extends FsBlobStore {
      override async *list(): AsyncGenerator<BlobInfo, void, undefined> {
        yield* super.list();
        await midway.reuse?.();
      }
    }
    const h = await newHarness({ regions: ['local-1'], regionClass: ReusedMidway });
    const reused = await putBlob(h, 'local-1', old);
    await putBlob(h, 'local-1', old);
    midway.reuse = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await h.region('local-1').copyFrom(h.region('local-1'), reused.sha256);
    };

    const result = await collectGarbage(h.ctx, { graceMs: 0 });

    expect(result.blobsDeleted).toBe(1);
    expect(await blobsIn(h, 'local-1')).toEqual(new Set([reused.sha256]));
  });

  it('runs one collection at a time', async () => {
    const h = await newHarness();
    for (let i = 0; i < 20; i += 1) await putBlob(h, 'local-1', old);

    const [a, b] = await Promise.all([collectGarbage(h.ctx, { graceMs: 0 }), collectGarbage(h.ctx, { graceMs: 0 })]);

    expect(a.blobsDeleted + b.blobsDeleted).toBe(20);
    expect(b.blobsDeleted).toBe(0);
  });
});
