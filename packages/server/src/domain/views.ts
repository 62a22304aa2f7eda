import type { ApiKey, Backup, BackupPolicy, BackupSummary, Cluster, CopyPolicy, Job } from '@lifeboat/api';
import { isoSeconds } from '../internal/clock.js';
import type { ApiKeyRecord, BackupRecord, ClusterRecord, CopyPolicyRecord, JobRecord, PolicyRecord } from './model.js';

/** Record → wire shape. The only place that knows how the API spells things. */

export function clusterView(cluster: ClusterRecord, baseUrl: string, snapshotNumber: number): Cluster {
  return {
    clusterId: cluster.clusterId,
    clusterName: cluster.clusterName,
    projectId: cluster.projectId,
    regionId: cluster.regionId,
    cuType: cluster.cuType,
    cuSize: cluster.cuSize,
    status: cluster.status,
    connectAddress: `${baseUrl}/clusters/${cluster.clusterId}`,
    createTime: isoSeconds(cluster.createTime),
    snapshotNumber,
  };
}

export function backupSummaryView(backup: BackupRecord): BackupSummary {
  return {
    backupId: backup.backupId,
    backupName: backup.backupName,
    clusterId: backup.clusterId,
    clusterName: backup.clusterName,
    projectId: backup.projectId,
    backupType: backup.backupType,
    creationMethod: backup.creationMethod,
    status: backup.status,
    size: backup.size,
    createTime: isoSeconds(backup.createTime),
    expireTime: backup.expireTime === null ? null : isoSeconds(backup.expireTime),
    regionId: backup.regionId,
    dataTime: isoSeconds(backup.dataTime),
  };
}

export function backupView(backup: BackupRecord, copies: readonly BackupRecord[]): Backup {
  return {
    ...backupSummaryView(backup),
    regionId: backup.regionId,
    dbCollections: (backup.contents?.dbCollections ?? []).map((db) => ({
      dbName: db.dbName,
      collections: db.collections.map((collection) => ({
        collectionName: collection.collectionName,
        description: collection.description,
        status: backup.status,
        rowCount: collection.rowCount,
        partitions: [...collection.partitions],
        checksum: collection.checksum,
      })),
    })),
    sourceBackupId: backup.sourceBackupId,
    copies: copies.map((copy) => ({ regionId: copy.regionId, backupId: copy.backupId, status: copy.status })),
    storedBytes: backup.storedBytes,
  };
}

export function jobView(job: JobRecord): Job {
  return {
    jobId: job.jobId,
    type: job.type,
    status: job.status,
    progress: String(Math.max(0, Math.min(100, Math.floor(job.progress)))),
    startTime: job.startTime === null ? null : isoSeconds(job.startTime),
    endTime: job.endTime === null ? null : isoSeconds(job.endTime),
    reason: job.reason,
    clusterId: job.clusterId,
    backupId: job.backupId,
    targetClusterId: job.targetClusterId,
    createTime: isoSeconds(job.createTime),
    bytesDone: job.bytesDone,
    bytesTotal: job.bytesTotal,
  };
}

export function policyView(clusterId: string, policy: PolicyRecord | undefined, copies: readonly CopyPolicyRecord[]): BackupPolicy {
  const autoCopies = copies.filter((copy) => copy.appliesTo !== 'MANUAL');
  return {
    clusterId,
    status: policy?.enabled === true ? 'ENABLED' : 'DISABLED',
    ...(policy?.frequency == null ? {} : { frequency: policy.frequency }),
    ...(policy?.startTime == null ? {} : { startTime: policy.startTime }),
    ...(policy?.retentionDays == null ? {} : { retentionDays: policy.retentionDays }),
    crossRegionCopies: autoCopies.map((copy) => ({ regionId: copy.regionId, retentionDays: copy.retentionDays })),
    ...(policy?.intervalMinutes == null ? {} : { intervalMinutes: policy.intervalMinutes }),
    copyPolicies: copies.map(copyPolicyView),
  };
}

export function copyPolicyView(policy: CopyPolicyRecord): CopyPolicy {
  return { regionId: policy.regionId, retentionDays: policy.retentionDays, appliesTo: policy.appliesTo };
}

export function apiKeyView(key: ApiKeyRecord): ApiKey {
  return {
    apiKeyId: key.apiKeyId,
    name: key.name,
    role: key.role,
    projectIds: [...key.projectIds],
    privileges: [...key.privileges],
    createTime: isoSeconds(key.createTime),
  };
}
