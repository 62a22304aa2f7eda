import { backupId, clusterId, jobId, projectId } from './helpers.js';

/** Response `data` as API.md describes it, for the wire tests. */

export const project = {
  projectId,
  projectName: 'Default Project',
  instanceCount: 2,
  createTime: '2024-08-20T09:12:00Z',
  regionIds: ['local-1', 'local-2'],
};

export const region = { regionId: 'local-1', cloudProvider: 'local', description: 'Primary region on this server' };

export const cluster = {
  clusterId,
  clusterName: 'Dedicated-01',
  projectId,
  regionId: 'local-1',
  cuType: 'Performance-optimized',
  cuSize: 1,
  status: 'RUNNING',
  connectAddress: `http://lifeboat.test/clusters/${clusterId}`,
  createTime: '2024-08-21T10:00:00Z',
  snapshotNumber: 3,
};

/** The n-th backup of the test cluster, as listed; later n is newer. */
export function backupSummary(n: number, overrides: Record<string, unknown> = {}) {
  return {
    backupId: `backup${n}_c7b18539b97a1d2e`,
    backupName: `Dedicated-01_backup${n}`,
    clusterId,
    clusterName: 'Dedicated-01',
    projectId,
    backupType: 'CLUSTER',
    creationMethod: 'MANUAL',
    status: 'AVAILABLE',
    size: 1_048_576 * n,
    createTime: `2024-08-2${n}T02:27:51Z`,
    expireTime: null,
    ...overrides,
  };
}

export const backup = {
  ...backupSummary(0),
  backupId,
  regionId: 'local-1',
  dbCollections: [
    {
      dbName: 'default',
      collections: [
        { collectionName: 'medium_articles', description: '', status: 'AVAILABLE', rowCount: 5979, partitions: ['_default'] },
      ],
    },
  ],
  sourceBackupId: null,
  copies: [{ regionId: 'local-2', backupId: 'backup1_9f0e1d2c3b4a5968', status: 'AVAILABLE' }],
  storedBytes: 524_288,
};

export const policy = {
  clusterId,
  status: 'ENABLED',
  frequency: '1,2,3,4,5,6,7',
  startTime: '02:00-04:00',
  retentionDays: 7,
  crossRegionCopies: [{ regionId: 'local-2', retentionDays: 14 }],
};

export const copyPolicy = { regionId: 'local-2', retentionDays: 14, appliesTo: 'ALL' };

/** A backup job in some state. */
export function job(status: string, progress: string, overrides: Record<string, unknown> = {}) {
  const ended = status === 'SUCCESSFUL' || status === 'FAILED' || status === 'CANCELED';
  return {
    jobId,
    type: 'BACKUP',
    status,
    progress,
    startTime: '2024-08-26T02:27:51Z',
    endTime: ended ? '2024-08-26T02:31:07Z' : null,
    reason: '',
    clusterId,
    backupId,
    targetClusterId: null,
    createTime: '2024-08-26T02:27:50Z',
    ...overrides,
  };
}

export const apiKeyListing = {
  apiKeyId: 'key-7d3e2f1a',
  name: 'ci-backups',
  role: 'PROJECT_ADMIN',
  projectIds: [projectId],
  privileges: [],
  createTime: '2024-08-22T08:00:00Z',
};

export const collectionDescription = {
  dbName: 'default',
  collectionName: 'medium_articles',
  description: 'Articles from Medium',
  fields: [
    { fieldName: 'id', dataType: 'Int64', isPrimary: true },
    { fieldName: 'title', dataType: 'VarChar', elementTypeParams: { max_length: 512 } },
    { fieldName: 'title_vector', dataType: 'FloatVector', elementTypeParams: { dim: 4 } },
  ],
  partitions: [{ partitionName: '_default', rowCount: 5979 }],
  rowCount: 5979,
  loadStatus: 'LOADED',
  checksum: 'sha256:9b1f0c7e',
  ttlSeconds: null,
  createTime: '2024-08-21T10:05:00Z',
};
