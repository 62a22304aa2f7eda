import { open, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fsyncDir, tempPathFor, writeFileAtomic } from '../internal/atomic-file.js';
import type { BlobInfo, BlobStore, TransferOptions } from './blob-store.js';
import { BlobHashMismatchError, BlobNotFoundError, ManifestUnreadableError } from './errors.js';
import { assertBackupId, assertBlobHash, assertRegionId, isBlobHash, isStoreId } from './keys.js';
import { ensureDir, HashingTransform, writeVerified, type VerifiedSource } from './verified-write.js';

/** Where a filesystem region lives. */
export interface FsBlobStoreOptions {
  readonly regionId: string;
  /** The region's directory; made absolute against the working directory. */
  readonly root: string;
}

/** Read size for blob streams: large enough that a multi-GB segment is not a million reads. */
const chunkBytes = 256 * 1024;
const manifestSuffix = '.json';

/**
 * A region as a directory:
 *
 * ```
 * <root>/blobs/<first 2 hex>/<sha256>   content-addressed segment bytes
 * <root>/manifests/<backupId>.json      one per complete backup, written last
 * <root>/tmp/                           in-flight copies, renamed into blobs/ when verified
 * ```
 *
 * `tmp/` sits under the same root as `blobs/`, so the final rename never crosses a file system
 * and is atomic: a blob's final name only ever holds bytes that hashed to that name. Two puts of
 * the same hash may both copy; each has its own temp file and the later rename replaces identical
 * content, so no lock is needed.
 */
export class FsBlobStore implements BlobStore {
  readonly regionId: string;
  readonly root: string;
  readonly #blobsDir: string;
  readonly #manifestsDir: string;
  readonly #tmpDir: string;

  constructor(options: FsBlobStoreOptions) {
    assertRegionId(options.regionId);
    if (typeof options.root !== 'string' || options.root === '') {
      throw new TypeError(`FsBlobStore for region ${options.regionId} needs a root directory; got ${JSON.stringify(options.root)}.`);
    }
    this.regionId = options.regionId;
    this.root = resolve(options.root);
    this.#blobsDir = join(this.root, 'blobs');
    this.#manifestsDir = join(this.root, 'manifests');
    this.#tmpDir = join(this.root, 'tmp');
  }

  /** Creates the region's directories. Optional: every write also creates what it needs. */
  async init(): Promise<void> {
    await ensureDir(this.#blobsDir);
    await ensureDir(this.#manifestsDir);
    await ensureDir(this.#tmpDir);
  }

  /** The file holding a blob (whether or not it exists). */
  blobPath(hash: string): string {
    assertBlobHash(hash);
    return join(this.#blobsDir, hash.slice(0, 2), hash);
  }

  /** The file holding a backup's manifest (whether or not it exists). */
  manifestPath(backupId: string): string {
    assertBackupId(backupId);
    return join(this.#manifestsDir, `${backupId}${manifestSuffix}`);
  }

  async has(hash: string): Promise<boolean> {
    return (await this.size(hash)) !== undefined;
  }

  async size(hash: string): Promise<number | undefined> {
    const stats = await stat(this.blobPath(hash)).catch(ignoreMissing);
    return stats?.isFile() === true ? stats.size : undefined;
  }

  async putFile(hash: string, sourcePath: string, options: TransferOptions = {}): Promise<{ readonly written: number }> {
    const destPath = this.blobPath(hash);
    if (await this.#touchIfPresent(destPath)) return { written: 0 };
    return this.#write(hash, destPath, options, {
      source: { file: sourcePath },
      shownAs: sourcePath,
      hint: `Nothing was stored in region ${this.regionId}. The file changed or was damaged after its hash was taken; hash it again (for a segment, take a new snapshot) before backing it up.`,
    });
  }

  async copyFrom(source: BlobStore, hash: string, options: TransferOptions = {}): Promise<{ readonly written: number }> {
    const destPath = this.blobPath(hash);
    if (await this.#touchIfPresent(destPath)) return { written: 0 };
    const sourcePath = source instanceof FsBlobStore ? ` (${source.blobPath(hash)})` : '';
    return this.#write(hash, destPath, options, {
      // Between two file-system regions the blob file itself is the source: the kernel copies it.
      source: source instanceof FsBlobStore ? { file: source.blobPath(hash), readError: source.#notFound(hash) } : { stream: () => source.createReadStream(hash) },
      shownAs: `blob ${hash} in region ${source.regionId}${sourcePath}`,
      hint: `Nothing was stored in region ${this.regionId}. Region ${source.regionId} holds a damaged copy: delete that blob there and copy it again from a region where it verifies, or take a new backup.`,
    });
  }

  async readTo(hash: string, destPath: string, options: TransferOptions = {}): Promise<{ readonly bytes: number }> {
    const blobPath = this.blobPath(hash);
    return writeVerified({
      source: { file: blobPath, readError: this.#notFound(hash) },
      expectedHash: hash,
      tempPath: tempPathFor(destPath),
      destPath,
      signal: options.signal,
      onBytes: options.onBytes,
      mismatchError: ({ actualHash, bytes }) =>
        new BlobHashMismatchError({
          regionId: this.regionId,
          expectedHash: hash,
          actualHash,
          bytes,
          source: `blob ${hash} in region ${this.regionId} (${blobPath})`,
          hint: `Nothing was written to ${destPath}. Restore from a copy of the backup in another region; delete this blob so the next copy replaces it.`,
        }),
    });
  }

  /**
   * A byte stream of the blob. A missing blob surfaces as a `BlobNotFoundError` on the stream
   * (when it is first read), not as a bare ENOENT.
   */
  createReadStream(hash: string): Readable {
    return Readable.from(readChunks(this.blobPath(hash), this.#notFound(hash)), { objectMode: false });
  }

  /** Turns ENOENT from reading a blob into a `BlobNotFoundError`; other errors pass. */
  #notFound(hash: string): (error: unknown) => unknown {
    return (error) => (isMissing(error) ? new BlobNotFoundError({ regionId: this.regionId, hash, path: this.blobPath(hash) }) : error);
  }

  async verify(hash: string, options: TransferOptions = {}): Promise<boolean> {
    const hasher = new HashingTransform(options.onBytes);
    const discard = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    try {
      const { signal } = options;
      await pipeline(this.createReadStream(hash), hasher, discard, signal === undefined ? {} : { signal });
    } catch (error) {
      if (error instanceof BlobNotFoundError) return false;
      throw error;
    }
    return hasher.digest() === hash;
  }

  async delete(hash: string): Promise<void> {
    await rm(this.blobPath(hash), { force: true });
  }

  /**
   * Every blob, shard by shard in name order. Blobs deleted during the walk are skipped; blobs
   * added during it may or may not appear. Stray names (temp files, other tools' files) are ignored.
   */
  async *list(): AsyncGenerator<BlobInfo, void, undefined> {
    const shards = (await readdir(this.#blobsDir).catch(ignoreMissing)) ?? [];
    for (const shard of shards.filter((name) => /^[0-9a-f]{2}$/.test(name)).sort()) {
      const shardDir = join(this.#blobsDir, shard);
      const names = (await readdir(shardDir).catch(ignoreMissing)) ?? [];
      for (const hash of names.filter((name) => isBlobHash(name) && name.startsWith(shard)).sort()) {
        const stats = await stat(join(shardDir, hash)).catch(ignoreMissing);
        if (stats?.isFile() === true) yield { hash, bytes: stats.size, modifiedMs: stats.mtimeMs };
      }
    }
  }

  async putManifest(backupId: string, manifest: unknown): Promise<void> {
    const path = this.manifestPath(backupId);
    const json = JSON.stringify(manifest, null, 2);
    if (json === undefined) {
      throw new TypeError(`The manifest of backup ${backupId} is not JSON-serialisable (got ${typeof manifest}); nothing was written.`);
    }
    await ensureDir(this.#manifestsDir);
    await writeFileAtomic(path, `${json}\n`);
  }

  async getManifest(backupId: string): Promise<unknown> {
    const path = this.manifestPath(backupId);
    const text = await readFile(path, 'utf8').catch(ignoreMissing);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch (cause) {
      throw new ManifestUnreadableError({ regionId: this.regionId, backupId, path, cause });
    }
  }

  async deleteManifest(backupId: string): Promise<void> {
    const path = this.manifestPath(backupId);
    await rm(path, { force: true });
    // Durable, so a backup deleted before a crash does not come back as restorable after it.
    await fsyncDir(this.#manifestsDir).catch(ignoreMissing);
  }

  async listManifests(): Promise<string[]> {
    const names = (await readdir(this.#manifestsDir).catch(ignoreMissing)) ?? [];
    return names
      .filter((name) => name.endsWith(manifestSuffix))
      .map((name) => name.slice(0, -manifestSuffix.length))
      .filter((id) => isStoreId(id))
      .sort();
  }

  /**
   * Removes every in-flight copy: everything under `tmp/`, and temp files an interrupted
   * `putManifest` left in `manifests/`. Only safe when no transfer on this store is running,
   * i.e. at server start before the job runner claims anything.
   */
  async cleanTemp(): Promise<{ readonly removed: number }> {
    const inTmp = ((await readdir(this.#tmpDir).catch(ignoreMissing)) ?? []).map((name) => join(this.#tmpDir, name));
    const inManifests = ((await readdir(this.#manifestsDir).catch(ignoreMissing)) ?? [])
      .filter((name) => name.startsWith('.tmp-'))
      .map((name) => join(this.#manifestsDir, name));
    const leftovers = [...inTmp, ...inManifests];
    await Promise.all(leftovers.map((path) => rm(path, { recursive: true, force: true })));
    return { removed: leftovers.length };
  }

  /**
   * True when the blob is already stored. Bumps its mtime, so the garbage collector's grace
   * period counts from this reuse: a backup that finds a blob present and will reference it in
   * its manifest must not see it collected before that manifest is written.
   */
  async #touchIfPresent(path: string): Promise<boolean> {
    const now = new Date();
    try {
      await utimes(path, now, now);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async #write(
    hash: string,
    destPath: string,
    options: TransferOptions,
    transfer: { readonly source: VerifiedSource; readonly shownAs: string; readonly hint: string },
  ): Promise<{ readonly written: number }> {
    await ensureDir(this.#tmpDir);
    await ensureDir(join(this.#blobsDir, hash.slice(0, 2)));
    const { bytes } = await writeVerified({
      source: transfer.source,
      expectedHash: hash,
      tempPath: tempPathFor(join(this.#tmpDir, hash)),
      destPath,
      signal: options.signal,
      onBytes: options.onBytes,
      mismatchError: ({ actualHash, bytes: read }) =>
        new BlobHashMismatchError({
          regionId: this.regionId,
          expectedHash: hash,
          actualHash,
          bytes: read,
          source: transfer.shownAs,
          hint: transfer.hint,
        }),
    });
    return { written: bytes };
  }
}

/** Reads a blob file in chunks; opening lazily lets a missing blob fail the stream as BlobNotFoundError. */
async function* readChunks(path: string, openError: (error: unknown) => unknown): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw openError(error);
  });
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(chunkBytes);
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null);
      if (bytesRead === 0) return;
      yield bytesRead === chunkBytes ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

/** For `.catch()`: turns ENOENT into `undefined` and rethrows anything else. */
function ignoreMissing(error: unknown): undefined {
  if (isMissing(error)) return undefined;
  throw error;
}
