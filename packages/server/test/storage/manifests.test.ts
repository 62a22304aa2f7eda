import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FsBlobStore, ManifestUnreadableError } from '../../src/storage/index.js';
import { entries, useTempDirs } from './helpers.js';

const tempDir = useTempDirs();

async function newStore(): Promise<FsBlobStore> {
  return new FsBlobStore({ regionId: 'local-1', root: await tempDir() });
}

const manifest = {
  backupId: 'backup0_c7b18539b97a1d2e',
  databases: [{ dbName: 'default', collections: [{ collectionName: 'docs', rowCount: 3, segments: ['ab'.repeat(32)] }] }],
};

describe('FsBlobStore manifests', () => {
  it('reads back the manifest it wrote', async () => {
    const store = await newStore();

    await store.putManifest('backup0_c7b18539b97a1d2e', manifest);

    expect(await store.getManifest('backup0_c7b18539b97a1d2e')).toEqual(manifest);
  });

  it('answers undefined for a backup without a manifest', async () => {
    const store = await newStore();

    expect(await store.getManifest('backup-never-written')).toBeUndefined();
  });

  it('writes manifests atomically, leaving only the final file behind', async () => {
    const store = await newStore();

    await store.putManifest('backup-1', { version: 1 });
    await store.putManifest('backup-1', { version: 2 });

    expect(await entries(join(store.root, 'manifests'))).toEqual(['backup-1.json']);
    expect(await store.getManifest('backup-1')).toEqual({ version: 2 });
  });

  it('lists the ids of every manifest, sorted, ignoring leftovers of interrupted writes', async () => {
    const store = await newStore();
    for (const id of ['backup-c', 'backup-a', 'backup-b']) await store.putManifest(id, { id });
    await writeFile(join(store.root, 'manifests', '.tmp-0123456789ab-backup-d.json'), '{');

    expect(await store.listManifests()).toEqual(['backup-a', 'backup-b', 'backup-c']);
  });

  it('lists no manifests for a region that has none', async () => {
    const store = new FsBlobStore({ regionId: 'local-1', root: join(await tempDir(), 'not-created') });

    expect(await store.listManifests()).toEqual([]);
  });

  it('deletes a manifest idempotently', async () => {
    const store = await newStore();
    await store.putManifest('backup-1', manifest);

    await store.deleteManifest('backup-1');
    await store.deleteManifest('backup-1');

    expect(await store.getManifest('backup-1')).toBeUndefined();
    expect(await store.listManifests()).toEqual([]);
  });

  it('reports a damaged manifest with a clear error instead of a bare SyntaxError', async () => {
    const store = await newStore();
    await store.putManifest('backup-1', manifest);
    await writeFile(store.manifestPath('backup-1'), '{"databases": [');

    const error = await store.getManifest('backup-1').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ManifestUnreadableError);
    expect(error).toMatchObject({ errorName: 'INTERNAL', backupId: 'backup-1', regionId: 'local-1' });
    expect((error as Error).message).toMatch(/backup-1 in region local-1 is not valid JSON/);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('refuses a value that is not JSON and writes nothing', async () => {
    const store = await newStore();

    await expect(store.putManifest('backup-1', undefined)).rejects.toThrow(/not JSON-serialisable/);
    expect(await store.listManifests()).toEqual([]);
  });

  it('refuses an invalid backupId before touching the disk', async () => {
    const parent = await tempDir();
    const store = new FsBlobStore({ regionId: 'local-1', root: join(parent, 'region') });
    const bad = ['../x', '', '.hidden', '-dash-first', 'a/b', 'a'.repeat(129), 'backup 1', 'x.json'];

    for (const backupId of bad) {
      await expect(store.putManifest(backupId, manifest)).rejects.toThrow(/Invalid backupId/);
      await expect(store.getManifest(backupId)).rejects.toThrow(TypeError);
      await expect(store.deleteManifest(backupId)).rejects.toThrow(TypeError);
    }

    expect(await entries(parent)).toEqual([]);
  });
});
