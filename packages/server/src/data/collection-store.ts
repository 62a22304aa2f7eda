import { mkdir, rename } from 'node:fs/promises';
import type { CollectionDescription, InsertResult } from '@lifeboat/api';
import { combineChecksums, checksumToHex } from './checksum.js';
import { primaryField } from './collection-schema.js';
import { planQuery, runQuery } from './collection-query.js';
import { recoverCollection } from './collection-recovery.js';
import { growingPath, partitionDir, sealedPath, withPartition, writeCollectionState } from './collection-state.js';
import type { CollectionState, PartitionState } from './collection-state.js';
import { DataError, partitionNotFound } from './errors.js';
import { assertSafeName } from './names.js';
import { Mutex } from './mutex.js';
import { validateRows } from './row-validation.js';
import type { PrimaryKey } from './row-validation.js';
import { appendRows, encodeRows, readStoredRows, sealGrowing, SegmentTally } from './segment-file.js';
import type { StoredRow } from './segment-file.js';
import type { CollectionSnapshot, QueryInput, Row, SegmentInfo } from './types.js';

/** Settings every collection of a cluster shares. */
export interface CollectionStoreOptions {
  readonly now: () => number;
  /** A growing segment is sealed once it reaches this many bytes. */
  readonly sealThresholdBytes: number;
}

export interface InsertInput {
  readonly partitionName: string;
  readonly data: readonly unknown[];
}

/**
 * One collection on disk (layout in collection-state.ts). Every operation that reads or writes
 * segment files or the state runs under the collection's mutex, so an insert never sees a
 * half-finished seal and a query never reads a half-appended line. `describe` reads only memory,
 * which is updated in one synchronous step after each write lands.
 *
 * Primary keys: the set of stored keys is built on the first insert after opening, by reading
 * every segment once, and kept in memory. That costs one scan per process and one set entry per
 * row: fine for local clusters, and nothing on disk can disagree with it.
 */
export class CollectionStore {
  private readonly lock = new Mutex();
  /** Set once the collection was dropped or replaced: queued operations then fail. */
  private retired = false;
  /** Set when the disk and memory may disagree: the collection must be reopened. */
  private damage: DataError | undefined;
  private primaryKeys: Set<PrimaryKey> | undefined;

  private constructor(
    readonly dbName: string,
    readonly dir: string,
    private state: CollectionState,
    private readonly growing: Map<string, SegmentTally>,
    private readonly options: CollectionStoreOptions,
  ) {}

  /** Opens a collection directory, repairing what a crash left (see collection-recovery.ts). */
  static async open(dbName: string, dir: string, options: CollectionStoreOptions): Promise<CollectionStore> {
    const { state, growing } = await recoverCollection(dir);
    return new CollectionStore(dbName, dir, state, growing, options);
  }

  get collectionName(): string {
    return this.state.collectionName;
  }

  get fields(): CollectionState['fields'] {
    return this.state.fields;
  }

  partitionNames(): string[] {
    return this.state.partitions.map((p) => p.partitionName);
  }

  describe(): CollectionDescription {
    const partitions = this.state.partitions.map((p) => ({ partitionName: p.partitionName, rowCount: this.partitionRowCount(p) }));
    return {
      dbName: this.dbName,
      collectionName: this.state.collectionName,
      description: this.state.description,
      fields: this.state.fields.map((field) => ({ ...field })),
      partitions,
      rowCount: partitions.reduce((sum, p) => sum + p.rowCount, 0),
      loadStatus: this.state.loaded ? 'LOADED' : 'UNLOADED',
      checksum: combineChecksums([
        ...this.state.partitions.flatMap((p) => p.segments.map((s) => s.checksum)),
        ...[...this.growing.values()].map((tally) => checksumToHex(tally.checksum)),
      ]),
      ttlSeconds: this.state.ttlSeconds,
      createTime: new Date(this.state.createTimeMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
  }

  setLoaded(loaded: boolean): Promise<void> {
    return this.run(async () => {
      if (this.state.loaded === loaded) return;
      const next = { ...this.state, loaded };
      await writeCollectionState(this.dir, next);
      this.state = next;
    });
  }

  createPartition(partitionName: string): Promise<void> {
    assertSafeName('partition', partitionName);
    return this.run(async () => {
      if (this.partitionNames().includes(partitionName)) {
        throw new DataError('ALREADY_EXISTS', `partition "${partitionName}" already exists in collection "${this.collectionName}"; choose another name`);
      }
      // Directory first: a crash before the state write leaves an unlisted, empty directory, which recovery removes.
      await mkdir(partitionDir(this.dir, partitionName), { recursive: true });
      const next = { ...this.state, partitions: [...this.state.partitions, { partitionName, segments: [] }] };
      await writeCollectionState(this.dir, next);
      this.state = next;
      this.growing.set(partitionName, new SegmentTally());
    });
  }

  insert({ partitionName, data }: InsertInput): Promise<InsertResult> {
    assertSafeName('partition', partitionName);
    return this.run(async () => {
      this.partition(partitionName);
      if (data.length === 0) throw new DataError('INVALID_REQUEST', 'insert at least one row');
      const existingKeys = await this.storedPrimaryKeys();
      const { rows, keys } = validateRows({ fields: this.state.fields, rows: data, existingKeys });
      const tally = this.tally(partitionName);
      await appendRows(growingPath(this.dir, partitionName), tally, encodeRows(rows, this.options.now()));
      for (const key of keys) existingKeys.add(key);
      if (tally.bytes >= this.options.sealThresholdBytes) {
        // The rows are durable in the growing segment already; a failed seal is retried by the
        // next insert or flush, and must not report the insert as failed (a retry would then be
        // refused as a duplicate).
        await this.seal(partitionName).catch(() => undefined);
      }
      return { insertCount: rows.length, insertIds: [...keys] };
    });
  }

  query(input: QueryInput): Promise<Row[]> {
    return this.run(async () => {
      if (!this.state.loaded) {
        throw new DataError(
          'COLLECTION_NOT_LOADED',
          `collection "${this.collectionName}" in database "${this.dbName}" is not loaded; load it with POST …/v2/vectordb/collections/load first`,
        );
      }
      // No partitions named means all of them, as in the hosted API.
      const requested = input.partitionNames ?? [];
      const partitionNames = requested.length > 0 ? [...new Set(requested)] : this.partitionNames();
      for (const name of partitionNames) {
        assertSafeName('partition', name);
        this.partition(name);
      }
      const plan = planQuery({ input, fields: this.state.fields, ttlSeconds: this.state.ttlSeconds, now: this.options.now() });
      return runQuery(plan, this.rowSources(partitionNames));
    });
  }

  /** Seals every growing segment. */
  flush(): Promise<void> {
    return this.run(() => this.sealAll());
  }

  /** Flushes, then describes the sealed segments: what a backup copies. */
  snapshot(): Promise<CollectionSnapshot> {
    return this.run(async () => {
      await this.sealAll();
      const { state } = this;
      const partitions = state.partitions.map((p) => ({
        partitionName: p.partitionName,
        rowCount: this.partitionRowCount(p),
        segments: p.segments.map(({ sha256, bytes, rowCount, checksum }): SegmentInfo => ({ sha256, bytes, rowCount, checksum })),
      }));
      return {
        collectionName: state.collectionName,
        description: state.description,
        fields: state.fields.map((field) => ({ ...field })),
        loaded: state.loaded,
        rowCount: partitions.reduce((sum, p) => sum + p.rowCount, 0),
        checksum: combineChecksums(state.partitions.flatMap((p) => p.segments.map((s) => s.checksum))),
        partitions,
      };
    });
  }

  /** The absolute path of a sealed segment of this collection, found by its SHA-256. */
  segmentPath(partitionName: string, segment: SegmentInfo): string {
    const sealed = this.partition(partitionName).segments.find((s) => s.sha256 === segment.sha256);
    if (sealed === undefined) {
      throw new DataError(
        'INTERNAL',
        `segment ${segment.sha256} is not a sealed segment of partition "${partitionName}" of collection "${this.collectionName}" (was the collection replaced?); take a new snapshot`,
      );
    }
    return sealedPath(this.dir, partitionName, sealed.seq);
  }

  /**
   * Runs `action` (e.g. renaming the directory away) once queued operations have finished, then
   * marks the collection gone, so operations queued later fail instead of touching its files.
   */
  retire(action: () => Promise<void>): Promise<void> {
    return this.run(async () => {
      await action();
      this.retired = true;
    });
  }

  private run<T>(operation: () => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      if (this.retired) {
        throw new DataError(
          'COLLECTION_NOT_FOUND',
          `collection "${this.collectionName}" in database "${this.dbName}" was dropped or replaced while this request waited; list collections and retry`,
        );
      }
      if (this.damage !== undefined) throw this.damage;
      return operation();
    });
  }

  private partition(partitionName: string): PartitionState {
    const partition = this.state.partitions.find((p) => p.partitionName === partitionName);
    if (partition === undefined) throw partitionNotFound(this.collectionName, partitionName, this.partitionNames());
    return partition;
  }

  private tally(partitionName: string): SegmentTally {
    let tally = this.growing.get(partitionName);
    if (tally === undefined) {
      tally = new SegmentTally();
      this.growing.set(partitionName, tally);
    }
    return tally;
  }

  private partitionRowCount(partition: PartitionState): number {
    const sealed = partition.segments.reduce((sum, s) => sum + s.rowCount, 0);
    return sealed + (this.growing.get(partition.partitionName)?.rowCount ?? 0);
  }

  private async sealAll(): Promise<void> {
    for (const name of this.partitionNames()) await this.seal(name);
  }

  /** The seal protocol; recovery relies on its order (see collection-recovery.ts). */
  private async seal(partitionName: string): Promise<void> {
    const tally = this.tally(partitionName);
    if (tally.bytes === 0) return;
    const seq = this.state.nextSeq;
    const info = await sealGrowing(partitionDir(this.dir, partitionName), seq, tally);
    const next = withPartition({ ...this.state, nextSeq: seq + 1 }, partitionName, (p) => ({ ...p, segments: [...p.segments, { seq, ...info }] }));
    try {
      await writeCollectionState(this.dir, next);
    } catch (error) {
      // Undo the rename so memory (rows still growing) matches the disk again.
      await rename(sealedPath(this.dir, partitionName, seq), growingPath(this.dir, partitionName)).catch(() => {
        this.damage = new DataError(
          'INTERNAL',
          `collection "${this.collectionName}" could not finish sealing a segment (${(error as Error).message}); restart the server to recover it`,
        );
      });
      throw error;
    }
    this.state = next;
    this.growing.set(partitionName, new SegmentTally());
  }

  private async storedPrimaryKeys(): Promise<Set<PrimaryKey>> {
    if (this.primaryKeys !== undefined) return this.primaryKeys;
    const keyField = primaryField(this.state.fields).fieldName;
    const keys = new Set<PrimaryKey>();
    for (const source of this.rowSources(this.partitionNames())) {
      for await (const row of source) keys.add(row[keyField] as PrimaryKey);
    }
    this.primaryKeys = keys;
    return keys;
  }

  /** Readers of the stored rows of some partitions, in storage order. */
  private *rowSources(partitionNames: readonly string[]): Generator<AsyncIterable<StoredRow>> {
    for (const name of partitionNames) {
      for (const segment of this.partition(name).segments) yield readStoredRows(sealedPath(this.dir, name, segment.seq));
      const growingBytes = this.growing.get(name)?.bytes ?? 0;
      if (growingBytes > 0) yield readStoredRows(growingPath(this.dir, name), growingBytes);
    }
  }
}
