import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { seedCluster, startTestServer, type TestServer } from '../support/server.js';

let test: TestServer;
let clusterId: string;
const run = (args: readonly string[]) => runCli(args, { env: test.env });

beforeAll(async () => {
  test = await startTestServer();
  const [project] = await test.client.projects.list();
  clusterId = await seedCluster(test.client, project?.projectId ?? '', 'billing', 5);
});

afterAll(() => test.close());

describe('lifeboat policy', () => {
  it('shows, sets (daily window or interval) and disables a backup policy', async () => {
    const before = await run(['policy', 'get', '--cluster', clusterId]);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toMatch(/^Status:\s+DISABLED$/m);

    const set = await run(['policy', 'set', '--cluster', clusterId, '--frequency', 'weekdays', '--start-time', '02:00-04:00', '--retention-days', '7', '--copy-to', 'local-2']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain(`Backup policy of ${clusterId} is ENABLED: weekdays 02:00-04:00 UTC, kept 7 days.`);

    const [shown, json] = await Promise.all([run(['policy', 'get', '--cluster', clusterId]), run(['policy', 'get', '--cluster', clusterId, '--json'])]);
    expect(shown.stdout).toMatch(/^Schedule:\s+weekdays 02:00-04:00 UTC$/m);
    expect(shown.stdout).toMatch(/^Copies to:\s+local-2 \(7 days\)$/m);
    expect(JSON.parse(json.stdout)).toMatchObject({ clusterId, status: 'ENABLED', frequency: '1,2,3,4,5', startTime: '02:00-04:00', retentionDays: 7, crossRegionCopies: [{ regionId: 'local-2', retentionDays: 7 }] });

    const interval = await run(['policy', 'set', '--cluster', clusterId, '--interval-minutes', '15', '--retention-days', '3', '--json']);
    expect(JSON.parse(interval.stdout)).toMatchObject({ status: 'ENABLED', intervalMinutes: 15, retentionDays: 3 });

    const disabled = await run(['policy', 'disable', '--cluster', clusterId]);
    expect(disabled.stdout).toContain(`Backup policy of ${clusterId} is DISABLED. Existing backups stay until they expire.`);
    expect((await test.client.policies.get(clusterId)).status).toBe('DISABLED');
    await test.server.idle();
  });

  it('says which flags are missing or wrong', async () => {
    const [noSchedule, badDays, noCluster] = await Promise.all([
      run(['policy', 'set', '--cluster', clusterId, '--retention-days', '7']),
      run(['policy', 'set', '--cluster', clusterId, '--frequency', 'funday', '--start-time', '02:00-03:00', '--retention-days', '7']),
      run(['policy', 'get']),
    ]);
    expect(noSchedule.code).toBe(1);
    expect(noSchedule.stderr).toMatch(/^Error: No schedule given\. Pass --frequency <days> with --start-time <HH:mm-HH:mm> .*or --interval-minutes <n>\. \(code MISSING_OPTION\)$/m);
    expect(badDays.stderr).toMatch(/--frequency funday is not a schedule\. Pass daily, weekdays, weekends, or days such as mon,wed,fri .*\(code INVALID_OPTION\)/);
    expect(noCluster.stderr).toMatch(/No cluster id given\. Pass --cluster <id>\. .*\(code MISSING_OPTION\)/);
  });
});

describe('lifeboat copy-policy', () => {
  it('lists, sets and deletes copy policies', async () => {
    const before = await run(['copy-policy', 'list', '--cluster', clusterId]);
    expect(before.code, before.stderr).toBe(0);

    const set = await run(['copy-policy', 'set', '--cluster', clusterId, '--region', 'local-3', '--retention-days', '14']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain(`ALL backups of ${clusterId} are now copied to local-3 and kept 14 days.`);

    const [table, json] = await Promise.all([run(['copy-policy', 'list', '--cluster', clusterId]), run(['copy-policy', 'list', '--cluster', clusterId, '--json'])]);
    expect(table.stdout).toMatch(/^REGION\s+APPLIES TO\s+RETENTION$/m);
    expect(table.stdout).toMatch(/^local-3\s+ALL\s+14 days$/m);
    expect(JSON.parse(json.stdout)).toContainEqual({ regionId: 'local-3', retentionDays: 14, appliesTo: 'ALL' });

    const deleted = await run(['copy-policy', 'delete', '--cluster', clusterId, '--region', 'local-3', '--json']);
    expect(JSON.parse(deleted.stdout)).toEqual({ clusterId, regionId: 'local-3' });
    expect(await test.client.copyPolicies.list(clusterId)).not.toContainEqual(expect.objectContaining({ regionId: 'local-3' }));
  });

  it('fails with the server code for a policy that does not exist, and names a missing --region', async () => {
    const [missing, noRegion] = await Promise.all([
      run(['copy-policy', 'delete', '--cluster', clusterId, '--region', 'local-3']),
      run(['copy-policy', 'set', '--cluster', clusterId, '--retention-days', '3']),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Error: .* \(code 97021, request \S+\)$/m);
    expect(noRegion.stderr).toBe('Error: No region given. Pass --region <id>. Regions are local-1, local-2, local-3 on a default server. (code MISSING_OPTION)\n');
  });
});
