import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The part of a manifest that names blobs. */
interface Manifest {
  readonly databases: readonly { readonly collections: readonly { readonly partitions: readonly { readonly segments: readonly { readonly sha256: string }[] }[] }[] }[];
}

/**
 * Checks on disk, not through the server, that a backup's manifest exists and every blob it
 * names is stored, in the file system store's layout: `regions/<id>/manifests/<backupId>.json`
 * and `regions/<id>/blobs/<first two hex>/<sha256>`.
 */
export async function missingBlobs(dataDir: string, regionId: string, backupId: string): Promise<{ checked: number; problem?: string }> {
  const root = join(dataDir, 'regions', regionId);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(root, 'manifests', `${backupId}.json`), 'utf8')) as Manifest;
  } catch (error) {
    return { checked: 0, problem: `its manifest cannot be read (${(error as Error).message})` };
  }
  const hashes = new Set(manifest.databases.flatMap((db) => db.collections.flatMap((c) => c.partitions.flatMap((p) => p.segments.map((s) => s.sha256)))));
  const missing: string[] = [];
  for (const hash of hashes) {
    const present = await stat(join(root, 'blobs', hash.slice(0, 2), hash)).then(
      (stats) => stats.isFile(),
      () => false,
    );
    if (!present) missing.push(hash);
  }
  return missing.length === 0 ? { checked: hashes.size } : { checked: hashes.size, problem: `blobs missing from disk: ${missing.join(', ')}` };
}
