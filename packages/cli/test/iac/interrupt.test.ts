import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.js';
import { seedCluster, startTestServer, type TestServer } from '../support/server.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

/**
 * Ctrl-C during `lifeboat apply`, through the built binary: scheduling stops, the creates in
 * flight are recorded as pending and keep running on the server, the state is written, the
 * process exits 130 saying what was left running, and the next apply finishes the job without
 * duplicates.
 */

const keys = ['k0', 'k1', 'k2', 'k3', 'k4'] as const;

let server: TestServer;
let work: TempDir;
const clusters: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const key of keys) clusters[key] = await seedCluster(server.client, server.server.defaultProjectId, `orders-${key}`, 30);
  work = await tempDir();
  await work.write('main.tf.json', {
    variable: { clusters: { type: 'map(string)', default: clusters } },
    resource: { lifeboat_backup: { manual: { for_each: '${var.clusters}', cluster_id: '${each.value}' } } },
  });
});

afterAll(async () => {
  await server?.close();
  await work?.remove();
});

describe('Ctrl-C during apply', () => {
  it('exits 130 listing what was left running, writes the state, and the next apply converges', async () => {
    const cli = startCli(['apply', '-auto-approve', '-parallelism=2'], { cwd: work.path, env: server.env });
    // Backup jobs take at least one poll (half a second) to be seen finished: the first creates are in flight.
    await cli.waitFor(/Creating\.\.\./);
    cli.child.kill('SIGINT');
    const interrupted = await cli.done;

    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toContain('Interrupt received: no new operations will start');
    expect(interrupted.stderr).toContain('Interrupted while running (recorded as pending in the state; the next apply picks them up):');
    expect(interrupted.stderr).toMatch(/^ {2}lifeboat_backup\.manual\["k\d"\]: (still running on the server \(job \S+, id \S+\)|stopped before the server answered; the next apply sends it again with the same idempotency key, so it is not done twice)$/m);
    expect(interrupted.stderr).toMatch(/Not started: lifeboat_backup\.manual\["k\d"\]/);
    expect(interrupted.stderr).toMatch(/Error: The apply was interrupted; .*\(code INTERRUPTED\)\n$/);
    expect(interrupted.stdout).not.toContain('Apply complete!');

    // The state loads, and records the interrupted creates as pending with their keys.
    const pulled = await runCli(['state', 'pull'], { cwd: work.path });
    const state = JSON.parse(pulled.stdout);
    expect(state.pending.length).toBeGreaterThanOrEqual(1);
    const leftRunning = [...interrupted.stderr.matchAll(/^ {2}(lifeboat_backup\.manual\["k\d"\])/gm)].map((match) => match[1]);
    expect(state.pending.map((op: { address: string }) => op.address).sort()).toEqual([...leftRunning].sort());

    const resumed = await runCli(['apply', '-auto-approve'], { cwd: work.path, env: server.env });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`Apply complete! Resources: ${keys.length - (state.resources.length as number)} added`);
    const again = await runCli(['plan', '-detailed-exitcode'], { cwd: work.path, env: server.env });
    expect(again.code).toBe(0);

    // No duplicates: each cluster has the one manual backup the state records.
    await server.server.idle(20_000);
    for (const key of keys) {
      const manual = await server.client.backups.list({ clusterId: clusters[key] ?? '', creationMethod: 'MANUAL' }).toArray();
      expect(manual.filter((backup) => backup.status !== 'FAILED'), key).toHaveLength(1);
    }
  }, 60_000);
});
