import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalCluster } from '../../src/data/index.js';
import type { Row } from '../../src/data/index.js';
import { article, articles, createArticles, expectDataError, makeTempDir, removeTempDir } from './helpers.js';

let dir: string;
let cluster: LocalCluster;

beforeEach(async () => {
  dir = await makeTempDir();
  cluster = await LocalCluster.create(join(dir, 'cluster'));
  await createArticles(cluster);
});

afterEach(async () => {
  await removeTempDir(dir);
});

async function expectInsertRefused(data: Row[], ...fragments: string[]): Promise<void> {
  await expectDataError(cluster.insert({ collectionName: 'articles', data }), 'INVALID_ROW', ...fragments);
}

describe('row validation', () => {
  it.each([
    ['a missing primary key', { id: undefined }, 'field "id" is the primary key and is required'],
    ['a null primary key', { id: null }, 'field "id" is the primary key and is required'],
    ['an Int64 beyond the safe integers', { id: 2 ** 53 }, 'field "id" is Int64'],
    ['a fractional Int64', { id: 1.5 }, 'field "id" is Int64'],
    ['an Int32 out of range', { views: 2 ** 31 }, 'field "views" is Int32'],
    ['a string for Int32', { views: '7' }, 'field "views" is Int32'],
    ['NaN for Double', { score: Number.NaN }, 'field "score" is Double'],
    ['a number for Bool', { published: 1 }, 'field "published" is Bool'],
    ['a missing non-nullable field', { published: undefined }, 'field "published" is required (it is not nullable)'],
    ['a number for VarChar', { title: 5 }, 'field "title" is VarChar'],
    ['a VarChar beyond max_length in UTF-8 bytes', { title: 'é'.repeat(17) }, 'field "title" is 34 bytes long in UTF-8, more than its max_length 32'],
    ['a vector of the wrong dim', { embedding: [1, 2] }, 'field "embedding" is FloatVector with dim 3, got 2 numbers'],
    ['a vector with a string', { embedding: [1, 'x', 3] }, 'field "embedding" is FloatVector'],
    ['a JSON value with undefined inside', { meta: { a: undefined } }, 'field "meta" is JSON'],
    ['an unknown field', { colour: 'red' }, 'unknown field "colour"'],
  ])('refuses %s, naming the row and the field', async (_case, overrides, message) => {
    await expectInsertRefused([article(1), article(2, overrides)], 'row 1:', message, 'nothing was inserted');
  });

  it('refuses a row that is not an object', async () => {
    await expectInsertRefused([article(1), [1, 2] as unknown as Row], 'row 1:', 'JSON object');
  });

  it('stores nothing of a batch with one bad row', async () => {
    await expectInsertRefused([article(1), article(2), article(3, { views: 'many' })], 'row 2:');
    expect((await cluster.describeCollection('default', 'articles')).rowCount).toBe(0);
    await cluster.insert({ collectionName: 'articles', data: [article(1)] });
    expect((await cluster.describeCollection('default', 'articles')).rowCount).toBe(1);
  });

  it('accepts null or absent values for nullable fields and returns them as null', async () => {
    await cluster.insert({ collectionName: 'articles', data: [article(1, { score: null }), article(2, { meta: undefined })] });
    const rows = await cluster.query({ collectionName: 'articles', outputFields: ['score', 'meta'] });
    expect(rows).toEqual([
      { id: 1, score: null, meta: { tags: ['t1'], nested: { a: 1, b: 1 } } },
      { id: 2, score: 1, meta: null },
    ]);
  });

  it('rejects primary keys repeated within a batch', async () => {
    await expectInsertRefused([article(1), article(2), article(1)], 'row 2:', 'primary key id = 1 appears twice in this batch');
  });

  it('rejects primary keys already stored, in any partition, also after reopening', async () => {
    await cluster.createPartition('default', 'articles', 'other');
    await cluster.insert({ collectionName: 'articles', partitionName: 'other', data: articles(1, 3) });
    await cluster.flush();
    await cluster.insert({ collectionName: 'articles', data: articles(4, 5) });
    await expectInsertRefused([article(9), article(2)], 'row 1:', 'primary key id = 2 already exists in the collection');

    const reopened = await LocalCluster.open(cluster.dir);
    await expectDataError(reopened.insert({ collectionName: 'articles', data: [article(5)] }), 'INVALID_ROW', 'row 0:', 'id = 5 already exists');
    await expectDataError(reopened.insert({ collectionName: 'articles', data: [article(3)] }), 'INVALID_ROW', 'id = 3 already exists');
    expect(await reopened.insert({ collectionName: 'articles', data: [article(6)] })).toEqual({ insertCount: 1, insertIds: [6] });
  });

  it('uses VarChar primary keys as given', async () => {
    await cluster.createCollection({
      collectionName: 'users',
      schema: { fields: [{ fieldName: 'email', dataType: 'VarChar', isPrimary: true, elementTypeParams: { max_length: 64 } }] },
    });
    expect(await cluster.insert({ collectionName: 'users', data: [{ email: 'a@example.com' }, { email: 'b@example.com' }] })).toEqual({
      insertCount: 2,
      insertIds: ['a@example.com', 'b@example.com'],
    });
    await expectDataError(cluster.insert({ collectionName: 'users', data: [{ email: 'a@example.com' }] }), 'INVALID_ROW', 'already exists');
  });
});
