import type { ErrorName } from '@lifeboat/api';

/*
 * Every storage error maps to INTERNAL (HTTP 500). A missing or corrupt blob, or an unreadable
 * manifest, is damage on the server's side, never a fault in the request, so no 4xx fits. A 404
 * would be worse than unhelpful: the backup record does exist, and the engine reads 404 as
 * "gone" and would plan to create the backup again. BACKUP_NOT_AVAILABLE (409) tells the user to
 * wait for a job, which would never help. The job runner puts the message in the job's reason,
 * so the advice below reaches the user either way.
 */

/** What a `BlobHashMismatchError` records. */
export interface BlobHashMismatchDetails {
  readonly regionId: string;
  /** The hash the caller asked for: the blob's name. */
  readonly expectedHash: string;
  /** The SHA-256 of the bytes actually read. */
  readonly actualHash: string;
  /** How many bytes were read before the mismatch was found. */
  readonly bytes: number;
  /** Where the bytes came from: a file path, or `blob <hash> in region <id> (<path>)`. */
  readonly source: string;
  /** What was (not) written and what to do about it, in the caller's terms (ends the message). */
  readonly hint: string;
}

/**
 * The bytes read did not hash to the blob's name, so the source is corrupt. Nothing was stored:
 * the temp copy has already been deleted.
 */
export class BlobHashMismatchError extends Error {
  override readonly name = 'BlobHashMismatchError' as const;
  readonly errorName: ErrorName = 'INTERNAL';
  readonly regionId: string;
  readonly expectedHash: string;
  readonly actualHash: string;
  readonly bytes: number;
  readonly source: string;

  constructor(details: BlobHashMismatchDetails) {
    super(
      `The source is corrupt: ${details.source} should have SHA-256 ${details.expectedHash} but its ${details.bytes} bytes hash to ${details.actualHash}. ${details.hint}`,
    );
    this.regionId = details.regionId;
    this.expectedHash = details.expectedHash;
    this.actualHash = details.actualHash;
    this.bytes = details.bytes;
    this.source = details.source;
  }
}

/** What a `BlobNotFoundError` records. */
export interface BlobNotFoundDetails {
  readonly regionId: string;
  readonly hash: string;
  readonly path: string;
}

/** A blob that should be in a region is not. */
export class BlobNotFoundError extends Error {
  override readonly name = 'BlobNotFoundError' as const;
  readonly errorName: ErrorName = 'INTERNAL';
  readonly regionId: string;
  readonly hash: string;
  readonly path: string;

  constructor(details: BlobNotFoundDetails) {
    super(
      `Blob ${details.hash} is missing from region ${details.regionId} (${details.path}). A backup whose manifest lists it cannot be restored from this region; restore from a copy in another region, or take a new backup.`,
    );
    this.regionId = details.regionId;
    this.hash = details.hash;
    this.path = details.path;
  }
}

/** What a `ManifestUnreadableError` records. */
export interface ManifestUnreadableDetails {
  readonly regionId: string;
  readonly backupId: string;
  readonly path: string;
  readonly cause: unknown;
}

/**
 * A manifest file exists but is not valid JSON. Manifests are written atomically, so this means
 * the file was damaged or edited after it was written.
 */
export class ManifestUnreadableError extends Error {
  override readonly name = 'ManifestUnreadableError' as const;
  readonly errorName: ErrorName = 'INTERNAL';
  readonly regionId: string;
  readonly backupId: string;
  readonly path: string;

  constructor(details: ManifestUnreadableDetails) {
    const reason = details.cause instanceof Error ? details.cause.message : String(details.cause);
    super(
      `The manifest of backup ${details.backupId} in region ${details.regionId} is not valid JSON (${details.path}: ${reason}). The file was damaged after it was written; restore from a copy of the backup in another region, or delete the backup and take a new one.`,
      { cause: details.cause },
    );
    this.regionId = details.regionId;
    this.backupId = details.backupId;
    this.path = details.path;
  }
}
