import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AuthenticationError, ConflictError, RateLimitError, ValidationError } from '@lifeboat/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ rateLimitPerSecond: 1000 });
});
afterAll(async () => t.stop());

const raw = (path: string, init: RequestInit = {}) =>
  fetch(`${t.server.url}${path}`, { ...init, headers: { authorization: `Bearer ${t.server.ownerApiKey}`, 'content-type': 'application/json', ...init.headers } });

describe('the HTTP surface', () => {
  it('answers health, readiness, metrics and its OpenAPI document', async () => {
    expect(await (await fetch(`${t.server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${t.server.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${t.server.url}/metrics`)).text();
    expect(metrics).toContain('lifeboat_requests_total');
    expect(metrics).toContain('lifeboat_backups');
    const openapi = (await (await fetch(`${t.server.url}/v2/openapi.json`)).json()) as { openapi: string };
    expect(openapi.openapi).toBe('3.1.0');
  });

  it('writes the owner key once, readable only by its owner', async () => {
    const path = join(t.dataDir, 'owner.key');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readFile(path, 'utf8')).trim()).toBe(t.server.ownerApiKey);
  });

  it('refuses calls without a valid key with 401 and code 80001, never echoing the key', async () => {
    const missing = await fetch(`${t.server.url}/v2/projects`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: 80001 });
    const forged = `${t.server.ownerApiKey.slice(0, -4)}AAAA`;
    const wrong = await fetch(`${t.server.url}/v2/projects`, { headers: { authorization: `Bearer ${forged}` } });
    const body = await wrong.text();
    expect(wrong.status).toBe(401);
    expect(body).not.toContain(forged);
  });

  it('echoes the caller\'s request id and includes it in errors', async () => {
    const response = await raw('/v2/clusters/in01-0000000000000000', { headers: { 'x-request-id': 'trace-42' } });
    expect(response.headers.get('x-request-id')).toBe('trace-42');
    expect(await response.json()).toMatchObject({ code: 96018, requestId: 'trace-42' });
  });

  it('answers unknown paths, bad JSON, unknown fields and oversized bodies with a code, never a 500', async () => {
    const unknown = await raw('/v2/nothing-here');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 97002 });

    const badJson = await raw('/v2/clusters/createDedicated', { method: 'POST', body: '{"projectId":' });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ code: 97001 });

    const extra = await raw('/v2/clusters/createDedicated', {
      method: 'POST',
      body: JSON.stringify({ projectId: t.server.defaultProjectId, regionId: 'local-1', clusterName: 'x', cuSize: 1, surprise: true }),
    });
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as { message: string }).message).toContain('surprise');

    const huge = await raw('/v2/clusters/createDedicated', { method: 'POST', body: JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ code: 97003 });
  });

  it('uses the hosted codes for invalid fields', async () => {
    const { clusterId } = await t.client.clusters.create({ projectId: t.server.defaultProjectId, regionId: 'local-1', clusterName: 'codes', cuSize: 1 });
    const policy = await raw(`/v2/clusters/${clusterId}/backups/policy`, { method: 'POST', body: JSON.stringify({ enabled: true, frequency: '1', startTime: '02:00-03:00', retentionDays: 45 }) });
    expect(await policy.json()).toMatchObject({ code: 96034 });
    const backup = await raw(`/v2/clusters/${clusterId}/backups/create`, { method: 'POST', body: JSON.stringify({ backupType: 'EVERYTHING' }) });
    expect(await backup.json()).toMatchObject({ code: 96029 });
    const page = await raw('/v2/backups?pageSize=500');
    expect(await page.json()).toMatchObject({ code: 96008 });
  });

  it('replays an Idempotency-Key with the same body and refuses it with another', async () => {
    const body = { projectId: t.server.defaultProjectId, regionId: 'local-1', clusterName: 'idem', cuSize: 1 };
    const first = await (await raw('/v2/clusters/createDedicated', { method: 'POST', body: JSON.stringify(body), headers: { 'idempotency-key': 'k-1' } })).json();
    const again = await raw('/v2/clusters/createDedicated', { method: 'POST', body: JSON.stringify(body), headers: { 'idempotency-key': 'k-1' } });
    expect(await again.json()).toEqual(first);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await raw('/v2/clusters/createDedicated', { method: 'POST', body: JSON.stringify({ ...body, clusterName: 'idem2' }), headers: { 'idempotency-key': 'k-1' } });
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ code: 97005 });
  });

  it('maps errors onto the SDK\'s typed errors', async () => {
    await expect(t.client.clusters.create({ projectId: t.server.defaultProjectId, regionId: 'local-9', clusterName: 'nowhere', cuSize: 1 })).rejects.toBeInstanceOf(ValidationError);
    await t.client.clusters.create({ projectId: t.server.defaultProjectId, regionId: 'local-1', clusterName: 'twice', cuSize: 1 });
    await expect(t.client.clusters.create({ projectId: t.server.defaultProjectId, regionId: 'local-1', clusterName: 'twice', cuSize: 1 })).rejects.toBeInstanceOf(ConflictError);
    const { Lifeboat } = await import('@lifeboat/sdk');
    const stranger = new Lifeboat({ baseUrl: t.server.url, apiKey: 'lbk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', retry: false });
    await expect(stranger.projects.list()).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After past the per-key, per-endpoint rate', async () => {
    const limited = await startTestServer({ rateLimitPerSecond: 5 });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 12 }, () => fetch(`${limited.server.url}/v2/regions`, { headers: { authorization: `Bearer ${limited.server.ownerApiKey}` } })),
      );
      const tooMany = statuses.filter((r) => r.status === 429);
      expect(tooMany.length).toBeGreaterThan(0);
      expect(Number(tooMany[0]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await tooMany[0]?.json()).toMatchObject({ code: 97004 });
      // Another endpoint has its own budget.
      expect((await fetch(`${limited.server.url}/v2/projects`, { headers: { authorization: `Bearer ${limited.server.ownerApiKey}` } })).status).toBe(200);
      const noRetry = new (await import('@lifeboat/sdk')).Lifeboat({ baseUrl: limited.server.url, apiKey: limited.server.ownerApiKey, retry: false });
      const errors = await Promise.allSettled(Array.from({ length: 12 }, () => noRetry.regions.list()));
      expect(errors.some((r) => r.status === 'rejected' && r.reason instanceof RateLimitError)).toBe(true);
    } finally {
      await limited.stop();
    }
  });
});

describe('setting a backup policy', () => {
  it('answers with the policy as stored, so clients need not read it back', async () => {
    const { clusterId } = await t.client.clusters.create({ projectId: t.server.defaultProjectId, regionId: 'local-1', clusterName: 'policy-echo', cuSize: 1 });
    const set = await t.client.policies.set({ clusterId, enabled: true, frequency: '1,3,5', startTime: '02:00-03:00', retentionDays: 9, crossRegionCopies: [{ regionId: 'local-2', retentionDays: 4 }] });
    expect(set.policy).toEqual(await t.client.policies.get(clusterId));
    expect(set.policy).toMatchObject({ status: 'ENABLED', frequency: '1,3,5', retentionDays: 9, crossRegionCopies: [{ regionId: 'local-2', retentionDays: 4 }] });
    const disabled = await t.client.policies.disable(clusterId);
    expect(disabled.policy).toMatchObject({ status: 'DISABLED', retentionDays: 9 });
  });
});
