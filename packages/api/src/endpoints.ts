import { defineEndpoint } from './endpoint.js';
import { emptyBodySchema } from './primitives.js';
import { apiKeyPathSchema, createApiKeyRequestSchema, createApiKeyResponseSchema, deleteApiKeyResponseSchema, listApiKeysResponseSchema } from './schemas/api-keys.js';
import {
  backupPathSchema,
  backupSchema,
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
import {
  clusterPathSchema,
  clusterSchema,
  createClusterRequestSchema,
  createClusterResponseSchema,
  dropClusterResponseSchema,
  listClustersQuerySchema,
  listClustersResponseSchema,
} from './schemas/clusters.js';
import {
  copyPolicyPathSchema,
  copyPolicySchema,
  deleteCopyPolicyResponseSchema,
  listCopyPoliciesResponseSchema,
  putCopyPoliciesRequestSchema,
  putCopyPoliciesResponseSchema,
  putCopyPolicyRequestSchema,
} from './schemas/copy-policies.js';
import {
  collectionDescriptionSchema,
  collectionRequestSchema,
  createCollectionRequestSchema,
  databaseRequestSchema,
  emptyResponseSchema,
  insertRequestSchema,
  insertResponseSchema,
  listCollectionsRequestSchema,
  listDatabasesRequestSchema,
  nameListResponseSchema,
  partitionRequestSchema,
  queryRequestSchema,
  queryResponseSchema,
} from './schemas/data-plane.js';
import { cancelJobResponseSchema, jobPathSchema, jobSchema, listJobsQuerySchema, listJobsResponseSchema } from './schemas/jobs.js';
import {
  backupPolicySchema,
  batchPoliciesQuerySchema,
  batchPoliciesResponseSchema,
  setBackupPoliciesRequestSchema,
  setBackupPoliciesResponseSchema,
  setBackupPolicyRequestSchema,
  setBackupPolicyResponseSchema,
} from './schemas/policies.js';
import { listProjectsResponseSchema } from './schemas/projects.js';
import { listRegionsResponseSchema } from './schemas/regions.js';
import { restoreClusterRequestSchema, restoreClusterResponseSchema, restoreCollectionRequestSchema } from './schemas/restores.js';

const backup = '/v2/clusters/{clusterId}/backups/{backupId}';

/** Control-plane operations, served under the server's base URL. */
export const controlPlaneEndpoints = {
  listProjects: defineEndpoint({ operationId: 'listProjects', method: 'GET', path: '/v2/projects', plane: 'control', origin: 'Z', tag: 'Projects', summary: 'List the projects the key can see.', response: listProjectsResponseSchema }),
  listRegions: defineEndpoint({ operationId: 'listRegions', method: 'GET', path: '/v2/regions', plane: 'control', origin: 'X', tag: 'Regions', summary: 'List the regions backups can live in.', response: listRegionsResponseSchema }),

  listClusters: defineEndpoint({ operationId: 'listClusters', method: 'GET', path: '/v2/clusters', plane: 'control', origin: 'Z', tag: 'Clusters', summary: 'List clusters, a page at a time.', query: listClustersQuerySchema, response: listClustersResponseSchema }),
  describeCluster: defineEndpoint({ operationId: 'describeCluster', method: 'GET', path: '/v2/clusters/{clusterId}', plane: 'control', origin: 'Z', tag: 'Clusters', summary: 'Describe a cluster.', params: clusterPathSchema, response: clusterSchema }),
  createCluster: defineEndpoint({ operationId: 'createCluster', method: 'POST', path: '/v2/clusters/createDedicated', plane: 'control', origin: 'Z', tag: 'Clusters', summary: 'Create a cluster.', body: createClusterRequestSchema, response: createClusterResponseSchema }),
  dropCluster: defineEndpoint({ operationId: 'dropCluster', method: 'DELETE', path: '/v2/clusters/{clusterId}/drop', plane: 'control', origin: 'Z', tag: 'Clusters', summary: 'Drop a cluster; its AUTO backups go with it, MANUAL ones stay.', params: clusterPathSchema, response: dropClusterResponseSchema }),

  createBackup: defineEndpoint({ operationId: 'createBackup', method: 'POST', path: '/v2/clusters/{clusterId}/backups/create', plane: 'control', origin: 'Z', tag: 'Backups', summary: 'Back up a cluster or some of its collections.', params: clusterPathSchema, body: createBackupRequestSchema, response: createBackupResponseSchema, startsJob: true }),
  listBackups: defineEndpoint({ operationId: 'listBackups', method: 'GET', path: '/v2/backups', plane: 'control', origin: 'Z', tag: 'Backups', summary: 'List backups, a page at a time.', query: listBackupsQuerySchema, response: listBackupsResponseSchema }),
  describeBackup: defineEndpoint({ operationId: 'describeBackup', method: 'GET', path: backup, plane: 'control', origin: 'Z', tag: 'Backups', summary: 'Describe a backup and what it contains.', params: backupPathSchema, response: backupSchema }),
  deleteBackup: defineEndpoint({ operationId: 'deleteBackup', method: 'DELETE', path: backup, plane: 'control', origin: 'Z', tag: 'Backups', summary: 'Delete a backup.', params: backupPathSchema, response: deleteBackupResponseSchema }),
  restoreCluster: defineEndpoint({ operationId: 'restoreCluster', method: 'POST', path: `${backup}/restoreCluster`, plane: 'control', origin: 'Z', tag: 'Restores', summary: 'Restore a CLUSTER backup into a new cluster in the backup\'s region.', params: backupPathSchema, body: restoreClusterRequestSchema, response: restoreClusterResponseSchema, startsJob: true }),
  restoreCollection: defineEndpoint({ operationId: 'restoreCollection', method: 'POST', path: `${backup}/restoreCollection`, plane: 'control', origin: 'Z', tag: 'Restores', summary: 'Restore collections into an existing cluster.', params: backupPathSchema, body: restoreCollectionRequestSchema, response: jobStartedResponseSchema, startsJob: true }),
  exportBackup: defineEndpoint({ operationId: 'exportBackup', method: 'POST', path: `${backup}/export`, plane: 'control', origin: 'Z', tag: 'Backups', summary: 'Export a backup to a configured integration.', params: backupPathSchema, body: exportBackupRequestSchema, response: jobStartedResponseSchema, startsJob: true }),
  copyBackup: defineEndpoint({ operationId: 'copyBackup', method: 'POST', path: `${backup}/copy`, plane: 'control', origin: 'X', tag: 'Backups', summary: 'Copy a backup to another region; only missing blobs move.', params: backupPathSchema, body: copyBackupRequestSchema, response: copyBackupResponseSchema, startsJob: true }),
  verifyBackup: defineEndpoint({ operationId: 'verifyBackup', method: 'POST', path: `${backup}/verify`, plane: 'control', origin: 'X', tag: 'Backups', summary: 'Re-read and re-hash every blob of a backup.', params: backupPathSchema, body: emptyBodySchema, response: jobStartedResponseSchema, startsJob: true }),
  renameBackup: defineEndpoint({ operationId: 'renameBackup', method: 'POST', path: `${backup}/rename`, plane: 'control', origin: 'X', tag: 'Backups', summary: 'Rename a backup.', params: backupPathSchema, body: renameBackupRequestSchema, response: renameBackupResponseSchema }),

  getBackupPolicy: defineEndpoint({ operationId: 'getBackupPolicy', method: 'GET', path: '/v2/clusters/{clusterId}/backups/policy', plane: 'control', origin: 'Z', tag: 'Policies', summary: 'Get a cluster\'s automatic backup policy.', params: clusterPathSchema, response: backupPolicySchema }),
  setBackupPolicy: defineEndpoint({ operationId: 'setBackupPolicy', method: 'POST', path: '/v2/clusters/{clusterId}/backups/policy', plane: 'control', origin: 'Z', tag: 'Policies', summary: 'Set, or with enabled: false disable, the automatic backup policy.', params: clusterPathSchema, body: setBackupPolicyRequestSchema, response: setBackupPolicyResponseSchema }),
  listBackupPolicies: defineEndpoint({ operationId: 'listBackupPolicies', method: 'GET', path: '/v2/backups/policies', plane: 'control', origin: 'X', tag: 'Policies', summary: 'Get the policies of up to 100 clusters in one call.', query: batchPoliciesQuerySchema, response: batchPoliciesResponseSchema }),
  setBackupPolicies: defineEndpoint({ operationId: 'setBackupPolicies', method: 'POST', path: '/v2/backups/policies', plane: 'control', origin: 'X', tag: 'Policies', summary: 'Set or disable the policies of up to 100 clusters in one call: all of them, or none when any is refused.', body: setBackupPoliciesRequestSchema, response: setBackupPoliciesResponseSchema }),

  listCopyPolicies: defineEndpoint({ operationId: 'listCopyPolicies', method: 'GET', path: '/v2/clusters/{clusterId}/backups/copyPolicies', plane: 'control', origin: 'X', tag: 'Copy policies', summary: 'List a cluster\'s cross-region copy policies.', params: clusterPathSchema, response: listCopyPoliciesResponseSchema }),
  putCopyPolicy: defineEndpoint({ operationId: 'putCopyPolicy', method: 'PUT', path: '/v2/clusters/{clusterId}/backups/copyPolicies/{regionId}', plane: 'control', origin: 'X', tag: 'Copy policies', summary: 'Create or replace the copy policy to a region.', params: copyPolicyPathSchema, body: putCopyPolicyRequestSchema, response: copyPolicySchema }),
  deleteCopyPolicy: defineEndpoint({ operationId: 'deleteCopyPolicy', method: 'DELETE', path: '/v2/clusters/{clusterId}/backups/copyPolicies/{regionId}', plane: 'control', origin: 'X', tag: 'Copy policies', summary: 'Delete the copy policy to a region.', params: copyPolicyPathSchema, response: deleteCopyPolicyResponseSchema }),
  putCopyPolicies: defineEndpoint({ operationId: 'putCopyPolicies', method: 'PUT', path: '/v2/backups/copyPolicies', plane: 'control', origin: 'X', tag: 'Copy policies', summary: 'Create or replace up to 100 copy policies of any clusters in one call: all of them, or none when any is refused.', body: putCopyPoliciesRequestSchema, response: putCopyPoliciesResponseSchema }),

  describeJob: defineEndpoint({ operationId: 'describeJob', method: 'GET', path: '/v2/jobs/{jobId}', plane: 'control', origin: 'Z', tag: 'Jobs', summary: 'Describe a job and its progress.', params: jobPathSchema, response: jobSchema }),
  listJobs: defineEndpoint({ operationId: 'listJobs', method: 'GET', path: '/v2/jobs', plane: 'control', origin: 'X', tag: 'Jobs', summary: 'List jobs, a page at a time.', query: listJobsQuerySchema, response: listJobsResponseSchema }),
  cancelJob: defineEndpoint({ operationId: 'cancelJob', method: 'POST', path: '/v2/jobs/{jobId}/cancel', plane: 'control', origin: 'X', tag: 'Jobs', summary: 'Cancel a job; its partial work is cleaned up.', params: jobPathSchema, body: emptyBodySchema, response: cancelJobResponseSchema }),

  createApiKey: defineEndpoint({ operationId: 'createApiKey', method: 'POST', path: '/v2/apiKeys', plane: 'control', origin: 'X', tag: 'API keys', summary: 'Create an API key; the secret is shown once.', body: createApiKeyRequestSchema, response: createApiKeyResponseSchema }),
  listApiKeys: defineEndpoint({ operationId: 'listApiKeys', method: 'GET', path: '/v2/apiKeys', plane: 'control', origin: 'X', tag: 'API keys', summary: 'List API keys (never their secrets).', response: listApiKeysResponseSchema }),
  deleteApiKey: defineEndpoint({ operationId: 'deleteApiKey', method: 'DELETE', path: '/v2/apiKeys/{apiKeyId}', plane: 'control', origin: 'X', tag: 'API keys', summary: 'Delete an API key.', params: apiKeyPathSchema, response: deleteApiKeyResponseSchema }),
} as const;

/** Data-plane operations of local clusters, relative to a cluster's `connectAddress`. */
export const dataPlaneEndpoints = {
  listDatabases: defineEndpoint({ operationId: 'listDatabases', method: 'POST', path: '/v2/vectordb/databases/list', plane: 'data', origin: 'X', tag: 'Data plane', summary: 'List databases.', body: listDatabasesRequestSchema, response: nameListResponseSchema }),
  createDatabase: defineEndpoint({ operationId: 'createDatabase', method: 'POST', path: '/v2/vectordb/databases/create', plane: 'data', origin: 'X', tag: 'Data plane', summary: 'Create a database.', body: databaseRequestSchema, response: emptyResponseSchema }),
  dropDatabase: defineEndpoint({ operationId: 'dropDatabase', method: 'POST', path: '/v2/vectordb/databases/drop', plane: 'data', origin: 'X', tag: 'Data plane', summary: 'Drop an empty database.', body: databaseRequestSchema, response: emptyResponseSchema }),
  createCollection: defineEndpoint({ operationId: 'createCollection', method: 'POST', path: '/v2/vectordb/collections/create', plane: 'data', origin: 'X', tag: 'Data plane', summary: 'Create a collection with a schema.', body: createCollectionRequestSchema, response: emptyResponseSchema }),
  listCollections: defineEndpoint({ operationId: 'listCollections', method: 'POST', path: '/v2/vectordb/collections/list', plane: 'data', origin: 'X', tag: 'Data plane', summary: 'List collections of a database.', body: listCollectionsRequestSchema, response: nameListResponseSchema }),
  describeCollection: defineEndpoint({ operationId: 'describeCollection', method: 'POST', path: '/v2/vectordb/collections/describe', plane: 'data', origin: 'X', tag: 'Data plane', summary: 'Describe a collection: rows, partitions, load state, checksum.', body: collectionRequestSchema, response: collectionDescriptionSchema }),
  dropCollection: defineEndpoint({ operationId: 'dropCollection', method: 'POST', path: '/v2/vectordb/collections/drop', plane: 'data', origin: 'X', tag: 'Data plane', summary: 'Drop a collection.', body: collectionRequestSchema, response: emptyResponseSchema }),
  loadCollection: defineEndpoint({ operationId: 'loadCollection', method: 'POST', path: '/v2/vectordb/collections/load', plane: 'data', origin: 'X', tag: 'Data plane', summary: 'Load a collection for queries.', body: collectionRequestSchema, response: emptyResponseSchema }),
  releaseCollection: defineEndpoint({ operationId: 'releaseCollection', method: 'POST', path: '/v2/vectordb/collections/release', plane: 'data', origin: 'X', tag: 'Data plane', summary: 'Release a loaded collection.', body: collectionRequestSchema, response: emptyResponseSchema }),
  createPartition: defineEndpoint({ operationId: 'createPartition', method: 'POST', path: '/v2/vectordb/partitions/create', plane: 'data', origin: 'X', tag: 'Data plane', summary: 'Create a partition.', body: partitionRequestSchema, response: emptyResponseSchema }),
  listPartitions: defineEndpoint({ operationId: 'listPartitions', method: 'POST', path: '/v2/vectordb/partitions/list', plane: 'data', origin: 'X', tag: 'Data plane', summary: 'List partitions of a collection.', body: collectionRequestSchema, response: nameListResponseSchema }),
  insertEntities: defineEndpoint({ operationId: 'insertEntities', method: 'POST', path: '/v2/vectordb/entities/insert', plane: 'data', origin: 'X', tag: 'Data plane', summary: 'Insert rows.', body: insertRequestSchema, response: insertResponseSchema }),
  queryEntities: defineEndpoint({ operationId: 'queryEntities', method: 'POST', path: '/v2/vectordb/entities/query', plane: 'data', origin: 'X', tag: 'Data plane', summary: 'Query rows.', body: queryRequestSchema, response: queryResponseSchema }),
} as const;

/** Every operation of the API. */
export const endpoints = { ...controlPlaneEndpoints, ...dataPlaneEndpoints } as const;

export type EndpointName = keyof typeof endpoints;
