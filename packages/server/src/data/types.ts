import type { CreateCollectionRequest, FieldSchemaRequest, QueryRequest, Row } from '@lifeboat/api';

/**
 * The shapes the data layer of local clusters shares with backups and restores. A collection's
 * rows live in immutable segment files; a backup records sealed segments by SHA-256 and a restore
 * materialises a collection from them, so the row checksum survives the round trip.
 */

/** One sealed, immutable segment file. */
export interface SegmentInfo {
  /** SHA-256 of the file's bytes (lowercase hex): the blob's name in a backup. */
  readonly sha256: string;
  readonly bytes: number;
  readonly rowCount: number;
  /** Order-independent digest of the segment's rows (see `rowsChecksum`). */
  readonly checksum: string;
}

export interface PartitionSnapshot {
  readonly partitionName: string;
  readonly rowCount: number;
  readonly segments: readonly SegmentInfo[];
}

/** What a backup needs to know about a collection, and what a restore recreates. */
export interface CollectionSnapshot {
  readonly collectionName: string;
  readonly description: string;
  readonly fields: readonly FieldSchemaRequest[];
  readonly loaded: boolean;
  readonly rowCount: number;
  readonly checksum: string;
  readonly partitions: readonly PartitionSnapshot[];
}

export interface DatabaseSnapshot {
  readonly dbName: string;
  readonly collections: readonly CollectionSnapshot[];
}

/** A point-in-time view of sealed segments (taken after a flush). */
export interface ClusterSnapshot {
  readonly databases: readonly DatabaseSnapshot[];
}

/** Which collections to snapshot; everything when absent. */
export type SnapshotScope = readonly { readonly dbName: string; readonly collectionNames: readonly string[] }[];

/** Source of segment bytes during a restore: writes the segment with this hash to `destPath`. */
export type SegmentSource = (segment: SegmentInfo, destPath: string) => Promise<void>;

/** Restores one collection into a cluster. */
export interface MaterializeRequest {
  readonly dbName: string;
  readonly collectionName: string;
  /** The collection as it was backed up. */
  readonly snapshot: CollectionSnapshot;
  /** Only these partitions (all when absent). `_default` always exists. */
  readonly partitionNames?: readonly string[] | undefined;
  readonly loaded: boolean;
  /** `FAIL` when the collection exists, or `OVERWRITE` it if the schemas match. */
  readonly onConflict: 'FAIL' | 'OVERWRITE';
  readonly source: SegmentSource;
  readonly signal?: AbortSignal | undefined;
}

export type CreateCollectionInput = CreateCollectionRequest;
export type QueryInput = QueryRequest;
export type { Row };
