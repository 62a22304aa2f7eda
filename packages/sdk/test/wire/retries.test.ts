import { describe, expect, it, vi } from 'vitest';
import { ServerError } from '../../src/index.js';
import { job, project } from './fixtures.js';
import {
  baseUrl,
  clusterId,
  expectServer,
  failure,
  interceptHttp,
  jobId,
  makeClient,
  ok,
  recordHeaders,
  rejectionOf,
  uuidPattern,
} from './helpers.js';

const http = interceptHttp();
const client = makeClient();
const started = { backupId: 'backup3_0a1b2c3d4e5f6a7b', backupName: 'Dedicated-01_backup3', jobId };
const createPath = `/v2/clusters/${clusterId}/backups/create`;

describe('what is retried', () => {
  it.each([500, 502, 503, 504, 408, 429])('retries a GET after HTTP %i and returns the later success', async (status) => {
    const scope = expectServer
      .bodiless()
      .get('/v2/projects')
      .reply(status, failure(97000, 'Try again.'))
      .get('/v2/projects')
      .reply(200, ok([project]));
    const attempts = recordHeaders(scope);

    await expect(client.projects.list()).resolves.toEqual([project]);
    expect(attempts).toHaveLength(2);
    expect(scope.isDone()).toBe(true);
  });

  it('retries a GET after the connection is reset', async () => {
    const scope = expectServer
      .bodiless()
      .get('/v2/projects')
      .replyWithError({ code: 'ECONNRESET' })
      .get('/v2/projects')
      .reply(200, ok([project]));

    await expect(client.projects.list()).resolves.toEqual([project]);
    expect(scope.isDone()).toBe(true);
  });

  it('retries a GET whose attempt timed out', async () => {
    const scope = expectServer
      .bodiless()
      .get('/v2/projects')
      .delay(500)
      .reply(200, ok([]))
      .get('/v2/projects')
      .reply(200, ok([project]));

    await expect(client.projects.list({ timeoutMs: 50 })).resolves.toEqual([project]);
    expect(scope.isDone()).toBe(true);
  });

  it.each([400, 401, 403, 404, 409])('never retries HTTP %i: exactly one request', async (status) => {
    const scope = expectServer.bodiless().get('/v2/projects').reply(status, failure(97001, 'No.'));
    const attempts = recordHeaders(scope);

    const error = await rejectionOf(client.projects.list());

    expect(error).toMatchObject({ httpStatus: status, retryable: false });
    expect(attempts).toHaveLength(1);
    expect(http.unmatched).toEqual([]);
  });

  it('makes exactly one attempt with retry: false', async () => {
    const scope = expectServer.bodiless().get('/v2/projects').reply(503, failure(97006, 'Shutting down.'));
    const attempts = recordHeaders(scope);

    const error = await rejectionOf(makeClient({ retry: false }).projects.list());

    expect(error).toBeInstanceOf(ServerError);
    expect(attempts).toHaveLength(1);
    expect(http.unmatched).toEqual([]);
  });

  it('stops after retry.limit retries with a retryable ServerError naming the status and request id', async () => {
    const scope = expectServer
      .bodiless()
      .get('/v2/projects')
      .times(3)
      .reply(503, 'upstream unavailable', { 'x-request-id': 'req-0b1c2d3e' });
    const attempts = recordHeaders(scope);

    const error = await rejectionOf(makeClient({ retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 5 } }).projects.list());

    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ retryable: true, httpStatus: 503, requestId: 'req-0b1c2d3e', operationId: 'listProjects' });
    expect(attempts).toHaveLength(3);
    expect(http.unmatched).toEqual([]);
  });
});

describe('idempotency keys', () => {
  it('retries a POST only with the same idempotency key', async () => {
    const scope = expectServer
      .post()
      .post(createPath, { backupType: 'CLUSTER' })
      .reply(503, failure(97006, 'Shutting down.'))
      .post(createPath, { backupType: 'CLUSTER' })
      .replyWithError({ code: 'ECONNRESET' })
      .post(createPath, { backupType: 'CLUSTER' })
      .reply(200, ok(started));
    const attempts = recordHeaders(scope);

    await expect(client.backups.create({ clusterId, backupType: 'CLUSTER' })).resolves.toMatchObject(started);

    expect(attempts).toHaveLength(3);
    const keys = attempts.map((headers) => headers['idempotency-key']);
    expect(keys[0]).toMatch(uuidPattern);
    expect(new Set(keys)).toEqual(new Set([keys[0]]));
  });

  it('sends the caller-given idempotencyKey on every attempt', async () => {
    const scope = expectServer
      .post(baseUrl, 'nightly-2024-08-26')
      .post(createPath)
      .reply(502, '<html>Bad gateway</html>')
      .post(createPath)
      .reply(200, ok(started));
    const attempts = recordHeaders(scope);

    await client.backups.create({ clusterId, backupType: 'CLUSTER' }, { idempotencyKey: 'nightly-2024-08-26' });

    expect(attempts.map((headers) => headers['idempotency-key'])).toEqual(['nightly-2024-08-26', 'nightly-2024-08-26']);
  });

  it('gives every POST an idempotency key, a new one for each call', async () => {
    const scope = expectServer
      .post()
      .post(createPath)
      .times(2)
      .reply(200, ok(started))
      .post(`/v2/jobs/${jobId}/cancel`)
      .reply(200, ok({ jobId, status: 'CANCELING' }))
      .post(`/clusters/${clusterId}/v2/vectordb/databases/list`)
      .reply(200, ok(['default']));
    const attempts = recordHeaders(scope);

    await client.backups.create({ clusterId, backupType: 'CLUSTER' });
    await client.backups.create({ clusterId, backupType: 'CLUSTER' });
    await client.jobs.cancel(jobId);
    await client.dataPlane(clusterId).databases.list();

    const keys = attempts.map((headers) => headers['idempotency-key']);
    expect(keys).toHaveLength(4);
    for (const key of keys) expect(key).toMatch(uuidPattern);
    expect(new Set(keys).size).toBe(4);
  });
});

describe('Retry-After', () => {
  it('waits the Retry-After of a 429 before retrying', async () => {
    const scope = expectServer
      .bodiless()
      .get(`/v2/jobs/${jobId}`)
      .reply(429, failure(97004, 'Too many requests.'), { 'Retry-After': '1' })
      .get(`/v2/jobs/${jobId}`)
      .reply(200, ok(job('IN_PROGRESS', '10')));

    const before = Date.now();
    await client.jobs.get(jobId);

    expect(Date.now() - before).toBeGreaterThanOrEqual(900);
    expect(scope.isDone()).toBe(true);
  });

  it('stops waiting to retry as soon as the call is aborted, with the signal\'s reason', async () => {
    const scope = expectServer.bodiless().get(`/v2/jobs/${jobId}`).reply(503, failure(97006, 'Shutting down.'), { 'Retry-After': '30' });
    const attempts = recordHeaders(scope);
    const controller = new AbortController();
    const reason = new Error('shutting down the script');
    setTimeout(() => controller.abort(reason), 20);

    const before = Date.now();
    await expect(client.jobs.get(jobId, { signal: controller.signal })).rejects.toBe(reason);

    expect(Date.now() - before).toBeLessThan(1000);
    expect(attempts).toHaveLength(1);
    expect(http.unmatched).toEqual([]);
  });

  it('waits the Retry-After of a 503 rather than its own, longer backoff', async () => {
    // Backoff alone would wait about 3 s here (jitter pinned near its top); Retry-After: 0 means now.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.99);
    try {
      const slowBackoff = makeClient({ retry: { baseDelayMs: 3000, maxDelayMs: 3000 } });
      const scope = expectServer
        .bodiless()
        .get(`/v2/jobs/${jobId}`)
        .reply(503, failure(97006, 'Shutting down.'), { 'Retry-After': '0' })
        .get(`/v2/jobs/${jobId}`)
        .reply(200, ok(job('IN_PROGRESS', '10')));

      const before = Date.now();
      await slowBackoff.jobs.get(jobId);

      expect(Date.now() - before).toBeLessThan(1000);
      expect(scope.isDone()).toBe(true);
    } finally {
      random.mockRestore();
    }
  });
});
