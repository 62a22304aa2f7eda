import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CollectionDescription, InsertRequest, InsertResult } from '@lifeboat/api';
import { fsyncDir } from '../internal/atomic-file.js';
import { createClusterDirectory, openClusterDirectory } from './cluster-directory.js';
import { normalizeFields, sameSchema } from './collection-schema.js';
import { initializeCollectionDir } from './collection-state.js';
import { CollectionStore } from './collection-store.js';
import { ASIDE_PREFIX, TEMP_PREFIX } from './database-recovery.js';
import { collectionNotFound, databaseNotFound, DataError } from './errors.js';
import { buildCollectionFromSnapshot, DEFAULT_PARTITION } from './materialize.js';
import { normalizeLocalClusterOptions } from './local-cluster-options.js';
import type { LocalClusterOptions, NormalizedLocalClusterOptions } from './local-cluster-options.js';
import { Mutex } from './mutex.js';
import { assertSafeName } from './names.js';
import type { ClusterSnapshot, CreateCollectionInput, MaterializeRequest, QueryInput, Row, SegmentInfo, SnapshotScope } from './types.js';

export const DEFAULT_DATABASE = 'default';

/**
 * A local cluster's data: databases, collections, partitions and their segment files under one
 * directory (layout in cluster-directory.ts). Namespace changes (databases, collections, the swap
 * of a restore) run one at a time under the cluster's mutex; row work runs under each
 * collection's own mutex, taken after the cluster's when both are needed, so they never deadlock.
 * A restore fetches its segments outside both, so it does not block other work while it copies.
 */
export class LocalCluster {
  private readonly namespace = new Mutex();

  private constructor(
    readonly dir: string,
    private readonly options: NormalizedLocalClusterOptions,
    private readonly databases: Map<string, Map<string, CollectionStore>>,
  ) {}

  /** Creates a cluster with its `default` database; ALREADY_EXISTS when `dir` holds one. */
  static async create(dir: string, options?: LocalClusterOptions): Promise<LocalCluster> {
    const root = resolve(dir);
    const normalized = normalizeLocalClusterOptions(options);
    await createClusterDirectory(root, DEFAULT_DATABASE, normalized.now());
    return new LocalCluster(root, normalized, new Map([[DEFAULT_DATABASE, new Map<string, CollectionStore>()]]));
  }

  /** Opens a cluster, repairing what a crash left behind in every database and collection. */
  static async open(dir: string, options?: LocalClusterOptions): Promise<LocalCluster> {
    const root = resolve(dir);
    const normalized = normalizeLocalClusterOptions(options);
    return new LocalCluster(root, normalized, await openClusterDirectory(root, normalized));
  }

  /** Deletes the cluster's directory, after operations already queued have finished. */
  async drop(): Promise<void> {
    return this.namespace.run(async () => {
      for (const collections of this.databases.values()) {
        for (const store of collections.values()) await store.retire(() => Promise.resolve());
      }
      this.databases.clear();
      await rm(this.dir, { recursive: true, force: true });
    });
  }

  listDatabases(): Promise<string[]> {
    return settle(() => [...this.databases.keys()].sort());
  }

  async createDatabase(dbName: string): Promise<void> {
    assertSafeName('database', dbName);
    return this.namespace.run(async () => {
      if (this.databases.has(dbName)) throw new DataError('ALREADY_EXISTS', `database "${dbName}" already exists; choose another name`);
      await mkdir(this.dbDir(dbName));
      await fsyncDir(join(this.dir, 'db'));
      this.databases.set(dbName, new Map());
    });
  }

  /** Drops an empty database; `default` cannot be dropped. */
  async dropDatabase(dbName: string): Promise<void> {
    assertSafeName('database', dbName);
    return this.namespace.run(async () => {
      const collections = this.database(dbName);
      if (dbName === DEFAULT_DATABASE) throw new DataError('INVALID_REQUEST', 'the "default" database cannot be dropped; drop its collections instead');
      if (collections.size > 0) {
        throw new DataError('DATABASE_NOT_EMPTY', `database "${dbName}" still has collections (${[...collections.keys()].sort().join(', ')}); drop them first`);
      }
      const doomed = join(this.dir, 'db', tempName('drop'));
      await rename(this.dbDir(dbName), doomed);
      await fsyncDir(join(this.dir, 'db'));
      this.databases.delete(dbName);
      await rm(doomed, { recursive: true, force: true });
    });
  }

  /** Creates a collection with a `_default` partition plus `partitionNames`. */
  async createCollection(input: CreateCollectionInput): Promise<void> {
    const dbName = input.dbName ?? DEFAULT_DATABASE;
    assertSafeName('database', dbName);
    assertSafeName('collection', input.collectionName);
    const partitionNames = [...new Set([DEFAULT_PARTITION, ...(input.partitionNames ?? [])])];
    for (const name of partitionNames) assertSafeName('partition', name);
    const fields = normalizeFields(input.schema.fields);
    const ttlSeconds = input.ttlSeconds ?? null;
    if (ttlSeconds !== null && (!Number.isSafeInteger(ttlSeconds) || ttlSeconds < 1)) {
      throw new DataError('INVALID_REQUEST', `ttlSeconds must be a whole number of seconds ≥ 1 (got ${ttlSeconds})`);
    }
    return this.namespace.run(async () => {
      const collections = this.database(dbName);
      if (collections.has(input.collectionName)) {
        throw new DataError('ALREADY_EXISTS', `collection "${input.collectionName}" already exists in database "${dbName}"; choose another name or drop it first`);
      }
      const temp = join(this.dbDir(dbName), tempName('create'));
      try {
        await mkdir(temp);
        await initializeCollectionDir(temp, {
          version: 1,
          collectionName: input.collectionName,
          description: input.description ?? '',
          fields,
          ttlSeconds,
          createTimeMs: this.options.now(),
          loaded: false,
          nextSeq: 0,
          partitions: partitionNames.map((partitionName) => ({ partitionName, segments: [] })),
        });
        await this.moveIntoPlace(temp, dbName, input.collectionName);
      } finally {
        await rm(temp, { recursive: true, force: true });
      }
    });
  }

  listCollections(dbName: string = DEFAULT_DATABASE): Promise<string[]> {
    return settle(() => [...this.database(dbName).keys()].sort());
  }

  /** Row counts and checksum include rows not sealed yet. */
  describeCollection(dbName: string, collectionName: string): Promise<CollectionDescription> {
    return settle(() => this.collection(dbName, collectionName).describe());
  }

  async dropCollection(dbName: string, collectionName: string): Promise<void> {
    return this.namespace.run(async () => {
      const store = this.collection(dbName, collectionName);
      const doomed = join(this.dbDir(dbName), tempName('drop'));
      await store.retire(async () => {
        await rename(store.dir, doomed);
        await fsyncDir(this.dbDir(dbName));
      });
      this.database(dbName).delete(collectionName);
      await rm(doomed, { recursive: true, force: true });
    });
  }

  async loadCollection(dbName: string, collectionName: string): Promise<void> {
    return this.collection(dbName, collectionName).setLoaded(true);
  }

  async releaseCollection(dbName: string, collectionName: string): Promise<void> {
    return this.collection(dbName, collectionName).setLoaded(false);
  }

  async createPartition(dbName: string, collectionName: string, partitionName: string): Promise<void> {
    return this.collection(dbName, collectionName).createPartition(partitionName);
  }

  listPartitions(dbName: string, collectionName: string): Promise<string[]> {
    return settle(() => this.collection(dbName, collectionName).partitionNames());
  }

  /** Validates and stores rows (all or none); the partition is `_default` when absent. */
  async insert(input: InsertRequest): Promise<InsertResult> {
    const store = this.collection(input.dbName ?? DEFAULT_DATABASE, input.collectionName);
    return store.insert({ partitionName: input.partitionName ?? DEFAULT_PARTITION, data: input.data });
  }

  /** Rows of a LOADED collection matching the filter (limit 100 by default), without expired rows. */
  async query(input: QueryInput): Promise<Row[]> {
    return this.collection(input.dbName ?? DEFAULT_DATABASE, input.collectionName).query(input);
  }

  /** Seals the growing segments of the collections in scope (all when absent). */
  async flush(scope?: SnapshotScope): Promise<void> {
    for (const { stores } of this.resolveScope(scope)) {
      for (const store of stores) await store.flush();
    }
  }

  /** Flushes, then lists the sealed segments of the collections in scope (all when absent). */
  async snapshot(scope?: SnapshotScope): Promise<ClusterSnapshot> {
    const databases = [];
    for (const { dbName, stores } of this.resolveScope(scope)) {
      const collections = [];
      for (const store of stores) collections.push(await store.snapshot());
      databases.push({ dbName, collections });
    }
    return { databases };
  }

  /** The absolute path of a sealed segment listed by `snapshot`, to copy it into a backup. */
  segmentPath(dbName: string, collectionName: string, partitionName: string, segment: SegmentInfo): string {
    assertSafeName('partition', partitionName);
    return this.collection(dbName, collectionName).segmentPath(partitionName, segment);
  }

  /**
   * Restores one collection from a snapshot: builds it beside the live collections, verifying
   * every segment, then swaps it in with renames (see database-recovery.ts for why a crash at any
   * point loses nothing). The result has no TTL. Throws the signal's reason when aborted.
   */
  async materialize(request: MaterializeRequest): Promise<CollectionDescription> {
    const { dbName, collectionName } = request;
    assertSafeName('database', dbName);
    assertSafeName('collection', collectionName);
    const fields = normalizeFields(request.snapshot.fields);
    this.checkConflict(request, fields);
    const temp = join(this.dbDir(dbName), tempName('restore'));
    try {
      await buildCollectionFromSnapshot({ dir: temp, request, fields, createTimeMs: this.options.now() });
      request.signal?.throwIfAborted();
      return await this.namespace.run(async () => {
        const existing = this.checkConflict(request, fields);
        if (existing === undefined) return this.moveIntoPlace(temp, dbName, collectionName);
        const aside = join(this.dbDir(dbName), `${ASIDE_PREFIX}${collectionName}`);
        await existing.retire(async () => {
          await rename(existing.dir, aside);
        });
        let restored: CollectionDescription;
        try {
          restored = await this.moveIntoPlace(temp, dbName, collectionName);
        } catch (error) {
          // Put the old collection back; if that fails too, the next open settles it (database-recovery.ts).
          await rename(aside, existing.dir);
          this.database(dbName).set(collectionName, await CollectionStore.open(dbName, existing.dir, this.options));
          throw error;
        }
        await rm(aside, { recursive: true, force: true });
        return restored;
      });
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }

  /** The collection a restore would replace, after checking that it may. */
  private checkConflict(request: MaterializeRequest, fields: MaterializeRequest['snapshot']['fields']): CollectionStore | undefined {
    const existing = this.database(request.dbName).get(request.collectionName);
    if (existing === undefined) return undefined;
    const where = `collection "${request.collectionName}" in database "${request.dbName}"`;
    if (request.onConflict === 'FAIL') {
      throw new DataError('COLLECTION_EXISTS', `${where} exists; restore with onConflict "OVERWRITE" to replace it, or under another name`);
    }
    if (!sameSchema(existing.fields, fields)) {
      throw new DataError('SCHEMA_MISMATCH', `${where} has a different schema than the backup, so it cannot be overwritten; restore under another name`);
    }
    return existing;
  }

  /** Renames a built collection directory to its name and opens it. */
  private async moveIntoPlace(temp: string, dbName: string, collectionName: string): Promise<CollectionDescription> {
    const dir = join(this.dbDir(dbName), collectionName);
    await rename(temp, dir);
    await fsyncDir(this.dbDir(dbName));
    const store = await CollectionStore.open(dbName, dir, this.options);
    this.database(dbName).set(collectionName, store);
    return store.describe();
  }

  private resolveScope(scope: SnapshotScope | undefined): { dbName: string; stores: CollectionStore[] }[] {
    const entries = scope ?? [...this.databases.keys()].sort().map((dbName) => ({ dbName, collectionNames: [] }));
    return entries.map(({ dbName, collectionNames }) => {
      // An empty list means every collection of the database.
      const names = collectionNames.length > 0 ? [...new Set(collectionNames)] : [...this.database(dbName).keys()].sort();
      return { dbName, stores: names.map((name) => this.collection(dbName, name)) };
    });
  }

  private database(dbName: string): Map<string, CollectionStore> {
    assertSafeName('database', dbName);
    const collections = this.databases.get(dbName);
    if (collections === undefined) throw databaseNotFound(dbName);
    return collections;
  }

  private collection(dbName: string, collectionName: string): CollectionStore {
    const collections = this.database(dbName);
    assertSafeName('collection', collectionName);
    const store = collections.get(collectionName);
    if (store === undefined) throw collectionNotFound(dbName, collectionName);
    return store;
  }

  private dbDir(dbName: string): string {
    return join(this.dir, 'db', dbName);
  }
}

/**
 * Answers an in-memory read as a promise, like every other method, so its errors reject the
 * promise instead of throwing at the call site.
 */
function settle<T>(read: () => T): Promise<T> {
  try {
    return Promise.resolve(read());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

function tempName(operation: string): string {
  return `${TEMP_PREFIX}${operation}-${randomBytes(6).toString('hex')}`;
}
