import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stripVTControlCharacters as plain } from 'node:util';
import { LocalStateBackend } from '@lifeboat/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasScript, runCli, runInTerminal } from '../support/cli.js';
import { seedCluster, startTestServer, type TestServer } from '../support/server.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

/**
 * The IaC commands end to end, through the built binary against a real server: a backup policy,
 * a copy policy watching it, a manual backup and an output, planned, applied, inspected, edited
 * in the state, imported back and destroyed.
 */

let server: TestServer;
let work: TempDir;
let clusterId: string;
let env: Record<string, string>;

const config = (retention: number) => ({
  variable: { cluster_id: { type: 'string' } },
  resource: {
    lifeboat_backup_policy: { nightly: { cluster_id: '${var.cluster_id}', frequency: 'daily', start_time: '02:00-04:00', retention_days: retention } },
    lifeboat_copy_policy: { dr: { cluster_id: '${lifeboat_backup_policy.nightly.cluster_id}', region_id: 'local-2', retention_days: 14 } },
    lifeboat_backup: { before_migration: { cluster_id: '${var.cluster_id}' } },
  },
  output: {
    backup_id: { value: '${lifeboat_backup.before_migration.backup_id}' },
    retention: { value: '${lifeboat_backup_policy.nightly.retention_days}' },
  },
});

const lifeboat = (args: readonly string[], input?: string) => runCli(args, { cwd: work.path, env, ...(input === undefined ? {} : { input }) });

beforeAll(async () => {
  server = await startTestServer();
  clusterId = await seedCluster(server.client, server.server.defaultProjectId, 'orders');
  work = await tempDir();
  // Variables from terraform.tfvars, read by every command without flags.
  await work.write('terraform.tfvars', `cluster_id = "${clusterId}"\n`);
  await work.write('main.tf.json', config(7));
  env = { ...server.env };
});

afterAll(async () => {
  await server?.close();
  await work?.remove();
});

describe('plan', () => {
  it('names the server in its first line, shows the changes, and exits 2 with -detailed-exitcode', async () => {
    const result = await lifeboat(['plan', '-detailed-exitcode']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(2);
    expect(result.stdout.split('\n')[0]).toBe(`Using ${server.server.url} (from LIFEBOAT_ENDPOINT)`);
    expect(result.stdout).toContain('# lifeboat_backup_policy.nightly will be created');
    expect(result.stdout).toContain('Plan: 3 to add, 0 to change, 0 to destroy.');
    // Pipes get no colour.
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('prints the plan as terraform show -json with -json, and nothing else on stdout', async () => {
    const result = await lifeboat(['plan', '-json', '-var', `cluster_id=${clusterId}`]);
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan.format_version).toBe('1.2');
    expect(plan.applyable).toBe(true);
    expect(plan.resource_changes.map((change: { address: string; change: { actions: string[] } }) => `${change.address}:${change.change.actions.join('/')}`).sort()).toEqual([
      'lifeboat_backup.before_migration:create',
      'lifeboat_backup_policy.nightly:create',
      'lifeboat_copy_policy.dr:create',
    ]);
  });

  it('shows every configuration error at once, before asking any server, and exits 1', async () => {
    const bad = await tempDir();
    try {
      await bad.write('main.tf.json', { resource: { lifeboat_backup_policy: { p: { cluster_id: 'c', retention_days: 45, frequency: 'sometimes' } } } });
      const result = await runCli(['plan', '--endpoint', 'http://127.0.0.1:9'], { cwd: bad.path });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('retention_days');
      expect(result.stderr).toContain('frequency');
      expect(result.stderr).toMatch(/Error: The configuration has 2 errors \(shown above\)\. Fix them and run the command again\. \(code INVALID_CONFIGURATION\)\n$/);
    } finally {
      await bad.remove();
    }
  });
});

describe('apply', () => {
  it('refuses to ask for confirmation without a terminal, and changes nothing', async () => {
    const result = await lifeboat(['apply']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Plan: 3 to add');
    expect(result.stderr).toContain('Pass -auto-approve to go ahead without asking');
    expect(result.stderr).toContain('(code CONFIRMATION_NEEDS_TTY)');
    await expect(readFile(join(work.path, 'terraform.tfstate'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('applies a plan saved with -out, exactly, without asking, and records the outputs', async () => {
    const planned = await lifeboat(['plan', '-out=release.lbplan']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain('lifeboat apply "release.lbplan"');

    const applied = await lifeboat(['apply', 'release.lbplan']);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^\S+Z lifeboat_backup\.before_migration: Creating\.\.\.$/m);
    expect(applied.stdout).toMatch(/lifeboat_backup\.before_migration: Creation complete after \d+s \[id=/);
    expect(applied.stdout).toContain('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.');
    expect(applied.stdout).toMatch(/Outputs:\n\nbackup_id = "[^"]+"\nretention = 7\n/);

    // Applying it again is refused: the state moved on since it was planned.
    const again = await lifeboat(['apply', 'release.lbplan']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('STALE_PLAN');
  });

  it('has nothing left to do afterwards: -detailed-exitcode exits 0', async () => {
    const result = await lifeboat(['plan', '-detailed-exitcode']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No changes.');
  });

  it('applies a change with -auto-approve and reports it as JSON with -json', async () => {
    await work.write('main.tf.json', config(14));
    const result = await lifeboat(['apply', '-auto-approve', '-json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ complete: true, interrupted: false, resources: { added: 0, changed: 1, destroyed: 0 }, succeeded: ['lifeboat_backup_policy.nightly'] });
    expect(report.outputs.retention).toEqual({ sensitive: false, type: 'string', value: 14 });
    // Progress went to stderr, so stdout is one JSON document.
    expect(result.stderr).toContain('lifeboat_backup_policy.nightly: Modifications complete');
  });

  it.skipIf(!hasScript)('asks on a terminal and changes nothing when the answer is anything but yes', async () => {
    await work.write('main.tf.json', config(21));
    const result = await runInTerminal(['apply'], { cwd: work.path, env, input: 'y\r' });
    expect(result.stdout).toContain('Do you want to perform these actions?');
    expect(plain(result.stdout)).toContain('Apply cancelled: the answer was not "yes", so nothing was changed');
    expect(plain(result.stdout)).toContain('(code CANCELLED)');
    expect(result.code).toBe(1);
    expect((await server.client.policies.get(clusterId)).retentionDays).toBe(14);
  });

  it.skipIf(!hasScript)('asks on a terminal and applies when the answer is yes', async () => {
    await work.write('main.tf.json', config(21));
    const result = await runInTerminal(['apply'], { cwd: work.path, env, input: 'yes\r' });
    expect(result.stdout).toContain('Do you want to perform these actions?');
    expect(result.stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    // A terminal gets colour.
    expect(result.stdout).toContain('\u001b[');
    expect(result.code).toBe(0);
  });
});

describe('output', () => {
  it('lists outputs, prints one raw for shell scripts, and all as JSON', async () => {
    const [list, raw, json] = await Promise.all([lifeboat(['output']), lifeboat(['output', '-raw', 'backup_id']), lifeboat(['output', '-json'])]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^backup_id = "[^"]+"\nretention = \d+\n$/);
    expect(raw.stdout).toMatch(/^[^\s"]+$/);
    expect(JSON.parse(json.stdout).backup_id).toEqual({ sensitive: false, type: 'string', value: raw.stdout });
  });
});

describe('state, import and force-unlock', () => {
  it('lists and shows what the state records', async () => {
    const [list, show] = await Promise.all([lifeboat(['state', 'list']), lifeboat(['state', 'show', 'lifeboat_copy_policy.dr'])]);
    expect(list.stdout).toBe('lifeboat_backup.before_migration\nlifeboat_backup_policy.nightly\nlifeboat_copy_policy.dr\n');
    expect(show.stdout).toContain('# lifeboat_copy_policy.dr:');
    expect(show.stdout).toContain('region_id');
  });

  it('moves and removes instances, then imports the object back (by an import block, then by the command) so the plan is empty again', async () => {
    const moved = await lifeboat(['state', 'mv', 'lifeboat_copy_policy.dr', 'lifeboat_copy_policy.renamed']);
    expect(moved.stdout).toContain('Move "lifeboat_copy_policy.dr" to "lifeboat_copy_policy.renamed"');
    const removed = await lifeboat(['state', 'rm', 'lifeboat_copy_policy.renamed']);
    expect(removed.stdout).toContain('Successfully removed 1 resource instance(s).');

    // An import block is imported by plan, before planning, as Terraform's plan does.
    await work.write('main.tf.json', { ...config(21), import: [{ to: 'lifeboat_copy_policy.dr', id: '${var.cluster_id}/local-2' }] });
    const planned = await lifeboat(['plan', '-detailed-exitcode']);
    expect(planned.stdout).toContain('lifeboat_copy_policy.dr: Import complete');
    expect(planned.code).toBe(0);
    await work.write('main.tf.json', config(21));
    await lifeboat(['state', 'rm', 'lifeboat_copy_policy.dr']);

    const imported = await lifeboat(['import', 'lifeboat_copy_policy.dr', `${clusterId}/local-2`]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('lifeboat_copy_policy.dr: Import complete');
    expect(imported.stdout).toContain('Import successful!');

    const plan = await lifeboat(['plan', '-detailed-exitcode']);
    expect(plan.code).toBe(0);
  });

  it('refuses to import an object that is not there; --debug adds the stack and a redacted HTTP trace', async () => {
    const result = await lifeboat(['state', 'rm', 'lifeboat_backup_policy.nightly']).then(() => lifeboat(['import', 'lifeboat_backup_policy.nightly', 'in01-nosuchcluster', '--debug']));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error: .*\(code IMPORT_FAILED\)$/m);
    expect(result.stderr).toMatch(/\[http\] → getBackupPolicy GET http:\/\/127\.0\.0\.1:\d+\/v2\/clusters\/in01-nosuchcluster\/backups\/policy/);
    expect(result.stderr).toMatch(/\[http\] ← 404 .* request req-/);
    expect(result.stderr).toMatch(/^\s+at /m);
    expect(result.stderr).not.toContain(server.server.ownerApiKey);
    const back = await lifeboat(['import', 'lifeboat_backup_policy.nightly', clusterId]);
    expect(back.code).toBe(0);
  });

  it('reports a held lock with its id (after -lock-timeout too; -lock=false ignores it), and force-unlock -force removes it', async () => {
    const backend = new LocalStateBackend({ path: join(work.path, 'terraform.tfstate') });
    const lock = await backend.lock('OperationTypeApply', 'a process that died');
    try {
      const [blocked, waited, planWithoutLock] = await Promise.all([lifeboat(['plan']), lifeboat(['plan', '-lock-timeout=400ms']), lifeboat(['plan', '-lock=false'])]);
      expect(waited.code).toBe(1);
      expect(waited.stderr).toContain('(code STATE_LOCKED)');
      expect(planWithoutLock.code).toBe(0);
      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toContain('(code STATE_LOCKED)');
      expect(blocked.stderr).toContain(`lifeboat force-unlock ${lock.info.ID}`);

      const refused = await lifeboat(['force-unlock', lock.info.ID]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Pass -force');

      const unlocked = await lifeboat(['force-unlock', '-force', lock.info.ID]);
      expect(unlocked.code).toBe(0);
      expect(unlocked.stdout).toContain('successfully unlocked');
      expect(await backend.currentLock()).toBeUndefined();
    } finally {
      await backend.close();
    }
  });
});

describe('destroy', () => {
  it('refuses without a terminal, then destroys everything with -auto-approve', async () => {
    const refused = await lifeboat(['destroy']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Plan: 0 to add, 0 to change, 3 to destroy.');
    expect(refused.stderr).toContain('(code CONFIRMATION_NEEDS_TTY)');

    if (hasScript) {
      const declined = await runInTerminal(['destroy'], { cwd: work.path, env, input: 'no\r' });
      expect(plain(declined.stdout)).toContain('Plan: 0 to add, 0 to change, 3 to destroy.');
      expect(plain(declined.stdout)).toContain('Destroy cancelled: the answer was not "yes", so nothing was changed');
      expect(declined.code).toBe(1);
      expect((await lifeboat(['state', 'list'])).stdout.trim().split('\n')).toHaveLength(3);
    }

    const destroyed = await lifeboat(['destroy', '-auto-approve']);
    expect(destroyed.code).toBe(0);
    expect(destroyed.stdout).toContain('Destroy complete! Resources: 3 destroyed.');
    const list = await lifeboat(['state', 'list']);
    expect(list.stdout).toBe('');
    const policy = await server.client.policies.get(clusterId);
    expect(policy.status).toBe('DISABLED');
  });
});
