import { DataError } from './errors.js';

/**
 * Database, collection and partition names become directory names. The HTTP layer validates
 * them with the api schemas already; this second check guards the file system against any
 * caller that did not, so no name can escape the cluster directory (no ".", no "/", no "..").
 */
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

export type NameKind = 'database' | 'collection' | 'partition';

/** Whether `name` is safe to use as a directory name. */
export function isSafeName(name: unknown): name is string {
  return typeof name === 'string' && SAFE_NAME.test(name);
}

/** Throws INVALID_NAME unless `name` is safe to use as a directory name. */
export function assertSafeName(kind: NameKind, name: unknown): asserts name is string {
  if (!isSafeName(name)) {
    const shown = typeof name === 'string' ? JSON.stringify(name) : String(name);
    throw new DataError(
      'INVALID_NAME',
      `invalid ${kind} name ${shown}: use letters, digits, "_" and "-", start with a letter or "_", at most 64 characters`,
    );
  }
}
