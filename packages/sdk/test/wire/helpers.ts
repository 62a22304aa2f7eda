import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { Lifeboat, type LifeboatOptions } from '../../src/index.js';

/** Wire-format tests: nock stands in for the server; nothing reaches the network. */

export const baseUrl = 'http://lifeboat.test';
export const apiKey = 'lb_test_key';
export const clusterId = 'in01-0123456789abcdef';
export const backupId = 'backup0_c7b18539b97a1d2e';
export const jobId = 'job-031a8e3587ba7f9c';
export const projectId = 'proj-4f1e2d3c4b5a6978';

/** A client whose retries take milliseconds, not seconds. */
export function makeClient(options: LifeboatOptions = {}): Lifeboat {
  return new Lifeboat({ baseUrl, apiKey, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...options });
}

/** The success envelope. */
export function ok(data: unknown): { code: 0; data: unknown } {
  return { code: 0, data };
}

/** The error envelope. */
export function failure(code: number, message: string, requestId?: string): Record<string, unknown> {
  return { code, message, ...(requestId === undefined ? {} : { requestId }) };
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const sentByTheSdk = {
  authorization: `Bearer ${apiKey}`,
  accept: 'application/json',
  'user-agent': (value: string) => value.includes('lifeboat-sdk/'),
};

/**
 * Expected servers, one per kind of request. Each fails to match (and so fails the test) when a
 * header the contract requires is missing or one it forbids is present.
 */
export const expectServer = {
  /** GET and DELETE: no body, so no content type, and no idempotency key. */
  bodiless: (origin: string = baseUrl) =>
    nock(origin, { reqheaders: sentByTheSdk, badheaders: ['content-type', 'idempotency-key'] }),
  /** POST: a JSON body and an idempotency key (a generated UUID unless the test says otherwise). */
  post: (origin: string = baseUrl, idempotencyKey: string | RegExp = uuidPattern) =>
    nock(origin, {
      reqheaders: { ...sentByTheSdk, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    }),
  /** PUT: a JSON body, no idempotency key (PUT is idempotent by itself). */
  put: (origin: string = baseUrl) =>
    nock(origin, { reqheaders: { ...sentByTheSdk, 'content-type': 'application/json' }, badheaders: ['idempotency-key'] }),
};

/**
 * Turns nock on for the file: no real network, every interceptor must be used, and requests
 * nothing expected are recorded in `unmatched` (and fail the test).
 */
export function interceptHttp(): { readonly unmatched: string[] } {
  const unmatched: string[] = [];
  const onNoMatch = (request: { method?: string; path?: string }) => {
    unmatched.push(`${request.method ?? '?'} ${request.path ?? '?'}`);
  };
  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on('no match', onNoMatch);
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    const unexpected = [...unmatched];
    nock.cleanAll();
    unmatched.length = 0;
    expect(unexpected, 'requests no interceptor expected').toEqual([]);
    expect(pending, 'interceptors never used').toEqual([]);
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', onNoMatch);
    nock.enableNetConnect();
  });
  return { unmatched };
}

/** Puts these environment variables back as they were after each test of the file. */
export function restoreEnvAfterEach(names: readonly string[]): void {
  const saved = new Map(names.map((name) => [name, process.env[name]]));
  afterEach(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}

/** Headers of every request a scope answers, in order. */
export function recordHeaders(scope: nock.Scope): Record<string, string | string[] | undefined>[] {
  const seen: Record<string, string | string[] | undefined>[] = [];
  scope.on('request', (request: { headers: Record<string, string | string[] | undefined> }) => {
    seen.push({ ...request.headers });
  });
  return seen;
}

/** Raw bodies of every request a scope answers, in order, exactly as sent. */
export function recordBodies(scope: nock.Scope): string[] {
  const bodies: string[] = [];
  scope.on('request', (_request: unknown, _interceptor: unknown, body: string) => {
    bodies.push(body);
  });
  return bodies;
}

/** Catches what a promise rejects with, failing when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Catches what a function throws, failing when it returns. */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, but it returned');
}
