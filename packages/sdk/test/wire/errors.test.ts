import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  InvalidResponseError,
  isLifeboatError,
  Lifeboat,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../../src/index.js';
import { backup } from './fixtures.js';
import { apiKey, backupId, baseUrl, clusterId, expectServer, failure, interceptHttp, makeClient, ok, rejectionOf, restoreEnvAfterEach } from './helpers.js';

const http = interceptHttp();
const once = makeClient({ retry: false });

describe('HTTP errors become typed errors', () => {
  it.each([
    { status: 400, code: 96029, type: ValidationError, name: 'ValidationError' },
    { status: 401, code: 80001, type: AuthenticationError, name: 'AuthenticationError' },
    { status: 403, code: 96027, type: PermissionError, name: 'PermissionError' },
    { status: 404, code: 97010, type: NotFoundError, name: 'NotFoundError' },
    { status: 409, code: 97012, type: ConflictError, name: 'ConflictError' },
    { status: 500, code: 97000, type: ServerError, name: 'ServerError' },
    { status: 503, code: 97006, type: ServerError, name: 'ServerError' },
  ])('HTTP $status is a $name carrying the code, status, request id and operation', async ({ status, code, type, name }) => {
    const message = `The server refused this (HTTP ${status}). Here is what to do.`;
    expectServer.post().post(`/v2/clusters/${clusterId}/backups/create`).reply(status, failure(code, message, `req-${status}`));

    const error = await rejectionOf(once.backups.create({ clusterId, backupType: 'CLUSTER' }));

    expect(error).toBeInstanceOf(type);
    expect(isLifeboatError(error)).toBe(true);
    expect(error).toMatchObject({ name, code, httpStatus: status, requestId: `req-${status}`, operationId: 'createBackup', message });
    expect((error as Error).message).not.toContain(apiKey);
  });

  it('marks a server-side ValidationError as coming from the server', async () => {
    expectServer.bodiless().get(`/v2/clusters/${clusterId}`).reply(400, failure(96025, 'Invalid clusterId.'));

    await expect(once.clusters.get(clusterId)).rejects.toMatchObject({ name: 'ValidationError', source: 'server', code: 96025 });
  });

  it('takes the request id from the x-request-id header when the body has none', async () => {
    expectServer.bodiless().get(`/v2/clusters/${clusterId}`).reply(404, { code: 96018, message: 'Cluster not found.' }, { 'x-request-id': 'req-from-header' });

    await expect(once.clusters.get(clusterId)).rejects.toMatchObject({ name: 'NotFoundError', requestId: 'req-from-header' });
  });

  it('turns a 429 that outlasts the retries into a RateLimitError with the Retry-After', async () => {
    // maxRetryAfterMs keeps the test fast; the error still reports what the server asked for.
    const client = makeClient({ retry: { limit: 1, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 1 } });
    const scope = expectServer
      .bodiless()
      .get('/v2/regions')
      .times(2)
      .reply(429, failure(97004, 'Too many requests for this key and endpoint.', 'req-429'), { 'Retry-After': '2' });

    const error = await rejectionOf(client.regions.list());

    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 97004, httpStatus: 429, requestId: 'req-429', retryable: true, retryAfterMs: 2000 });
    expect(scope.isDone()).toBe(true);
  });

  it('turns an HTML 502 from a proxy into a ServerError', async () => {
    expectServer
      .bodiless()
      .get('/v2/regions')
      .reply(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', { 'content-type': 'text/html', 'x-request-id': 'req-proxy' });

    const error = await rejectionOf(once.regions.list());

    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ code: 97000, httpStatus: 502, requestId: 'req-proxy', retryable: true, operationId: 'listRegions' });
  });

  it('turns a 200 whose envelope code is not 0 into the error the catalogue names', async () => {
    expectServer
      .bodiless()
      .get(`/v2/clusters/${clusterId}`)
      .reply(200, { code: 96018, message: 'Cluster not found. List clusters with GET /v2/clusters.', requestId: 'req-200' });

    const error = await rejectionOf(once.clusters.get(clusterId));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 96018, requestId: 'req-200', operationId: 'describeCluster' });
  });
});

describe('failures without an answer', () => {
  it('reports an attempt that outlasts timeoutMs as a TimeoutError with code 98002', async () => {
    expectServer.bodiless().get('/v2/projects').delay(500).reply(200, ok([]));

    const error = await rejectionOf(makeClient({ retry: false, timeoutMs: 50 }).projects.list());

    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 98002, operationId: 'listProjects', retryable: true });
  });

  it('reports a refused connection as a NetworkError with code 98001', async () => {
    expectServer.bodiless().get('/v2/projects').replyWithError({ code: 'ECONNREFUSED' });

    const error = await rejectionOf(once.projects.list());

    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 98001, operationId: 'listProjects', retryable: true });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('reports connection resets that outlast the retries as a NetworkError', async () => {
    expectServer.bodiless().get('/v2/projects').times(2).replyWithError({ code: 'ECONNRESET' });

    const error = await rejectionOf(makeClient({ retry: { limit: 1, baseDelayMs: 1 } }).projects.list());

    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 98001 });
  });

  it('never reveals the API key, even when an error is inspected in depth', async () => {
    expectServer.bodiless().get('/v2/projects').delay(500).reply(200, ok([]));
    expectServer.bodiless().get('/v2/regions').replyWithError({ code: 'ECONNRESET' });
    expectServer.bodiless().get('/v2/apiKeys').reply(401, failure(80001, 'The API key is unknown.'));
    const client = makeClient({ retry: false, timeoutMs: 50 });

    const errors = [
      await rejectionOf(client.projects.list()),
      await rejectionOf(client.regions.list()),
      await rejectionOf(client.apiKeys.list()),
      await rejectionOf(client.clusters.get('a/b')),
    ];

    for (const error of errors) {
      expect(isLifeboatError(error)).toBe(true);
      expect(inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain(apiKey);
    }
  });
});

describe('answers that do not match the API', () => {
  it('rejects a 200 that is not an envelope with InvalidResponseError 98004', async () => {
    expectServer.bodiless().get('/v2/projects').reply(200, { status: 'ok' }, { 'x-request-id': 'req-odd' });

    const error = await rejectionOf(once.projects.list());

    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ code: 98004, httpStatus: 200, requestId: 'req-odd', operationId: 'listProjects' });
  });

  it('rejects a 200 that is not JSON with InvalidResponseError 98004', async () => {
    expectServer.bodiless().get('/v2/projects').reply(200, '<html>Welcome to nginx!</html>', { 'content-type': 'text/html' });

    await expect(once.projects.list()).rejects.toMatchObject({ name: 'InvalidResponseError', code: 98004 });
  });

  it('rejects data of the wrong shape with InvalidResponseError 98004 naming the field', async () => {
    expectServer.bodiless().get(`/v2/clusters/${clusterId}/backups/${backupId}`).reply(200, ok({ ...backup, size: 'big' }));

    const error = await rejectionOf(once.backups.get({ clusterId, backupId }));

    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ code: 98004 });
    expect((error as Error).message).toContain('size');
  });

  it('accepts enum values and fields it does not know: new values as strings, new fields dropped', async () => {
    expectServer
      .bodiless()
      .get(`/v2/clusters/${clusterId}/backups/${backupId}`)
      .reply(200, ok({ ...backup, status: 'ARCHIVED', legalHold: true }));

    const result = await once.backups.get({ clusterId, backupId });
    const status: string = result.status;

    expect(status).toBe('ARCHIVED');
    expect(result).not.toHaveProperty('legalHold');
  });
});

describe('invalid input is refused before any I/O', () => {
  it.each([
    {
      what: 'a COLLECTION backup without dbCollections',
      call: (client: Lifeboat) => client.backups.create({ clusterId, backupType: 'COLLECTION' }),
      field: 'dbCollections',
    },
    {
      what: 'a policy keeping backups 45 days',
      call: (client: Lifeboat) =>
        client.policies.set({ clusterId, enabled: true, frequency: '1,3,5', startTime: '02:00-04:00', retentionDays: 45 }),
      field: 'retentionDays',
    },
    { what: 'a cluster id with a slash', call: (client: Lifeboat) => client.clusters.get('a/b'), field: 'clusterId' },
    { what: 'a backup id with dots', call: (client: Lifeboat) => client.backups.delete({ clusterId, backupId: '../x' }), field: 'backupId' },
    { what: 'an unknown backup type', call: (client: Lifeboat) => client.backups.create({ clusterId, backupType: 'FULL' as 'CLUSTER' }), field: 'backupType' },
  ])('$what: ValidationError from the client naming $field, nothing sent', async ({ call, field }) => {
    const error = await rejectionOf(call(once));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ source: 'client', field, code: 98003 });
    expect(http.unmatched).toEqual([]);
  });

  describe('without an API key', () => {
    restoreEnvAfterEach(['LIFEBOAT_API_KEY']);
    beforeEach(() => {
      delete process.env.LIFEBOAT_API_KEY;
    });

    it('refuses to call without an API key and says how to give one, nothing sent', async () => {
      const error = await rejectionOf(new Lifeboat({ baseUrl }).projects.list());

      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ source: 'client', field: 'apiKey', code: 98003 });
      expect((error as Error).message).toContain('LIFEBOAT_API_KEY');
      expect(http.unmatched).toEqual([]);
    });
  });
});
