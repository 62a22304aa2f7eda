/**
 * The Lifeboat wire contract: zod schemas for every request and response, the enums, the
 * envelope, the error codes and the endpoint table. Types are inferred from the schemas.
 */
export type { Known } from './internal/lenient.js';
export { lenientEnum } from './internal/lenient.js';

export {
  backupIntervalsMinutes,
  backupStatuses,
  backupStatusResponseSchema,
  backupStatusSchema,
  backupTypes,
  backupTypeResponseSchema,
  backupTypeSchema,
  clusterStatuses,
  clusterStatusResponseSchema,
  collectionStatuses,
  collectionStatusSchema,
  conflictModes,
  conflictModeSchema,
  copyPolicyScopes,
  copyPolicyScopeResponseSchema,
  copyPolicyScopeSchema,
  creationMethods,
  creationMethodResponseSchema,
  creationMethodSchema,
  destCollectionStatuses,
  destCollectionStatusSchema,
  fieldDataTypes,
  fieldDataTypeResponseSchema,
  fieldDataTypeSchema,
  jobStatuses,
  jobStatusResponseSchema,
  jobStatusSchema,
  jobTypes,
  jobTypeResponseSchema,
  jobTypeSchema,
  loadStatuses,
  loadStatusResponseSchema,
  policyStatuses,
  policyStatusResponseSchema,
  privileges,
  privilegeResponseSchema,
  privilegeSchema,
  roles,
  roleResponseSchema,
  roleSchema,
  terminalJobStatuses,
} from './enums.js';
export type {
  BackupStatus,
  BackupType,
  ClusterStatus,
  CollectionStatus,
  ConflictMode,
  CopyPolicyScope,
  CreationMethod,
  DestCollectionStatus,
  FieldDataType,
  JobStatus,
  JobType,
  LoadStatus,
  PolicyStatus,
  Privilege,
  Role,
} from './enums.js';

export {
  apiKeyIdSchema,
  backupIdSchema,
  clusterIdSchema,
  displayNameSchema,
  emptyBodySchema,
  idSchema,
  jobIdSchema,
  maxClustersPerBatch,
  pageInfoShape,
  pagingQueryShape,
  projectIdSchema,
  regionIdSchema,
  resourceNameSchema,
  responseTimestampSchema,
  retentionDaysSchema,
  timestampSchema,
} from './primitives.js';

export {
  anyEnvelopeSchema,
  errorEnvelopeSchema,
  idempotencyKeyHeader,
  requestIdHeader,
  successEnvelopeSchema,
} from './envelope.js';
export type { AnyEnvelope, ErrorEnvelope } from './envelope.js';

export { describeErrorCode, errorCatalog, ErrorCode } from './error-codes.js';
export type { ErrorCodeInfo, ErrorName } from './error-codes.js';

export { defineEndpoint, expandPath } from './endpoint.js';
export type {
  EndpointBody,
  EndpointData,
  EndpointDefinition,
  EndpointParams,
  EndpointQuery,
  HttpMethod,
} from './endpoint.js';
export { controlPlaneEndpoints, dataPlaneEndpoints, endpoints } from './endpoints.js';
export type { EndpointName } from './endpoints.js';

export { buildOpenApiDocument } from './openapi.js';
export type { OpenApiDocument } from './openapi.js';

export { listProjectsResponseSchema, projectSchema } from './schemas/projects.js';
export type { Project } from './schemas/projects.js';
export { listRegionsResponseSchema, regionSchema } from './schemas/regions.js';
export type { Region } from './schemas/regions.js';
export {
  clusterPathSchema,
  clusterSchema,
  createClusterRequestSchema,
  createClusterResponseSchema,
  dropClusterResponseSchema,
  listClustersQuerySchema,
  listClustersResponseSchema,
} from './schemas/clusters.js';
export type {
  Cluster,
  ClusterPage,
  CreateClusterRequest,
  CreateClusterResult,
  DropClusterResult,
  ListClustersQuery,
} from './schemas/clusters.js';
export {
  backupCollectionSchema,
  backupCopySchema,
  backupPathSchema,
  backupSchema,
  backupScopeSchema,
  backupSummarySchema,
  copyBackupRequestSchema,
  copyBackupResponseSchema,
  createBackupRequestSchema,
  createBackupResponseSchema,
  deleteBackupResponseSchema,
  exportBackupRequestSchema,
  jobStartedResponseSchema,
  listBackupsQuerySchema,
  listBackupsResponseSchema,
  renameBackupRequestSchema,
  renameBackupResponseSchema,
} from './schemas/backups.js';
export type {
  Backup,
  BackupCollection,
  BackupCopy,
  BackupPage,
  BackupSummary,
  CopyBackupRequest,
  CopyBackupResult,
  CreateBackupRequest,
  CreateBackupResult,
  DeleteBackupResult,
  ExportBackupRequest,
  JobStarted,
  ListBackupsQuery,
  RenameBackupRequest,
  RenameBackupResult,
} from './schemas/backups.js';
export {
  restoreClusterRequestSchema,
  restoreClusterResponseSchema,
  restoreCollectionRequestSchema,
  restoreCollectionTargetSchema,
} from './schemas/restores.js';
export type { RestoreClusterRequest, RestoreClusterResult, RestoreCollectionRequest } from './schemas/restores.js';
export {
  backupPolicySchema,
  batchPoliciesQuerySchema,
  batchPoliciesResponseSchema,
  frequencySchema,
  intervalMinutesSchema,
  policyCopySchema,
  setBackupPoliciesRequestSchema,
  setBackupPoliciesResponseSchema,
  setBackupPolicyRequestSchema,
  setBackupPolicyResponseSchema,
  startWindowSchema,
} from './schemas/policies.js';
export type { BackupPolicy, BackupPolicyBatch, SetBackupPoliciesRequest, SetBackupPoliciesResult, SetBackupPolicyRequest, SetBackupPolicyResult } from './schemas/policies.js';
export {
  clusterCopyPolicySchema,
  copyPolicyPathSchema,
  copyPolicySchema,
  deleteCopyPolicyResponseSchema,
  listCopyPoliciesResponseSchema,
  putCopyPoliciesRequestSchema,
  putCopyPoliciesResponseSchema,
  putCopyPolicyRequestSchema,
} from './schemas/copy-policies.js';
export type { ClusterCopyPolicy, CopyPolicy, PutCopyPoliciesRequest, PutCopyPolicyRequest } from './schemas/copy-policies.js';
export {
  cancelJobResponseSchema,
  jobPathSchema,
  jobSchema,
  listJobsQuerySchema,
  listJobsResponseSchema,
} from './schemas/jobs.js';
export type { CancelJobResult, Job, JobPage, ListJobsQuery } from './schemas/jobs.js';
export {
  apiKeyPathSchema,
  apiKeySchema,
  createApiKeyRequestSchema,
  createApiKeyResponseSchema,
  deleteApiKeyResponseSchema,
  listApiKeysResponseSchema,
} from './schemas/api-keys.js';
export type { ApiKey, CreateApiKeyRequest, CreateApiKeyResult } from './schemas/api-keys.js';
export {
  collectionDescriptionSchema,
  collectionRequestSchema,
  createCollectionRequestSchema,
  databaseRequestSchema,
  emptyResponseSchema,
  fieldSchema,
  fieldSchemaRequestSchema,
  insertRequestSchema,
  insertResponseSchema,
  listCollectionsRequestSchema,
  listDatabasesRequestSchema,
  nameListResponseSchema,
  partitionRequestSchema,
  queryRequestSchema,
  queryResponseSchema,
  rowSchema,
} from './schemas/data-plane.js';
export type {
  CollectionDescription,
  CollectionRequest,
  CreateCollectionRequest,
  DatabaseRequest,
  Field,
  FieldSchemaRequest,
  InsertRequest,
  InsertResult,
  ListCollectionsRequest,
  PartitionRequest,
  QueryRequest,
  Row,
} from './schemas/data-plane.js';
