import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
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

/**
 * Where a verified write's bytes come from: a local file, which the kernel copies (cloning it
 * where the file system can), or any stream.
 */
export type VerifiedSource =
  | {
      readonly file: string;
      /** Turns the error of reading the file (e.g. ENOENT) into the one the caller reports. */
      readonly readError?: ((error: unknown) => unknown) | undefined;
    }
  | {
      /** Called only once the temp file exists, so a failure to create it leaves no open source. */
      readonly stream: () => NodeJS.ReadableStream;
    };

/** One verified, atomic write: a source's bytes into `destPath` by way of `tempPath`. */
export interface VerifiedWriteRequest {
  readonly source: VerifiedSource;
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
 * Copies a source to `destPath` so that the final name only ever holds verified bytes: fill the
 * temp file, hash what it holds, compare, fsync, rename, fsync the directory. On any failure (read
 * error, abort, mismatch) the temp file is removed and the destination is left as it was.
 */
export async function writeVerified(request: VerifiedWriteRequest): Promise<{ readonly bytes: number }> {
  request.signal?.throwIfAborted();
  let renamed = false;
  try {
    const { hash, bytes } = 'file' in request.source ? await copyFileHashed(request, request.source) : await streamHashed(request, request.source);
    if (hash !== request.expectedHash) throw request.mismatchError({ actualHash: hash, bytes });
    request.signal?.throwIfAborted();
    await rename(request.tempPath, request.destPath);
    renamed = true;
    await fsyncDir(dirname(request.destPath));
    return { bytes };
  } finally {
    if (!renamed) await rm(request.tempPath, { force: true });
  }
}

/** Read size of the read-back: small enough to stay in the L2 cache while it is hashed (1 MiB measured slower). */
const readBackBytes = 256 * 1024;

/** Hash and size of a temp file once it is filled and fsynced. */
interface FilledTemp {
  readonly hash: string;
  readonly bytes: number;
}

/**
 * A file source: the kernel copies it into the temp file (no bytes through this process, and a
 * clone on file systems that share extents), then the temp file is read back and hashed, so the
 * hash is of exactly the bytes that will be renamed into place.
 */
async function copyFileHashed(request: VerifiedWriteRequest, source: { readonly file: string; readonly readError?: ((error: unknown) => unknown) | undefined }): Promise<FilledTemp> {
  await copyFile(source.file, request.tempPath, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE).catch((error: unknown) => {
    throw source.readError?.(error) ?? error;
  });
  const handle = await open(request.tempPath, 'r+');
  try {
    await handle.chmod(0o644);
    const hash = createHash('sha256');
    // One buffer for the whole file: the read-back is sequential, and a fresh buffer per chunk
    // would leave the garbage collector hundreds of MB to sweep per backup.
    const buffer = Buffer.allocUnsafe(readBackBytes);
    let bytes = 0;
    for (;;) {
      request.signal?.throwIfAborted();
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, bytes);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
      request.onBytes?.(bytesRead);
    }
    await handle.sync();
    return { hash: hash.digest('hex'), bytes };
  } finally {
    await handle.close();
  }
}

/** A stream source: hashed on its way into the temp file. */
async function streamHashed(request: VerifiedWriteRequest, source: { readonly stream: () => NodeJS.ReadableStream }): Promise<FilledTemp> {
  const handle = await open(request.tempPath, 'wx', 0o644);
  try {
    const hasher = new HashingTransform(request.onBytes);
    const { signal } = request;
    await pipeline(source.stream(), hasher, new FileHandleSink(handle), signal === undefined ? {} : { signal });
    await handle.sync();
    return { hash: hasher.digest(), bytes: hasher.bytes };
  } finally {
    await handle.close();
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
