import {
  controlPlaneEndpoints,
  type Backup,
  type BackupSummary,
  type CopyBackupRequest,
  type CopyBackupResult,
  type CreateBackupRequest,
  type CreateBackupResult,
  type DeleteBackupResult,
  type EndpointDefinition,
  type ExportBackupRequest,
  type JobStarted,
  type ListBackupsQuery,
  type RenameBackupRequest,
  type RenameBackupResult,
  type RestoreClusterRequest,
  type RestoreClusterResult,
  type RestoreCollectionRequest,
} from '@lifeboat/api';
import { Job } from '../job.js';
import { listPaged, type ListInput } from '../internal/list.js';
import { splitInput } from '../internal/split-input.js';
import type { Transport } from '../internal/transport.js';
import type { CallOptions } from '../options.js';
import type { Paginator } from '../paginator.js';

/** Identifies a backup: the cluster it was taken of and its id. */
export interface BackupRef {
  readonly clusterId: string;
  readonly backupId: string;
}

/** The result of a call that started a job, with a handle to wait for it. */
export type WithJob<T> = T & { readonly job: Job };

/**
 * Backups: create, list, inspect, delete, and the long-running work on them — restore, copy,
 * export, verify. Long-running calls return at once with ids and a `job` handle.
 */
export class BackupsApi {
  readonly #transport: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /**
   * Starts a backup of a whole cluster or of listed collections.
   *
   * @example
   * const { backupId, job } = await client.backups.create({ clusterId, backupType: 'CLUSTER' });
   * await job.wait({ onProgress: ({ percent }) => console.log(`${percent}%`) });
   */
  async create(request: { readonly clusterId: string } & CreateBackupRequest, options?: CallOptions): Promise<WithJob<CreateBackupResult>> {
    return this.#startJob(controlPlaneEndpoints.createBackup, request, options);
  }

  /** Backups, filtered, fetched a page at a time as you iterate. */
  list(query: ListBackupsQuery & ListInput = {}, options?: CallOptions): Paginator<BackupSummary> {
    return listPaged(this.#transport, controlPlaneEndpoints.listBackups, query, (data) => (data as { backups: BackupSummary[] }).backups, options);
  }

  /**
   * The `AVAILABLE` backup of a cluster with the newest data, optionally in one region (e.g. a
   * copy in the surviving region during a disaster), or `undefined` when there is none. "Newest"
   * is by `dataTime` where the server reports it: a copy made today of last week's backup holds
   * last week's data, whatever its `createTime`.
   */
  async findLatest(
    query: { readonly clusterId: string; readonly regionId?: string; readonly backupType?: ListBackupsQuery['backupType'] },
    options?: CallOptions,
  ): Promise<BackupSummary | undefined> {
    let latest: BackupSummary | undefined;
    for await (const backup of this.list({ ...query, status: 'AVAILABLE' }, options)) {
      if (latest === undefined || dataTimeOf(backup) > dataTimeOf(latest)) latest = backup;
    }
    return latest;
  }

  /** One backup with its collections and copies. */
  async get(ref: BackupRef, options?: CallOptions): Promise<Backup> {
    return (await this.#transport.call(controlPlaneEndpoints.describeBackup, { params: ref }, options)).data;
  }

  /** Deletes a backup. Blobs other backups still use are kept. */
  async delete(ref: BackupRef, options?: CallOptions): Promise<DeleteBackupResult> {
    return (await this.#transport.call(controlPlaneEndpoints.deleteBackup, { params: ref }, options)).data;
  }

  /**
   * Restores a `CLUSTER` backup into a new cluster in the backup's region. The password of the
   * new cluster appears only in this result.
   */
  async restoreCluster(request: BackupRef & RestoreClusterRequest, options?: CallOptions): Promise<WithJob<RestoreClusterResult>> {
    return this.#startJob(controlPlaneEndpoints.restoreCluster, request, options);
  }

  /** Restores collections into an existing cluster (rename, load state, partitions, conflict mode). */
  async restoreCollection(request: BackupRef & RestoreCollectionRequest, options?: CallOptions): Promise<WithJob<JobStarted>> {
    return this.#startJob(controlPlaneEndpoints.restoreCollection, request, options);
  }

  /** Copies a backup to another region; only blobs missing there move. */
  async copy(request: BackupRef & CopyBackupRequest, options?: CallOptions): Promise<WithJob<CopyBackupResult>> {
    return this.#startJob(controlPlaneEndpoints.copyBackup, request, options);
  }

  /** Exports a backup to a directory of a configured integration. */
  async export(request: BackupRef & ExportBackupRequest, options?: CallOptions): Promise<WithJob<JobStarted>> {
    return this.#startJob(controlPlaneEndpoints.exportBackup, request, options);
  }

  /** Re-reads and re-hashes every blob of a backup; the job fails if any is missing or corrupt. */
  async verify(ref: BackupRef, options?: CallOptions): Promise<WithJob<JobStarted>> {
    return this.#startJob(controlPlaneEndpoints.verifyBackup, ref, options);
  }

  /** Renames a backup. */
  async rename(request: BackupRef & RenameBackupRequest, options?: CallOptions): Promise<RenameBackupResult> {
    return (await this.#transport.call(controlPlaneEndpoints.renameBackup, splitInput(controlPlaneEndpoints.renameBackup, request), options)).data;
  }

  async #startJob<E extends EndpointDefinition, T extends JobStarted>(endpoint: E, request: object, options?: CallOptions): Promise<WithJob<T>> {
    const { data } = await this.#transport.call(endpoint, splitInput(endpoint, request), options);
    const started = data as T;
    return { ...started, job: new Job(this.#transport, { jobId: started.jobId, operationId: endpoint.operationId }) };
  }
}

/** When a backup's data was captured; servers without the `dataTime` extension give `createTime`. */
const dataTimeOf = (backup: BackupSummary): string => backup.dataTime ?? backup.createTime;
