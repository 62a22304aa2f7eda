import {
  controlPlaneEndpoints,
  maxClustersPerBatch,
  type BackupPolicy,
  type ClusterCopyPolicy,
  type CopyPolicy,
  type PutCopyPoliciesRequest,
  type PutCopyPolicyRequest,
  type SetBackupPoliciesRequest,
  type SetBackupPolicyRequest,
  type SetBackupPolicyResult,
} from '@lifeboat/api';
import { ValidationError } from '../errors/validation-error.js';
import { splitInput } from '../internal/split-input.js';
import type { Transport } from '../internal/transport.js';
import type { CallOptions } from '../options.js';

/** Automatic backup policies: when AUTO backups run and how long they are kept. */
export class PoliciesApi {
  readonly #transport: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** A cluster's policy. */
  async get(clusterId: string, options?: CallOptions): Promise<BackupPolicy> {
    return (await this.#transport.call(controlPlaneEndpoints.getBackupPolicy, { params: { clusterId } }, options)).data;
  }

  /**
   * Sets a cluster's policy. Enabling it starts a first backup at once.
   *
   * @example
   * await client.policies.set({ clusterId, enabled: true, frequency: '1,2,3,4,5,6,7', startTime: '02:00-04:00', retentionDays: 7 });
   */
  async set(request: { readonly clusterId: string } & SetBackupPolicyRequest, options?: CallOptions): Promise<SetBackupPolicyResult> {
    return (await this.#transport.call(controlPlaneEndpoints.setBackupPolicy, splitInput(controlPlaneEndpoints.setBackupPolicy, request), options)).data;
  }

  /** Disables a cluster's policy; existing backups stay until they expire. */
  async disable(clusterId: string, options?: CallOptions): Promise<SetBackupPolicyResult> {
    return this.set({ clusterId, enabled: false }, options);
  }

  /**
   * Sets the policies of up to 100 clusters in one request, as one change: when the server
   * refuses any of them (a cluster not found, a key without access to it), the error names that
   * policy and none is set. Answers the results in the order given. An empty list sends nothing.
   *
   * @example
   * const results = await client.policies.setMany(clusterIds.map((clusterId) => ({ clusterId, enabled: true, frequency: '1,2,3,4,5,6,7', startTime: '02:00-04:00', retentionDays: 7 })));
   */
  async setMany(policies: readonly SetBackupPoliciesRequest['policies'][number][], options?: CallOptions): Promise<SetBackupPolicyResult[]> {
    if (policies.length === 0) return [];
    return (await this.#transport.call(controlPlaneEndpoints.setBackupPolicies, { body: { policies: [...policies] } }, options)).data.results;
  }

  /** Policies of up to 100 clusters in one request. */
  async getMany(clusterIds: readonly string[], options?: CallOptions): Promise<BackupPolicy[]> {
    if (clusterIds.length === 0) return [];
    if (clusterIds.length > maxClustersPerBatch) {
      throw new ValidationError(`Invalid input for listBackupPolicies: at most ${maxClustersPerBatch} cluster ids per call (got ${clusterIds.length}). Nothing was sent.`, {
        source: 'client',
        issues: [{ path: 'clusterIds', message: `at most ${maxClustersPerBatch} ids` }],
        operationId: 'listBackupPolicies',
      });
    }
    const { data } = await this.#transport.call(controlPlaneEndpoints.listBackupPolicies, { query: { clusterIds: clusterIds.join(',') } }, options);
    return data.policies;
  }
}

/** Cross-region copy policies: copy a cluster's backups to other regions. */
export class CopyPoliciesApi {
  readonly #transport: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** A cluster's copy policies. */
  async list(clusterId: string, options?: CallOptions): Promise<CopyPolicy[]> {
    return (await this.#transport.call(controlPlaneEndpoints.listCopyPolicies, { params: { clusterId } }, options)).data.copyPolicies;
  }

  /**
   * Creates or replaces the copy policy to a region.
   *
   * @example
   * await client.copyPolicies.put({ clusterId, regionId: 'local-2', retentionDays: 14, appliesTo: 'ALL' });
   */
  async put(request: { readonly clusterId: string; readonly regionId: string } & PutCopyPolicyRequest, options?: CallOptions): Promise<CopyPolicy> {
    return (await this.#transport.call(controlPlaneEndpoints.putCopyPolicy, splitInput(controlPlaneEndpoints.putCopyPolicy, request), options)).data;
  }

  /**
   * Creates or replaces up to 100 copy policies, of any clusters, in one request and as one
   * change: when the server refuses any of them, the error names it and none is written. Answers
   * the policies as stored, in the order given. An empty list sends nothing.
   *
   * @example
   * await client.copyPolicies.putMany(clusterIds.map((clusterId) => ({ clusterId, regionId: 'local-2', retentionDays: 14, appliesTo: 'ALL' })));
   */
  async putMany(policies: readonly PutCopyPoliciesRequest['copyPolicies'][number][], options?: CallOptions): Promise<ClusterCopyPolicy[]> {
    if (policies.length === 0) return [];
    return (await this.#transport.call(controlPlaneEndpoints.putCopyPolicies, { body: { copyPolicies: [...policies] } }, options)).data.copyPolicies;
  }

  /** Deletes the copy policy to a region; copies already made stay until they expire. */
  async delete(request: { readonly clusterId: string; readonly regionId: string }, options?: CallOptions): Promise<{ regionId: string }> {
    return (await this.#transport.call(controlPlaneEndpoints.deleteCopyPolicy, { params: request }, options)).data;
  }
}
