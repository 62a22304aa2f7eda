import {
  clusterPathSchema,
  dataPlaneEndpoints,
  type CollectionDescription,
  type CollectionRequest,
  type CreateCollectionRequest,
  type EndpointDefinition,
  type InsertRequest,
  type InsertResult,
  type ListCollectionsRequest,
  type PartitionRequest,
  type QueryRequest,
  type Row,
} from '@lifeboat/api';
import type { Transport } from './internal/transport.js';
import { validateInput } from './internal/validate.js';
import type { CallOptions } from './options.js';

/** A cluster to talk to: its id (on this client's server), or the cluster object itself. */
export type DataPlaneTarget = string | { readonly clusterId: string; readonly connectAddress: string };

/**
 * The data plane of a local cluster: databases, collections, partitions and rows. Used to load
 * real data before a backup and to check it after a restore.
 *
 * @example
 * const data = client.dataPlane(cluster);
 * await data.entities.insert({ collectionName: 'articles', data: [{ id: 1, title: 'hello' }] });
 * const { rowCount, checksum } = await data.collections.describe({ collectionName: 'articles' });
 */
export class DataPlane {
  /** Base URL of the cluster's data plane. */
  readonly connectAddress: string;
  readonly databases: {
    list(options?: CallOptions): Promise<string[]>;
    create(request: { readonly dbName: string }, options?: CallOptions): Promise<void>;
    drop(request: { readonly dbName: string }, options?: CallOptions): Promise<void>;
  };
  readonly collections: {
    create(request: CreateCollectionRequest, options?: CallOptions): Promise<void>;
    list(request?: ListCollectionsRequest, options?: CallOptions): Promise<string[]>;
    describe(request: CollectionRequest, options?: CallOptions): Promise<CollectionDescription>;
    drop(request: CollectionRequest, options?: CallOptions): Promise<void>;
    load(request: CollectionRequest, options?: CallOptions): Promise<void>;
    release(request: CollectionRequest, options?: CallOptions): Promise<void>;
  };
  readonly partitions: {
    create(request: PartitionRequest, options?: CallOptions): Promise<void>;
    list(request: CollectionRequest, options?: CallOptions): Promise<string[]>;
  };
  readonly entities: {
    insert(request: InsertRequest, options?: CallOptions): Promise<InsertResult>;
    query(request: QueryRequest, options?: CallOptions): Promise<Row[]>;
  };

  /** @internal Made by `client.dataPlane()`. */
  constructor(transport: Transport, target: DataPlaneTarget) {
    // Checked like any other path id: encoding alone lets ".." through, which would climb out of
    // /clusters/ and send data-plane calls to the control plane's root.
    if (typeof target === 'string') validateInput(clusterPathSchema, { clusterId: target }, 'dataPlane');
    this.connectAddress =
      typeof target === 'string'
        ? `${transport.options.baseUrl}/clusters/${encodeURIComponent(target)}`
        : target.connectAddress.replace(/\/+$/, '');
    const call = async <E extends EndpointDefinition>(endpoint: E, body: unknown, options?: CallOptions) =>
      (await transport.call(endpoint, { body }, options, this.connectAddress)).data;
    const e = dataPlaneEndpoints;
    this.databases = {
      list: (options) => call(e.listDatabases, {}, options),
      create: async (request, options) => void (await call(e.createDatabase, request, options)),
      drop: async (request, options) => void (await call(e.dropDatabase, request, options)),
    };
    this.collections = {
      create: async (request, options) => void (await call(e.createCollection, request, options)),
      list: (request = {}, options) => call(e.listCollections, request, options),
      describe: (request, options) => call(e.describeCollection, request, options),
      drop: async (request, options) => void (await call(e.dropCollection, request, options)),
      load: async (request, options) => void (await call(e.loadCollection, request, options)),
      release: async (request, options) => void (await call(e.releaseCollection, request, options)),
    };
    this.partitions = {
      create: async (request, options) => void (await call(e.createPartition, request, options)),
      list: (request, options) => call(e.listPartitions, request, options),
    };
    this.entities = {
      insert: (request, options) => call(e.insertEntities, request, options),
      query: (request, options) => call(e.queryEntities, request, options),
    };
  }
}
