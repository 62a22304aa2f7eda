import { createHash } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fsyncDir } from '../internal/atomic-file.js';

/** Passes bytes through unchanged, hashing them and reporting each chunk's size as it goes. */
export class HashingTransform extends Transform {
  readonly #hash = createHash('sha256');
  readonly #onBytes: ((bytes: number) => void) | undefined;
  #bytes = 0;

  constructor(onBytes?: (bytes: number) => void) {
    super();
    this.#onBytes = onBytes;
  }

  /** Bytes seen so far. */
  get bytes(): number {
    return this.#bytes;
  }

  /** SHA-256 of everything seen, in lowercase hex. Call once, after the stream has ended. */
  digest(): string {
    return this.#hash.digest('hex');
  }

  override _transform(chunk: Uint8Array | string, encoding: BufferEncoding, callback: TransformCallback): void {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    this.#hash.update(data);
    this.#bytes += data.length;
    try {
      this.#onBytes?.(data.length);
    } catch (error) {
      // A throwing progress callback fails the copy rather than escaping as an uncaught exception.
      callback(error as Error);
      return;
    }
    callback(null, data);
  }
}

/** Writes to an open FileHandle without closing it, so the caller can fsync before close. */
class FileHandleSink extends Writable {
  readonly #handle: FileHandle;

  constructor(handle: FileHandle) {
    super();
    this.#handle = handle;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    writeFully(this.#handle, chunk).then(() => callback(), callback);
  }
}

async function writeFully(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

/** One verified, atomic write: a source stream into `destPath` by way of `tempPath`. */
export interface VerifiedWriteRequest {
  /**
   * Opens the source. Called only once the temp file exists, so a failure to create it never
   * leaves an open source behind.
   */
  readonly openSource: () => NodeJS.ReadableStream;
  /** The SHA-256 the bytes must have; otherwise nothing is written. */
  readonly expectedHash: string;
  /** Where the bytes go while in flight: on the same file system as `destPath`. */
  readonly tempPath: string;
  readonly destPath: string;
  readonly signal?: AbortSignal | undefined;
  readonly onBytes?: ((bytes: number) => void) | undefined;
  /** Builds the error thrown on a mismatch (the temp file is removed either way). */
  readonly mismatchError: (found: { readonly actualHash: string; readonly bytes: number }) => Error;
}

/**
 * Copies a stream to `destPath` so that the final name only ever holds verified bytes: write to
 * the temp file while hashing, compare, fsync, rename, fsync the directory. On any failure (read
 * error, abort, mismatch) the temp file is removed and the destination is left as it was.
 */
export async function writeVerified(request: VerifiedWriteRequest): Promise<{ readonly bytes: number }> {
  const { signal } = request;
  signal?.throwIfAborted();
  const handle = await open(request.tempPath, 'wx', 0o644);
  let renamed = false;
  try {
    let bytes: number;
    try {
      const hasher = new HashingTransform(request.onBytes);
      await pipeline(request.openSource(), hasher, new FileHandleSink(handle), signal === undefined ? {} : { signal });
      const actualHash = hasher.digest();
      bytes = hasher.bytes;
      if (actualHash !== request.expectedHash) throw request.mismatchError({ actualHash, bytes });
      await handle.sync();
    } finally {
      await handle.close();
    }
    signal?.throwIfAborted();
    await rename(request.tempPath, request.destPath);
    renamed = true;
    await fsyncDir(dirname(request.destPath));
    return { bytes };
  } finally {
    if (!renamed) await rm(request.tempPath, { force: true });
  }
}

/**
 * Creates a directory (and missing parents) and makes the new entries durable, so a blob renamed
 * into a freshly made shard directory survives a power cut along with its directory.
 */
export async function ensureDir(dir: string): Promise<void> {
  const firstCreated = await mkdir(dir, { recursive: true });
  if (firstCreated === undefined) return;
  for (let created = dir; ; created = dirname(created)) {
    await fsyncDir(dirname(created));
    if (created === firstCreated || dirname(created) === created) return;
  }
}
