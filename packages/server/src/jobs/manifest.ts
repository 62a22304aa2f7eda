import type { BackupType } from '@lifeboat/api';
import type { ClusterSnapshot, DatabaseSnapshot, SegmentInfo } from '../data/types.js';
import type { BackupContents } from '../domain/model.js';

/**
 * A backup's manifest: what the backup holds, down to each segment's SHA-256. Written to the
 * region's blob store last, after every blob it names is stored, so a manifest that exists always
 * describes a complete backup. A copy carries the same databases under its own backup id.
 */
export interface BackupManifest {
  readonly version: 1;
  readonly backupId: string;
  readonly sourceBackupId: string | null;
  readonly clusterId: string;
  readonly clusterName: string;
  readonly regionId: string;
  readonly backupType: BackupType;
  /** Epoch ms of the point in time the backup captures. */
  readonly createTime: number;
  readonly databases: readonly DatabaseSnapshot[];
}

/** Every segment a snapshot or manifest names, once per hash. */
export function segmentsOf(snapshot: ClusterSnapshot | BackupManifest): SegmentInfo[] {
  const byHash = new Map<string, SegmentInfo>();
  for (const db of snapshot.databases) {
    for (const collection of db.collections) {
      for (const partition of collection.partitions) {
        for (const segment of partition.segments) byHash.set(segment.sha256, segment);
      }
    }
  }
  return [...byHash.values()];
}

/** Bytes of data a snapshot covers (each segment counted where it appears). */
export function sizeOf(snapshot: ClusterSnapshot | BackupManifest): number {
  let bytes = 0;
  for (const db of snapshot.databases) {
    for (const collection of db.collections) {
      for (const partition of collection.partitions) {
        for (const segment of partition.segments) bytes += segment.bytes;
      }
    }
  }
  return bytes;
}

/** What describe-backup shows of a snapshot. */
export function contentsOf(snapshot: ClusterSnapshot | BackupManifest): BackupContents {
  return {
    dbCollections: snapshot.databases.map((db) => ({
      dbName: db.dbName,
      collections: db.collections.map((collection) => ({
        collectionName: collection.collectionName,
        description: collection.description,
        rowCount: collection.rowCount,
        partitions: collection.partitions.map((partition) => partition.partitionName),
        checksum: collection.checksum,
      })),
    })),
  };
}

/** Reads and checks a manifest from a blob store's `getManifest`. */
export function asManifest(value: unknown, backupId: string): BackupManifest {
  const manifest = value as Partial<BackupManifest> | undefined;
  if (manifest?.version !== 1 || manifest.backupId !== backupId || !Array.isArray(manifest.databases)) {
    throw new Error(`The manifest of backup ${backupId} is missing or not a version-1 manifest; the backup cannot be read. Verify it, and restore from a copy in another region.`);
  }
  return manifest as BackupManifest;
}
