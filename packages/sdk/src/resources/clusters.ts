import {
  controlPlaneEndpoints,
  type Cluster,
  type CreateClusterRequest,
  type CreateClusterResult,
  type DropClusterResult,
  type ListClustersQuery,
} from '@lifeboat/api';
import { listPaged, type ListInput } from '../internal/list.js';
import type { Transport } from '../internal/transport.js';
import type { CallOptions } from '../options.js';
import type { Paginator } from '../paginator.js';

/** Clusters: the databases whose data is backed up. */
export class ClustersApi {
  readonly #transport: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /**
   * Clusters, fetched a page at a time as you iterate.
   *
   * @example
   * for await (const cluster of client.clusters.list({ projectId })) console.log(cluster.clusterName);
   */
  list(query: ListClustersQuery & ListInput = {}, options?: CallOptions): Paginator<Cluster> {
    return listPaged(this.#transport, controlPlaneEndpoints.listClusters, query, (data) => (data as { clusters: Cluster[] }).clusters, options);
  }

  /** One cluster. */
  async get(clusterId: string, options?: CallOptions): Promise<Cluster> {
    return (await this.#transport.call(controlPlaneEndpoints.describeCluster, { params: { clusterId } }, options)).data;
  }

  /** Creates a cluster. The password appears only in this result. */
  async create(request: CreateClusterRequest, options?: CallOptions): Promise<CreateClusterResult> {
    return (await this.#transport.call(controlPlaneEndpoints.createCluster, { body: request }, options)).data;
  }

  /** Drops a cluster. Its AUTO backups are deleted with it; MANUAL backups stay. */
  async drop(clusterId: string, options?: CallOptions): Promise<DropClusterResult> {
    return (await this.#transport.call(controlPlaneEndpoints.dropCluster, { params: { clusterId } }, options)).data;
  }
}
