import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { seedCluster, startTestServer, type TestServer } from '../support/server.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

let test: TestServer;
let exports: TempDir;
let clusterId: string;
const run = (args: readonly string[]) => runCli(args, { env: test.env });
/** A progress line as printed when stdout is not a terminal. */
const timestamped = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /m;

beforeAll(async () => {
  exports = await tempDir('lifeboat-cli-exports-');
  await mkdir(join(exports.path, 'archive'));
  test = await startTestServer({ integrations: { archive: join(exports.path, 'archive') } });
  const [project] = await test.client.projects.list();
  clusterId = await seedCluster(test.client, project?.projectId ?? '', 'shop');
});

afterAll(async () => {
  await test.close();
  await exports.remove();
});

describe('lifeboat backups', () => {
  let backupId: string;

  it('creates a backup, waiting with timestamped progress, and lists it in a table', async () => {
    const created = await run(['backups', 'create', '--cluster', clusterId, '--name', 'nightly']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^Using http:\/\/127\.0\.0\.1:\d+ \(from LIFEBOAT_ENDPOINT\)\n/);
    expect(created.stdout).toMatch(timestamped);
    expect(created.stdout).toMatch(/backup (backup\S+) of in01-\S+: waiting for job job-\S+/);
    expect(created.stdout).toMatch(/successful after \d+s/);
    expect(created.stdout).toMatch(/Backup backup\S+ \(nightly\) is AVAILABLE: [\d.]+ (B|KiB), 1 collection, in local-1\./);
    backupId = /Backup (backup\S+) \(nightly\)/.exec(created.stdout)?.[1] ?? '';

    const listed = await run(['backups', 'list', '--cluster', clusterId]);
    expect(listed.code).toBe(0);
    const [header, row] = listed.stdout.split('\n').slice(1);
    expect(header).toMatch(/^BACKUP\s+NAME\s+CLUSTER\s+REGION\s+TYPE\s+METHOD\s+STATUS\s+SIZE\s+CREATED\s+AGE$/);
    expect(row).toMatch(new RegExp(`^${backupId}\\s+nightly\\s+${clusterId}\\s+local-1\\s+CLUSTER\\s+MANUAL\\s+AVAILABLE\\s+[\\d.]+ KiB\\s+\\S+Z\\s+\\d+s$`));
  });

  it('prints exactly one JSON document with --json, progress going to stderr', async () => {
    const created = await run(['backups', 'create', '--cluster', clusterId, '--name', 'scripted', '--json']);
    expect(created.code, created.stderr).toBe(0);
    const document = JSON.parse(created.stdout);
    expect(document).toMatchObject({ backupName: 'scripted', clusterId, job: { status: 'SUCCESSFUL', type: 'BACKUP' }, backup: { status: 'AVAILABLE', regionId: 'local-1' } });
    expect(document.backup.dbCollections[0].collections[0]).toMatchObject({ collectionName: 'orders', rowCount: 50 });
    expect(created.stderr).toMatch(timestamped);

    const [listed, described] = await Promise.all([run(['backups', 'list', '--json', '--status', 'AVAILABLE']), run(['backups', 'describe', document.backupId, '--cluster', clusterId, '--json'])]);
    expect(JSON.parse(listed.stdout).map((b: { backupName: string }) => b.backupName).sort()).toEqual(['nightly', 'scripted']);
    expect(JSON.parse(described.stdout)).toMatchObject({ backupId: document.backupId, dbCollections: [{ dbName: 'default' }] });
  });

  it('returns at once with --no-wait, printing the job id and how to wait for it', async () => {
    const started = await run(['backups', 'create', '--cluster', clusterId, '--name', 'quick', '--no-wait']);
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toMatch(/Started backup backup\S+ of in01-\S+ \(job (job-\S+)\)\.\nWait for it with: lifeboat jobs wait job-\S+\n$/);
    expect(started.stdout).not.toMatch(timestamped);
    await test.server.idle();
  });

  it('copies to another region, verifies, renames and describes a backup with its copy', async () => {
    const copied = await run(['backups', 'copy', backupId, '--cluster', clusterId, '--to', 'local-2', '--json']);
    expect(copied.code, copied.stderr).toBe(0);
    const copy = JSON.parse(copied.stdout);
    expect(copy).toMatchObject({ sourceBackupId: backupId, regionId: 'local-2', job: { type: 'COPY', status: 'SUCCESSFUL' }, backup: { regionId: 'local-2', sourceBackupId: backupId } });

    const [verified, renamed] = await Promise.all([
      run(['backups', 'verify', backupId, '--cluster', clusterId]),
      run(['backups', 'rename', copy.backupId, 'nightly-dr', '--cluster', clusterId]),
    ]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`Backup ${backupId} verified: every blob was read back and matched its hash.`);
    expect(renamed.stdout).toContain(`Backup ${copy.backupId} is now named nightly-dr.`);

    const described = await run(['backups', 'describe', backupId, '--cluster', clusterId]);
    expect(described.stdout).toMatch(/^Status:\s+AVAILABLE$/m);
    expect(described.stdout).toMatch(/^ {2}default\s+orders\s+50\s+1\s+[0-9a-f]{16,}$/m);
    expect(described.stdout).toMatch(new RegExp(`^ {2}local-2\\s+${copy.backupId}\\s+AVAILABLE$`, 'm'));
  });

  it('exports a backup into an integration directory', async () => {
    const exported = await run(['backups', 'export', backupId, '--cluster', clusterId, '--integration', 'archive', '--directory', 'q3']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`Exported backup ${backupId} to q3 in integration archive.`);
    expect(existsSync(join(exports.path, 'archive', 'q3', backupId, 'manifest.json'))).toBe(true);
  });

  it('deletes a backup only with --yes, and without a terminal says which flag to pass', async () => {
    const refused = await run(['backups', 'delete', backupId, '--cluster', clusterId]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error: .*Pass --yes to go ahead without asking.* \(code CONFIRMATION_NEEDS_TTY\)$/m);

    const deleted = await run(['backups', 'delete', backupId, '--cluster', clusterId, '--yes']);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toContain(`Deleted backup ${backupId} (nightly).`);
  });

  it('fails with the code, the fix and the request id: missing --cluster, unknown backup, bad flag value', async () => {
    const [missing, unknown, badLimit] = await Promise.all([
      run(['backups', 'describe', backupId]),
      run(['backups', 'verify', 'backup99_0000000000000000', '--cluster', clusterId]),
      run(['backups', 'list', '--limit', 'lots']),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("Error: No cluster id given. Pass --cluster <id>. lifeboat backups list shows each backup's cluster. (code MISSING_OPTION)\n");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^Error: .*backup99_0000000000000000.* \(code 97010, request \S+\)$/m);
    expect(badLimit.stderr).toMatch(/--limit must be a whole number from 1 to 10000 \(got lots\)\. Pass --limit <n> with n in 1–10000\. \(code INVALID_OPTION\)/);
  });
});
