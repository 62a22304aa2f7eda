import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { combineChecksums, LocalCluster } from '../../src/data/index.js';
import type { CollectionSnapshot, MaterializeRequest, SegmentSource } from '../../src/data/index.js';
import { article, articleFields, articles, copyingSource, createArticles, expectDataError, listTree, makeTempDir, removeTempDir } from './helpers.js';

let dir: string;
let source: LocalCluster;
let target: LocalCluster;
let snapshot: CollectionSnapshot;

beforeEach(async () => {
  dir = await makeTempDir();
  source = await LocalCluster.create(join(dir, 'source'), { sealThresholdBytes: 1500 });
  await createArticles(source, { partitionNames: ['recent', 'archive'], ttlSeconds: 3600 });
  await source.insert({ collectionName: 'articles', data: articles(1, 30) });
  await source.insert({ collectionName: 'articles', partitionName: 'recent', data: articles(31, 36) });
  await source.insert({ collectionName: 'articles', partitionName: 'archive', data: articles(37, 40) });
  snapshot = await snapshotOf(source, 'articles');
  target = await LocalCluster.create(join(dir, 'target'));
});

afterEach(async () => {
  await removeTempDir(dir);
});

async function snapshotOf(cluster: LocalCluster, collectionName: string): Promise<CollectionSnapshot> {
  const taken = await cluster.snapshot([{ dbName: 'default', collectionNames: [collectionName] }]);
  const collection = taken.databases[0]?.collections[0];
  if (collection === undefined) throw new Error('no snapshot');
  return collection;
}

function restoreRequest(overrides: Partial<MaterializeRequest> = {}): MaterializeRequest {
  return { dbName: 'default', collectionName: 'articles', snapshot, loaded: true, onConflict: 'FAIL', source: copyingSource(source, 'default', snapshot), ...overrides };
}

describe('snapshot', () => {
  it('flushes growing rows first, so every row is in a listed sealed segment', async () => {
    const description = await source.describeCollection('default', 'articles');
    expect(snapshot.rowCount).toBe(40);
    expect(snapshot.checksum).toBe(description.checksum);
    expect(snapshot.partitions.map((p) => [p.partitionName, p.rowCount])).toEqual([
      ['_default', 30],
      ['recent', 6],
      ['archive', 4],
    ]);
    const segments = snapshot.partitions.flatMap((p) => p.segments);
    expect(segments.reduce((sum, s) => sum + s.rowCount, 0)).toBe(40);
    expect(combineChecksums(segments.map((s) => s.checksum))).toBe(snapshot.checksum);
  });

  it('lists segment files whose bytes match their recorded SHA-256 and size', async () => {
    for (const partition of snapshot.partitions) {
      for (const segment of partition.segments) {
        const bytes = await readFile(source.segmentPath('default', 'articles', partition.partitionName, segment));
        expect(bytes.length).toBe(segment.bytes);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(segment.sha256);
      }
    }
  });

  it('covers every database and collection when no scope is given', async () => {
    await source.createDatabase('sales');
    await source.createCollection({ dbName: 'sales', collectionName: 'orders', schema: { fields: articleFields } });
    const whole = await source.snapshot();
    expect(whole.databases.map((db) => [db.dbName, db.collections.map((c) => c.collectionName)])).toEqual([
      ['default', ['articles']],
      ['sales', ['orders']],
    ]);
  });
});

describe('materialize', () => {
  it('restores a collection into another cluster with the same row count and checksum, without TTL', async () => {
    const restored = await target.materialize(restoreRequest());
    expect(restored.rowCount).toBe(40);
    expect(restored.checksum).toBe(snapshot.checksum);
    expect(restored.ttlSeconds).toBeNull();
    expect(restored.loadStatus).toBe('LOADED');
    expect(restored.partitions.map((p) => p.partitionName)).toEqual(['_default', 'recent', 'archive']);
    expect(await target.query({ collectionName: 'articles', filter: 'id in [3, 38]', outputFields: ['title'] })).toEqual([
      { id: 3, title: 'article 3' },
      { id: 38, title: 'article 38' },
    ]);
    const reopened = await LocalCluster.open(target.dir);
    expect(await reopened.describeCollection('default', 'articles')).toEqual(restored);
    // New rows go on after the restored ones, and restored keys stay taken.
    await expectDataError(reopened.insert({ collectionName: 'articles', data: [article(7)] }), 'INVALID_ROW', 'already exists');
    await reopened.insert({ collectionName: 'articles', data: [article(41)] });
    expect((await reopened.describeCollection('default', 'articles')).rowCount).toBe(41);
  });

  it('restores under another name and database with the requested load state', async () => {
    await target.createDatabase('dr');
    const restored = await target.materialize(restoreRequest({ dbName: 'dr', collectionName: 'articles_copy', loaded: false }));
    expect(restored).toMatchObject({ dbName: 'dr', collectionName: 'articles_copy', loadStatus: 'UNLOADED', checksum: snapshot.checksum, description: 'news articles' });
    expect(await target.listCollections('dr')).toEqual(['articles_copy']);
  });

  it('restores a partition subset, with _default always present and the checksum of the subset', async () => {
    const restored = await target.materialize(restoreRequest({ partitionNames: ['recent'] }));
    const recent = snapshot.partitions.find((p) => p.partitionName === 'recent');
    expect(restored.partitions).toEqual([
      { partitionName: '_default', rowCount: 0 },
      { partitionName: 'recent', rowCount: 6 },
    ]);
    expect(restored.checksum).toBe(combineChecksums(recent?.segments.map((s) => s.checksum) ?? []));
    await expectDataError(target.materialize(restoreRequest({ collectionName: 'other', partitionNames: ['gone'] })), 'PARTITION_NOT_FOUND', '"gone"', 'not in the backup');
  });

  it('with FAIL, refuses an existing collection and leaves it untouched', async () => {
    await createArticles(target);
    await target.insert({ collectionName: 'articles', data: [article(500)] });
    const before = await target.describeCollection('default', 'articles');
    await expectDataError(target.materialize(restoreRequest()), 'COLLECTION_EXISTS', 'OVERWRITE');
    expect(await target.describeCollection('default', 'articles')).toEqual(before);
  });

  it('with OVERWRITE, replaces a collection whose schema matches', async () => {
    await createArticles(target);
    await target.insert({ collectionName: 'articles', data: [article(500)] });
    const restored = await target.materialize(restoreRequest({ onConflict: 'OVERWRITE' }));
    expect(restored.checksum).toBe(snapshot.checksum);
    expect(await target.query({ collectionName: 'articles', filter: 'id == 500' })).toEqual([]);
    expect((await listTree(join(target.dir, 'db', 'default'))).filter((path) => !path.startsWith('articles'))).toEqual([]);
  });

  it('with OVERWRITE, refuses a collection whose schema differs (SCHEMA_MISMATCH)', async () => {
    await target.createCollection({ collectionName: 'articles', schema: { fields: articleFields.slice(0, 3) } });
    await expectDataError(target.materialize(restoreRequest({ onConflict: 'OVERWRITE' })), 'SCHEMA_MISMATCH', 'different schema');
    expect((await target.describeCollection('default', 'articles')).fields).toHaveLength(3);
  });

  it('refuses a corrupted segment and leaves nothing behind', async () => {
    const copy = copyingSource(source, 'default', snapshot);
    let fetched = 0;
    const corrupting: SegmentSource = async (segment, destPath) => {
      await copy(segment, destPath);
      fetched += 1;
      if (fetched === 2) {
        const bytes = await readFile(destPath);
        const at = bytes.indexOf('article');
        bytes[at] = 'A'.charCodeAt(0);
        await writeFile(destPath, bytes);
      }
    };
    const before = await listTree(target.dir);
    await expectDataError(target.materialize(restoreRequest({ source: corrupting })), 'INTERNAL', 'is corrupt', 'hash to', 'verify the backup');
    expect(await listTree(target.dir)).toEqual(before);
    expect(await target.listCollections()).toEqual([]);
  });

  it('refuses a truncated segment as corrupt', async () => {
    const copy = copyingSource(source, 'default', snapshot);
    const truncating: SegmentSource = async (segment, destPath) => {
      await copy(segment, destPath);
      const bytes = await readFile(destPath);
      await writeFile(destPath, bytes.subarray(0, bytes.length - 5));
    };
    await expectDataError(target.materialize(restoreRequest({ source: truncating })), 'INTERNAL', 'incomplete or malformed row');
    expect(await target.listCollections()).toEqual([]);
  });

  it('stops between segments when its signal aborts, throwing the reason and leaving nothing behind', async () => {
    const controller = new AbortController();
    const copy = copyingSource(source, 'default', snapshot);
    const reason = new Error('job canceled');
    const aborting: SegmentSource = async (segment, destPath) => {
      await copy(segment, destPath);
      controller.abort(reason);
    };
    const before = await listTree(target.dir);
    await expect(target.materialize(restoreRequest({ source: aborting, signal: controller.signal }))).rejects.toBe(reason);
    expect(await listTree(target.dir)).toEqual(before);
  });

  it('refuses a restore into a missing database before fetching anything', async () => {
    let fetched = 0;
    const counting: SegmentSource = () => {
      fetched += 1;
      return Promise.resolve();
    };
    await expectDataError(target.materialize(restoreRequest({ dbName: 'missing', source: counting })), 'DATABASE_NOT_FOUND', '"missing"');
    expect(fetched).toBe(0);
  });
});
