import type { ServerContext } from '../context.js';
import type { ClusterSnapshot } from '../data/types.js';
import type { JobRecord } from '../domain/model.js';
import type { BlobStore } from '../storage/blob-store.js';
import { asManifest, segmentsOf } from './manifest.js';

/**
 * What one region's store must keep: the blobs its manifests name, and the blobs that running
 * jobs are writing into it or reading from it. The garbage collector deletes only what is in
 * neither set, so these functions err on the side of keeping.
 */

/** The manifests of a region, read for garbage collection. */
export interface ManifestScan {
  /** Segment hashes named by every manifest whose backup has a row, whatever its status. */
  readonly needed: ReadonlySet<string>;
  /** Manifests of this server's clusters whose backup row is gone: left by a crash mid-delete. */
  readonly orphans: readonly string[];
  /**
   * Manifests naming clusters this server has never had: the region's directory is shared with
   * another server, whose running backups this one cannot see.
   */
  readonly foreign: readonly string[];
  /** Manifests that could not be read: what they need is unknown. */
  readonly unreadable: readonly string[];
}

/**
 * Reads every manifest in the store. A DELETING backup still counts: the sweeper runs first and
 * removes every DELETING manifest no job uses, so one still present is being read by a restore,
 * verify, export or copy that started before the backup expired, and must stay whole until the
 * sweeper removes it on a later pass.
 */
export async function scanManifests(ctx: Pick<ServerContext, 'store'>, store: BlobStore): Promise<ManifestScan> {
  const needed = new Set<string>();
  const orphans: string[] = [];
  const foreign: string[] = [];
  const unreadable: string[] = [];
  for (const backupId of await store.listManifests()) {
    let manifest;
    try {
      const value = await store.getManifest(backupId);
      // Deleted since the listing (a failed backup's cleanup): it protects nothing any more.
      if (value === undefined) continue;
      manifest = asManifest(value, backupId);
    } catch {
      unreadable.push(backupId);
      continue;
    }
    if ((await ctx.store.getBackup(backupId)) === undefined) {
      // Cluster rows are never deleted (a dropped cluster is marked DELETED), so an unknown
      // cluster means the manifest was not written by this server.
      if ((await ctx.store.getCluster(manifest.clusterId)) === undefined) foreign.push(backupId);
      else orphans.push(backupId);
      continue;
    }
    for (const segment of segmentsOf(manifest)) needed.add(segment.sha256);
  }
  return { needed, orphans, foreign, unreadable };
}

/**
 * Blobs that running jobs need in one region, learned job by job. A BACKUP job names its blobs
 * once it has checkpointed its snapshot; until then it could reference any blob its cluster's
 * segments match, so it blocks deletion in its region. A COPY job copies every segment of its
 * source's manifest into its region. Jobs that only read (restore, verify, export) read blobs of
 * backups whose manifests are present, which `scanManifests` counts.
 */
export class JobBlobNeeds {
  readonly #ctx: Pick<ServerContext, 'store' | 'regions'>;
  readonly #regionId: string;
  readonly #needed = new Set<string>();
  /** Jobs whose needs are known for good (a snapshot or a source manifest never changes). */
  readonly #settled = new Set<string>();
  #blockedBy: string | undefined;

  constructor(ctx: Pick<ServerContext, 'store' | 'regions'>, regionId: string) {
    this.#ctx = ctx;
    this.#regionId = regionId;
  }

  /** Why nothing may be deleted in this region this pass, or `undefined`. Once set it stays set. */
  get blockedBy(): string | undefined {
    return this.#blockedBy;
  }

  has(hash: string): boolean {
    return this.#needed.has(hash);
  }

  /** Takes in the jobs running now; needs only grow, so a job that ended keeps its blobs for this pass. */
  async add(jobs: readonly JobRecord[]): Promise<void> {
    for (const job of jobs) {
      if (this.#settled.has(job.jobId)) continue;
      if (job.type === 'BACKUP') await this.#addBackup(job);
      else if (job.type === 'COPY') await this.#addCopy(job);
      else this.#settled.add(job.jobId);
    }
  }

  async #addBackup(job: JobRecord): Promise<void> {
    const backup = job.backupId === null ? undefined : await this.#ctx.store.getBackup(job.backupId);
    // Without its backup row the job can only fail; into another region it is that region's concern.
    if (backup?.regionId !== this.#regionId) {
      this.#settled.add(job.jobId);
      return;
    }
    const snapshot = job.payload.snapshot as ClusterSnapshot | undefined;
    if (snapshot === undefined) {
      this.#blockedBy ??= `backup ${backup.backupId} (job ${job.jobId}) has not taken its snapshot yet`;
      return;
    }
    for (const segment of segmentsOf(snapshot)) this.#needed.add(segment.sha256);
    this.#settled.add(job.jobId);
  }

  async #addCopy(job: JobRecord): Promise<void> {
    const copy = job.backupId === null ? undefined : await this.#ctx.store.getBackup(job.backupId);
    const sourceId = job.payload.sourceBackupId;
    if (copy?.regionId !== this.#regionId || typeof sourceId !== 'string') {
      this.#settled.add(job.jobId);
      return;
    }
    const source = await this.#ctx.store.getBackup(sourceId);
    const sourceStore = source === undefined ? undefined : this.#ctx.regions.get(source.regionId);
    try {
      const value = await sourceStore?.getManifest(sourceId);
      // No source, or no manifest: the copy can only fail, and will write nothing here.
      if (value !== undefined) {
        for (const segment of segmentsOf(asManifest(value, sourceId))) this.#needed.add(segment.sha256);
      }
    } catch {
      this.#blockedBy ??= `the source manifest of copy ${copy.backupId} (job ${job.jobId}) cannot be read`;
      return;
    }
    this.#settled.add(job.jobId);
  }
}
