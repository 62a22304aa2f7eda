import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { fieldSchemaRequestSchema } from '@lifeboat/api';
import type { FieldSchemaRequest } from '@lifeboat/api';
import { writeFileAtomic } from '../internal/atomic-file.js';
import { DataError } from './errors.js';
import { GROWING_FILE, sealedFileName } from './segment-file.js';
import type { SegmentInfo } from './types.js';

/**
 * A collection on disk:
 *
 *   <collectionDir>/collection.json                      this state, replaced atomically
 *   <collectionDir>/segments/<partitionName>/<seq>.seg   sealed segments, immutable
 *   <collectionDir>/segments/<partitionName>/growing.ndjson
 *
 * The state file is the truth about which sealed segments exist. Rows of the growing segments
 * are not listed anywhere: their file is their truth.
 */

export const STATE_FILE = 'collection.json';

export interface SealedSegment extends SegmentInfo {
  /** Names the file: `<seq>.seg`. Unique within the collection. */
  readonly seq: number;
}

export interface PartitionState {
  readonly partitionName: string;
  /** In seal order. */
  readonly segments: readonly SealedSegment[];
}

export interface CollectionState {
  readonly version: 1;
  readonly collectionName: string;
  readonly description: string;
  readonly fields: readonly FieldSchemaRequest[];
  /** `null`: rows never expire. */
  readonly ttlSeconds: number | null;
  readonly createTimeMs: number;
  readonly loaded: boolean;
  /** The seq the next sealed segment gets, in any partition. */
  readonly nextSeq: number;
  /** `_default` first, then in creation order. */
  readonly partitions: readonly PartitionState[];
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const stateSchema = z.object({
  version: z.literal(1),
  collectionName: z.string(),
  description: z.string(),
  fields: z.array(fieldSchemaRequestSchema).min(1),
  ttlSeconds: z.number().int().positive().nullable(),
  createTimeMs: z.number(),
  loaded: z.boolean(),
  nextSeq: z.number().int().nonnegative(),
  partitions: z.array(
    z.object({
      partitionName: z.string(),
      segments: z.array(
        z.object({ seq: z.number().int().nonnegative(), sha256: hex64, bytes: z.number().int().nonnegative(), rowCount: z.number().int().nonnegative(), checksum: hex64 }),
      ),
    }),
  ),
});

export function segmentsDir(collectionDir: string): string {
  return join(collectionDir, 'segments');
}

export function partitionDir(collectionDir: string, partitionName: string): string {
  return join(collectionDir, 'segments', partitionName);
}

export function growingPath(collectionDir: string, partitionName: string): string {
  return join(partitionDir(collectionDir, partitionName), GROWING_FILE);
}

export function sealedPath(collectionDir: string, partitionName: string, seq: number): string {
  return join(partitionDir(collectionDir, partitionName), sealedFileName(seq));
}

export async function readCollectionState(collectionDir: string): Promise<CollectionState> {
  const path = join(collectionDir, STATE_FILE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new DataError('INTERNAL', `cannot read ${path}: ${(error as Error).message}; the collection's state is damaged`, { cause: error });
  }
  const result = stateSchema.safeParse(parsed);
  if (!result.success) {
    throw new DataError('INTERNAL', `${path} does not hold a collection state (${result.error.issues[0]?.message ?? 'invalid'}); the file is damaged`);
  }
  return result.data;
}

export async function writeCollectionState(collectionDir: string, state: CollectionState): Promise<void> {
  await writeFileAtomic(join(collectionDir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/** A copy of `state` with `update` applied to one partition. */
export function withPartition(
  state: CollectionState,
  partitionName: string,
  update: (partition: PartitionState) => PartitionState,
): CollectionState {
  return { ...state, partitions: state.partitions.map((p) => (p.partitionName === partitionName ? update(p) : p)) };
}

/**
 * Writes a new collection's directory: partition directories, then the state. Sealed segment
 * files the state lists (a restore) must already be in place.
 */
export async function initializeCollectionDir(collectionDir: string, state: CollectionState): Promise<void> {
  for (const partition of state.partitions) await mkdir(partitionDir(collectionDir, partition.partitionName), { recursive: true });
  await writeCollectionState(collectionDir, state);
}
