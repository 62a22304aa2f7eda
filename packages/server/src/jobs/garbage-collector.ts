import { stat } from 'node:fs/promises';
import type { ServerContext } from '../context.js';
import type { BlobInfo, BlobStore } from '../storage/blob-store.js';
import { FsBlobStore } from '../storage/fs-blob-store.js';
import { listActiveJobs } from './active-jobs.js';
import { JobBlobNeeds, scanManifests } from './blob-needs.js';

/** How the collector decides that a blob is old enough to delete. */
export interface GarbageCollectionOptions {
  /** Blobs modified (written, or touched by a backup reusing them) this recently are kept. */
  readonly graceMs: number;
  /**
   * The clock blob modification times are written with: the file system's, i.e. the wall clock,
   * not the server's (possibly injected) clock. Tests replace it.
   * @default Date.now
   */
  readonly wallNow?: (() => number) | undefined;
}

/** What a collection freed. */
export interface GarbageCollectionResult {
  readonly blobsDeleted: number;
  readonly bytesFreed: number;
  /** Manifests without a backup row (left by a crash mid-delete) that were removed. */
  readonly orphanManifestsDeleted: number;
  /** Regions left alone this pass, with the reason (also logged). */
  readonly skippedRegions: readonly { readonly regionId: string; readonly reason: string }[];
}

/** Deletes this many blobs between two looks at the job table. */
const deletesPerJobCheck = 100;

/**
 * Deletes blobs no backup needs, region by region, under the `gc` lock. A blob is deleted only
 * when all of these hold, checked in this order:
 *
 * 1. its modification time, read *before* anything below, is older than the grace period and
 *    older than the start of this collection; every backup or copy that reuses a blob refreshes
 *    that time, so a blob taken up again since is kept;
 * 2. no running job needs it (the jobs are read *after* the blobs were listed, then again while
 *    deleting): a BACKUP job's checkpointed snapshot, a COPY job's source manifest. A backup
 *    that has not taken its snapshot yet could need any blob, so its region waits a pass;
 * 3. no manifest names it, read after the jobs: a job that ended before the job read wrote its
 *    manifest before that, so nothing a finished backup needs slips between the two reads;
 * 4. its modification time, read again just before the delete, is still old, which catches a
 *    backup that started and reused it during the collection.
 *
 * Manifests without a backup row are deleted first, making their blobs collectable. A region that
 * holds manifests of clusters this server never had (its directory is shared with another server)
 * or manifests that cannot be read is skipped whole: what they need is unknown.
 */
export async function collectGarbage(ctx: ServerContext, options: GarbageCollectionOptions): Promise<GarbageCollectionResult> {
  return ctx.locks.run('gc', async () => {
    let blobsDeleted = 0;
    let bytesFreed = 0;
    let orphanManifestsDeleted = 0;
    const skippedRegions: { regionId: string; reason: string }[] = [];
    for (const store of ctx.regions.values()) {
      try {
        const result = await collectRegion(ctx, store, options);
        blobsDeleted += result.blobsDeleted;
        bytesFreed += result.bytesFreed;
        orphanManifestsDeleted += result.orphanManifestsDeleted;
        if (result.skipped !== undefined) {
          skippedRegions.push({ regionId: store.regionId, reason: result.skipped });
          ctx.logger.info({ regionId: store.regionId, reason: result.skipped }, 'garbage collection skipped a region this pass');
        }
      } catch (error) {
        skippedRegions.push({ regionId: store.regionId, reason: String(error) });
        ctx.logger.error({ regionId: store.regionId, err: String(error) }, 'garbage collection failed in a region; trying again next pass');
      }
    }
    ctx.logger.info({ blobsDeleted, bytesFreed, orphanManifestsDeleted }, 'garbage collection done');
    return { blobsDeleted, bytesFreed, orphanManifestsDeleted, skippedRegions };
  });
}

interface RegionResult {
  readonly blobsDeleted: number;
  readonly bytesFreed: number;
  readonly orphanManifestsDeleted: number;
  readonly skipped?: string | undefined;
}

async function collectRegion(ctx: ServerContext, store: BlobStore, options: GarbageCollectionOptions): Promise<RegionResult> {
  const wallNow = options.wallNow ?? Date.now;
  // Taken before the listing: with any grace, even 0, a blob touched after this instant is kept.
  const cutoff = wallNow() - options.graceMs;
  const stored: BlobInfo[] = [];
  for await (const blob of store.list()) stored.push(blob);

  const jobNeeds = new JobBlobNeeds(ctx, store.regionId);
  await jobNeeds.add(await listActiveJobs(ctx));
  const manifests = await scanManifests(ctx, store);
  if (manifests.foreign.length > 0) {
    return skip(`it holds manifests of clusters this server does not know (${sample(manifests.foreign)}): its directory seems shared with another server, whose running backups cannot be seen from here`);
  }
  if (manifests.unreadable.length > 0) {
    return skip(`manifests ${sample(manifests.unreadable)} cannot be read, so the blobs they need are unknown; verify those backups`);
  }

  let orphanManifestsDeleted = 0;
  for (const backupId of manifests.orphans) {
    await store.deleteManifest(backupId);
    orphanManifestsDeleted += 1;
    ctx.logger.warn({ regionId: store.regionId, backupId }, 'removed a manifest whose backup record is gone');
  }

  const candidates = stored.filter((blob) => blob.modifiedMs < cutoff && !manifests.needed.has(blob.hash));
  let blobsDeleted = 0;
  let bytesFreed = 0;
  for (const [index, blob] of candidates.entries()) {
    if (index % deletesPerJobCheck === 0) await jobNeeds.add(await listActiveJobs(ctx));
    if (jobNeeds.blockedBy !== undefined) return { blobsDeleted, bytesFreed, orphanManifestsDeleted, skipped: `${jobNeeds.blockedBy}; blobs are collected on a later pass` };
    if (jobNeeds.has(blob.hash)) continue;
    const modifiedMs = await currentModifiedMs(store, blob);
    if (modifiedMs === undefined || modifiedMs >= cutoff) continue;
    await store.delete(blob.hash);
    blobsDeleted += 1;
    bytesFreed += blob.bytes;
  }
  return { blobsDeleted, bytesFreed, orphanManifestsDeleted };

  function skip(reason: string): RegionResult {
    return { blobsDeleted: 0, bytesFreed: 0, orphanManifestsDeleted: 0, skipped: reason };
  }
}

/**
 * A blob's modification time now (`undefined` once it is gone). The `BlobStore` interface only
 * reports times through `list()`; a file system store is asked directly. For any other store the
 * listed time stands, which leaves a wider window for a backup reusing the blob meanwhile.
 */
async function currentModifiedMs(store: BlobStore, blob: BlobInfo): Promise<number | undefined> {
  if (!(store instanceof FsBlobStore)) return blob.modifiedMs;
  try {
    return (await stat(store.blobPath(blob.hash))).mtimeMs;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
}

function sample(ids: readonly string[]): string {
  return ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
}
