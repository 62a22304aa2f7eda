import type { BackupStatus, CreationMethod, BackupType, JobStatus, JobType } from '@lifeboat/api';
import type {
  ApiKeyRecord,
  BackupRecord,
  ClusterRecord,
  CopyPolicyRecord,
  IdempotencyRecord,
  JobRecord,
  Paging,
  PolicyRecord,
  PolicyWrite,
  ProjectRecord,
  RecordPage,
} from '../domain/model.js';

export interface BackupFilter {
  readonly projectIds?: readonly string[] | undefined;
  readonly projectId?: string | undefined;
  readonly clusterId?: string | undefined;
  readonly creationMethod?: CreationMethod | undefined;
  readonly backupType?: BackupType | undefined;
  readonly regionId?: string | undefined;
  readonly status?: BackupStatus | undefined;
  readonly statuses?: readonly BackupStatus[] | undefined;
  readonly createdFrom?: number | undefined;
  readonly createdTo?: number | undefined;
  readonly sourceBackupId?: string | undefined;
}

export interface JobFilter {
  readonly projectIds?: readonly string[] | undefined;
  readonly clusterId?: string | undefined;
  /** The cluster a restore writes into. */
  readonly targetClusterId?: string | undefined;
  readonly type?: JobType | undefined;
  readonly status?: JobStatus | undefined;
  readonly statuses?: readonly JobStatus[] | undefined;
}

/** Fields a job runner may change while it owns a job. */
export interface JobProgressPatch {
  readonly progress?: number;
  readonly bytesDone?: number;
  readonly bytesTotal?: number;
  readonly payload?: Record<string, unknown>;
}

/** The end of a job, with the records it changes, applied atomically. */
export interface JobCompletion {
  readonly jobId: string;
  /** Only the current lease owner may complete; `null` for jobs that never ran (cancel while PENDING). */
  readonly owner: string | null;
  readonly status: 'SUCCESSFUL' | 'FAILED' | 'CANCELED';
  readonly reason: string;
  readonly endTime: number;
  readonly backup?: { readonly backupId: string; readonly patch: Partial<BackupRecord> } | undefined;
  readonly cluster?: { readonly clusterId: string; readonly patch: Partial<ClusterRecord> } | undefined;
}

/**
 * Metadata persistence. Every method is one atomic unit, so an implementation over another
 * database (Postgres) only has to make each method a transaction; the domain never holds a
 * transaction open across an await.
 */
export interface Store {
  close(): Promise<void>;
  /**
   * Makes every change committed so far durable (survives power loss). Methods commit without
   * waiting for the disk; whoever acknowledges a change to a client awaits this first, so
   * concurrent requests share one disk sync.
   */
  flush(): Promise<void>;

  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;

  createProject(project: ProjectRecord): Promise<void>;
  listProjects(): Promise<ProjectRecord[]>;
  getProject(projectId: string): Promise<ProjectRecord | undefined>;
  /** Cluster counts by project, for GET /v2/projects. */
  countClustersByProject(): Promise<Map<string, number>>;

  createApiKey(key: ApiKeyRecord): Promise<void>;
  getApiKey(apiKeyId: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  deleteApiKey(apiKeyId: string): Promise<boolean>;

  createCluster(cluster: ClusterRecord): Promise<void>;
  getCluster(clusterId: string): Promise<ClusterRecord | undefined>;
  /** A live (not DELETED) cluster of this name in the project. */
  findClusterByName(projectId: string, clusterName: string): Promise<ClusterRecord | undefined>;
  listClusters(filter: { readonly projectIds?: readonly string[] | undefined; readonly projectId?: string | undefined }, paging: Paging): Promise<RecordPage<ClusterRecord>>;
  updateCluster(clusterId: string, patch: Partial<ClusterRecord>): Promise<void>;
  countBackupsOfCluster(clusterId: string): Promise<number>;

  /** Next number for `backup<n>_…` ids of a cluster. */
  nextBackupNumber(clusterId: string): Promise<number>;
  /** A backup and the job that makes it, together. */
  createBackupWithJob(backup: BackupRecord, job: JobRecord): Promise<void>;
  getBackup(backupId: string): Promise<BackupRecord | undefined>;
  listBackups(filter: BackupFilter, paging: Paging): Promise<RecordPage<BackupRecord>>;
  updateBackup(backupId: string, patch: Partial<BackupRecord>): Promise<void>;
  deleteBackup(backupId: string): Promise<void>;

  /** A restored cluster and the job that fills it, together. */
  createClusterWithJob(cluster: ClusterRecord, job: JobRecord): Promise<void>;
  createJob(job: JobRecord): Promise<void>;
  getJob(jobId: string): Promise<JobRecord | undefined>;
  listJobs(filter: JobFilter, paging: Paging): Promise<RecordPage<JobRecord>>;
  /**
   * Claims the oldest runnable job for `owner` until `leaseExpires`: PENDING ones, and
   * IN_PROGRESS or CANCELING ones whose lease ran out (their runner died). Increments `attempts`.
   */
  claimJob(owner: string, now: number, leaseExpires: number, types?: readonly JobType[]): Promise<JobRecord | undefined>;
  /** Extends the lease; `false` when `owner` no longer holds it. */
  renewLease(jobId: string, owner: string, leaseExpires: number): Promise<boolean>;
  /** Records progress; `false` when `owner` no longer holds the lease. */
  updateJobProgress(jobId: string, owner: string, patch: JobProgressPatch): Promise<boolean>;
  /** Ends a job and applies its effects atomically; `false` when the lease was lost. */
  completeJob(completion: JobCompletion): Promise<boolean>;
  /**
   * Marks a job for cancellation: PENDING → CANCELED is left to the caller (needs cleanup),
   * so this only moves PENDING or IN_PROGRESS to CANCELING. Returns the job after the change.
   */
  requestCancel(jobId: string): Promise<JobRecord | undefined>;
  /** Makes every lease expire now: at startup, all holders belong to processes that are gone. */
  expireAllLeases(): Promise<number>;
  /** Hands leases of this owner back (graceful shutdown): the jobs become claimable at once. */
  releaseLeases(owner: string): Promise<number>;

  getPolicy(clusterId: string): Promise<PolicyRecord | undefined>;
  putPolicy(policy: PolicyRecord): Promise<void>;
  /** Writes the policies of many clusters as one unit: after a crash, all of them or none. */
  putPolicies(writes: readonly PolicyWrite[]): Promise<void>;
  listPolicies(clusterIds: readonly string[]): Promise<PolicyRecord[]>;
  listEnabledPolicies(): Promise<PolicyRecord[]>;
  /**
   * Records when the scheduler last started an AUTO backup for a cluster's policy, changing
   * nothing else: a policy edited meanwhile (disabled, new retention) keeps the edit.
   */
  recordPolicyRun(clusterId: string, lastRunAt: number): Promise<void>;

  listCopyPolicies(clusterId: string): Promise<CopyPolicyRecord[]>;
  putCopyPolicy(policy: CopyPolicyRecord): Promise<void>;
  /** Creates or replaces many copy policies as one unit: after a crash, all of them or none. */
  putCopyPolicies(policies: readonly CopyPolicyRecord[]): Promise<void>;
  deleteCopyPolicy(clusterId: string, regionId: string): Promise<boolean>;
  /** Replaces the copy policies that apply to AUTO backups (the policy's `crossRegionCopies`). */
  replaceAutoCopyPolicies(clusterId: string, policies: readonly CopyPolicyRecord[]): Promise<void>;

  getIdempotency(apiKeyId: string, key: string): Promise<IdempotencyRecord | undefined>;
  putIdempotency(record: IdempotencyRecord): Promise<void>;
  purgeIdempotency(olderThan: number): Promise<number>;
}
