import { z } from 'zod';
import { collectionStatusSchema, conflictModeSchema, destCollectionStatusSchema } from '../enums.js';
import { clusterIdSchema, projectIdSchema, resourceNameSchema } from '../primitives.js';

export const restoreClusterRequestSchema = z.strictObject({
  projectId: projectIdSchema,
  clusterName: resourceNameSchema.describe('Name of the new cluster; restores never overwrite a cluster.'),
  cuSize: z.number().int().min(1).max(256),
  collectionStatus: collectionStatusSchema.optional().describe('KEEP each collection\'s load state from the backup (default) or RELEASE all.'),
});
export type RestoreClusterRequest = z.input<typeof restoreClusterRequestSchema>;

export const restoreClusterResponseSchema = z.object({
  clusterId: z.string(),
  username: z.string(),
  password: z.string().describe('The new cluster\'s password; appears only in this response.'),
  jobId: z.string(),
});
export type RestoreClusterResult = z.infer<typeof restoreClusterResponseSchema>;

export const restoreCollectionTargetSchema = z.strictObject({
  collectionName: resourceNameSchema,
  destCollectionName: resourceNameSchema.optional().describe('Restore under another name.'),
  destCollectionStatus: destCollectionStatusSchema.optional(),
  partitionNames: z.array(resourceNameSchema).min(1).optional().describe('Lifeboat extension: restore only these partitions.'),
});

export const restoreCollectionRequestSchema = z.strictObject({
  destClusterId: clusterIdSchema,
  dbCollections: z
    .array(
      z.strictObject({
        dbName: resourceNameSchema,
        destDbName: resourceNameSchema.optional(),
        collections: z.array(restoreCollectionTargetSchema).min(1),
      }),
    )
    .min(1)
    .optional()
    .describe('What to restore; everything in the backup if absent.'),
  onConflict: conflictModeSchema.optional().describe('Lifeboat extension: FAIL (default) when a destination collection exists, or OVERWRITE it when schemas match.'),
});
export type RestoreCollectionRequest = z.input<typeof restoreCollectionRequestSchema>;
