/**
 * The data layer of local clusters: databases, collections, partitions and rows in immutable
 * segment files, with snapshots for backups and verified materialisation for restores.
 */
export { LocalCluster, DEFAULT_DATABASE } from './local-cluster.js';
export { defaultLocalClusterOptions, normalizeLocalClusterOptions } from './local-cluster-options.js';
export type { LocalClusterOptions, NormalizedLocalClusterOptions } from './local-cluster-options.js';
export { DataError, isDataError } from './errors.js';
export { canonicalJson, combineChecksums, EMPTY_CHECKSUM, rowsChecksum } from './checksum.js';
export { compileFilter } from './filter.js';
export type { RowPredicate } from './filter.js';
export { DEFAULT_PARTITION } from './materialize.js';
export { DEFAULT_QUERY_LIMIT } from './collection-query.js';
export type {
  ClusterSnapshot,
  CollectionSnapshot,
  CreateCollectionInput,
  DatabaseSnapshot,
  MaterializeRequest,
  PartitionSnapshot,
  QueryInput,
  Row,
  SegmentInfo,
  SegmentSource,
  SnapshotScope,
} from './types.js';
