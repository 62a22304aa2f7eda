import type { JobType } from '@lifeboat/api';
import { newJobId } from '../internal/ids.js';
import type { JobRecord } from './model.js';

/** A new PENDING job row. */
export function newJob(fields: {
  type: JobType;
  now: number;
  projectId: string;
  clusterId?: string | null;
  backupId?: string | null;
  targetClusterId?: string | null;
  payload?: Record<string, unknown>;
}): JobRecord {
  return {
    jobId: newJobId(),
    type: fields.type,
    status: 'PENDING',
    progress: 0,
    bytesDone: 0,
    bytesTotal: 0,
    createTime: fields.now,
    startTime: null,
    endTime: null,
    reason: '',
    projectId: fields.projectId,
    clusterId: fields.clusterId ?? null,
    backupId: fields.backupId ?? null,
    targetClusterId: fields.targetClusterId ?? null,
    payload: fields.payload ?? {},
    attempts: 0,
    leaseOwner: null,
    leaseExpires: null,
  };
}
