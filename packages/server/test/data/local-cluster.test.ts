import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_CHECKSUM, LocalCluster, rowsChecksum } from '../../src/data/index.js';
import { article, articleFields, articles, createArticles, expectDataError, listTree, makeTempDir, removeTempDir } from './helpers.js';

let dir: string;
let cluster: LocalCluster;

beforeEach(async () => {
  dir = await makeTempDir();
  cluster = await LocalCluster.create(join(dir, 'cluster'), { now: () => Date.UTC(2024, 7, 26, 2, 27, 51, 123) });
});

afterEach(async () => {
  await removeTempDir(dir);
});

describe('databases', () => {
  it('starts with the default database and refuses a second cluster in the same directory', async () => {
    expect(await cluster.listDatabases()).toEqual(['default']);
    await expectDataError(LocalCluster.create(join(dir, 'cluster')), 'ALREADY_EXISTS', 'LocalCluster.open');
  });

  it('creates, lists and drops databases', async () => {
    await cluster.createDatabase('sales');
    await cluster.createDatabase('archive');
    expect(await cluster.listDatabases()).toEqual(['archive', 'default', 'sales']);
    await expectDataError(cluster.createDatabase('sales'), 'ALREADY_EXISTS', '"sales"');
    await cluster.dropDatabase('archive');
    expect(await cluster.listDatabases()).toEqual(['default', 'sales']);
    await expectDataError(cluster.dropDatabase('archive'), 'DATABASE_NOT_FOUND', '"archive"');
  });

  it('refuses to drop the default database or one that still has collections', async () => {
    await expectDataError(cluster.dropDatabase('default'), 'INVALID_REQUEST', '"default" database cannot be dropped');
    await cluster.createDatabase('sales');
    await cluster.createCollection({ dbName: 'sales', collectionName: 'orders', schema: { fields: articleFields } });
    await expectDataError(cluster.dropDatabase('sales'), 'DATABASE_NOT_EMPTY', 'still has collections (orders)');
    await cluster.dropCollection('sales', 'orders');
    await cluster.dropDatabase('sales');
    expect(await cluster.listDatabases()).toEqual(['default']);
  });
});

describe('collections', () => {
  it('creates a collection with _default plus the named partitions and describes it empty', async () => {
    await cluster.createCollection({ collectionName: 'articles', description: 'news', schema: { fields: articleFields }, partitionNames: ['p2024', 'p2025'], ttlSeconds: 3600 });
    expect(await cluster.listCollections()).toEqual(['articles']);
    expect(await cluster.listPartitions('default', 'articles')).toEqual(['_default', 'p2024', 'p2025']);
    expect(await cluster.describeCollection('default', 'articles')).toEqual({
      dbName: 'default',
      collectionName: 'articles',
      description: 'news',
      fields: articleFields,
      partitions: [
        { partitionName: '_default', rowCount: 0 },
        { partitionName: 'p2024', rowCount: 0 },
        { partitionName: 'p2025', rowCount: 0 },
      ],
      rowCount: 0,
      loadStatus: 'UNLOADED',
      checksum: EMPTY_CHECKSUM,
      ttlSeconds: 3600,
      createTime: '2024-08-26T02:27:51Z',
    });
  });

  it('refuses a duplicate collection, an invalid schema and a field named _ts', async () => {
    await createArticles(cluster);
    await expectDataError(cluster.createCollection({ collectionName: 'articles', schema: { fields: articleFields } }), 'ALREADY_EXISTS', '"articles"');
    await expectDataError(
      cluster.createCollection({ collectionName: 'nokey', schema: { fields: [{ fieldName: 'x', dataType: 'Int64' }] } }),
      'INVALID_REQUEST',
      'exactly one field must have isPrimary',
    );
    await expectDataError(
      cluster.createCollection({ collectionName: 'ts', schema: { fields: [...articleFields, { fieldName: '_ts', dataType: 'Int64' }] } }),
      'INVALID_NAME',
      '"_ts" is reserved',
    );
    expect(await cluster.listCollections()).toEqual(['articles']);
  });

  it('drops a collection and its files', async () => {
    await createArticles(cluster);
    await cluster.insert({ collectionName: 'articles', data: articles(1, 3) });
    await cluster.dropCollection('default', 'articles');
    expect(await cluster.listCollections()).toEqual([]);
    expect(await readdir(join(cluster.dir, 'db', 'default'))).toEqual([]);
    await expectDataError(cluster.describeCollection('default', 'articles'), 'COLLECTION_NOT_FOUND', '"articles"', 'collections/list');
  });

  it('creates partitions once and names missing databases, collections and partitions', async () => {
    await createArticles(cluster);
    await cluster.createPartition('default', 'articles', 'recent');
    await expectDataError(cluster.createPartition('default', 'articles', 'recent'), 'ALREADY_EXISTS', '"recent"');
    await expectDataError(cluster.listCollections('nope'), 'DATABASE_NOT_FOUND', '"nope"');
    await expectDataError(cluster.loadCollection('default', 'nope'), 'COLLECTION_NOT_FOUND', '"nope"');
    await expectDataError(cluster.insert({ collectionName: 'articles', partitionName: 'old', data: [article(1)] }), 'PARTITION_NOT_FOUND', '"old"', '"_default", "recent"');
  });

  it('counts rows per partition and in total, and changes the checksum with the rows', async () => {
    await createArticles(cluster, { partitionNames: ['recent'] });
    const result = await cluster.insert({ collectionName: 'articles', data: articles(1, 5) });
    expect(result).toEqual({ insertCount: 5, insertIds: [1, 2, 3, 4, 5] });
    const afterFirst = await cluster.describeCollection('default', 'articles');
    await cluster.insert({ collectionName: 'articles', partitionName: 'recent', data: articles(6, 7) });
    const description = await cluster.describeCollection('default', 'articles');
    expect(description.partitions).toEqual([
      { partitionName: '_default', rowCount: 5 },
      { partitionName: 'recent', rowCount: 2 },
    ]);
    expect(description.rowCount).toBe(7);
    expect(afterFirst.checksum).not.toBe(EMPTY_CHECKSUM);
    expect(description.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(description.checksum).not.toBe(afterFirst.checksum);
  });

  it('serialises concurrent inserts and flushes, and lets inserts issued before a drop finish first', async () => {
    const small = await LocalCluster.create(join(dir, 'small'), { sealThresholdBytes: 500 });
    await createArticles(small);
    const inserts = Array.from({ length: 20 }, (_, i) => small.insert({ collectionName: 'articles', data: articles(i * 5 + 1, i * 5 + 5) }));
    await Promise.all([...inserts, small.flush(), small.flush()]);
    const description = await small.describeCollection('default', 'articles');
    expect(description.rowCount).toBe(100);
    expect(description.checksum).toBe(rowsChecksum(articles(1, 100)));

    const issuedBeforeDrop = small.insert({ collectionName: 'articles', data: [article(101)] });
    await Promise.all([small.dropCollection('default', 'articles'), expect(issuedBeforeDrop).resolves.toEqual({ insertCount: 1, insertIds: [101] })]);
    await expectDataError(small.insert({ collectionName: 'articles', data: [article(102)] }), 'COLLECTION_NOT_FOUND', '"articles" not found');
  });

  it('gives the same describe output after reopening the cluster', async () => {
    await createArticles(cluster, { partitionNames: ['recent'], ttlSeconds: 60 });
    await cluster.insert({ collectionName: 'articles', data: articles(1, 4) });
    await cluster.flush();
    await cluster.insert({ collectionName: 'articles', partitionName: 'recent', data: articles(5, 6) });
    await cluster.createDatabase('sales');
    const before = await cluster.describeCollection('default', 'articles');
    const reopened = await LocalCluster.open(cluster.dir);
    expect(await reopened.listDatabases()).toEqual(['default', 'sales']);
    expect(await reopened.describeCollection('default', 'articles')).toEqual(before);
  });

  it('removes the whole directory when the cluster is dropped', async () => {
    await createArticles(cluster);
    await cluster.drop();
    await expect(access(cluster.dir)).rejects.toThrow();
    await expectDataError(LocalCluster.open(cluster.dir), 'CLUSTER_NOT_FOUND');
  });
});

describe('names', () => {
  const unsafe = ['../escape', 'a/b', '.hidden', '', 'x'.repeat(65), 'has space', '1starts-with-digit', '..'];

  it.each(unsafe)('refuses the unsafe name %j before any file is created', async (name) => {
    const before = await listTree(dir);
    await expectDataError(cluster.createDatabase(name), 'INVALID_NAME');
    await expectDataError(cluster.createCollection({ dbName: name, collectionName: 'c', schema: { fields: articleFields } }), 'INVALID_NAME');
    await expectDataError(cluster.createCollection({ collectionName: name, schema: { fields: articleFields } }), 'INVALID_NAME');
    await expectDataError(cluster.createCollection({ collectionName: 'c', schema: { fields: articleFields }, partitionNames: [name] }), 'INVALID_NAME');
    await createArticles(cluster, { collectionName: 'safe' });
    const withSafe = await listTree(dir);
    await expectDataError(cluster.createPartition('default', 'safe', name), 'INVALID_NAME');
    await expectDataError(cluster.insert({ collectionName: 'safe', partitionName: name, data: [article(1)] }), 'INVALID_NAME');
    await expectDataError(cluster.dropCollection('default', name), 'INVALID_NAME');
    expect(await listTree(dir)).toEqual(withSafe);
    expect(before.every((path) => withSafe.includes(path))).toBe(true);
  });
});
