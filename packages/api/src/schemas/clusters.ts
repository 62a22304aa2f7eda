import { z } from 'zod';
import { clusterStatusResponseSchema } from '../enums.js';
import {
  clusterIdSchema,
  pageInfoShape,
  pagingQueryShape,
  projectIdSchema,
  regionIdSchema,
  resourceNameSchema,
  responseTimestampSchema,
} from '../primitives.js';

export const clusterPathSchema = z.strictObject({ clusterId: clusterIdSchema });

/** A database cluster whose data Lifeboat backs up. */
export const clusterSchema = z.object({
  clusterId: z.string(),
  clusterName: z.string(),
  projectId: z.string(),
  regionId: z.string(),
  cuType: z.string(),
  cuSize: z.number().int(),
  status: clusterStatusResponseSchema,
  connectAddress: z.string().describe('Data-plane address; for local clusters `<server>/clusters/<clusterId>`.'),
  createTime: responseTimestampSchema,
  snapshotNumber: z.number().int().describe('Number of backups of this cluster.'),
});
export type Cluster = z.infer<typeof clusterSchema>;

export const listClustersQuerySchema = z.strictObject({
  ...pagingQueryShape,
  projectId: projectIdSchema.optional().describe('Only clusters of this project.'),
});
export type ListClustersQuery = z.input<typeof listClustersQuerySchema>;

export const listClustersResponseSchema = z.object({
  ...pageInfoShape,
  clusters: z.array(clusterSchema),
});
export type ClusterPage = z.infer<typeof listClustersResponseSchema>;

export const createClusterRequestSchema = z.strictObject({
  projectId: projectIdSchema,
  regionId: regionIdSchema,
  clusterName: resourceNameSchema,
  cuType: z.string().min(1).max(64).optional().describe('Compute unit type, e.g. `Performance-optimized`.'),
  cuSize: z.number().int().min(1).max(256),
});
export type CreateClusterRequest = z.input<typeof createClusterRequestSchema>;

export const createClusterResponseSchema = z.object({
  clusterId: z.string(),
  username: z.string(),
  password: z.string().describe('Shown only here; keep it safe.'),
  prompt: z.string(),
});
export type CreateClusterResult = z.infer<typeof createClusterResponseSchema>;

export const dropClusterResponseSchema = z.object({
  clusterId: z.string(),
  prompt: z.string(),
});
export type DropClusterResult = z.infer<typeof dropClusterResponseSchema>;
