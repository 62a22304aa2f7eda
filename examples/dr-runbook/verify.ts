import type { Backup, Lifeboat } from '@lifeboat/sdk';

/** One collection whose restored rows differ from the backup's manifest. */
export interface Mismatch {
  readonly collection: string;
  readonly expected: { readonly rowCount: number; readonly checksum: string | undefined };
  readonly actual: { readonly rowCount: number; readonly checksum: string } | 'missing';
}

/**
 * Compares every collection of a restored cluster with the manifest of the backup it came
 * from: row counts, and checksums where the server records them. An empty list means the
 * restored data is the data that was backed up.
 */
export async function verifyRestore(client: Lifeboat, backup: Backup, restoredClusterId: string, signal?: AbortSignal): Promise<Mismatch[]> {
  const data = client.dataPlane(restoredClusterId);
  const mismatches: Mismatch[] = [];
  for (const database of backup.dbCollections) {
    const present = new Set(await data.collections.list({ dbName: database.dbName }, { signal }));
    for (const collection of database.collections) {
      const name = `${database.dbName}.${collection.collectionName}`;
      const expected = { rowCount: collection.rowCount, checksum: collection.checksum };
      if (!present.has(collection.collectionName)) {
        mismatches.push({ collection: name, expected, actual: 'missing' });
        continue;
      }
      const actual = await data.collections.describe({ dbName: database.dbName, collectionName: collection.collectionName }, { signal });
      const sameChecksum = expected.checksum === undefined || expected.checksum === actual.checksum;
      if (actual.rowCount !== expected.rowCount || !sameChecksum) {
        mismatches.push({ collection: name, expected, actual: { rowCount: actual.rowCount, checksum: actual.checksum } });
      }
    }
  }
  return mismatches;
}
