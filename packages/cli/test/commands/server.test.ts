import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

let dir: TempDir;

beforeAll(async () => {
  dir = await tempDir('lifeboat-cli-serve-');
});

afterAll(() => dir.remove());

describe('lifeboat server', () => {
  it('serves the API until SIGTERM, says where the owner key is, and exits 0', async () => {
    const server = startCli(['server', '--port', '0', '--data-dir', 'data'], { cwd: dir.path });
    await server.waitFor(/Stop it with Ctrl-C\./);
    const url = /^Lifeboat server on (http:\/\/127\.0\.0\.1:\d+) \(data in (\S+)\)\.$/m.exec(server.stdout())?.[1] ?? '';
    expect(server.stdout()).toContain(`(data in ${join(dir.path, 'data')}).`);
    expect(server.stdout()).toContain('Owner API key: data/owner.key (readable only by you).');
    expect(server.stdout()).toContain(`Point the CLI at it: export LIFEBOAT_ENDPOINT=${url} LIFEBOAT_API_KEY="$(cat data/owner.key)"`);

    const apiKey = (await readFile(join(dir.path, 'data', 'owner.key'), 'utf8')).trim();
    const client = new Lifeboat({ baseUrl: url, apiKey });
    const [project] = await client.projects.list();
    const { clusterId } = await client.clusters.create({ projectId: project?.projectId ?? '', regionId: 'local-1', clusterName: 'served', cuSize: 1 });
    const listed = await runCli(['clusters', 'list', '--json'], { env: { LIFEBOAT_ENDPOINT: url, LIFEBOAT_API_KEY: apiKey } });
    expect(JSON.parse(listed.stdout)).toMatchObject([{ clusterId, clusterName: 'served' }]);

    server.child.kill('SIGTERM');
    const result = await server.done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/INFO lifeboat server listening/);
    expect(result.stderr).toContain('SIGTERM: stopping; running jobs get a few seconds, the rest resume on the next start.');
    expect(result.stderr).toContain('Stopped.');
    expect(result.stderr).not.toContain(apiKey);
  });

  it('refuses an invalid setting with the fix', async () => {
    const result = await runCli(['server', '--port', '99999', '--data-dir', 'data'], { cwd: dir.path });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Error: Invalid port 99999: use 0–65535. Run lifeboat server --help for the settings it takes. (code INVALID_SERVER_CONFIG)\n');
  });
});
