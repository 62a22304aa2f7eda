/**
 * `@lifeboat/sdk`: a typed client for the Lifeboat backup control plane, wire-compatible with
 * the Zilliz Cloud v2 backup API.
 */
export { Lifeboat } from './client.js';
export { DataPlane } from './data-plane.js';
export type { DataPlaneTarget } from './data-plane.js';
export { Job, serializedJobSchema } from './job.js';
export type { JobProgress, SerializedJob, WaitOptions } from './job.js';
export { decodeCursor, encodeCursor, Paginator } from './paginator.js';
export type { Page, PagePosition } from './paginator.js';
export { defaultLifeboatOptions, defaultRetryOptions, normalizeLifeboatOptions, sdkVersion } from './options.js';
export type { CallOptions, LifeboatOptions, NormalizedLifeboatOptions, RetryOptions } from './options.js';
export type { AfterResponseState, BeforeErrorState, BeforeRequestState, BeforeRetryState, LifeboatHooks } from './hooks.js';
export type { ListInput } from './internal/list.js';

export { ApiKeysApi } from './resources/api-keys.js';
export { BackupsApi } from './resources/backups.js';
export type { BackupRef, WithJob } from './resources/backups.js';
export { ClustersApi } from './resources/clusters.js';
export { JobsApi } from './resources/jobs.js';
export { CopyPoliciesApi, PoliciesApi } from './resources/policies.js';
export { ProjectsApi, RegionsApi } from './resources/projects.js';

export { LifeboatError, isLifeboatError } from './errors/lifeboat-error.js';
export type { LifeboatErrorDetails } from './errors/lifeboat-error.js';
export { AuthenticationError } from './errors/authentication-error.js';
export { ConflictError } from './errors/conflict-error.js';
export { InvalidResponseError } from './errors/invalid-response-error.js';
export { JobFailedError } from './errors/job-failed-error.js';
export { NetworkError } from './errors/network-error.js';
export { NotFoundError } from './errors/not-found-error.js';
export { PermissionError } from './errors/permission-error.js';
export { RateLimitError } from './errors/rate-limit-error.js';
export { ServerError } from './errors/server-error.js';
export { TimeoutError } from './errors/timeout-error.js';
export { ValidationError } from './errors/validation-error.js';
export type { ValidationIssue } from './errors/validation-error.js';

// The contract's types, so SDK users need only this package.
export { ErrorCode } from '@lifeboat/api';
export type {
  ApiKey,
  Backup,
  BackupCollection,
  BackupCopy,
  BackupPolicy,
  BackupStatus,
  BackupSummary,
  BackupType,
  CancelJobResult,
  Cluster,
  ClusterCopyPolicy,
  CollectionDescription,
  CopyBackupRequest,
  CopyBackupResult,
  CopyPolicy,
  CopyPolicyScope,
  CreateApiKeyRequest,
  CreateApiKeyResult,
  CreateBackupRequest,
  CreateBackupResult,
  CreateClusterRequest,
  CreateClusterResult,
  CreateCollectionRequest,
  CreationMethod,
  ExportBackupRequest,
  InsertRequest,
  InsertResult,
  Job as JobInfo,
  JobStarted,
  JobStatus,
  JobType,
  Known,
  ListBackupsQuery,
  ListClustersQuery,
  ListJobsQuery,
  Project,
  PutCopyPoliciesRequest,
  PutCopyPolicyRequest,
  QueryRequest,
  Region,
  RestoreClusterRequest,
  RestoreClusterResult,
  RestoreCollectionRequest,
  Row,
  SetBackupPoliciesRequest,
  SetBackupPolicyRequest,
  SetBackupPolicyResult,
} from '@lifeboat/api';
