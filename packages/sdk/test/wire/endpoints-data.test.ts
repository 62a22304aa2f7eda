import type nock from 'nock';
import { describe, expect, it } from 'vitest';
import { ValidationError, type CreateCollectionRequest, type DataPlane } from '../../src/index.js';
import { collectionDescription } from './fixtures.js';
import { baseUrl, clusterId, expectServer, interceptHttp, makeClient, ok, thrownBy } from './helpers.js';

const http = interceptHttp();
const client = makeClient();

const collectionSchema: CreateCollectionRequest = {
  dbName: 'default',
  collectionName: 'medium_articles',
  description: 'Articles from Medium',
  schema: {
    fields: [
      { fieldName: 'id', dataType: 'Int64', isPrimary: true },
      { fieldName: 'title', dataType: 'VarChar', elementTypeParams: { max_length: 512 } },
      { fieldName: 'title_vector', dataType: 'FloatVector', elementTypeParams: { dim: 4 } },
    ],
  },
  partitionNames: ['y2024'],
  ttlSeconds: 86_400,
};
const rows = [
  { id: 1, title: 'Backups that restore', title_vector: [0.1, 0.2, 0.3, 0.4] },
  { id: 2, title: 'Drills, not hope', title_vector: [0.5, 0.6, 0.7, 0.8] },
];
const articles = { dbName: 'default', collectionName: 'medium_articles' };

/** One row per data-plane method: how it is called, what goes on the wire, what comes back. */
interface DataCall {
  readonly method: string;
  readonly call: (data: DataPlane) => Promise<unknown>;
  readonly path: string;
  readonly body: nock.DataMatcherMap;
  readonly data: unknown;
  /** What the method returns; writes return nothing. */
  readonly result: unknown;
}

const dataCalls: DataCall[] = [
  { method: 'databases.list', call: (d) => d.databases.list(), path: 'databases/list', body: {}, data: ['default', 'analytics'], result: ['default', 'analytics'] },
  { method: 'databases.create', call: (d) => d.databases.create({ dbName: 'analytics' }), path: 'databases/create', body: { dbName: 'analytics' }, data: {}, result: undefined },
  { method: 'databases.drop', call: (d) => d.databases.drop({ dbName: 'analytics' }), path: 'databases/drop', body: { dbName: 'analytics' }, data: {}, result: undefined },
  { method: 'collections.create', call: (d) => d.collections.create(collectionSchema), path: 'collections/create', body: { ...collectionSchema }, data: {}, result: undefined },
  { method: 'collections.list', call: (d) => d.collections.list({ dbName: 'default' }), path: 'collections/list', body: { dbName: 'default' }, data: ['medium_articles'], result: ['medium_articles'] },
  { method: 'collections.describe', call: (d) => d.collections.describe(articles), path: 'collections/describe', body: articles, data: collectionDescription, result: collectionDescription },
  { method: 'collections.drop', call: (d) => d.collections.drop(articles), path: 'collections/drop', body: articles, data: {}, result: undefined },
  { method: 'collections.load', call: (d) => d.collections.load(articles), path: 'collections/load', body: articles, data: {}, result: undefined },
  { method: 'collections.release', call: (d) => d.collections.release(articles), path: 'collections/release', body: articles, data: {}, result: undefined },
  {
    method: 'partitions.create',
    call: (d) => d.partitions.create({ collectionName: 'medium_articles', partitionName: 'y2024' }),
    path: 'partitions/create',
    body: { collectionName: 'medium_articles', partitionName: 'y2024' },
    data: {},
    result: undefined,
  },
  {
    method: 'partitions.list',
    call: (d) => d.partitions.list({ collectionName: 'medium_articles' }),
    path: 'partitions/list',
    body: { collectionName: 'medium_articles' },
    data: ['_default', 'y2024'],
    result: ['_default', 'y2024'],
  },
  {
    method: 'entities.insert',
    call: (d) => d.entities.insert({ collectionName: 'medium_articles', partitionName: 'y2024', data: rows }),
    path: 'entities/insert',
    body: { collectionName: 'medium_articles', partitionName: 'y2024', data: rows },
    data: { insertCount: 2, insertIds: [1, 2] },
    result: { insertCount: 2, insertIds: [1, 2] },
  },
  {
    method: 'entities.query',
    call: (d) => d.entities.query({ collectionName: 'medium_articles', filter: 'id in [1, 2]', outputFields: ['id', 'title'], limit: 10 }),
    path: 'entities/query',
    body: { collectionName: 'medium_articles', filter: 'id in [1, 2]', outputFields: ['id', 'title'], limit: 10 },
    data: rows.map(({ id, title }) => ({ id, title })),
    result: rows.map(({ id, title }) => ({ id, title })),
  },
];

describe('data plane of a cluster given by id (under <baseUrl>/clusters/<id>)', () => {
  it.each(dataCalls)('$method POSTs exactly its body to /clusters/<id>/v2/vectordb/$path', async ({ call, path, body, data, result }) => {
    const scope = expectServer.post().post(`/clusters/${clusterId}/v2/vectordb/${path}`, body).reply(200, ok(data));

    await expect(call(client.dataPlane(clusterId))).resolves.toEqual(result);
    expect(scope.isDone()).toBe(true);
  });

  it('lists the collections of the default database with an empty body', async () => {
    const scope = expectServer.post().post(`/clusters/${clusterId}/v2/vectordb/collections/list`, {}).reply(200, ok(['medium_articles']));

    await expect(client.dataPlane(clusterId).collections.list()).resolves.toEqual(['medium_articles']);
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a cluster id that could leave its path segment, before any I/O', () => {
    for (const bad of ['..', 'a/b', 'in01 0123']) {
      const error = thrownBy(() => client.dataPlane(bad));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ source: 'client', field: 'clusterId', code: 98003 });
    }
    expect(http.unmatched).toEqual([]);
  });
});

describe('data plane of a cluster given by its connect address', () => {
  const connectAddress = 'http://cluster-7.lifeboat.test:19530/';
  const target = { clusterId, connectAddress };

  it.each(dataCalls)('$method POSTs exactly its body to <connectAddress>/v2/vectordb/$path', async ({ call, path, body, data, result }) => {
    const scope = expectServer.post('http://cluster-7.lifeboat.test:19530').post(`/v2/vectordb/${path}`, body).reply(200, ok(data));

    await expect(call(client.dataPlane(target))).resolves.toEqual(result);
    expect(scope.isDone()).toBe(true);
  });

  it('uses the connect address without its trailing slash', () => {
    expect(client.dataPlane(target).connectAddress).toBe('http://cluster-7.lifeboat.test:19530');
    expect(client.dataPlane(clusterId).connectAddress).toBe(`${baseUrl}/clusters/${clusterId}`);
  });
});
