import { z } from 'zod';
import { backupIntervalsMinutes, policyStatusResponseSchema } from '../enums.js';
import { clusterIdSchema, maxClustersPerBatch, regionIdSchema, retentionDaysSchema } from '../primitives.js';
import { copyPolicySchema } from './copy-policies.js';

/** Days of the week, 1 = Monday … 7 = Sunday, comma-separated: `"1,3,5"`. */
export const frequencySchema = z
  .string()
  .regex(/^[1-7](,[1-7])*$/, 'must list days 1–7 separated by commas, e.g. "1,3,5" (1 = Monday)')
  .refine((days) => new Set(days.split(',')).size === days.split(',').length, 'must list each day once');

/** A UTC start window `HH:mm-HH:mm`. */
export const startWindowSchema = z
  .string()
  .regex(
    /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/,
    'must be a UTC window "HH:mm-HH:mm", e.g. "02:00-04:00"',
  );

export const intervalMinutesSchema = z
  .number()
  .int()
  .refine((minutes) => (backupIntervalsMinutes as readonly number[]).includes(minutes), {
    message: `must be one of ${backupIntervalsMinutes.join(', ')}`,
  });

export const policyCopySchema = z.strictObject({
  regionId: regionIdSchema,
  retentionDays: retentionDaysSchema,
});

/** A cluster's automatic backup policy. */
export const backupPolicySchema = z.object({
  clusterId: z.string(),
  status: policyStatusResponseSchema,
  frequency: z.string().optional().describe('Days of the week, 1 = Monday, e.g. "1,2,5".'),
  startTime: z.string().optional().describe('UTC start window, e.g. "02:00-04:00".'),
  retentionDays: z.number().int().optional(),
  crossRegionCopies: z
    .array(z.object({ regionId: z.string(), retentionDays: z.number().int() }))
    .optional()
    .describe('Copy policies that apply to AUTO backups.'),
  intervalMinutes: z.number().int().optional().describe('Lifeboat extension: back up every so many minutes.'),
  copyPolicies: z
    .array(copyPolicySchema)
    .optional()
    .describe('Lifeboat extension: every copy policy of the cluster (including MANUAL-only ones), so many clusters\' copy policies can be read in one call.'),
});
export type BackupPolicy = z.infer<typeof backupPolicySchema>;

const setBackupPolicyFieldsSchema = z.strictObject({
  enabled: z.boolean(),
  frequency: frequencySchema.optional(),
  startTime: startWindowSchema.optional(),
  retentionDays: retentionDaysSchema.optional(),
  crossRegionCopies: z.array(policyCopySchema).optional().describe('Replaces the copy policies that apply to AUTO backups.'),
  intervalMinutes: intervalMinutesSchema.optional().describe('Lifeboat extension: back up every so many minutes instead of once a day in the window.'),
});

/** What an enabled policy needs besides well-formed fields; shared by the single and batch sets. */
function checkPolicyFields(body: z.output<typeof setBackupPolicyFieldsSchema>, ctx: z.RefinementCtx): void {
  if (!body.enabled) return;
  if (body.retentionDays === undefined) {
    ctx.addIssue({ code: 'custom', path: ['retentionDays'], message: 'is required when enabling a policy (1–30)' });
  }
  if (body.intervalMinutes === undefined) {
    if (body.frequency === undefined) {
      ctx.addIssue({ code: 'custom', path: ['frequency'], message: 'is required when enabling a policy without intervalMinutes, e.g. "1,2,3,4,5,6,7"' });
    }
    if (body.startTime === undefined) {
      ctx.addIssue({ code: 'custom', path: ['startTime'], message: 'is required when enabling a policy without intervalMinutes, e.g. "02:00-04:00"' });
    }
  }
  const regions = (body.crossRegionCopies ?? []).map((copy) => copy.regionId);
  if (new Set(regions).size !== regions.length) {
    ctx.addIssue({ code: 'custom', path: ['crossRegionCopies'], message: 'list each region once' });
  }
}

export const setBackupPolicyRequestSchema = setBackupPolicyFieldsSchema.superRefine(checkPolicyFields);
export type SetBackupPolicyRequest = z.input<typeof setBackupPolicyRequestSchema>;

export const setBackupPolicyResponseSchema = z.object({
  clusterId: z.string(),
  status: policyStatusResponseSchema,
  policy: backupPolicySchema.optional().describe('Lifeboat extension: the policy as stored, so a client need not read it back.'),
});
export type SetBackupPolicyResult = z.infer<typeof setBackupPolicyResponseSchema>;

export const batchPoliciesQuerySchema = z.strictObject({
  clusterIds: z
    .string()
    .min(1)
    .refine((ids) => ids.split(',').length <= maxClustersPerBatch, `at most ${maxClustersPerBatch} cluster ids per call`)
    .refine((ids) => ids.split(',').every((id) => clusterIdSchema.safeParse(id).success), 'must be cluster ids separated by commas')
    .describe('Comma-separated cluster ids, at most 100.'),
});

export const batchPoliciesResponseSchema = z.object({
  policies: z.array(backupPolicySchema),
});
export type BackupPolicyBatch = z.infer<typeof batchPoliciesResponseSchema>;

export const setBackupPoliciesRequestSchema = z
  .strictObject({
    policies: z
      .array(setBackupPolicyFieldsSchema.extend({ clusterId: clusterIdSchema }).superRefine(checkPolicyFields))
      .min(1)
      .max(maxClustersPerBatch)
      .describe(`The policies to set, one per cluster, at most ${maxClustersPerBatch}.`),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.policies.forEach((policy, index) => {
      if (seen.has(policy.clusterId)) ctx.addIssue({ code: 'custom', path: ['policies', index, 'clusterId'], message: 'is listed twice; set each cluster once per call' });
      seen.add(policy.clusterId);
    });
  });
export type SetBackupPoliciesRequest = z.input<typeof setBackupPoliciesRequestSchema>;

export const setBackupPoliciesResponseSchema = z.object({
  results: z.array(setBackupPolicyResponseSchema).describe('One result per policy, in the order they were sent.'),
});
export type SetBackupPoliciesResult = z.infer<typeof setBackupPoliciesResponseSchema>;
