/**
 * A restored cluster checked against the manifest of the backup it came from: every collection
 * the backup lists must be there with the same row count and checksum.
 */
import type { Backup, Lifeboat } from '@lifeboat/sdk';

/** What one collection should hold and what the restored cluster holds. */
export interface CollectionCheck {
  readonly dbName: string;
  readonly collectionName: string;
  /** From the backup's manifest. `checksum` is absent when the server records none. */
  readonly expected: { readonly rowCount: number; readonly checksum: string | null };
  /** In the restored cluster; `null` when the collection is missing. */
  readonly actual: { readonly rowCount: number; readonly checksum: string } | null;
  readonly matched: boolean;
  /** Why it did not match, e.g. `has 49 rows, expected 50`. */
  readonly problem: string | null;
}

/** Checks every collection of `backup` in the restored cluster, in manifest order. */
export async function checkCollections(client: Lifeboat, backup: Backup, restoredClusterId: string, signal?: AbortSignal): Promise<CollectionCheck[]> {
  const data = client.dataPlane(restoredClusterId);
  const checks: CollectionCheck[] = [];
  for (const database of backup.dbCollections) {
    const present = new Set(database.collections.length === 0 ? [] : await data.collections.list({ dbName: database.dbName }, { signal }));
    for (const collection of database.collections) {
      const expected = { rowCount: collection.rowCount, checksum: collection.checksum ?? null };
      const base = { dbName: database.dbName, collectionName: collection.collectionName, expected };
      if (!present.has(collection.collectionName)) {
        checks.push({ ...base, actual: null, matched: false, problem: 'missing from the restored cluster' });
        continue;
      }
      const described = await data.collections.describe({ dbName: database.dbName, collectionName: collection.collectionName }, { signal });
      const actual = { rowCount: described.rowCount, checksum: described.checksum };
      const problems = [
        ...(actual.rowCount === expected.rowCount ? [] : [`has ${actual.rowCount} rows, expected ${expected.rowCount}`]),
        ...(expected.checksum === null || expected.checksum === actual.checksum ? [] : [`checksum ${actual.checksum} differs from the backup's ${expected.checksum}`]),
      ];
      checks.push({ ...base, actual, matched: problems.length === 0, problem: problems.length === 0 ? null : problems.join('; ') });
    }
  }
  return checks;
}
