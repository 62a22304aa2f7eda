import { open, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BlobHashMismatchError, BlobNotFoundError, FsBlobStore } from '../../src/storage/index.js';
import { collect, entries, expectSameBytes, sha256, useTempDirs, writeSource } from './helpers.js';

const tempDir = useTempDirs();

async function newStore(regionId = 'local-1'): Promise<{ store: FsBlobStore; root: string; work: string }> {
  const root = await tempDir();
  const work = await tempDir();
  return { store: new FsBlobStore({ regionId, root }), root, work };
}

describe('FsBlobStore blobs', () => {
  it('stores a file under its hash and reads back identical bytes', async () => {
    const { store, root, work } = await newStore();
    const source = await writeSource(work, 'segment', 300_000);

    const { written } = await store.putFile(source.hash, source.path);

    expect(written).toBe(source.bytes.length);
    expect(await store.has(source.hash)).toBe(true);
    expect(await store.size(source.hash)).toBe(source.bytes.length);
    expectSameBytes(await readFile(join(root, 'blobs', source.hash.slice(0, 2), source.hash)), source.bytes);
    const dest = join(work, 'restored');
    expect(await store.readTo(source.hash, dest)).toEqual({ bytes: source.bytes.length });
    expectSameBytes(await readFile(dest), source.bytes);
    expect(await entries(join(root, 'tmp'))).toEqual([]);
  });

  it('reports an absent blob as absent', async () => {
    const { store } = await newStore();
    const hash = sha256(Buffer.from('never stored'));

    expect(await store.has(hash)).toBe(false);
    expect(await store.size(hash)).toBeUndefined();
  });

  it('writes nothing and reads nothing when the blob is already stored', async () => {
    const { store, work } = await newStore();
    const source = await writeSource(work, 'segment', 100_000);
    await store.putFile(source.hash, source.path);
    const onBytes = vi.fn();

    const again = await store.putFile(source.hash, source.path, { onBytes });
    // The source is gone: a second put that tried to read it would fail.
    const missingSource = await store.putFile(source.hash, join(work, 'no-such-file'), { onBytes });

    expect(again).toEqual({ written: 0 });
    expect(missingSource).toEqual({ written: 0 });
    expect(onBytes).not.toHaveBeenCalled();
  });

  it('restarts the garbage-collection grace period of a blob it finds already stored', async () => {
    const { store, work } = await newStore();
    const source = await writeSource(work, 'segment', 1000);
    await store.putFile(source.hash, source.path);
    const longAgo = new Date(Date.now() - 30 * 86_400_000);
    await utimes(store.blobPath(source.hash), longAgo, longAgo);

    await store.putFile(source.hash, source.path);

    const [info] = await collect(store.list());
    expect(info?.modifiedMs).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses content that does not match the expected hash and leaves no blob and no temp file', async () => {
    const { store, root, work } = await newStore();
    const source = await writeSource(work, 'segment', 50_000);
    const claimed = sha256(Buffer.from('something else'));

    const error = await store.putFile(claimed, source.path).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BlobHashMismatchError);
    expect(error).toMatchObject({
      errorName: 'INTERNAL',
      regionId: 'local-1',
      expectedHash: claimed,
      actualHash: source.hash,
      bytes: source.bytes.length,
      source: source.path,
    });
    expect((error as Error).message).toMatch(/source is corrupt/);
    expect(await store.has(claimed)).toBe(false);
    expect(await entries(join(root, 'tmp'))).toEqual([]);
    expect(await entries(join(root, 'blobs', claimed.slice(0, 2)))).toEqual([]);
  });

  it('lets concurrent puts of the same content both succeed and stores one intact blob', async () => {
    const { store, root, work } = await newStore();
    const source = await writeSource(work, 'segment', 2_000_000);

    const results = await Promise.all([1, 2, 3, 4].map(() => store.putFile(source.hash, source.path)));

    for (const { written } of results) expect([0, source.bytes.length]).toContain(written);
    expect(await store.verify(source.hash)).toBe(true);
    expect(await collect(store.list())).toHaveLength(1);
    expect(await entries(join(root, 'tmp'))).toEqual([]);
  });

  it('copies between regions only the blobs the destination is missing', async () => {
    const { store: primary, work } = await newStore('local-1');
    const { store: standby } = await newStore('local-2');
    const sources = await Promise.all([1, 2, 3].map((n) => writeSource(work, `segment-${n}`, 10_000 * n)));
    for (const source of sources) await primary.putFile(source.hash, source.path);
    const [first, second, third] = sources as [(typeof sources)[0], (typeof sources)[0], (typeof sources)[0]];
    await standby.putFile(first.hash, first.path);

    const written = [];
    for (const source of sources) written.push((await standby.copyFrom(primary, source.hash)).written);

    expect(written).toEqual([0, second.bytes.length, third.bytes.length]);
    for (const source of sources) {
      const dest = join(work, `restored-${source.hash}`);
      await standby.readTo(source.hash, dest);
      expectSameBytes(await readFile(dest), source.bytes);
    }
  });

  it('copies from a store of another kind through its stream, refusing bytes that do not match the hash', async () => {
    const { store: primary, work } = await newStore('local-1');
    const { store: standby, root } = await newStore('local-2');
    const source = await writeSource(work, 'segment', 3 * 1024 * 1024 + 5);
    const other = await writeSource(work, 'other', 1000);
    await primary.putFile(source.hash, source.path);
    await primary.putFile(other.hash, other.path);
    // Not an FsBlobStore, so the copy cannot read its files and must go through its streams.
    const remote = { regionId: 'remote-1', createReadStream: (hash: string) => primary.createReadStream(hash) } as unknown as FsBlobStore;
    const lying = { regionId: 'remote-2', createReadStream: () => primary.createReadStream(other.hash) } as unknown as FsBlobStore;

    expect(await standby.copyFrom(remote, source.hash)).toEqual({ written: source.bytes.length });
    await expect(standby.copyFrom(lying, sha256(Buffer.from('expected')))).rejects.toBeInstanceOf(BlobHashMismatchError);

    const dest = join(work, 'restored');
    await standby.readTo(source.hash, dest);
    expectSameBytes(await readFile(dest), source.bytes);
    expect(await entries(join(root, 'tmp'))).toEqual([]);
  });

  it('fails a copy of a blob the source region lacks with BlobNotFoundError and leaves no temp file', async () => {
    const { store: primary } = await newStore('local-1');
    const { store: standby, root } = await newStore('local-2');
    const hash = sha256(Buffer.from('lost'));

    const error = await standby.copyFrom(primary, hash).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BlobNotFoundError);
    expect(error).toMatchObject({ errorName: 'INTERNAL', regionId: 'local-1', hash });
    expect(await standby.has(hash)).toBe(false);
    expect(await entries(join(root, 'tmp'))).toEqual([]);
  });

  it('reports progress as deltas that sum to the blob size', async () => {
    const { store: primary, work } = await newStore('local-1');
    const { store: standby } = await newStore('local-2');
    const source = await writeSource(work, 'segment', 3 * 1024 * 1024 + 17);
    const deltas = { put: [] as number[], copy: [] as number[], read: [] as number[], verify: [] as number[] };

    await primary.putFile(source.hash, source.path, { onBytes: (n) => deltas.put.push(n) });
    await standby.copyFrom(primary, source.hash, { onBytes: (n) => deltas.copy.push(n) });
    await standby.readTo(source.hash, join(work, 'restored'), { onBytes: (n) => deltas.read.push(n) });
    await standby.verify(source.hash, { onBytes: (n) => deltas.verify.push(n) });

    for (const list of Object.values(deltas)) {
      expect(list.length).toBeGreaterThan(1);
      expect(list.reduce((sum, n) => sum + n, 0)).toBe(source.bytes.length);
    }
  });

  it('rejects a put aborted mid-copy and leaves neither a blob nor a temp file', async () => {
    const { store, root, work } = await newStore();
    const source = await writeSource(work, 'large', 20 * 1024 * 1024);
    const controller = new AbortController();
    let seen = 0;

    const put = store.putFile(source.hash, source.path, {
      signal: controller.signal,
      onBytes: (n) => {
        seen += n;
        if (seen >= 1024 * 1024) controller.abort();
      },
    });

    await expect(put).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toBeLessThan(source.bytes.length);
    expect(await store.has(source.hash)).toBe(false);
    expect(await entries(join(root, 'tmp'))).toEqual([]);
  });

  it('rejects a restore aborted mid-copy and leaves no file at the destination', async () => {
    const { store, work } = await newStore();
    const source = await writeSource(work, 'large', 20 * 1024 * 1024);
    await store.putFile(source.hash, source.path);
    const restoreDir = await tempDir();
    const controller = new AbortController();

    const read = store.readTo(source.hash, join(restoreDir, 'segment'), {
      signal: controller.signal,
      onBytes: () => controller.abort(),
    });

    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
    expect(await entries(restoreDir)).toEqual([]);
  });

  it('does not start a transfer whose signal is already aborted', async () => {
    const { store, root, work } = await newStore();
    const source = await writeSource(work, 'segment', 1000);
    const onBytes = vi.fn();

    await expect(store.putFile(source.hash, source.path, { signal: AbortSignal.abort(), onBytes })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(onBytes).not.toHaveBeenCalled();
    expect(await entries(join(root, 'tmp'))).toEqual([]);
  });

  it('verify detects a flipped byte, and readTo refuses the corrupt blob', async () => {
    const { store, work } = await newStore();
    const source = await writeSource(work, 'segment', 100_000);
    await store.putFile(source.hash, source.path);
    expect(await store.verify(source.hash)).toBe(true);

    const handle = await open(store.blobPath(source.hash), 'r+');
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, 4242);
    await handle.write(Buffer.from([byte[0]! ^ 0x01]), 0, 1, 4242);
    await handle.close();

    expect(await store.verify(source.hash)).toBe(false);
    const restoreDir = await tempDir();
    await expect(store.readTo(source.hash, join(restoreDir, 'segment'))).rejects.toBeInstanceOf(BlobHashMismatchError);
    expect(await entries(restoreDir)).toEqual([]);
  });

  it('verify reports an absent blob as not intact', async () => {
    const { store } = await newStore();

    expect(await store.verify(sha256(Buffer.from('absent')))).toBe(false);
  });

  it('lists every blob with its size and modification time', async () => {
    const { store, work } = await newStore();
    const sources = await Promise.all(Array.from({ length: 20 }, (_, n) => writeSource(work, `segment-${n}`, 100 + n)));
    for (const source of sources) await store.putFile(source.hash, source.path);
    // Strays the walk must ignore.
    await writeFile(join(store.root, 'blobs', sources[0]!.hash.slice(0, 2), 'notes.txt'), 'x');

    const listed = await collect(store.list());

    expect(listed.map((info) => info.hash).sort()).toEqual(sources.map((source) => source.hash).sort());
    for (const info of listed) {
      const source = sources.find((candidate) => candidate.hash === info.hash);
      expect(info.bytes).toBe(source?.bytes.length);
      expect(info.modifiedMs).toBe((await stat(store.blobPath(info.hash))).mtimeMs);
    }
  });

  it('lists nothing for a region that has never stored a blob', async () => {
    const store = new FsBlobStore({ regionId: 'local-1', root: join(await tempDir(), 'not-created') });

    expect(await collect(store.list())).toEqual([]);
  });

  it('deletes idempotently', async () => {
    const { store, work } = await newStore();
    const source = await writeSource(work, 'segment', 1000);
    await store.putFile(source.hash, source.path);

    await store.delete(source.hash);
    await store.delete(source.hash);
    await store.delete(sha256(Buffer.from('never stored')));

    expect(await store.has(source.hash)).toBe(false);
  });

  it('cleanTemp removes every leftover in-flight file', async () => {
    const { store, root, work } = await newStore();
    await store.init();
    await writeFile(join(root, 'tmp', '.tmp-0123456789ab-deadbeef'), 'partial');
    await writeFile(join(root, 'manifests', '.tmp-0123456789ab-backup-1.json'), '{"partial');
    const source = await writeSource(work, 'segment', 1000);
    await store.putFile(source.hash, source.path);
    await store.putManifest('backup-1', { ok: true });

    expect(await store.cleanTemp()).toEqual({ removed: 2 });

    expect(await entries(join(root, 'tmp'))).toEqual([]);
    expect(await entries(join(root, 'manifests'))).toEqual(['backup-1.json']);
    expect(await store.verify(source.hash)).toBe(true);
    expect(await store.cleanTemp()).toEqual({ removed: 0 });
  });

  it('refuses an invalid hash before touching the disk', async () => {
    const root = join(await tempDir(), 'region');
    const store = new FsBlobStore({ regionId: 'local-1', root });
    const other = new FsBlobStore({ regionId: 'local-2', root: join(root, '..', 'other') });
    const work = await tempDir();
    const source = await writeSource(work, 'segment', 10);
    const bad = ['../x', '', source.hash.toUpperCase(), source.hash.slice(1), `${source.hash}0`, `../${source.hash.slice(3)}`];

    for (const hash of bad) {
      await expect(store.has(hash)).rejects.toThrow(TypeError);
      await expect(store.size(hash)).rejects.toThrow(TypeError);
      await expect(store.putFile(hash, source.path)).rejects.toThrow(/Invalid blob hash/);
      await expect(store.copyFrom(other, hash)).rejects.toThrow(TypeError);
      await expect(store.readTo(hash, join(work, 'out'))).rejects.toThrow(TypeError);
      await expect(store.verify(hash)).rejects.toThrow(TypeError);
      await expect(store.delete(hash)).rejects.toThrow(TypeError);
      expect(() => store.createReadStream(hash)).toThrow(TypeError);
    }

    expect(await entries(join(root, '..'))).toEqual([]);
    expect(await entries(work)).toEqual(['segment']);
  });
});
