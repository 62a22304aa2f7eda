import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { Lifeboat, NotFoundError, type LifeboatError } from '../../src/index.js';
import { project } from './fixtures.js';
import { apiKey, baseUrl, clusterId, expectServer, failure, interceptHttp, makeClient, ok, rejectionOf, restoreEnvAfterEach } from './helpers.js';

interceptHttp();

describe('hooks', () => {
  it('beforeRequest sees the operation id and can add a header the server receives', async () => {
    const seen: string[] = [];
    const client = makeClient({
      hooks: {
        beforeRequest: [
          ({ operationId, request }) => {
            seen.push(operationId);
            request.headers.set('x-trace-id', 'trace-7f3a');
          },
        ],
      },
    });
    const scope = nock(baseUrl, { reqheaders: { 'x-trace-id': 'trace-7f3a', authorization: `Bearer ${apiKey}` } })
      .get('/v2/projects')
      .reply(200, ok([project]));

    await client.projects.list();

    expect(seen).toEqual(['listProjects']);
    expect(scope.isDone()).toBe(true);
  });

  it('afterResponse sees every response, the retried ones too', async () => {
    const seen: { operationId: string; status: number; attempt: number }[] = [];
    const client = makeClient({
      hooks: { afterResponse: [({ operationId, response, attempt }) => void seen.push({ operationId, status: response.status, attempt })] },
    });
    expectServer
      .bodiless()
      .get('/v2/regions')
      .reply(503, failure(97006, 'Shutting down.'))
      .get('/v2/regions')
      .reply(500, failure(97000, 'Oops.'))
      .get('/v2/regions')
      .reply(200, ok([]));

    await client.regions.list();

    expect(seen).toEqual([
      { operationId: 'listRegions', status: 503, attempt: 0 },
      { operationId: 'listRegions', status: 500, attempt: 1 },
      { operationId: 'listRegions', status: 200, attempt: 2 },
    ]);
  });

  it('beforeRetry is called before each retry with its attempt number and the failure', async () => {
    const seen: { attempt: number; failure: string }[] = [];
    const client = makeClient({
      hooks: { beforeRetry: [({ attempt, error }) => void seen.push({ attempt, failure: error.message })] },
    });
    expectServer
      .bodiless()
      .get('/v2/regions')
      .times(2)
      .reply(502, 'Bad gateway')
      .get('/v2/regions')
      .reply(200, ok([]));

    await client.regions.list();

    expect(seen.map((s) => s.attempt)).toEqual([1, 2]);
    for (const { failure: message } of seen) expect(message).toContain('502');
  });

  it('beforeError can replace the error the call throws', async () => {
    let original: LifeboatError | undefined;
    const replacement = new NotFoundError('No backups yet for this cluster: run `lifeboat backup` first.', { code: 96018, operationId: 'listBackups' });
    const client = makeClient({
      hooks: {
        beforeError: [
          ({ error }) => {
            original = error;
            return replacement;
          },
        ],
      },
    });
    expectServer.bodiless().get(`/v2/clusters/${clusterId}`).reply(404, failure(96018, 'Cluster not found.'));

    const error = await rejectionOf(client.clusters.get(clusterId));

    expect(error).toBe(replacement);
    expect(original).toMatchObject({ name: 'NotFoundError', operationId: 'describeCluster', code: 96018 });
  });
});

describe('extend', () => {
  const traced = (name: string, order: string[]) => ({
    beforeRequest: [
      ({ request }: { request: Request }) => {
        order.push(name);
        request.headers.set(`x-${name}`, '1');
      },
    ],
  });

  it('appends hooks, so both run in order, and keeps the base URL and API key', async () => {
    const order: string[] = [];
    const base = makeClient({ hooks: traced('base', order) });
    const extended = base.extend({ hooks: traced('extra', order), userAgent: 'drills/2.0' });
    const scope = nock(baseUrl, {
      reqheaders: { 'x-base': '1', 'x-extra': '1', authorization: `Bearer ${apiKey}`, 'user-agent': /^lifeboat-sdk\/\S+ drills\/2\.0$/ },
    })
      .get('/v2/projects')
      .reply(200, ok([]));

    await extended.projects.list();

    expect(order).toEqual(['base', 'extra']);
    expect(extended.options).toMatchObject({ baseUrl, apiKey });
    expect(scope.isDone()).toBe(true);
  });

  it('leaves the client it extends unchanged', async () => {
    const order: string[] = [];
    const base = makeClient({ hooks: traced('base', order) });
    base.extend({ hooks: traced('extra', order) });
    const scope = nock(baseUrl, { reqheaders: { 'x-base': '1' }, badheaders: ['x-extra'] })
      .get('/v2/projects')
      .reply(200, ok([]));

    await base.projects.list();

    expect(order).toEqual(['base']);
    expect(scope.isDone()).toBe(true);
  });
});

describe('configuration from the environment', () => {
  restoreEnvAfterEach(['LIFEBOAT_ENDPOINT', 'LIFEBOAT_API_KEY']);

  it('uses LIFEBOAT_ENDPOINT and LIFEBOAT_API_KEY when given no options', async () => {
    process.env.LIFEBOAT_ENDPOINT = 'http://lifeboat-from-env.test:7433/';
    process.env.LIFEBOAT_API_KEY = 'lb_env_key';
    const scope = nock('http://lifeboat-from-env.test:7433', { reqheaders: { authorization: 'Bearer lb_env_key' } })
      .get('/v2/projects')
      .reply(200, ok([project]));

    await expect(new Lifeboat().projects.list()).resolves.toEqual([project]);
    expect(scope.isDone()).toBe(true);
  });

  it('prefers options over the environment', async () => {
    process.env.LIFEBOAT_ENDPOINT = 'http://lifeboat-from-env.test:7433';
    process.env.LIFEBOAT_API_KEY = 'lb_env_key';
    const scope = nock(baseUrl, { reqheaders: { authorization: `Bearer ${apiKey}` } })
      .get('/v2/projects')
      .reply(200, ok([]));

    await new Lifeboat({ baseUrl, apiKey }).projects.list();

    expect(scope.isDone()).toBe(true);
  });
});
