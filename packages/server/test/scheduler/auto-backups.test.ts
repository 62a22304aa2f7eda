import { describe, expect, it } from 'vitest';
import type { PolicyRecord } from '../../src/domain/model.js';
import { startDueAutoBackups } from '../../src/jobs/auto-backups.js';
import { normalizeSchedulerOptions, Scheduler } from '../../src/jobs/scheduler.js';
import { addBackup, addCluster, dayMs, monday, useHarness, type Harness } from './context-helpers.js';

const newHarness = useHarness();

function dailyPolicy(clusterId: string, patch: Partial<PolicyRecord> = {}): PolicyRecord {
  return { clusterId, enabled: true, frequency: '1,2,3,4,5,6,7', startTime: '02:00-03:00', retentionDays: 7, intervalMinutes: null, lastRunAt: null, updateTime: monday, ...patch };
}

async function autoBackupsOf(h: Harness, clusterId: string) {
  return (await h.ctx.store.listBackups({ clusterId, creationMethod: 'AUTO' }, { offset: 0, limit: 100 })).items;
}

describe('AUTO backups from policies', () => {
  it('queues a CLUSTER backup expiring after retentionDays and records the run', async () => {
    const h = await newHarness();
    const cluster = await addCluster(h);
    await h.ctx.store.putPolicy(dailyPolicy(cluster.clusterId, { retentionDays: 5 }));

    const result = await startDueAutoBackups(h.ctx);

    const [backup, ...others] = await autoBackupsOf(h, cluster.clusterId);
    expect(others).toEqual([]);
    expect(result).toEqual({ started: [backup?.backupId], deferred: 0, failed: 0 });
    expect(backup).toMatchObject({ status: 'CREATING', backupType: 'CLUSTER', scope: null, expireTime: monday + 5 * dayMs });
    expect((await h.ctx.store.getPolicy(cluster.clusterId))?.lastRunAt).toBe(monday);
  });

  it('skips quietly while the previous AUTO backup still runs, and starts one on a later pass', async () => {
    const h = await newHarness();
    const cluster = await addCluster(h);
    await h.ctx.store.putPolicy(dailyPolicy(cluster.clusterId));
    const running = await addBackup(h, cluster, { manifest: false, patch: { creationMethod: 'AUTO', status: 'CREATING' }, job: { status: 'IN_PROGRESS' } });

    expect(await startDueAutoBackups(h.ctx)).toEqual({ started: [], deferred: 1, failed: 0 });
    expect((await h.ctx.store.getPolicy(cluster.clusterId))?.lastRunAt).toBeNull();
    expect(h.logs.filter((log) => log.level !== 'info')).toEqual([]);

    await h.ctx.store.updateBackup(running.backup.backupId, { status: 'AVAILABLE' });
    h.clock.advance(60_000);
    expect((await startDueAutoBackups(h.ctx)).started).toHaveLength(1);
    expect((await h.ctx.store.getPolicy(cluster.clusterId))?.lastRunAt).toBe(monday + 60_000);
  });

  it('does not back up a cluster that is not RUNNING', async () => {
    const h = await newHarness();
    const restoring = await addCluster(h, { status: 'RESTORING' });
    await h.ctx.store.putPolicy(dailyPolicy(restoring.clusterId));

    expect(await startDueAutoBackups(h.ctx)).toEqual({ started: [], deferred: 0, failed: 0 });
    expect(await autoBackupsOf(h, restoring.clusterId)).toEqual([]);
  });

  it('logs a policy it cannot read and still serves the others', async () => {
    const h = await newHarness();
    const broken = await addCluster(h);
    const fine = await addCluster(h);
    await h.ctx.store.putPolicy(dailyPolicy(broken.clusterId, { frequency: 'someday' }));
    await h.ctx.store.putPolicy(dailyPolicy(fine.clusterId));

    const result = await startDueAutoBackups(h.ctx);

    expect(result.failed).toBe(1);
    expect(result.started).toHaveLength(1);
    expect(await autoBackupsOf(h, fine.clusterId)).toHaveLength(1);
    expect(h.logs.find((log) => log.level === 'error')?.fields).toMatchObject({ clusterId: broken.clusterId });
  });

  it('records a run without undoing an edit made to the policy meanwhile', async () => {
    const h = await newHarness();
    const cluster = await addCluster(h);
    await h.ctx.store.putPolicy(dailyPolicy(cluster.clusterId, { enabled: false, retentionDays: 3 }));

    await h.ctx.store.recordPolicyRun(cluster.clusterId, monday + 5);

    expect(await h.ctx.store.getPolicy(cluster.clusterId)).toEqual(dailyPolicy(cluster.clusterId, { enabled: false, retentionDays: 3, lastRunAt: monday + 5 }));
  });
});

describe('Scheduler', () => {
  it('runs the later steps when an earlier one fails', async () => {
    const h = await newHarness();
    const cluster = await addCluster(h);
    const expired = await addBackup(h, cluster, { patch: { creationMethod: 'AUTO', expireTime: monday } });
    const failing = new Proxy(h.ctx.store, {
      get(target, property, receiver) {
        if (property === 'listEnabledPolicies') return () => Promise.reject(new Error('policies table is locked'));
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });

    await new Scheduler({ ...h.ctx, store: failing }, { gcGraceMs: 0 }).tick();

    expect(await h.ctx.store.getBackup(expired.backup.backupId)).toBeUndefined();
    expect(h.logs.find((log) => log.level === 'error')?.fields).toMatchObject({ step: 'auto backups', err: 'Error: policies table is locked' });
  });

  it('normalises its options once, with a one-hour grace period by default', () => {
    expect(normalizeSchedulerOptions()).toEqual({ intervalMs: 30_000, gcGraceMs: 3_600_000 });
    expect(normalizeSchedulerOptions({ intervalMs: 1000, gcGraceMs: 0 })).toEqual({ intervalMs: 1000, gcGraceMs: 0 });
    expect(() => normalizeSchedulerOptions({ gcGraceMs: -1 })).toThrow(/gcGraceMs must be 0 or more/);
    expect(() => normalizeSchedulerOptions({ intervalMs: 0 })).toThrow(/intervalMs must be a positive/);
  });
});
