import { mkdir, open } from 'node:fs/promises';
import type { FieldSchemaRequest } from '@lifeboat/api';
import { fsyncDir } from '../internal/atomic-file.js';
import { initializeCollectionDir, partitionDir, sealedPath } from './collection-state.js';
import type { CollectionState, PartitionState, SealedSegment } from './collection-state.js';
import { DataError } from './errors.js';
import { assertSafeName } from './names.js';
import { scanSegment, segmentMatches, type SegmentScan } from './segment-file.js';
import type { MaterializeRequest, PartitionSnapshot, SegmentInfo } from './types.js';

/**
 * Builds a restored collection in a directory of its own (the caller swaps it into place): fetches
 * each segment through the request's source, verifies it byte for byte against the snapshot,
 * then writes the state. Nothing here touches the live collection, so a failure or an abort
 * leaves only this directory for the caller to remove.
 */

export const DEFAULT_PARTITION = '_default';

export interface BuildFromSnapshotRequest {
  /** Directory to create; must not exist. */
  readonly dir: string;
  readonly request: MaterializeRequest;
  /** The snapshot's fields, normalised. */
  readonly fields: readonly FieldSchemaRequest[];
  readonly createTimeMs: number;
}

export async function buildCollectionFromSnapshot({ dir, request, fields, createTimeMs }: BuildFromSnapshotRequest): Promise<void> {
  const chosen = choosePartitions(request);
  await mkdir(dir);
  let seq = 0;
  const partitions: PartitionState[] = [];
  for (const partition of chosen) {
    await mkdir(partitionDir(dir, partition.partitionName), { recursive: true });
    const segments: SealedSegment[] = [];
    for (const segment of partition.segments) {
      request.signal?.throwIfAborted();
      const path = sealedPath(dir, partition.partitionName, seq);
      await request.source(segment, path);
      await verifySegment(path, segment, `partition "${partition.partitionName}" of collection "${request.snapshot.collectionName}"`);
      segments.push({ seq, sha256: segment.sha256, bytes: segment.bytes, rowCount: segment.rowCount, checksum: segment.checksum });
      seq += 1;
    }
    await fsyncDir(partitionDir(dir, partition.partitionName));
    partitions.push({ partitionName: partition.partitionName, segments });
  }
  request.signal?.throwIfAborted();
  const state: CollectionState = {
    version: 1,
    collectionName: request.collectionName,
    description: request.snapshot.description,
    fields,
    // TTL is not backed up: restored rows never expire.
    ttlSeconds: null,
    createTimeMs,
    loaded: request.loaded,
    nextSeq: seq,
    partitions,
  };
  await initializeCollectionDir(dir, state);
}

/** The snapshot's partitions to restore, in snapshot order, `_default` always first. */
function choosePartitions(request: MaterializeRequest): PartitionSnapshot[] {
  const { snapshot, partitionNames } = request;
  const available = snapshot.partitions.map((p) => p.partitionName);
  for (const name of available) assertSafeName('partition', name);
  if (new Set(available).size !== available.length) {
    throw new DataError('INTERNAL', `the snapshot of collection "${snapshot.collectionName}" lists a partition twice; the backup record is damaged`);
  }
  for (const name of partitionNames ?? []) {
    assertSafeName('partition', name);
    if (!available.includes(name)) {
      throw new DataError(
        'PARTITION_NOT_FOUND',
        `partition "${name}" is not in the backup of collection "${snapshot.collectionName}" (it has ${available.map((p) => `"${p}"`).join(', ')}); restore a subset of those`,
      );
    }
  }
  const wanted = partitionNames === undefined ? undefined : new Set(partitionNames);
  const chosen = snapshot.partitions.filter((p) => wanted === undefined || wanted.has(p.partitionName));
  const defaultPartition = chosen.find((p) => p.partitionName === DEFAULT_PARTITION) ?? { partitionName: DEFAULT_PARTITION, rowCount: 0, segments: [] };
  return [defaultPartition, ...chosen.filter((p) => p.partitionName !== DEFAULT_PARTITION)];
}

/** Refuses a fetched segment unless its bytes are exactly the backed-up ones; then makes it durable. */
async function verifySegment(path: string, expected: SegmentInfo, where: string): Promise<void> {
  const corrupt = (detail: string): DataError =>
    new DataError(
      'INTERNAL',
      `segment ${expected.sha256} of ${where} is corrupt: ${detail}; the backup's copy is damaged — verify the backup and restore from an intact backup or another region's copy`,
    );
  // The byte-level check settles the usual case at the speed of hashing; anything it cannot
  // show gets the full row-by-row scan, which also says what is wrong.
  let scan: SegmentScan | undefined;
  try {
    if (!(await segmentMatches(path, expected))) scan = await scanSegment(path);
  } catch (error) {
    throw corrupt(`it could not be read after fetching (${(error as Error).message})`);
  }
  if (scan !== undefined) {
    const actual = scan.tally.info();
    // Checked first: with a malformed row, the tally's hash covers only the rows before it.
    if (scan.fileBytes !== scan.tally.bytes) throw corrupt('it holds an incomplete or malformed row');
    if (actual.sha256 !== expected.sha256) throw corrupt(`the fetched bytes hash to ${actual.sha256}`);
    if (actual.rowCount !== expected.rowCount || actual.checksum !== expected.checksum) {
      throw corrupt(`its rows (${actual.rowCount}, checksum ${actual.checksum}) differ from the backup record (${expected.rowCount}, ${expected.checksum})`);
    }
  }
  await syncFile(path);
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
