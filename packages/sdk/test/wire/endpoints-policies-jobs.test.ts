import { describe, expect, it } from 'vitest';
import { copyPolicy, job, policy } from './fixtures.js';
import { clusterId, expectServer, interceptHttp, jobId, makeClient, ok } from './helpers.js';

const http = interceptHttp();
const client = makeClient();
const policyPath = `/v2/clusters/${clusterId}/backups/policy`;
const copyPoliciesPath = `/v2/clusters/${clusterId}/backups/copyPolicies`;

describe('backup policies', () => {
  it('policies.get sends GET /v2/clusters/{clusterId}/backups/policy and returns the policy', async () => {
    const scope = expectServer.bodiless().get(policyPath).reply(200, ok(policy));

    await expect(client.policies.get(clusterId)).resolves.toEqual(policy);
    expect(scope.isDone()).toBe(true);
  });

  it('policies.set POSTs the schedule, retention and copies, without the cluster id in the body', async () => {
    const body = {
      enabled: true,
      frequency: '1,2,3,4,5,6,7',
      startTime: '02:00-04:00',
      retentionDays: 7,
      crossRegionCopies: [{ regionId: 'local-2', retentionDays: 14 }],
    };
    const scope = expectServer.post().post(policyPath, body).reply(200, ok({ clusterId, status: 'ENABLED' }));

    await expect(client.policies.set({ clusterId, ...body })).resolves.toEqual({ clusterId, status: 'ENABLED' });
    expect(scope.isDone()).toBe(true);
  });

  it('policies.set sends intervalMinutes for a tight RPO', async () => {
    const body = { enabled: true, intervalMinutes: 15, retentionDays: 3 };
    const scope = expectServer.post().post(policyPath, body).reply(200, ok({ clusterId, status: 'ENABLED' }));

    await expect(client.policies.set({ clusterId, ...body })).resolves.toEqual({ clusterId, status: 'ENABLED' });
    expect(scope.isDone()).toBe(true);
  });

  it('policies.disable POSTs exactly {enabled: false}', async () => {
    const scope = expectServer.post().post(policyPath, { enabled: false }).reply(200, ok({ clusterId, status: 'DISABLED' }));

    await expect(client.policies.disable(clusterId)).resolves.toEqual({ clusterId, status: 'DISABLED' });
    expect(scope.isDone()).toBe(true);
  });

  it('policies.getMany sends one GET /v2/backups/policies with the ids as a comma list', async () => {
    const other = 'in01-00112233445566ff';
    const policies = [policy, { clusterId: other, status: 'DISABLED' }];
    const scope = expectServer
      .bodiless()
      .get('/v2/backups/policies')
      .query({ clusterIds: `${clusterId},${other}` })
      .reply(200, ok({ policies }));

    await expect(client.policies.getMany([clusterId, other])).resolves.toEqual(policies);
    expect(scope.isDone()).toBe(true);
  });

  it('policies.setMany POSTs every cluster\'s policy to /v2/backups/policies in one request, with an idempotency key', async () => {
    const other = 'in01-00112233445566ff';
    const policies = [
      { clusterId, enabled: true, frequency: '1,2,3,4,5,6,7', startTime: '02:00-04:00', retentionDays: 7 },
      { clusterId: other, enabled: false },
    ];
    const results = [{ clusterId, status: 'ENABLED' }, { clusterId: other, status: 'DISABLED' }];
    const scope = expectServer.post().post('/v2/backups/policies', { policies }).reply(200, ok({ results }));

    await expect(client.policies.setMany(policies)).resolves.toEqual(results);
    expect(scope.isDone()).toBe(true);
  });

  it('policies.setMany of no clusters answers an empty list without a request, and refuses 101 before sending', async () => {
    await expect(client.policies.setMany([])).resolves.toEqual([]);
    const tooMany = Array.from({ length: 101 }, (_, n) => ({ clusterId: `in01-${n.toString(16).padStart(16, '0')}`, enabled: false }));
    await expect(client.policies.setMany(tooMany)).rejects.toMatchObject({ name: 'ValidationError', source: 'client' });
    expect(http.unmatched).toEqual([]);
  });

  it('policies.getMany of no clusters answers an empty list without a request', async () => {
    await expect(client.policies.getMany([])).resolves.toEqual([]);
    expect(http.unmatched).toEqual([]);
  });
});

describe('copy policies', () => {
  it('copyPolicies.list sends GET …/backups/copyPolicies and returns the policies', async () => {
    const scope = expectServer.bodiless().get(copyPoliciesPath).reply(200, ok({ copyPolicies: [copyPolicy] }));

    await expect(client.copyPolicies.list(clusterId)).resolves.toEqual([copyPolicy]);
    expect(scope.isDone()).toBe(true);
  });

  it('copyPolicies.put PUTs retention and scope to …/copyPolicies/{regionId}, without an idempotency key', async () => {
    const scope = expectServer
      .put()
      .put(`${copyPoliciesPath}/local-2`, { retentionDays: 14, appliesTo: 'ALL' })
      .reply(200, ok(copyPolicy));

    await expect(client.copyPolicies.put({ clusterId, regionId: 'local-2', retentionDays: 14, appliesTo: 'ALL' })).resolves.toEqual(copyPolicy);
    expect(scope.isDone()).toBe(true);
  });

  it('copyPolicies.putMany PUTs the policies of many clusters to /v2/backups/copyPolicies in one request', async () => {
    const other = 'in01-00112233445566ff';
    const copyPolicies = [
      { clusterId, regionId: 'local-2', retentionDays: 14, appliesTo: 'ALL' as const },
      { clusterId: other, regionId: 'local-3', retentionDays: 7, appliesTo: 'AUTO' as const },
    ];
    const scope = expectServer.put().put('/v2/backups/copyPolicies', { copyPolicies }).reply(200, ok({ copyPolicies }));

    await expect(client.copyPolicies.putMany(copyPolicies)).resolves.toEqual(copyPolicies);
    expect(scope.isDone()).toBe(true);
  });

  it('copyPolicies.delete sends DELETE …/copyPolicies/{regionId}', async () => {
    const scope = expectServer.bodiless().delete(`${copyPoliciesPath}/local-2`).reply(200, ok({ regionId: 'local-2' }));

    await expect(client.copyPolicies.delete({ clusterId, regionId: 'local-2' })).resolves.toEqual({ regionId: 'local-2' });
    expect(scope.isDone()).toBe(true);
  });
});

describe('jobs', () => {
  it('jobs.get sends GET /v2/jobs/{jobId} and returns the job', async () => {
    const running = job('IN_PROGRESS', '42');
    const scope = expectServer.bodiless().get(`/v2/jobs/${jobId}`).reply(200, ok(running));

    await expect(client.jobs.get(jobId)).resolves.toEqual(running);
    expect(scope.isDone()).toBe(true);
  });

  it('jobs.list sends GET /v2/jobs with the cluster, type and status filters', async () => {
    const running = job('IN_PROGRESS', '42');
    const scope = expectServer
      .bodiless()
      .get('/v2/jobs')
      .query({ clusterId, type: 'BACKUP', status: 'IN_PROGRESS', pageSize: '100', currentPage: '1' })
      .reply(200, ok({ count: 1, currentPage: 1, pageSize: 100, jobs: [running] }));

    await expect(client.jobs.list({ clusterId, type: 'BACKUP', status: 'IN_PROGRESS' }).toArray()).resolves.toEqual([running]);
    expect(scope.isDone()).toBe(true);
  });

  it('jobs.cancel POSTs an empty object to /v2/jobs/{jobId}/cancel', async () => {
    const scope = expectServer.post().post(`/v2/jobs/${jobId}/cancel`, {}).reply(200, ok({ jobId, status: 'CANCELING' }));

    await expect(client.jobs.cancel(jobId)).resolves.toEqual({ jobId, status: 'CANCELING' });
    expect(scope.isDone()).toBe(true);
  });
});
