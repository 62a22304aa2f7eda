import type {
  BackupStatus,
  BackupType,
  ClusterStatus,
  CopyPolicyScope,
  CreationMethod,
  JobStatus,
  JobType,
  Privilege,
  Role,
} from '@lifeboat/api';

/**
 * Records as the domain sees them: plain data, camelCase, times as epoch milliseconds. The store
 * persists them; the HTTP layer turns them into wire shapes.
 */

export interface ProjectRecord {
  readonly projectId: string;
  readonly projectName: string;
  readonly createTime: number;
}

export interface ApiKeyRecord {
  readonly apiKeyId: string;
  readonly name: string;
  readonly role: Role;
  /** Empty for ORG_OWNER, whose key covers every project. */
  readonly projectIds: readonly string[];
  readonly privileges: readonly Privilege[];
  /** SHA-256 of the secret part of the key; the key itself is never stored. */
  readonly secretHash: Buffer;
  readonly createTime: number;
}

export interface ClusterRecord {
  readonly clusterId: string;
  readonly clusterName: string;
  readonly projectId: string;
  readonly regionId: string;
  readonly cuType: string;
  readonly cuSize: number;
  readonly status: ClusterStatus;
  readonly createTime: number;
}

/** Collections requested for a COLLECTION backup. */
export type BackupScope = readonly { readonly dbName: string; readonly collectionNames: readonly string[] }[];

/** What describe shows of a backup's content; filled in when the backup becomes AVAILABLE. */
export interface BackupContents {
  readonly dbCollections: readonly {
    readonly dbName: string;
    readonly collections: readonly {
      readonly collectionName: string;
      readonly description: string;
      readonly rowCount: number;
      readonly partitions: readonly string[];
      readonly checksum: string;
    }[];
  }[];
}

export interface BackupRecord {
  readonly backupId: string;
  readonly backupName: string;
  readonly clusterId: string;
  readonly clusterName: string;
  readonly projectId: string;
  readonly regionId: string;
  readonly backupType: BackupType;
  readonly creationMethod: CreationMethod;
  readonly status: BackupStatus;
  /** Bytes of data the backup covers. */
  readonly size: number;
  /** New bytes this backup wrote to its region's store. */
  readonly storedBytes: number;
  readonly createTime: number;
  /**
   * When the data was captured: `createTime` for a backup, the source's data time for a copy. A
   * copy made today of last week's backup holds last week's data, and RPO is measured on this.
   */
  readonly dataTime: number;
  readonly expireTime: number | null;
  /** For a copy: the backup it was copied from. */
  readonly sourceBackupId: string | null;
  readonly scope: BackupScope | null;
  readonly contents: BackupContents | null;
}

export interface JobRecord {
  readonly jobId: string;
  readonly type: JobType;
  readonly status: JobStatus;
  /** 0–100. */
  readonly progress: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly createTime: number;
  readonly startTime: number | null;
  readonly endTime: number | null;
  readonly reason: string;
  readonly projectId: string;
  readonly clusterId: string | null;
  readonly backupId: string | null;
  readonly targetClusterId: string | null;
  /** What the handler needs, and what it has checkpointed so far; JSON. */
  readonly payload: Record<string, unknown>;
  /** How many times a runner has claimed the job; a job that keeps dying is failed. */
  readonly attempts: number;
  readonly leaseOwner: string | null;
  readonly leaseExpires: number | null;
}

export interface PolicyRecord {
  readonly clusterId: string;
  readonly enabled: boolean;
  readonly frequency: string | null;
  readonly startTime: string | null;
  readonly retentionDays: number | null;
  readonly intervalMinutes: number | null;
  /** When the scheduler last started an AUTO backup for this policy. */
  readonly lastRunAt: number | null;
  readonly updateTime: number;
}

export interface CopyPolicyRecord {
  readonly clusterId: string;
  readonly regionId: string;
  readonly retentionDays: number;
  readonly appliesTo: CopyPolicyScope;
}

/** One cluster's policy as a set writes it, and the copy policies it names for AUTO backups. */
export interface PolicyWrite {
  readonly policy: PolicyRecord;
  /** Replaces the copy policies that apply to AUTO backups; absent, they stay as they are. */
  readonly autoCopyPolicies?: readonly CopyPolicyRecord[];
}

/** A policy write as the domain plans it. */
export interface PolicyChange extends PolicyWrite {
  /** Enabled now and not before: the scheduler takes its first backup at once. */
  readonly startsSchedule: boolean;
}

export interface IdempotencyRecord {
  readonly apiKeyId: string;
  readonly key: string;
  readonly requestHash: string;
  readonly statusCode: number;
  readonly response: string;
  readonly createTime: number;
}

/** A page of records plus the total. */
export interface RecordPage<T> {
  readonly items: readonly T[];
  readonly count: number;
}

export interface Paging {
  readonly offset: number;
  readonly limit: number;
}
