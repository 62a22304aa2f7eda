import { describe, expect, it } from 'vitest';
import { createClusterWithRows, dayMs, hourMs, insertRows, iso, listBackups, minuteMs, monday, useSchedulerServer } from './server-helpers.js';

const newServer = useSchedulerServer();

describe('an intervalMinutes policy', () => {
  it('takes one AUTO backup per interval of advanced time, and expires them after retentionDays', async () => {
    const test = await newServer();
    const { client, clock } = test;
    const clusterId = await createClusterWithRows(test, 'events', 10);
    await client.policies.set({ clusterId, enabled: true, intervalMinutes: 60, retentionDays: 1 });

    await test.tickAndSettle();
    for (let h = 1; h <= 6; h += 1) {
      // Half-way through an interval nothing is due.
      clock.set(monday + (h - 1) * hourMs + 30 * minuteMs);
      await test.tickAndSettle();
      clock.set(monday + h * hourMs);
      await insertRows(test, clusterId, 'docs', 100 * h, 3);
      await test.tickAndSettle();
      await test.tickAndSettle();
    }
    const hourly = await listBackups(test, { clusterId });
    expect(hourly.map((b) => [b.creationMethod, b.createTime, b.status])).toEqual(
      Array.from({ length: 7 }, (_, h) => ['AUTO', iso(monday + h * hourMs), 'AVAILABLE']),
    );
    expect(hourly.map((b) => b.expireTime)).toEqual(Array.from({ length: 7 }, (_, h) => iso(monday + h * hourMs + dayMs)));

    // A day and a half-hour later: one new backup (the interval has long passed, once is enough),
    // and the first one, a day old, is gone.
    clock.set(monday + dayMs + 30 * minuteMs);
    await test.tickAndSettle();
    const later = await listBackups(test, { clusterId });
    expect(later.map((b) => b.createTime)).toEqual([...Array.from({ length: 6 }, (_, h) => iso(monday + (h + 1) * hourMs)), iso(monday + dayMs + 30 * minuteMs)]);
  });
});
