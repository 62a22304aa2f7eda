/**
 * The names a blob store turns into paths. Each is checked before the file system is touched, so
 * a caller's bug (or a hostile manifest) can never reach outside the store's root: `../x`, `/`,
 * `.` and upper-case hex are all refused.
 */

const blobHashPattern = /^[0-9a-f]{64}$/;
const storeIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** Whether `hash` is a SHA-256 in lowercase hex, the only form a blob is stored under. */
export function isBlobHash(hash: unknown): hash is string {
  return typeof hash === 'string' && blobHashPattern.test(hash);
}

/** Whether `id` can name a manifest or a region: 1–128 letters, digits, `_` or `-`, not starting with `_`/`-`. */
export function isStoreId(id: unknown): id is string {
  return typeof id === 'string' && storeIdPattern.test(id);
}

/** Throws a TypeError unless `hash` is a lowercase-hex SHA-256. */
export function assertBlobHash(hash: unknown): asserts hash is string {
  if (!isBlobHash(hash)) {
    throw new TypeError(
      `Invalid blob hash ${quote(hash)}: expected a SHA-256 as 64 lowercase hex characters. Nothing was read or written; pass the hash recorded in the manifest.`,
    );
  }
}

/** Throws a TypeError unless `backupId` can safely name a manifest file. */
export function assertBackupId(backupId: unknown): asserts backupId is string {
  if (!isStoreId(backupId)) {
    throw new TypeError(
      `Invalid backupId ${quote(backupId)}: expected 1–128 letters, digits, "_" or "-", starting with a letter or digit. Nothing was read or written.`,
    );
  }
}

/** Throws a TypeError unless `regionId` can safely name a region directory. */
export function assertRegionId(regionId: unknown): asserts regionId is string {
  if (!isStoreId(regionId)) {
    throw new TypeError(
      `Invalid regionId ${quote(regionId)}: expected 1–128 letters, digits, "_" or "-", starting with a letter or digit, e.g. "local-1".`,
    );
  }
}

/** Shows a bad value without letting a huge or multi-line one flood the message. */
function quote(value: unknown): string {
  if (typeof value !== 'string') return `(${value === null ? 'null' : typeof value}, not a string)`;
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
