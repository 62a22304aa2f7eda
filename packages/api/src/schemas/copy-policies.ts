import { z } from 'zod';
import { copyPolicyScopeResponseSchema, copyPolicyScopeSchema } from '../enums.js';
import { clusterIdSchema, regionIdSchema, retentionDaysSchema } from '../primitives.js';

export const copyPolicyPathSchema = z.strictObject({
  clusterId: clusterIdSchema,
  regionId: regionIdSchema,
});

/** Copies a cluster's backups to another region. */
export const copyPolicySchema = z.object({
  regionId: z.string(),
  retentionDays: z.number().int(),
  appliesTo: copyPolicyScopeResponseSchema,
});
export type CopyPolicy = z.infer<typeof copyPolicySchema>;

export const listCopyPoliciesResponseSchema = z.object({
  copyPolicies: z.array(copyPolicySchema),
});

export const putCopyPolicyRequestSchema = z.strictObject({
  retentionDays: retentionDaysSchema,
  appliesTo: copyPolicyScopeSchema.describe('Which backups to copy: AUTO, MANUAL or ALL.'),
});
export type PutCopyPolicyRequest = z.input<typeof putCopyPolicyRequestSchema>;

export const deleteCopyPolicyResponseSchema = z.object({ regionId: z.string() });
