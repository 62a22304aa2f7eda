import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDir } from '../internal/atomic-file.js';

/**
 * Namespace changes inside a database directory are renames, so each one commits at a single
 * point:
 *
 * - create and restore build the collection in `.tmp-<op>-<random>` and rename it to its name;
 * - drop renames the collection to `.tmp-drop-<random>` and then deletes that;
 * - an overwriting restore renames the old collection to `.aside.<name>`, renames the new one
 *   in, then deletes the aside copy. ("." is not allowed in names, so this cannot clash.)
 *
 * After a crash, `.tmp-*` directories are unfinished work or finished drops: deleted. An
 * `.aside.<name>` with `<name>` present is a finished overwrite: deleted; without it, the
 * overwrite died between its two renames: the old collection is put back, so it is never lost.
 */

export const ASIDE_PREFIX = '.aside.';
export const TEMP_PREFIX = '.tmp-';

/** Repairs a database directory; returns the names of its collection directories. */
export async function recoverDatabaseDir(dbDir: string): Promise<string[]> {
  const entries = await readdir(dbDir, { withFileTypes: true });
  const names = new Set(entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name));
  let changed = false;
  for (const entry of entries) {
    if (entry.name.startsWith(TEMP_PREFIX)) {
      await rm(join(dbDir, entry.name), { recursive: true, force: true });
      changed = true;
    } else if (entry.name.startsWith(ASIDE_PREFIX)) {
      const name = entry.name.slice(ASIDE_PREFIX.length);
      if (names.has(name)) {
        await rm(join(dbDir, entry.name), { recursive: true, force: true });
      } else {
        await rename(join(dbDir, entry.name), join(dbDir, name));
        names.add(name);
      }
      changed = true;
    }
  }
  if (changed) await fsyncDir(dbDir);
  return [...names].sort();
}
