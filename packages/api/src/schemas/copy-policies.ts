import { z } from 'zod';
import { copyPolicyScopeResponseSchema, copyPolicyScopeSchema } from '../enums.js';
import { clusterIdSchema, maxClustersPerBatch, regionIdSchema, retentionDaysSchema } from '../primitives.js';

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

export const putCopyPoliciesRequestSchema = z
  .strictObject({
    copyPolicies: z
      .array(putCopyPolicyRequestSchema.extend({ clusterId: clusterIdSchema, regionId: regionIdSchema }))
      .min(1)
      .max(maxClustersPerBatch)
      .describe(`The copy policies to create or replace, at most ${maxClustersPerBatch}.`),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.copyPolicies.forEach((policy, index) => {
      const pair = `${policy.clusterId} ${policy.regionId}`;
      if (seen.has(pair)) ctx.addIssue({ code: 'custom', path: ['copyPolicies', index], message: 'names a cluster and region listed before; list each pair once per call' });
      seen.add(pair);
    });
  });
export type PutCopyPoliciesRequest = z.input<typeof putCopyPoliciesRequestSchema>;

/** A copy policy with the cluster it belongs to, as batch calls answer. */
export const clusterCopyPolicySchema = copyPolicySchema.extend({ clusterId: z.string() });
export type ClusterCopyPolicy = z.infer<typeof clusterCopyPolicySchema>;

export const putCopyPoliciesResponseSchema = z.object({
  copyPolicies: z.array(clusterCopyPolicySchema).describe('The policies as stored, in the order they were sent.'),
});
