import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer } from '@lifeboat/server';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { tempDir, type TempDir } from './support/temp-dir.js';

/**
 * With no endpoint anywhere, commands start the embedded server on .lifeboat/ in the working
 * directory, and say so in their first line.
 */

let work: TempDir | undefined;
afterEach(async () => {
  await work?.remove();
  work = undefined;
});

const policy = { resource: { lifeboat_backup_policy: { nightly: { cluster_id: 'in01-none', frequency: 'daily', start_time: '02:00-04:00', retention_days: 7 } } } };

describe('the embedded server', () => {
  it('is started on .lifeboat/ when no endpoint is set, with the owner key from there', async () => {
    work = await tempDir();
    await work.write('main.tf.json', policy);
    const result = await runCli(['plan'], { cwd: work.path });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^Using the embedded server on \.lifeboat\/ \(http:\/\/127\.0\.0\.1:\d+\); set LIFEBOAT_ENDPOINT to use another$/);
    expect(result.stdout).toContain('Plan: 1 to add');
    expect(await readFile(join(work.path, '.lifeboat', 'owner.key'), 'utf8')).toMatch(/^lbk_/);
  });

  it("reports a failed operation with the server's error code and request id", async () => {
    work = await tempDir();
    await work.write('main.tf.json', policy);
    const result = await runCli(['apply', '-auto-approve'], { cwd: work.path });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/lifeboat_backup_policy\.nightly: Creation failed after \d+s/);
    expect(result.stderr).toMatch(/^Error: lifeboat_backup_policy\.nightly: Cluster in01-none not found\. .*\(code \d+, request req-[0-9a-f]+\)$/m);
    expect(result.stderr).toMatch(/^Error: An operation failed \(shown above\)\. .*\(code APPLY_FAILED\)$/m);
  });

  it('says how to reach the server already running on .lifeboat/ instead of starting a second one', async () => {
    work = await tempDir();
    await work.write('main.tf.json', policy);
    const running = await startServer({ dataDir: join(work.path, '.lifeboat') });
    try {
      const result = await runCli(['plan'], { cwd: work.path });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Another Lifeboat server (pid ${process.pid}) is already using .lifeboat/`);
      expect(result.stderr).toContain('LIFEBOAT_ENDPOINT=');
      expect(result.stderr).toContain('(code EMBEDDED_SERVER_BUSY)');
    } finally {
      await running.close();
    }
  });

  it('is not used when the provider block names a server, and the first line says so', async () => {
    work = await tempDir();
    await work.write('main.tf.json', {
      variable: { endpoint: { type: 'string', default: 'http://127.0.0.1:9' } },
      provider: { lifeboat: { endpoint: '${var.endpoint}', api_key: 'lbk_000000000000_x' } },
      ...policy,
    });
    const result = await runCli(['plan', '-refresh=false'], { cwd: work.path });
    expect(result.stdout.split('\n')[0]).toBe('Using http://127.0.0.1:9 (from the lifeboat provider block in main.tf.json)');
  });
});
