import { z } from 'zod';
import { lenientEnum } from './internal/lenient.js';

/**
 * Every enum of the wire contract, once. Requests use the strict schema (`xSchema`) so a typo
 * fails before any I/O; responses use the lenient one (`xResponseSchema`) so values a newer
 * server adds arrive as strings instead of throwing.
 */

export const backupTypes = ['CLUSTER', 'COLLECTION'] as const;
/** What a backup covers: the whole cluster, or listed collections. */
export type BackupType = (typeof backupTypes)[number];
export const backupTypeSchema = z.enum(backupTypes);
export const backupTypeResponseSchema = lenientEnum(backupTypes);

export const creationMethods = ['MANUAL', 'AUTO'] as const;
/** Whether a person (MANUAL) or a backup policy (AUTO) started a backup. */
export type CreationMethod = (typeof creationMethods)[number];
export const creationMethodSchema = z.enum(creationMethods);
export const creationMethodResponseSchema = lenientEnum(creationMethods);

export const backupStatuses = ['CREATING', 'AVAILABLE', 'FAILED', 'DELETING'] as const;
/** Life cycle of a backup. Only `AVAILABLE` backups can be restored, copied, exported or verified. */
export type BackupStatus = (typeof backupStatuses)[number];
export const backupStatusSchema = z.enum(backupStatuses);
export const backupStatusResponseSchema = lenientEnum(backupStatuses);

export const policyStatuses = ['ENABLED', 'DISABLED'] as const;
/** Whether a cluster's automatic backup policy runs. */
export type PolicyStatus = (typeof policyStatuses)[number];
export const policyStatusResponseSchema = lenientEnum(policyStatuses);

export const collectionStatuses = ['KEEP', 'RELEASE'] as const;
/** Restore-cluster: keep each collection's load state from the backup, or release them all. */
export type CollectionStatus = (typeof collectionStatuses)[number];
export const collectionStatusSchema = z.enum(collectionStatuses);

export const destCollectionStatuses = ['LOADED', 'UNLOADED'] as const;
/** Restore-collection: the load state of a restored collection. */
export type DestCollectionStatus = (typeof destCollectionStatuses)[number];
export const destCollectionStatusSchema = z.enum(destCollectionStatuses);

export const jobTypes = ['BACKUP', 'RESTORE', 'COPY', 'EXPORT', 'VERIFY'] as const;
/** Kind of long-running work a job performs. */
export type JobType = (typeof jobTypes)[number];
export const jobTypeSchema = z.enum(jobTypes);
export const jobTypeResponseSchema = lenientEnum(jobTypes);

export const jobStatuses = [
  'PENDING',
  'IN_PROGRESS',
  'SUCCESSFUL',
  'FAILED',
  'CANCELING',
  'CANCELED',
] as const;
/** Life cycle of a job; `SUCCESSFUL`, `FAILED` and `CANCELED` are final. */
export type JobStatus = (typeof jobStatuses)[number];
export const jobStatusSchema = z.enum(jobStatuses);
export const jobStatusResponseSchema = lenientEnum(jobStatuses);

/** Job statuses after which nothing changes any more. */
export const terminalJobStatuses: readonly JobStatus[] = ['SUCCESSFUL', 'FAILED', 'CANCELED'];

export const copyPolicyScopes = ['AUTO', 'MANUAL', 'ALL'] as const;
/** Which backups a copy policy copies, by creation method. */
export type CopyPolicyScope = (typeof copyPolicyScopes)[number];
export const copyPolicyScopeSchema = z.enum(copyPolicyScopes);
export const copyPolicyScopeResponseSchema = lenientEnum(copyPolicyScopes);

export const conflictModes = ['FAIL', 'OVERWRITE'] as const;
/** Restore-collection over an existing collection: fail, or overwrite when schemas match. */
export type ConflictMode = (typeof conflictModes)[number];
export const conflictModeSchema = z.enum(conflictModes);

export const roles = ['ORG_OWNER', 'PROJECT_ADMIN', 'PROJECT_READ', 'CUSTOM'] as const;
/** API key roles. `CUSTOM` keys carry an explicit list of privileges. */
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);
export const roleResponseSchema = lenientEnum(roles);

export const privileges = [
  'backup:create',
  'backup:delete',
  'backup:restore',
  'policy:write',
  'job:cancel',
  'cluster:write',
  'data:write',
  'data:read',
] as const;
/** Fine-grained permissions of a `CUSTOM` key. */
export type Privilege = (typeof privileges)[number];
export const privilegeSchema = z.enum(privileges);
export const privilegeResponseSchema = lenientEnum(privileges);

export const loadStatuses = ['LOADED', 'UNLOADED', 'LOADING'] as const;
/** Whether a collection of a local cluster is loaded for queries. */
export type LoadStatus = (typeof loadStatuses)[number];
export const loadStatusResponseSchema = lenientEnum(loadStatuses);

export const fieldDataTypes = [
  'Int64',
  'Int32',
  'Float',
  'Double',
  'Bool',
  'VarChar',
  'JSON',
  'FloatVector',
] as const;
/** Column types of a local cluster's collection schema. */
export type FieldDataType = (typeof fieldDataTypes)[number];
export const fieldDataTypeSchema = z.enum(fieldDataTypes);
export const fieldDataTypeResponseSchema = lenientEnum(fieldDataTypes);

/** `intervalMinutes` a policy may use for tight RPOs. */
export const backupIntervalsMinutes = [5, 10, 15, 30, 60, 240, 720, 1440] as const;

export const clusterStatuses = ['CREATING', 'RUNNING', 'RESTORING', 'DELETING', 'DELETED'] as const;
/** Life cycle of a cluster. */
export type ClusterStatus = (typeof clusterStatuses)[number];
export const clusterStatusResponseSchema = lenientEnum(clusterStatuses);
