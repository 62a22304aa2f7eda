import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The engine's throwaway PostgreSQL, shared rather than copied.
import { findPostgresBinaries, startPostgres, type PostgresServer } from '../../../engine/test/state/postgres-server.js';
import { runCli } from '../support/cli.js';
import { seedCluster, startTestServer, type TestServer } from '../support/server.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

/** The state in PostgreSQL, named by the configuration's `terraform { backend "pg" }` block, as Terraform reads it. */

const binaries = findPostgresBinaries();

describe.skipIf(binaries === undefined)('a configuration with a pg backend', () => {
  let postgres: PostgresServer;
  let server: TestServer;
  let work: TempDir;

  beforeAll(async () => {
    if (binaries === undefined) return;
    [postgres, server, work] = await Promise.all([startPostgres(binaries), startTestServer(), tempDir()]);
    const clusterId = await seedCluster(server.client, server.server.defaultProjectId, 'orders');
    await work.write('main.tf.json', {
      terraform: { backend: { pg: { schema_name: 'lifeboat_cli' } } },
      resource: { lifeboat_backup_policy: { nightly: { cluster_id: clusterId, frequency: 'daily', start_time: '02:00-04:00', retention_days: 7 } } },
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([postgres?.stop(), server?.close(), work?.remove()]);
  });

  it('keeps the state there (conn_str from PG_CONN_STR), not in a local file', async () => {
    const env = { ...server.env, PG_CONN_STR: postgres.connectionString };
    const applied = await runCli(['apply', '-auto-approve'], { cwd: work.path, env });
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    const [list, plan] = await Promise.all([runCli(['state', 'list'], { cwd: work.path, env }), runCli(['plan', '-detailed-exitcode'], { cwd: work.path, env })]);
    expect(list.stdout).toBe('lifeboat_backup_policy.nightly\n');
    expect(plan.code).toBe(0);
    const withoutDatabase = await runCli(['state', 'list'], { cwd: work.path });
    expect(withoutDatabase.code).toBe(1);
    expect(withoutDatabase.stderr).toContain('(code INVALID_BACKEND)');
  });
});
