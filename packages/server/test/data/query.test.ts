import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalCluster } from '../../src/data/index.js';
import { article, articles, createArticles, expectDataError, makeTempDir, removeTempDir } from './helpers.js';

let dir: string;
let cluster: LocalCluster;
let clock: number;

beforeEach(async () => {
  dir = await makeTempDir();
  clock = Date.UTC(2025, 0, 1);
  // A small threshold so queries read sealed and growing segments alike.
  cluster = await LocalCluster.create(join(dir, 'cluster'), { now: () => clock, sealThresholdBytes: 2048 });
  await createArticles(cluster, { partitionNames: ['recent'] });
  await cluster.insert({ collectionName: 'articles', data: articles(1, 20) });
  await cluster.insert({ collectionName: 'articles', partitionName: 'recent', data: articles(21, 25) });
});

afterEach(async () => {
  await removeTempDir(dir);
});

async function ids(filter: string, extra: { partitionNames?: string[] } = {}): Promise<unknown[]> {
  const rows = await cluster.query({ collectionName: 'articles', filter, outputFields: ['id'], limit: 1000, ...extra });
  return rows.map((row) => row['id']);
}

describe('query filters', () => {
  it.each([
    ['id == 3', [3]],
    ['title == "article 7"', [7]],
    ['published == true and id <= 6', [2, 4, 6]],
    ['id != 1 and id < 5', [2, 3, 4]],
    ['id in [2, 4, 99]', [2, 4]],
    ['title in ["article 1", "article 22"]', [1, 22]],
    ['views > 200', [21, 22, 23, 24, 25]],
    ['views >= 200 and views < 220', [20, 21]],
    ['score <= 1', [1, 2]],
    ['(id > 2) and (id < 5 && published == false)', [3]],
    ['id in []', []],
    ['  ', articles(1, 25).map((row) => row['id'])],
  ])('%s', async (filter, expected) => {
    expect(await ids(filter)).toEqual(expected);
  });

  it('matches no comparison against a null value, != included', async () => {
    await cluster.insert({ collectionName: 'articles', data: [article(100, { score: null })] });
    expect(await ids('id >= 100 and score != 1')).toEqual([]);
    expect(await ids('id >= 100 and score > -1')).toEqual([]);
  });

  it.each([
    ['id == 1 or id == 2', '"or" at position 8'],
    ['not id == 1', '"not" at position 0'],
    ['colour == "red"', 'unknown field colour'],
    ["title == 'x'", `"'x'" at position 9`],
    ['id = 1', '"= 1" at position 3'],
    ['id == "1"', 'field id is Int64: compare it with a number'],
    ['title > "a"', 'ordering comparisons work on numeric fields only'],
    ['meta == 1', 'field meta is JSON: filters work on numeric, Bool and VarChar fields only'],
    ['published == 1', 'field published is Bool'],
    ['(id == 1', 'expected ")"'],
    ['id in [1, 2', 'expected "]"'],
    ['id == 1 and', 'expected a field name'],
  ])('refuses %j as UNSUPPORTED_FILTER naming the part', async (filter, fragment) => {
    await expectDataError(cluster.query({ collectionName: 'articles', filter }), 'UNSUPPORTED_FILTER', fragment, 'supported:');
  });
});

describe('query results', () => {
  it('returns at most 100 rows by default, and pages with limit and offset in a stable order', async () => {
    await cluster.insert({ collectionName: 'articles', data: articles(101, 200) });
    expect(await cluster.query({ collectionName: 'articles', outputFields: ['id'] })).toHaveLength(100);
    const all = await ids('id > 0');
    const page = await cluster.query({ collectionName: 'articles', filter: 'id > 0', outputFields: ['id'], limit: 10, offset: 30 });
    expect(page.map((row) => row['id'])).toEqual(all.slice(30, 40));
  });

  it('returns every field by default, only the requested ones plus the primary key otherwise, never _ts', async () => {
    const [full] = await cluster.query({ collectionName: 'articles', filter: 'id == 5' });
    expect(full).toEqual({ ...article(5), meta: { nested: { a: 5, b: 1 }, tags: ['t2'] } });
    expect(Object.keys(full ?? {})).not.toContain('_ts');
    expect(await cluster.query({ collectionName: 'articles', filter: 'id == 5', outputFields: ['title'] })).toEqual([{ id: 5, title: 'article 5' }]);
    await expectDataError(cluster.query({ collectionName: 'articles', outputFields: ['_ts'] }), 'INVALID_REQUEST', 'unknown output field "_ts"');
  });

  it('reads only the requested partitions', async () => {
    expect(await ids('id > 15', { partitionNames: ['recent'] })).toEqual([21, 22, 23, 24, 25]);
    expect(await ids('id > 15', { partitionNames: ['_default'] })).toEqual([16, 17, 18, 19, 20]);
    await expectDataError(cluster.query({ collectionName: 'articles', partitionNames: ['old'] }), 'PARTITION_NOT_FOUND', '"old"');
  });

  it('refuses to query a collection that is not loaded', async () => {
    await cluster.releaseCollection('default', 'articles');
    expect((await cluster.describeCollection('default', 'articles')).loadStatus).toBe('UNLOADED');
    await expectDataError(cluster.query({ collectionName: 'articles' }), 'COLLECTION_NOT_LOADED', '"articles"', 'collections/load');
    await cluster.loadCollection('default', 'articles');
    expect(await ids('id == 1')).toEqual([1]);
  });

  it('leaves out rows older than the TTL, going by the injected clock', async () => {
    await createArticles(cluster, { collectionName: 'events', ttlSeconds: 60 });
    await cluster.insert({ collectionName: 'events', data: articles(1, 2) });
    clock += 30_000;
    await cluster.insert({ collectionName: 'events', data: articles(3, 4) });
    const eventIds = async (): Promise<unknown[]> => (await cluster.query({ collectionName: 'events', outputFields: ['id'] })).map((row) => row['id']);
    expect(await eventIds()).toEqual([1, 2, 3, 4]);
    clock += 30_001;
    expect(await eventIds()).toEqual([3, 4]);
    clock += 30_000;
    expect(await eventIds()).toEqual([]);
    // TTL hides rows from queries; they stay stored until they are dropped with their collection.
    expect((await cluster.describeCollection('default', 'events')).rowCount).toBe(4);
  });
});
