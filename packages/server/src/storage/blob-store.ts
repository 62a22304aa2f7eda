/**
 * Where backups live: one blob store per region. Segment files are stored content-addressed by
 * SHA-256, so a blob written once is shared by every backup that contains the same bytes; a
 * backup's manifest is written last, so a crash never leaves a backup that looks complete.
 */

/** Progress and cancellation of a long copy. */
export interface TransferOptions {
  readonly signal?: AbortSignal | undefined;
  /** Called with the number of bytes just transferred (a delta, not a total). */
  readonly onBytes?: ((bytes: number) => void) | undefined;
}

/** One stored blob. */
export interface BlobInfo {
  readonly hash: string;
  readonly bytes: number;
  /** Last modification, for the garbage collector's grace period. */
  readonly modifiedMs: number;
}

export interface BlobStore {
  readonly regionId: string;
  /** Whether a blob with this SHA-256 (lowercase hex) is present. */
  has(hash: string): Promise<boolean>;
  /** Size in bytes, or `undefined` when absent. */
  size(hash: string): Promise<number | undefined>;
  /**
   * Stores a local file under its hash. Hashes while copying and refuses (BlobHashMismatchError)
   * when the content does not match; temp file + fsync + rename, so a crash leaves no partial blob
   * under the final name. Returns the bytes written: 0 when the blob was already present.
   */
  putFile(hash: string, sourcePath: string, options?: TransferOptions): Promise<{ readonly written: number }>;
  /** Copies a blob from another region's store, with the same guarantees as `putFile`. */
  copyFrom(source: BlobStore, hash: string, options?: TransferOptions): Promise<{ readonly written: number }>;
  /** Writes a blob's content to `destPath` (atomically), verifying its hash on the way. */
  readTo(hash: string, destPath: string, options?: TransferOptions): Promise<{ readonly bytes: number }>;
  /** A readable stream of the blob (for copies between stores and exports). */
  createReadStream(hash: string): NodeJS.ReadableStream;
  /** Re-reads and re-hashes a blob: `true` when present and intact. */
  verify(hash: string, options?: TransferOptions): Promise<boolean>;
  delete(hash: string): Promise<void>;
  /** Every blob, for garbage collection. */
  list(): AsyncIterable<BlobInfo>;
  /** Writes a backup's manifest atomically; the last step of a backup or copy. */
  putManifest(backupId: string, manifest: unknown): Promise<void>;
  /** A backup's manifest, or `undefined` when none was written. */
  getManifest(backupId: string): Promise<unknown>;
  deleteManifest(backupId: string): Promise<void>;
  /** Ids of every backup with a manifest in this region. */
  listManifests(): Promise<string[]>;
}
