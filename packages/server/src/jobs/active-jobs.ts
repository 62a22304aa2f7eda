import type { JobStatus } from '@lifeboat/api';
import type { ServerContext } from '../context.js';
import type { JobRecord } from '../domain/model.js';

/** Statuses of a job that may still read or write blobs and manifests. */
export const activeJobStatuses: readonly JobStatus[] = ['PENDING', 'IN_PROGRESS', 'CANCELING'];

/** More active jobs than this is far beyond any runner's concurrency; see `listActiveJobs`. */
const maxActiveJobs = 10_000;

/**
 * Every job that has not ended, read in one query so the answer is one consistent moment (paging
 * with offsets could skip a job that ended between two pages). Throws rather than answer with
 * part of the list: callers use it to decide what must not be deleted.
 */
export async function listActiveJobs(ctx: Pick<ServerContext, 'store'>): Promise<readonly JobRecord[]> {
  const page = await ctx.store.listJobs({ statuses: activeJobStatuses }, { offset: 0, limit: maxActiveJobs });
  if (page.items.length < page.count) {
    throw new Error(`${page.count} jobs are queued or running, more than the ${maxActiveJobs} the scheduler reads at once; nothing was deleted. Let the queue drain.`);
  }
  return page.items;
}

/**
 * The backups a job reads or writes: its own (`backupId`: the backup being made, restored,
 * verified or exported) and, for a copy, the source it copies from.
 */
export function backupsUsedBy(job: JobRecord): string[] {
  const used: string[] = [];
  if (job.backupId !== null) used.push(job.backupId);
  const source = job.payload.sourceBackupId;
  if (typeof source === 'string') used.push(source);
  return used;
}

/** Whether any of these jobs reads or writes the backup. */
export function isBackupInUse(jobs: readonly JobRecord[], backupId: string): boolean {
  return jobs.some((job) => backupsUsedBy(job).includes(backupId));
}
