import { describe, expect, it } from 'vitest';
import { blobsOfBackups, createClusterWithRows, dayMs, hourMs, insertRows, iso, listBackups, minuteMs, monday, storedBlobs, useSchedulerServer } from './server-helpers.js';

const newServer = useSchedulerServer();

describe('a copy policy with its own retention', () => {
  it('copies every AUTO backup to local-2 and expires the copies after 3 days, the sources after 7', async () => {
    const test = await newServer();
    const { client, clock } = test;
    const clusterId = await createClusterWithRows(test, 'billing', 10);
    await client.copyPolicies.put({ clusterId, regionId: 'local-2', retentionDays: 3, appliesTo: 'AUTO' });
    await client.policies.set({ clusterId, enabled: true, frequency: '1,2,3,4,5,6,7', startTime: '02:00-03:00', retentionDays: 7 });
    // Enabling takes the first AUTO backup at once; a MANUAL one may start when it is done.
    await test.tickAndSettle();
    // Not covered by an AUTO-only copy policy: no copy of it is made.
    await client.backups.create({ clusterId, backupType: 'CLUSTER' });
    await test.server.idle();

    await test.tickAndSettle();
    const runs = [monday];
    for (let d = 0; d < 6; d += 1) {
      clock.set(monday + d * dayMs + 2 * hourMs + 30 * minuteMs);
      runs.push(clock.now());
      await insertRows(test, clusterId, 'docs', 100 + d * 10, 4);
      await test.tickAndSettle();
    }

    const sources = (await listBackups(test, { clusterId, regionId: 'local-1' })).filter((b) => b.creationMethod === 'AUTO');
    expect(sources.map((b) => b.createTime)).toEqual(runs.map(iso));

    // Copies made at 00:00 on day 0 and at 02:30 on days 0–5; those older than 3 days are gone.
    const copies = await listBackups(test, { clusterId, regionId: 'local-2' });
    const kept = runs.filter((t) => t + 3 * dayMs > clock.now());
    expect(copies.map((b) => [b.creationMethod, b.createTime, b.expireTime, b.status])).toEqual(kept.map((t) => ['AUTO', iso(t), iso(t + 3 * dayMs), 'AVAILABLE']));
    for (const copy of copies) {
      const detail = await client.backups.get({ clusterId, backupId: copy.backupId });
      expect(sources.map((b) => b.backupId)).toContain(detail.sourceBackupId);
    }

    // Nothing in flight now: local-2 holds exactly the blobs its remaining copies need.
    clock.set(monday + 5 * dayMs + 12 * hourMs);
    await test.tickAndSettle();
    const local2 = test.region('local-2');
    expect((await local2.listManifests()).sort()).toEqual(copies.map((b) => b.backupId).sort());
    expect([...(await storedBlobs(local2))].sort()).toEqual([...(await blobsOfBackups(local2, copies.map((b) => b.backupId)))].sort());
    for (const copy of copies) {
      const { job } = await client.backups.verify({ clusterId, backupId: copy.backupId });
      expect((await job.wait({ timeoutMs: 10_000 })).status).toBe('SUCCESSFUL');
    }
  });
});
