import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDir, writeFileAtomic } from '../internal/atomic-file.js';
import { recoverDatabaseDir, TEMP_PREFIX } from './database-recovery.js';
import { CollectionStore } from './collection-store.js';
import type { CollectionStoreOptions } from './collection-store.js';
import { DataError, isDataError } from './errors.js';
import { isSafeName } from './names.js';

/**
 * A cluster directory:
 *
 *   <dir>/cluster.json                      marks the directory as a cluster; written last
 *   <dir>/db/<dbName>/                      one directory per database
 *   <dir>/db/<dbName>/<collectionName>/     one per collection (see collection-state.ts)
 */

const CLUSTER_FILE = 'cluster.json';

export async function createClusterDirectory(root: string, defaultDatabase: string, createTimeMs: number): Promise<void> {
  const marker = join(root, CLUSTER_FILE);
  const taken = await stat(marker).then(
    () => true,
    () => false,
  );
  if (taken) throw new DataError('ALREADY_EXISTS', `a local cluster already exists in ${root}; open it with LocalCluster.open or choose another directory`);
  await mkdir(join(root, 'db', defaultDatabase), { recursive: true });
  await fsyncDir(join(root, 'db'));
  // Written last: a directory without it is not a cluster yet.
  await writeFileAtomic(marker, `${JSON.stringify({ version: 1, createTimeMs })}\n`);
}

/**
 * Checks that `root` is a cluster, repairs every database directory (see database-recovery.ts)
 * and opens every collection (see collection-recovery.ts). Returns database name → collection
 * name → collection.
 */
export async function openClusterDirectory(root: string, options: CollectionStoreOptions): Promise<Map<string, Map<string, CollectionStore>>> {
  await readFile(join(root, CLUSTER_FILE)).catch((error: unknown) => {
    throw new DataError('CLUSTER_NOT_FOUND', `no local cluster in ${root} (${(error as Error).message}); create one with LocalCluster.create`);
  });
  const dbRoot = join(root, 'db');
  const databases = new Map<string, Map<string, CollectionStore>>();
  for (const entry of await readdir(dbRoot, { withFileTypes: true })) {
    // An interrupted dropDatabase.
    if (entry.name.startsWith(TEMP_PREFIX)) await rm(join(dbRoot, entry.name), { recursive: true, force: true });
    if (!entry.isDirectory() || !isSafeName(entry.name)) continue;
    const dbDir = join(dbRoot, entry.name);
    const collections = new Map<string, CollectionStore>();
    for (const name of await recoverDatabaseDir(dbDir)) {
      if (isSafeName(name)) collections.set(name, await openCollection(entry.name, join(dbDir, name), options));
    }
    databases.set(entry.name, collections);
  }
  return databases;
}

/** Opens a collection found on disk, saying which one when it cannot be opened. */
async function openCollection(dbName: string, dir: string, options: CollectionStoreOptions): Promise<CollectionStore> {
  try {
    return await CollectionStore.open(dbName, dir, options);
  } catch (error) {
    if (isDataError(error)) throw error;
    throw new DataError('INTERNAL', `collection directory ${dir} could not be opened (${(error as Error).message}); restore the collection from a backup or move the directory away`, {
      cause: error,
    });
  }
}
