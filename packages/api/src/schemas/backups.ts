import { z } from 'zod';
import {
  backupStatusResponseSchema,
  backupStatusSchema,
  backupTypeResponseSchema,
  backupTypeSchema,
  creationMethodResponseSchema,
  creationMethodSchema,
} from '../enums.js';
import {
  backupIdSchema,
  clusterIdSchema,
  displayNameSchema,
  pageInfoShape,
  pagingQueryShape,
  projectIdSchema,
  regionIdSchema,
  resourceNameSchema,
  responseTimestampSchema,
  retentionDaysSchema,
  timestampSchema,
} from '../primitives.js';

export const backupPathSchema = z.strictObject({
  clusterId: clusterIdSchema,
  backupId: backupIdSchema,
});

/** Collections to back up, by database (`dbName` defaults to `default`). */
export const backupScopeSchema = z.strictObject({
  dbName: resourceNameSchema.optional(),
  collectionNames: z.array(resourceNameSchema).min(1, 'list at least one collection'),
});

export const createBackupRequestSchema = z
  .strictObject({
    backupType: backupTypeSchema,
    dbCollections: z.array(backupScopeSchema).min(1).optional().describe('Required for COLLECTION backups.'),
    crossRegionCopies: z
      .array(z.strictObject({ regionId: regionIdSchema }))
      .optional()
      .describe('Regions to copy the backup to once it is AVAILABLE.'),
    backupName: displayNameSchema.optional().describe('Lifeboat extension: a name of your choosing.'),
  })
  .superRefine((body, ctx) => {
    if (body.backupType === 'COLLECTION' && body.dbCollections === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['dbCollections'],
        message: 'a COLLECTION backup needs dbCollections: [{collectionNames: [...]}]',
      });
    }
    if (body.backupType === 'CLUSTER' && body.dbCollections !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['dbCollections'],
        message: 'a CLUSTER backup covers every collection; drop dbCollections or use backupType COLLECTION',
      });
    }
    const regions = (body.crossRegionCopies ?? []).map((copy) => copy.regionId);
    if (new Set(regions).size !== regions.length) {
      ctx.addIssue({ code: 'custom', path: ['crossRegionCopies'], message: 'list each region once' });
    }
  });
export type CreateBackupRequest = z.input<typeof createBackupRequestSchema>;

export const createBackupResponseSchema = z.object({
  backupId: z.string(),
  backupName: z.string(),
  jobId: z.string(),
});
export type CreateBackupResult = z.infer<typeof createBackupResponseSchema>;

export const listBackupsQuerySchema = z
  .strictObject({
    ...pagingQueryShape,
    projectId: projectIdSchema.optional(),
    clusterId: clusterIdSchema.optional(),
    creationMethod: creationMethodSchema.optional(),
    backupType: backupTypeSchema.optional(),
    startTime: timestampSchema.optional().describe('Only backups created at or after this time.'),
    endTime: timestampSchema.optional().describe('Only backups created at or before this time.'),
    regionId: regionIdSchema.optional().describe('Lifeboat extension: only backups stored in this region.'),
    status: backupStatusSchema.optional().describe('Lifeboat extension: only backups in this status.'),
  })
  // Compared as instants, not strings: "…:51.5Z" sorts before "…:51Z" as text but is later.
  // A malformed time already has its own issue, so it adds none here (NaN > x is false).
  .refine((query) => !(query.startTime && query.endTime && Date.parse(query.startTime) > Date.parse(query.endTime)), {
    path: ['endTime'],
    message: 'endTime must not be before startTime',
  });
export type ListBackupsQuery = z.input<typeof listBackupsQuerySchema>;

/** A backup as listed. */
export const backupSummarySchema = z.object({
  backupId: z.string(),
  backupName: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  projectId: z.string(),
  backupType: backupTypeResponseSchema,
  creationMethod: creationMethodResponseSchema,
  status: backupStatusResponseSchema,
  size: z.number().describe('Bytes of data the backup covers.'),
  createTime: responseTimestampSchema,
  expireTime: responseTimestampSchema.nullable().describe('When an AUTO backup or a policy copy expires; null for MANUAL backups.'),
  regionId: z.string().optional().describe('Lifeboat extension: the region holding the backup.'),
  dataTime: responseTimestampSchema
    .optional()
    .describe('Lifeboat extension: when the data was captured. A backup\'s createTime; for a copy, its source\'s data time (a copy made today of last week\'s backup holds last week\'s data).'),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const listBackupsResponseSchema = z.object({
  ...pageInfoShape,
  backups: z.array(backupSummarySchema),
});
export type BackupPage = z.infer<typeof listBackupsResponseSchema>;

/** One collection inside a backup. */
export const backupCollectionSchema = z.object({
  collectionName: z.string(),
  description: z.string(),
  status: z.string(),
  rowCount: z.number().int(),
  partitions: z.array(z.string()).describe('Partition names.'),
  checksum: z.string().optional().describe('Lifeboat extension: digest of the rows, equal to the source collection\'s.'),
});
export type BackupCollection = z.infer<typeof backupCollectionSchema>;

/** A copy of a backup in another region. */
export const backupCopySchema = z.object({
  regionId: z.string(),
  backupId: z.string(),
  status: backupStatusResponseSchema,
});
export type BackupCopy = z.infer<typeof backupCopySchema>;

/** A backup in full, with what it contains and where its copies are. */
export const backupSchema = backupSummarySchema.extend({
  regionId: z.string(),
  dbCollections: z.array(
    z.object({
      dbName: z.string(),
      collections: z.array(backupCollectionSchema),
    }),
  ),
  sourceBackupId: z.string().nullable().optional().describe('Lifeboat extension: for a copy, the backup it was copied from.'),
  copies: z.array(backupCopySchema).optional().describe('Lifeboat extension: copies of this backup in other regions.'),
  storedBytes: z.number().optional().describe('Lifeboat extension: new bytes this backup wrote (unchanged segments are shared).'),
});
export type Backup = z.infer<typeof backupSchema>;

export const deleteBackupResponseSchema = z.object({
  backupId: z.string(),
  backupName: z.string(),
});
export type DeleteBackupResult = z.infer<typeof deleteBackupResponseSchema>;

export const copyBackupRequestSchema = z.strictObject({
  regionId: regionIdSchema,
  retentionDays: retentionDaysSchema.optional().describe('Expire the copy after this many days; kept forever if absent.'),
});
export type CopyBackupRequest = z.input<typeof copyBackupRequestSchema>;

export const copyBackupResponseSchema = z.object({
  backupId: z.string().describe('Id of the new backup record in the target region.'),
  jobId: z.string(),
});
export type CopyBackupResult = z.infer<typeof copyBackupResponseSchema>;

export const exportBackupRequestSchema = z.strictObject({
  integrationId: resourceNameSchema.describe('A named export directory from the server configuration.'),
  directory: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9_\-./]+$/, 'must contain only letters, digits, "_", "-", "." and "/"')
    .refine(
      (dir) => !dir.startsWith('/') && dir.split('/').every((part) => part !== '' && part !== '.' && part !== '..'),
      'must be a relative path without empty, "." or ".." segments',
    ),
});
export type ExportBackupRequest = z.input<typeof exportBackupRequestSchema>;

export const renameBackupRequestSchema = z.strictObject({
  backupName: displayNameSchema,
});
export type RenameBackupRequest = z.input<typeof renameBackupRequestSchema>;

export const renameBackupResponseSchema = z.object({
  backupId: z.string(),
  backupName: z.string(),
});
export type RenameBackupResult = z.infer<typeof renameBackupResponseSchema>;

/** Answer of endpoints that only start a job. */
export const jobStartedResponseSchema = z.object({ jobId: z.string() });
export type JobStarted = z.infer<typeof jobStartedResponseSchema>;
