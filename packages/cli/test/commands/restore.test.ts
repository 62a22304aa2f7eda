import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { seedCluster, startTestServer, type TestServer } from '../support/server.js';

let test: TestServer;
let clusterId: string;
let backupId: string;
const run = (args: readonly string[]) => runCli(args, { env: test.env });

beforeAll(async () => {
  test = await startTestServer();
  const [project] = await test.client.projects.list();
  clusterId = await seedCluster(test.client, project?.projectId ?? '', 'catalog', 30);
  const backup = await test.client.backups.create({ clusterId, backupType: 'CLUSTER' });
  await backup.job.wait();
  backupId = backup.backupId;
});

afterAll(() => test.close());

describe('lifeboat restore cluster', () => {
  it('restores into a new cluster and prints how to connect, hiding the password unless asked', async () => {
    const [hidden, shown] = await Promise.all([
      run(['restore', 'cluster', backupId, '--cluster', clusterId, '--name', 'catalog-restored']),
      run(['restore', 'cluster', backupId, '--cluster', clusterId, '--name', 'catalog-shown', '--show-password']),
    ]);
    expect(hidden.code, hidden.stderr).toBe(0);
    const newId = /into new cluster (in01-\S+) \(catalog-restored\) in local-1\./.exec(hidden.stdout)?.[1] ?? '';
    expect(hidden.stdout).toContain(`Connect address: ${test.server.url}/clusters/${newId}`);
    expect(hidden.stdout).toMatch(/^Password:\s+not shown \(the server returns it only once; pass --show-password to print it\)$/m);
    expect(shown.stdout).toMatch(/^Password:\s+\S{8,}$/m);
    const restored = await test.client.dataPlane(newId).collections.describe({ collectionName: 'orders' });
    expect(restored.rowCount).toBe(30);
  });

  it('puts the password in --json but never in the --debug trace', async () => {
    const result = await run(['restore', 'cluster', backupId, '--cluster', clusterId, '--name', 'catalog-json', '--json', '--debug']);
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document).toMatchObject({ backupId, regionId: 'local-1', clusterName: 'catalog-json', username: 'db_admin', job: { type: 'RESTORE', status: 'SUCCESSFUL' } });
    expect(document.password).toMatch(/\S{8,}/);
    expect(result.stderr).toContain('[http] ← 200 POST');
    expect(result.stderr).toContain('"password":"[redacted]"');
    expect(result.stderr).not.toContain(document.password);
  });

  it('returns once the restore started with --no-wait, with the new cluster and the job to wait for', async () => {
    const result = await run(['restore', 'cluster', backupId, '--cluster', clusterId, '--name', 'catalog-later', '--no-wait']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/New cluster in01-\S+ \(catalog-later\) in local-1; it is usable once the restore ends\./);
    expect(result.stdout).toMatch(/Wait for it with: lifeboat jobs wait job-\S+\n$/);
    await test.server.idle();
  });

  it('needs a name for the new cluster, and says so naming the flag', async () => {
    const result = await run(['restore', 'cluster', backupId, '--cluster', clusterId]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Error: No name for the new cluster given. Pass --name <name>. A restore always creates a new cluster. (code MISSING_OPTION)\n');
  });
});

describe('lifeboat restore collection', () => {
  it('restores a collection under a new name, refuses to overwrite without --overwrite, and overwrites with it', async () => {
    const renamed = await run(['restore', 'collection', backupId, '--cluster', clusterId, '--collection', 'orders', '--as', 'orders_copy', '--json']);
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(JSON.parse(renamed.stdout)).toMatchObject({ backupId, destClusterId: clusterId, job: { type: 'RESTORE', status: 'SUCCESSFUL' } });
    expect((await test.client.dataPlane(clusterId).collections.describe({ collectionName: 'orders_copy' })).rowCount).toBe(30);

    const conflict = await run(['restore', 'collection', backupId, '--cluster', clusterId]);
    expect(conflict.code).toBe(1);
    expect(conflict.stdout).toMatch(/restore of every collection from \S+ into \S+: failed \(job job-\S+\)/);
    expect(conflict.stderr).toMatch(/^Error: Job job-\S+ \(RESTORE\) failed: default\.orders already exists .*\(code 98005\)$/m);

    const overwritten = await run(['restore', 'collection', backupId, '--cluster', clusterId, '--overwrite']);
    expect(overwritten.code, overwritten.stderr).toBe(0);
    expect(overwritten.stdout).toContain(`Restored every collection from backup ${backupId} into cluster ${clusterId}.`);
  });

  it('rejects --as without exactly one --collection', async () => {
    const result = await run(['restore', 'collection', backupId, '--cluster', clusterId, '--as', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--as renames one collection.*Pass one --collection <name> with --as <new name>.* \(code INVALID_OPTION\)/);
  });
});
