import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegions } from '../../src/storage/index.js';
import { entries, useTempDirs, writeSource } from './helpers.js';

const tempDir = useTempDirs();

describe('openRegions', () => {
  it('opens local-1, local-2 and local-3 under the data directory by default', async () => {
    const dataDir = await tempDir();

    const { stores, regions } = await openRegions({ dataDir });

    expect([...stores.keys()]).toEqual(['local-1', 'local-2', 'local-3']);
    expect(regions.map((region) => region.regionId)).toEqual(['local-1', 'local-2', 'local-3']);
    expect(regions.every((region) => region.cloudProvider === 'local' && region.description !== '')).toBe(true);
    for (const regionId of ['local-1', 'local-2', 'local-3']) {
      expect(stores.get(regionId)?.regionId).toBe(regionId);
      expect((await entries(join(dataDir, 'regions', regionId))).sort()).toEqual(['blobs', 'manifests', 'tmp']);
    }
  });

  it('keeps each region separate, so a copy really moves bytes', async () => {
    const dataDir = await tempDir();
    const { stores } = await openRegions({ dataDir });
    const source = await writeSource(await tempDir(), 'segment', 1000);

    await stores.get('local-1')?.putFile(source.hash, source.path);

    expect(await stores.get('local-2')?.has(source.hash)).toBe(false);
    expect(await stores.get('local-2')?.copyFrom(stores.get('local-1')!, source.hash)).toEqual({ written: 1000 });
  });

  it('opens configured regions with their descriptions, resolving relative roots from the data directory', async () => {
    const dataDir = await tempDir();
    const elsewhere = await tempDir();

    const { stores, regions } = await openRegions({
      dataDir,
      regions: [
        { regionId: 'eu-west', description: 'Backups in the Dublin rack', root: 'eu' },
        { regionId: 'us-east', root: elsewhere },
      ],
    });

    expect(regions).toEqual([
      { regionId: 'eu-west', cloudProvider: 'local', description: 'Backups in the Dublin rack' },
      { regionId: 'us-east', cloudProvider: 'local', description: expect.stringContaining('us-east') },
    ]);
    expect(stores.get('eu-west')?.root).toBe(join(dataDir, 'eu'));
    expect((await stat(join(dataDir, 'eu', 'blobs'))).isDirectory()).toBe(true);
    expect(stores.get('us-east')?.root).toBe(elsewhere);
  });

  it('refuses a configuration where two regions share an id or a directory', async () => {
    const dataDir = await tempDir();

    await expect(openRegions({ dataDir, regions: [{ regionId: 'a' }, { regionId: 'a' }] })).rejects.toThrow(/configured twice/);
    await expect(
      openRegions({ dataDir, regions: [{ regionId: 'a', root: 'same' }, { regionId: 'b', root: join(dataDir, 'same') }] }),
    ).rejects.toThrow(/share the directory/);
    await expect(openRegions({ dataDir, regions: [] })).rejects.toThrow(/No regions configured/);
    await expect(openRegions({ dataDir, regions: [{ regionId: '../escape' }] })).rejects.toThrow(/Invalid regionId/);
    expect(await entries(dataDir)).toEqual([]);
  });
});
