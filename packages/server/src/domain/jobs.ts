import type { CancelJobResult, Job, JobPage, ListJobsQuery } from '@lifeboat/api';
import type { ServerContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { authorize, type Principal } from './access.js';
import { pagingOf } from './paging.js';
import { jobView } from './views.js';

export async function describeJob(ctx: ServerContext, principal: Principal, jobId: string): Promise<Job> {
  const job = await ctx.store.getJob(jobId);
  if (job === undefined) throw new ServiceError('JOB_NOT_FOUND', `Job ${jobId} not found. List jobs with GET /v2/jobs.`);
  authorize(principal, 'read', [job.projectId]);
  return jobView(job);
}

export async function listJobs(ctx: ServerContext, principal: Principal, query: ListJobsQuery): Promise<JobPage> {
  const paging = pagingOf(query);
  const page = await ctx.store.listJobs({ projectIds: principal.projectIds ?? undefined, clusterId: query.clusterId, type: query.type, status: query.status }, paging);
  return { count: page.count, currentPage: paging.currentPage, pageSize: paging.pageSize, jobs: page.items.map(jobView) };
}

/**
 * Asks for a job to stop. It moves to CANCELING; the runner then cleans up what the job did
 * (a partial backup, a half-restored cluster) and ends it CANCELED, even if it had not started.
 */
export async function cancelJob(ctx: ServerContext, principal: Principal, jobId: string): Promise<CancelJobResult> {
  const job = await ctx.store.getJob(jobId);
  if (job === undefined) throw new ServiceError('JOB_NOT_FOUND', `Job ${jobId} not found. List jobs with GET /v2/jobs.`);
  authorize(principal, 'job:cancel', [job.projectId]);
  if (job.status === 'SUCCESSFUL' || job.status === 'FAILED' || job.status === 'CANCELED') {
    throw new ServiceError('JOB_NOT_CANCELABLE', `Job ${jobId} already ended ${job.status}, so it cannot be canceled.`);
  }
  const updated = await ctx.store.requestCancel(jobId);
  ctx.wakeRunner();
  return { jobId, status: updated?.status ?? job.status };
}
