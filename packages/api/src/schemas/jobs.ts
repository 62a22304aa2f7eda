import { z } from 'zod';
import { jobStatusResponseSchema, jobStatusSchema, jobTypeResponseSchema, jobTypeSchema } from '../enums.js';
import { clusterIdSchema, jobIdSchema, pageInfoShape, pagingQueryShape, responseTimestampSchema } from '../primitives.js';

export const jobPathSchema = z.strictObject({ jobId: jobIdSchema });

/** Long-running work: a backup, restore, copy, export or verification. */
export const jobSchema = z.object({
  jobId: z.string(),
  type: jobTypeResponseSchema,
  status: jobStatusResponseSchema,
  progress: z.string().describe('Percent done, "0"–"100".'),
  startTime: responseTimestampSchema.nullable(),
  endTime: responseTimestampSchema.nullable(),
  reason: z.string().describe('Why the job failed or was canceled; empty on success.'),
  clusterId: z.string().nullable().optional().describe('Lifeboat extension: the source cluster.'),
  backupId: z.string().nullable().optional().describe('Lifeboat extension: the backup made or used.'),
  targetClusterId: z.string().nullable().optional().describe('Lifeboat extension: the cluster restored into.'),
  createTime: responseTimestampSchema.optional().describe('Lifeboat extension: when the job was queued.'),
  bytesDone: z.number().optional().describe('Lifeboat extension: bytes processed so far.'),
  bytesTotal: z.number().optional().describe('Lifeboat extension: bytes to process in all.'),
});
export type Job = z.infer<typeof jobSchema>;

export const listJobsQuerySchema = z.strictObject({
  ...pagingQueryShape,
  clusterId: clusterIdSchema.optional(),
  type: jobTypeSchema.optional(),
  status: jobStatusSchema.optional(),
});
export type ListJobsQuery = z.input<typeof listJobsQuerySchema>;

export const listJobsResponseSchema = z.object({
  ...pageInfoShape,
  jobs: z.array(jobSchema),
});
export type JobPage = z.infer<typeof listJobsResponseSchema>;

export const cancelJobResponseSchema = z.object({
  jobId: z.string(),
  status: jobStatusResponseSchema,
});
export type CancelJobResult = z.infer<typeof cancelJobResponseSchema>;
