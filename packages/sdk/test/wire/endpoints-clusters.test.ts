import { describe, expect, it } from 'vitest';
import type { CreateApiKeyRequest } from '../../src/index.js';
import { apiKeyListing, cluster, project, region } from './fixtures.js';
import { clusterId, expectServer, interceptHttp, makeClient, ok, projectId } from './helpers.js';

interceptHttp();
const client = makeClient();

describe('projects and regions', () => {
  it('projects.list sends GET /v2/projects and returns the projects', async () => {
    const scope = expectServer.bodiless().get('/v2/projects').reply(200, ok([project]));

    await expect(client.projects.list()).resolves.toEqual([project]);
    expect(scope.isDone()).toBe(true);
  });

  it('regions.list sends GET /v2/regions and returns the regions', async () => {
    const second = { regionId: 'local-2', cloudProvider: 'local', description: 'Disaster-recovery region' };
    const scope = expectServer.bodiless().get('/v2/regions').reply(200, ok([region, second]));

    await expect(client.regions.list()).resolves.toEqual([region, second]);
    expect(scope.isDone()).toBe(true);
  });
});

describe('clusters', () => {
  it('clusters.list sends GET /v2/clusters with the project filter and paging', async () => {
    const scope = expectServer
      .bodiless()
      .get('/v2/clusters')
      .query({ projectId, pageSize: '100', currentPage: '1' })
      .reply(200, ok({ count: 1, currentPage: 1, pageSize: 100, clusters: [cluster] }));

    await expect(client.clusters.list({ projectId }).toArray()).resolves.toEqual([cluster]);
    expect(scope.isDone()).toBe(true);
  });

  it('clusters.get sends GET /v2/clusters/{clusterId} and returns the cluster', async () => {
    const scope = expectServer.bodiless().get(`/v2/clusters/${clusterId}`).reply(200, ok(cluster));

    await expect(client.clusters.get(clusterId)).resolves.toEqual(cluster);
    expect(scope.isDone()).toBe(true);
  });

  it('clusters.create POSTs exactly the request to /v2/clusters/createDedicated', async () => {
    const request = { projectId, regionId: 'local-1', clusterName: 'Dedicated-02', cuType: 'Performance-optimized', cuSize: 2 };
    const created = { clusterId: 'in01-fedcba9876543210', username: 'db_admin', password: 'Pw-3f9a0c1e', prompt: 'Cluster is being created.' };
    const scope = expectServer.post().post('/v2/clusters/createDedicated', request).reply(200, ok(created));

    await expect(client.clusters.create(request)).resolves.toEqual(created);
    expect(scope.isDone()).toBe(true);
  });

  it('clusters.drop sends DELETE /v2/clusters/{clusterId}/drop', async () => {
    const dropped = { clusterId, prompt: 'The cluster is being dropped. Its MANUAL backups are kept.' };
    const scope = expectServer.bodiless().delete(`/v2/clusters/${clusterId}/drop`).reply(200, ok(dropped));

    await expect(client.clusters.drop(clusterId)).resolves.toEqual(dropped);
    expect(scope.isDone()).toBe(true);
  });
});

describe('API keys', () => {
  it('apiKeys.create POSTs exactly the request to /v2/apiKeys and returns the secret once', async () => {
    const request: CreateApiKeyRequest = { name: 'ci-backups', role: 'CUSTOM', projectIds: [projectId], privileges: ['backup:create', 'job:cancel'] };
    const created = { apiKeyId: 'key-7d3e2f1a', apiKey: 'lb_5c2b0e9d8f7a6b1c' };
    const scope = expectServer.post().post('/v2/apiKeys', request).reply(200, ok(created));

    await expect(client.apiKeys.create(request)).resolves.toEqual(created);
    expect(scope.isDone()).toBe(true);
  });

  it('apiKeys.list sends GET /v2/apiKeys and returns the keys', async () => {
    const scope = expectServer.bodiless().get('/v2/apiKeys').reply(200, ok({ apiKeys: [apiKeyListing] }));

    await expect(client.apiKeys.list()).resolves.toEqual([apiKeyListing]);
    expect(scope.isDone()).toBe(true);
  });

  it('apiKeys.delete sends DELETE /v2/apiKeys/{apiKeyId}', async () => {
    const scope = expectServer.bodiless().delete('/v2/apiKeys/key-7d3e2f1a').reply(200, ok({ apiKeyId: 'key-7d3e2f1a' }));

    await expect(client.apiKeys.delete('key-7d3e2f1a')).resolves.toEqual({ apiKeyId: 'key-7d3e2f1a' });
    expect(scope.isDone()).toBe(true);
  });
});
