import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { isLifeboatError, type Backup } from '@lifeboat/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDrill, type DrillEvent } from '../../src/drill/drill.js';
import { checkCollections } from '../../src/drill/verify.js';
import { runCli } from '../support/cli.js';
import { seedCluster, startTestServer, type TestServer } from '../support/server.js';

let test: TestServer;
let projectId: string;
let clusterId: string;
let backup: Backup;
const run = (args: readonly string[]) => runCli(args, { env: test.env });

/** Whether a cluster is gone (dropped or never there). */
async function isGone(id: string): Promise<boolean> {
  try {
    await test.client.clusters.get(id);
    return false;
  } catch (error) {
    return isLifeboatError(error) && error.httpStatus === 404;
  }
}

beforeAll(async () => {
  test = await startTestServer();
  projectId = (await test.client.projects.list())[0]?.projectId ?? '';
  clusterId = await seedCluster(test.client, projectId, 'orders-db', 50);
  const created = await test.client.backups.create({ clusterId, backupType: 'CLUSTER', backupName: 'before-drill' });
  await created.job.wait();
  backup = await test.client.backups.get({ clusterId, backupId: created.backupId });
});

afterAll(() => test.close());

describe('lifeboat drill', () => {
  it('restores the newest backup into a scratch cluster, verifies it, reports RTO and RPO, and removes the scratch cluster', async () => {
    const result = await run(['drill', '--cluster', clusterId, '--rto', '15m', '--rpo', '1h']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Newest available backup: backup\S+ \(before-drill\) in local-1, \d+s old/);
    expect(result.stdout).toMatch(/Restoring into scratch cluster in01-\S+ \(drill-[0-9a-f]{8}\), job job-\S+/);
    expect(result.stdout).toContain('Checked 1 collection(s) against the backup: all match');
    expect(result.stdout).toMatch(/^RTO:\s+\d+\.\ds \(objective 15m: met\)/m);
    expect(result.stdout).toMatch(/^RPO:\s+\d+\.\ds \(objective 1h: met\)/m);
    expect(result.stdout).toMatch(new RegExp(`^Data from:\\s+${backup.createTime}$`, 'm'));
    const checksum = backup.dbCollections[0]?.collections[0]?.checksum ?? '';
    expect(result.stdout).toMatch(new RegExp(`^default\\.orders\\s+50\\s+50\\s+${checksum}\\s+ok$`, 'm'));
    expect(result.stdout).toMatch(/Drill PASSED\n$/);
    const scratchId = /^Scratch cluster:\s+(in01-\S+) \(drill-[0-9a-f]{8}\), removed$/m.exec(result.stdout)?.[1] ?? '';
    expect(scratchId).not.toBe('');
    expect(await isGone(scratchId)).toBe(true);
  });

  it('prints the report as one JSON document for CI', async () => {
    const result = await run(['drill', '--cluster', clusterId, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      clusterId,
      backupId: backup.backupId,
      regionId: 'local-1',
      verified: true,
      passed: true,
      failures: [],
      collections: [{ dbName: 'default', collectionName: 'orders', expected: { rowCount: 50 }, actual: { rowCount: 50 }, matched: true, problem: null }],
      objectives: { rto: { target: null, met: true }, rpo: { target: null, met: true } },
      teardown: { outcome: 'removed' },
    });
    expect(report.rtoMs).toBeGreaterThan(0);
    expect(report.rpoMs).toBeGreaterThanOrEqual(0);
    expect(report.scratchClusterName).toMatch(/^drill-[0-9a-f]{8}$/);
    expect(await isGone(report.scratchClusterId)).toBe(true);
    expect(result.stderr).toMatch(/^\d{4}-\d\d-\d\dT\S+ Restoring into scratch cluster/m);
  });

  it('exits 1 with the reason when an objective is missed, still removing the scratch cluster', async () => {
    while (Date.now() - Date.parse(backup.createTime) < 2000) await sleep(100);
    const [rpo, rto] = await Promise.all([run(['drill', '--cluster', clusterId, '--rpo', '1s']), run(['drill', '--cluster', clusterId, '--rto', '1ms', '--json'])]);
    expect(rpo.code).toBe(1);
    expect(rpo.stdout).toMatch(/^RPO:\s+\d+\.\ds \(objective 1s: MISSED\)/m);
    expect(rpo.stdout).toMatch(/Drill FAILED: the newest backup's data was \d+\.\ds old, over the RPO objective of 1s\n$/);
    expect(rpo.stderr).toMatch(
      new RegExp(`^Error: The drill failed: the newest backup's data was \\d+\\.\\ds old, over the RPO objective of 1s\\. Back up more often, e\\.g\\. lifeboat policy set --cluster ${clusterId} --interval-minutes 15 --retention-days 7\\. \\(code DRILL_FAILED\\)$`, 'm'),
    );
    expect(rto.code).toBe(1);
    const report = JSON.parse(rto.stdout);
    expect(report).toMatchObject({ verified: true, passed: false, objectives: { rto: { target: '1ms', targetMs: 1, met: false }, rpo: { met: true } }, teardown: { outcome: 'removed' } });
    expect(rto.stderr).toMatch(/Error: The drill failed: the recovery took \d+\.\ds, over the RTO objective of 1ms\. .*\(code DRILL_FAILED\)/);
    const clusters = await test.client.clusters.list({ projectId }).toArray();
    expect(clusters.filter((cluster) => cluster.clusterName.startsWith('drill-'))).toEqual([]);
  });

  it('drills the newest copy in another region with --region, keeping the scratch cluster with --keep; without --region the original wins', async () => {
    const copy = await test.client.backups.copy({ clusterId, backupId: backup.backupId, regionId: 'local-2' });
    await copy.job.wait();
    const [inRegion, anywhere] = await Promise.all([run(['drill', '--cluster', clusterId, '--region', 'local-2', '--keep', '--json']), run(['drill', '--cluster', clusterId, '--json'])]);
    expect(inRegion.code, inRegion.stderr).toBe(0);
    const report = JSON.parse(inRegion.stdout);
    const copied = await test.client.backups.get({ clusterId, backupId: copy.backupId });
    // The copy's data is as old as its source, whenever the copy itself was made.
    expect(report).toMatchObject({ backupId: copy.backupId, regionId: 'local-2', backupCreateTime: copied.createTime, dataTime: backup.createTime, verified: true, teardown: { outcome: 'kept' } });
    expect(report.rpoMs).toBeGreaterThanOrEqual(Date.parse(copied.createTime) - Date.parse(backup.createTime));
    const scratch = await test.client.clusters.get(report.scratchClusterId);
    expect(scratch).toMatchObject({ regionId: 'local-2', clusterName: report.scratchClusterName, status: 'RUNNING' });
    await test.client.clusters.drop(report.scratchClusterId);
    expect(JSON.parse(anywhere.stdout)).toMatchObject({ backupId: backup.backupId, regionId: 'local-1', dataTime: backup.createTime });
  });

  it('fails with the fix when there is no backup to drill with, or a flag is missing or wrong', async () => {
    const empty = await seedCluster(test.client, projectId, 'never-backed-up', 1);
    const [none, noCopy, noCluster, badRto] = await Promise.all([
      run(['drill', '--cluster', empty]),
      run(['drill', '--cluster', empty, '--region', 'local-3']),
      run(['drill']),
      run(['drill', '--cluster', clusterId, '--rto', 'soon']),
    ]);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      `Error: Cluster ${empty} has no AVAILABLE cluster backup to drill with. Create one with lifeboat backups create --cluster ${empty}, or schedule them with lifeboat policy set --cluster ${empty}. (code NO_BACKUP)\n`,
    );
    expect(noCopy.stderr).toMatch(new RegExp(`no AVAILABLE cluster backup in local-3 to drill with\\. Copy one there with lifeboat backups copy <backupId> --cluster ${empty} --to local-3, .*\\(code NO_BACKUP\\)`));
    expect(noCluster.stderr).toBe('Error: No cluster to drill given. Pass --cluster <id>. List clusters with lifeboat clusters list. (code MISSING_OPTION)\n');
    expect(badRto.stderr).toBe('Error: --rto soon is not a duration. Pass --rto with a unit, e.g. 90s, 15m, 1h or 1h30m. (code INVALID_OPTION)\n');
  });
});

describe('a drill whose restored data does not match its backup', () => {
  it('exits 1 naming the collection that differs, and still removes the scratch cluster', async () => {
    const tampered = await seedCluster(test.client, projectId, 'tampered', 20);
    const created = await test.client.backups.create({ clusterId: tampered, backupType: 'CLUSTER' });
    await created.job.wait();
    // The catalogue now claims a row the backup's data does not hold, as a metadata store that
    // went wrong would: the drill is what has to notice.
    const db = new Database(join(test.server.dataDir, 'metadata.sqlite'));
    try {
      const row = db.prepare('SELECT contents FROM backups WHERE backup_id = ?').get(created.backupId) as { contents: string };
      db.prepare('UPDATE backups SET contents = ? WHERE backup_id = ?').run(row.contents.replace('"rowCount":20', '"rowCount":21'), created.backupId);
    } finally {
      db.close();
    }

    const result = await run(['drill', '--cluster', tampered]);

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^default\.orders\s+20\s+21\s+[0-9a-f]{64}\s+has 20 rows, expected 21$/m);
    expect(result.stdout).toMatch(/^Drill FAILED: default\.orders has 20 rows, expected 21$/m);
    const scratchId = /^Scratch cluster:\s+(in01-\S+) \(drill-[0-9a-f]{8}\), removed$/m.exec(result.stdout)?.[1] ?? '';
    expect(await isGone(scratchId)).toBe(true);
  });
});

describe('a drill that is interrupted', () => {
  it('stops with DRILL_INTERRUPTED (exit 130) and still removes the scratch cluster it restored into', async () => {
    const stop = new AbortController();
    const events: DrillEvent[] = [];
    const drill = runDrill({
      client: test.client,
      clusterId,
      signal: stop.signal,
      onEvent: (event) => {
        events.push(event);
        // Ctrl-C as soon as the restore has started, before it is waited for.
        if (event.kind === 'restore-started') stop.abort();
      },
    });

    await expect(drill).rejects.toMatchObject({ code: 'DRILL_INTERRUPTED', exitCode: 130 });
    const started = events.find((event) => event.kind === 'restore-started');
    expect(events.at(-1)).toEqual({ kind: 'teardown', teardown: { scratchClusterId: started?.scratchClusterId, outcome: 'removed', reason: null } });
    expect(await isGone(started?.scratchClusterId ?? '')).toBe(true);
  });
});

describe('drill verification', () => {
  it('reports collections whose rows differ from the backup, and collections that are missing', async () => {
    const other = await seedCluster(test.client, projectId, 'fewer-rows', 49);
    const checks = await checkCollections(test.client, backup, other);
    expect(checks).toEqual([expect.objectContaining({ collectionName: 'orders', matched: false, actual: expect.objectContaining({ rowCount: 49 }), problem: expect.stringMatching(/^has 49 rows, expected 50; checksum \S+ differs from the backup's \S+$/) })]);

    const { clusterId: bare } = await test.client.clusters.create({ projectId, regionId: 'local-1', clusterName: 'bare', cuSize: 1 });
    expect(await checkCollections(test.client, backup, bare)).toEqual([expect.objectContaining({ collectionName: 'orders', matched: false, actual: null, problem: 'missing from the restored cluster' })]);
  });
});
