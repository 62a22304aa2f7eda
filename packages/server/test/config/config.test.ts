import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/index.js';

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lifeboat-config-'));
  file = join(dir, 'server.json');
  await writeFile(file, JSON.stringify({ dataDir: '/from/file', port: 9000, regions: [{ regionId: 'east' }, { regionId: 'west', root: '/mnt/west' }] }));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('standalone configuration', () => {
  it('defaults to 127.0.0.1:7433 with data in .lifeboat', async () => {
    expect(await loadServerConfig([], {})).toMatchObject({ host: '127.0.0.1', port: 7433, dataDir: '.lifeboat' });
  });

  it('lets flags beat the environment, and the environment beat the file', async () => {
    const env = { LIFEBOAT_CONFIG: file, LIFEBOAT_PORT: '9100' };
    expect(await loadServerConfig([], env)).toMatchObject({ dataDir: '/from/file', port: 9100, regions: [{ regionId: 'east' }, { regionId: 'west', root: '/mnt/west' }] });
    expect(await loadServerConfig(['--port', '9200', '--data-dir=/from/flag'], env)).toMatchObject({ dataDir: '/from/flag', port: 9200 });
  });

  it('names what is wrong: an unknown flag, a bad port, an unknown key in the file', async () => {
    await expect(loadServerConfig(['--verbose'], {})).rejects.toThrow(/Unknown option --verbose/);
    await expect(loadServerConfig(['--port', 'eighty'], {})).rejects.toThrow(/Invalid port eighty/);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ prot: 80 }));
    await expect(loadServerConfig(['--config', bad], {})).rejects.toThrow(/Invalid config file .*prot/);
    await writeFile(bad, '{ "port": 80,');
    await expect(loadServerConfig(['--config', bad], {})).rejects.toThrow(/Invalid config file .*not JSON/);
  });
});
