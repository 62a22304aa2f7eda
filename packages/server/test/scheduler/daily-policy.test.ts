import { describe, expect, it } from 'vitest';
import { segmentsOf, type BackupManifest } from '../../src/jobs/manifest.js';
import {
  blobsOfBackups,
  createClusterWithRows,
  dayMs,
  hourMs,
  insertRows,
  iso,
  listBackups,
  minuteMs,
  monday,
  storedBlobs,
  useSchedulerServer,
} from './server-helpers.js';

const newServer = useSchedulerServer();

describe('a daily backup policy over two weeks', () => {
  it('keeps the last 7 days of AUTO backups, leaves MANUAL ones alone, and frees only blobs of swept backups', async () => {
    const test = await newServer();
    const { client, clock } = test;
    const clusterId = await createClusterWithRows(test, 'orders', 20);
    const manual = await client.backups.create({ clusterId, backupType: 'CLUSTER' });
    await test.server.idle();

    // Enabling takes the first backup at once, outside the window.
    await client.policies.set({ clusterId, enabled: true, frequency: '1,2,3,4,5,6,7', startTime: '02:00-03:00', retentionDays: 7 });
    await test.tickAndSettle();
    const first = (await listBackups(test, { clusterId })).filter((b) => b.creationMethod === 'AUTO');
    expect(first.map((b) => [b.createTime, b.expireTime, b.status])).toEqual([[iso(monday), iso(monday + 7 * dayMs), 'AVAILABLE']]);

    // A second pass at the same instant starts nothing more.
    await test.tickAndSettle();
    expect((await listBackups(test, { clusterId })).filter((b) => b.creationMethod === 'AUTO')).toHaveLength(1);

    const data = client.dataPlane(clusterId);
    let scratchBlobs: string[] = [];
    for (let d = 0; d < 14; d += 1) {
      clock.set(monday + d * dayMs + 2 * hourMs + 30 * minuteMs);
      if (d % 2 === 0) await insertRows(test, clusterId, 'docs', 1000 + d * 10, 5);
      // A collection that lives only on days 1–2: its segments are in backups that expire.
      if (d === 1) {
        await data.collections.create({ collectionName: 'scratch', schema: { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }] } });
        await data.entities.insert({ collectionName: 'scratch', data: [{ id: 1 }, { id: 2 }, { id: 3 }] });
      }
      if (d === 3) await data.collections.drop({ collectionName: 'scratch' });
      await test.tickAndSettle();

      if (d === 1) {
        const newest = (await listBackups(test, { clusterId })).at(-1);
        const manifest = (await test.region('local-1').getManifest(newest?.backupId ?? '')) as BackupManifest;
        const scratch = manifest.databases.flatMap((db) => db.collections).find((c) => c.collectionName === 'scratch');
        scratchBlobs = segmentsOf({ databases: [{ dbName: 'default', collections: scratch ? [scratch] : [] }] }).map((s) => s.sha256);
      }
    }
    expect(scratchBlobs.length).toBeGreaterThan(0);

    // Created on day 0 at 00:00 and 02:30, then daily at 02:30: the first one and those of days
    // 0–6 expired (7 days after creation), days 7–13 remain.
    const backups = await listBackups(test, { clusterId });
    const autos = backups.filter((b) => b.creationMethod === 'AUTO');
    const expected = Array.from({ length: 7 }, (_, i) => monday + (7 + i) * dayMs + 2 * hourMs + 30 * minuteMs);
    expect(autos.map((b) => b.createTime)).toEqual(expected.map(iso));
    expect(autos.map((b) => b.expireTime)).toEqual(expected.map((t) => iso(t + 7 * dayMs)));
    expect(autos.every((b) => b.status === 'AVAILABLE')).toBe(true);
    const manualNow = backups.filter((b) => b.creationMethod === 'MANUAL');
    expect(manualNow.map((b) => [b.backupId, b.status, b.expireTime])).toEqual([[manual.backupId, 'AVAILABLE', null]]);

    // Swept backups leave no manifest behind.
    const remaining = backups.map((b) => b.backupId);
    const region = test.region('local-1');
    expect((await region.listManifests()).sort()).toEqual([...remaining].sort());

    // A pass outside the window with nothing in flight: every blob left is one a backup needs.
    clock.set(monday + 13 * dayMs + 12 * hourMs);
    await test.tickAndSettle();
    expect(await listBackups(test, { clusterId })).toHaveLength(remaining.length);
    const needed = await blobsOfBackups(region, remaining);
    expect([...(await storedBlobs(region))].sort()).toEqual([...needed].sort());
    for (const hash of scratchBlobs) expect(needed.has(hash)).toBe(false);

    for (const backupId of remaining) {
      const { job } = await client.backups.verify({ clusterId, backupId });
      expect((await job.wait({ timeoutMs: 10_000 })).status).toBe('SUCCESSFUL');
    }
  });
});
