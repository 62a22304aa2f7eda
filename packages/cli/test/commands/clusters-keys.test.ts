import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { seedCluster, startTestServer, type TestServer } from '../support/server.js';

let test: TestServer;
let projectId: string;
let clusterId: string;
const run = (args: readonly string[], env: Readonly<Record<string, string>> = test.env) => runCli(args, { env });

beforeAll(async () => {
  test = await startTestServer();
  projectId = (await test.client.projects.list())[0]?.projectId ?? '';
  clusterId = await seedCluster(test.client, projectId, 'search', 5);
});

afterAll(() => test.close());

describe('lifeboat clusters', () => {
  it('lists clusters and describes one with its newest available backup', async () => {
    const [table, json, none] = await Promise.all([run(['clusters', 'list']), run(['clusters', 'list', '--json']), run(['clusters', 'describe', clusterId])]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^CLUSTER\s+NAME\s+REGION\s+STATUS\s+CU\s+BACKUPS\s+AGE$/m);
    expect(table.stdout).toMatch(new RegExp(`^${clusterId}\\s+search\\s+local-1\\s+RUNNING\\s+1\\s+0\\s+\\d+s$`, 'm'));
    expect(JSON.parse(json.stdout)).toMatchObject([{ clusterId, clusterName: 'search', regionId: 'local-1' }]);
    expect(none.stdout).toMatch(new RegExp(`^Newest backup:\\s+none available; create one with: lifeboat backups create --cluster ${clusterId}$`, 'm'));

    const { backupId, job } = await test.client.backups.create({ clusterId, backupType: 'CLUSTER' });
    await job.wait();
    const [described, describedJson] = await Promise.all([run(['clusters', 'describe', clusterId]), run(['clusters', 'describe', clusterId, '--json'])]);
    expect(described.stdout).toMatch(new RegExp(`^Connect address:\\s+${test.server.url}/clusters/${clusterId}$`, 'm'));
    expect(described.stdout).toMatch(new RegExp(`^Newest backup:\\s+${backupId} in local-1, \\d+s old`, 'm'));
    expect(JSON.parse(describedJson.stdout)).toMatchObject({ clusterId, latestBackup: { backupId, status: 'AVAILABLE' } });
  });

  it('says when a cluster does not exist, with the server code', async () => {
    const result = await run(['clusters', 'describe', 'in01-0000000000000000']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error: Cluster in01-0+ not found\..* \(code 96018, request \S+\)$/m);
  });
});

describe('lifeboat keys', () => {
  it('creates a scoped key whose secret works, lists keys without secrets, and deletes one', async () => {
    const created = await run(['keys', 'create', '--name', 'ci-read', '--role', 'PROJECT_READ']);
    expect(created.code, created.stderr).toBe(0);
    const apiKeyId = /Created key (\S+) \(ci-read, PROJECT_READ in (\S+)\)\./.exec(created.stdout)?.[1] ?? '';
    expect(created.stdout).toContain(`in ${projectId}).`);
    const secret = /Secret \(shown only now; store it safely\): (\S+)/.exec(created.stdout)?.[1] ?? '';
    expect(secret).toMatch(/^lbk_/);

    const asReader = { LIFEBOAT_ENDPOINT: test.server.url, LIFEBOAT_API_KEY: secret };
    const [listed, json, readerSees] = await Promise.all([run(['keys', 'list']), run(['keys', 'list', '--json']), run(['clusters', 'list', '--json'], asReader)]);
    expect(listed.stdout).toMatch(/^KEY\s+NAME\s+ROLE\s+PROJECTS\s+PRIVILEGES\s+CREATED$/m);
    expect(listed.stdout).toMatch(new RegExp(`^${apiKeyId}\\s+ci-read\\s+PROJECT_READ\\s+${projectId}\\s+-\\s+\\S+Z$`, 'm'));
    expect(listed.stdout).not.toContain(secret);
    expect(JSON.parse(json.stdout)).toContainEqual(expect.objectContaining({ apiKeyId, name: 'ci-read', role: 'PROJECT_READ' }));
    expect(JSON.parse(readerSees.stdout)).toMatchObject([{ clusterId }]);

    const refused = await run(['keys', 'delete', apiKeyId]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Pass --yes to go ahead without asking.* \(code CONFIRMATION_NEEDS_TTY\)/);
    const deleted = await run(['keys', 'delete', apiKeyId, '--yes', '--json']);
    expect(JSON.parse(deleted.stdout)).toEqual({ apiKeyId });

    const rejected = await run(['clusters', 'list'], asReader);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toMatch(/^Error: .* \(code 80001, request \S+\)$/m);
    expect(rejected.stderr).not.toContain(secret);
  });

  it('prints the secret in --json, and names what is missing', async () => {
    const [json, noRole, noPrivileges] = await Promise.all([
      run(['keys', 'create', '--name', 'ops', '--role', 'ORG_OWNER', '--json']),
      run(['keys', 'create', '--name', 'ops']),
      run(['keys', 'create', '--name', 'backup-bot', '--role', 'CUSTOM']),
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({ name: 'ops', role: 'ORG_OWNER', apiKey: expect.stringMatching(/^lbk_/), projectIds: [] });
    expect(noRole.stderr).toBe('Error: No role given. Pass --role <role>. One of ORG_OWNER, PROJECT_ADMIN, PROJECT_READ, CUSTOM. (code MISSING_OPTION)\n');
    expect(noPrivileges.code).toBe(1);
    expect(noPrivileges.stderr).toMatch(/privileges.*a CUSTOM key needs privileges.* \(code 98003\)/);
  });
});
