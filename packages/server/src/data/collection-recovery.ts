import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDir } from '../internal/atomic-file.js';
import { DataError } from './errors.js';
import { partitionDir, readCollectionState, segmentsDir } from './collection-state.js';
import type { CollectionState } from './collection-state.js';
import { GROWING_FILE, parseSealedFileName, scanSegment, sealedFileName, SegmentTally } from './segment-file.js';

/**
 * Brings a collection directory back to a consistent state after a crash, before it is used.
 *
 * The seal invariant: sealing renames `growing.ndjson` to `<seq>.seg` (seq = the state's
 * `nextSeq`), fsyncs the directory, and only then writes a state that lists the segment and
 * raises `nextSeq`. Inserts wait for the seal to finish (one mutex per collection). So after a
 * crash, a `.seg` file the state does not list, with `seq >= nextSeq`, in a partition without a
 * growing file, is exactly a growing segment whose seal did not complete: its rows were
 * acknowledged, so it is renamed back to `growing.ndjson` and sealed again later. No other
 * unlisted `.seg` can arise; one that does anyway is not referenced and is deleted.
 *
 * Other leftovers: `.tmp-*` files (an interrupted atomic write of the state) are deleted; a
 * growing file's torn last line (a crash during an append, which was never acknowledged) is cut
 * off; a partition directory the state does not list (createPartition died before its state
 * write; it holds no rows, since inserts need the listed partition) is deleted.
 */

export interface RecoveredCollection {
  readonly state: CollectionState;
  /** Totals of each partition's growing segment (empty when there is none). */
  readonly growing: Map<string, SegmentTally>;
}

export async function recoverCollection(collectionDir: string): Promise<RecoveredCollection> {
  await removeTempFiles(collectionDir, await readdir(collectionDir));
  const state = await readCollectionState(collectionDir);
  await mkdir(segmentsDir(collectionDir), { recursive: true });
  const listed = new Set(state.partitions.map((p) => p.partitionName));
  for (const entry of await readdir(segmentsDir(collectionDir))) {
    if (!listed.has(entry)) await rm(join(segmentsDir(collectionDir), entry), { recursive: true, force: true });
  }
  const growing = new Map<string, SegmentTally>();
  for (const partition of state.partitions) {
    const dir = partitionDir(collectionDir, partition.partitionName);
    await mkdir(dir, { recursive: true });
    const names = await readdir(dir);
    await removeTempFiles(dir, names);
    await checkSealedFilesExist(dir, partition.segments.map((s) => s.seq));
    const sealedSeqs = new Set(partition.segments.map((s) => s.seq));
    let hasGrowing = names.includes(GROWING_FILE);
    for (const name of names) {
      const seq = parseSealedFileName(name);
      if (seq === undefined || sealedSeqs.has(seq)) continue;
      if (!hasGrowing && seq >= state.nextSeq) {
        await rename(join(dir, name), join(dir, GROWING_FILE));
        hasGrowing = true;
      } else {
        await rm(join(dir, name), { force: true });
      }
    }
    growing.set(partition.partitionName, hasGrowing ? await recoverGrowing(join(dir, GROWING_FILE)) : new SegmentTally());
    await fsyncDir(dir);
  }
  return { state, growing };
}

/** Totals of a growing file's complete rows, after cutting off a torn tail. */
async function recoverGrowing(path: string): Promise<SegmentTally> {
  const { tally, fileBytes } = await scanSegment(path);
  if (fileBytes > tally.bytes) {
    const handle = await open(path, 'r+');
    try {
      await handle.truncate(tally.bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  return tally;
}

async function removeTempFiles(dir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (name.startsWith('.tmp-')) await rm(join(dir, name), { recursive: true, force: true });
  }
}

async function checkSealedFilesExist(dir: string, seqs: readonly number[]): Promise<void> {
  for (const seq of seqs) {
    const path = join(dir, sealedFileName(seq));
    const found = await stat(path).then(
      (stats) => stats.isFile(),
      () => false,
    );
    if (!found) throw new DataError('INTERNAL', `sealed segment ${path} is listed in the collection state but missing; restore the collection from a backup`);
  }
}
