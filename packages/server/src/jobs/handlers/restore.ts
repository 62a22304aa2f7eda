import type { JobRecord } from '../../domain/model.js';
import type { JobEffects, JobHandler } from '../handler.js';
import { JobFailure } from '../handler.js';
import { cleanUpClusterRestore, runClusterRestore } from './restore-cluster.js';
import { cleanUpCollectionRestore, runCollectionRestore } from './restore-collection.js';

/**
 * RESTORE: one job type, two kinds (the runner has one handler per type). `payload.kind` is set
 * by the domain when the job is queued: `cluster` restores into a new cluster, `collection` into
 * an existing one.
 */
export const restoreHandler: JobHandler = {
  type: 'RESTORE',

  async run(job, context): Promise<JobEffects> {
    return kindOf(job) === 'cluster' ? runClusterRestore(job, context) : runCollectionRestore(job, context);
  },

  async cleanup(job, context): Promise<JobEffects> {
    // An unknown kind ran nothing, so there is nothing to undo.
    const kind = job.payload.kind;
    if (kind === 'cluster') return cleanUpClusterRestore(job, context);
    if (kind === 'collection') return cleanUpCollectionRestore();
    return {};
  },
};

function kindOf(job: JobRecord): 'cluster' | 'collection' {
  const kind = job.payload.kind;
  if (kind === 'cluster' || kind === 'collection') return kind;
  throw new JobFailure(`restore job ${job.jobId} has an unknown kind ${JSON.stringify(kind)}; start the restore again.`);
}
