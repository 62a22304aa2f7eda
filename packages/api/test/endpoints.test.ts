import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { controlPlaneEndpoints, dataPlaneEndpoints, endpoints, expandPath } from '../src/index.js';
import type { EndpointDefinition } from '../src/index.js';

const all = Object.entries(endpoints) as [string, EndpointDefinition][];
const control = Object.values(controlPlaneEndpoints) as EndpointDefinition[];
const data = Object.values(dataPlaneEndpoints) as EndpointDefinition[];

/** Every control-plane operation in API.md, as `METHOD path` (`…` expanded to the backup path). */
const controlPlaneInApiMd = [
  'GET /v2/projects',
  'GET /v2/regions',
  'GET /v2/clusters',
  'GET /v2/clusters/{clusterId}',
  'POST /v2/clusters/createDedicated',
  'DELETE /v2/clusters/{clusterId}/drop',
  'POST /v2/clusters/{clusterId}/backups/create',
  'GET /v2/backups',
  'GET /v2/clusters/{clusterId}/backups/{backupId}',
  'DELETE /v2/clusters/{clusterId}/backups/{backupId}',
  'POST /v2/clusters/{clusterId}/backups/{backupId}/restoreCluster',
  'POST /v2/clusters/{clusterId}/backups/{backupId}/restoreCollection',
  'POST /v2/clusters/{clusterId}/backups/{backupId}/export',
  'POST /v2/clusters/{clusterId}/backups/{backupId}/copy',
  'POST /v2/clusters/{clusterId}/backups/{backupId}/verify',
  'POST /v2/clusters/{clusterId}/backups/{backupId}/rename',
  'GET /v2/clusters/{clusterId}/backups/policy',
  'POST /v2/clusters/{clusterId}/backups/policy',
  'GET /v2/clusters/{clusterId}/backups/copyPolicies',
  'PUT /v2/clusters/{clusterId}/backups/copyPolicies/{regionId}',
  'DELETE /v2/clusters/{clusterId}/backups/copyPolicies/{regionId}',
  'GET /v2/backups/policies',
  'GET /v2/jobs/{jobId}',
  'GET /v2/jobs',
  'POST /v2/jobs/{jobId}/cancel',
  'POST /v2/apiKeys',
  'GET /v2/apiKeys',
  'DELETE /v2/apiKeys/{apiKeyId}',
  // Not listed: /healthz, /readyz, /metrics and /v2/openapi.json are served outside the
  // enveloped JSON API, so they have no entry in the endpoint table.
];

/**
 * Extensions beyond API.md: batch writes, so that declaring the policies of many clusters costs
 * a call per 100 of them rather than one each (the rate limit is per endpoint and key).
 */
const controlPlaneBeyondApiMd = ['POST /v2/backups/policies', 'PUT /v2/backups/copyPolicies'];

/** Data-plane paths in API.md, relative to a cluster's connect address; all are POSTs. */
const dataPlaneInApiMd = [
  ...['list', 'create', 'drop'].map((op) => `/v2/vectordb/databases/${op}`),
  ...['create', 'list', 'describe', 'drop', 'load', 'release'].map((op) => `/v2/vectordb/collections/${op}`),
  ...['create', 'list'].map((op) => `/v2/vectordb/partitions/${op}`),
  ...['insert', 'query'].map((op) => `/v2/vectordb/entities/${op}`),
].map((path) => `POST ${path}`);

const placeholders = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const paramKeys = (endpoint: EndpointDefinition) => {
  if (endpoint.params === undefined) return [];
  expect(endpoint.params, endpoint.operationId).toBeInstanceOf(z.ZodObject);
  return Object.keys((endpoint.params as z.ZodObject).shape).sort();
};

describe('endpoint table', () => {
  it('gives every endpoint a unique operationId matching its key', () => {
    const ids = all.map(([, endpoint]) => endpoint.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [key, endpoint] of all) expect(endpoint.operationId).toBe(key);
  });

  it('never maps two endpoints of a plane to the same method and path', () => {
    for (const plane of [control, data]) {
      const routes = plane.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
      expect(new Set(routes).size).toBe(routes.length);
    }
  });

  it('declares exactly the path parameters its path uses', () => {
    for (const [, endpoint] of all) {
      expect(paramKeys(endpoint), endpoint.operationId).toEqual(placeholders(endpoint.path));
    }
  });

  it('keeps data-plane paths free of parameters', () => {
    for (const endpoint of data) {
      expect(endpoint.params, endpoint.operationId).toBeUndefined();
      expect(placeholders(endpoint.path), endpoint.operationId).toEqual([]);
    }
  });

  it('files each endpoint under the plane of the map that holds it', () => {
    for (const endpoint of control) expect(endpoint.plane, endpoint.operationId).toBe('control');
    for (const endpoint of data) expect(endpoint.plane, endpoint.operationId).toBe('data');
  });

  it('gives every POST and PUT endpoint a body schema', () => {
    for (const [, endpoint] of all) {
      if (endpoint.method === 'POST' || endpoint.method === 'PUT') {
        expect(endpoint.body, endpoint.operationId).toBeDefined();
      }
    }
  });

  it('returns a jobId from every endpoint that starts a job', () => {
    const jobStarters = all.filter(([, endpoint]) => endpoint.startsJob === true);
    expect(jobStarters.map(([name]) => name)).toContain('createBackup');
    for (const [, endpoint] of jobStarters) {
      expect(endpoint.response, endpoint.operationId).toBeInstanceOf(z.ZodObject);
      expect(Object.keys((endpoint.response as z.ZodObject).shape), endpoint.operationId).toContain('jobId');
    }
  });

  it('puts every path under /v2', () => {
    for (const [, endpoint] of all) expect(endpoint.path, endpoint.operationId).toMatch(/^\/v2\//);
  });

  it('covers every control-plane operation in API.md, and beyond it only the batch writes', () => {
    const table = control.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(new Set(table)).toEqual(new Set([...controlPlaneInApiMd, ...controlPlaneBeyondApiMd]));
    for (const extension of controlPlaneBeyondApiMd) expect(control.find((e) => `${e.method} ${e.path}` === extension)?.origin).toBe('X');
  });

  it('covers every data-plane operation in API.md, and no other', () => {
    const table = data.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(new Set(table)).toEqual(new Set(dataPlaneInApiMd));
  });
});

describe('expandPath', () => {
  it('fills every placeholder', () => {
    const path = expandPath(controlPlaneEndpoints.describeBackup.path, {
      clusterId: 'in01-3e5ad8adc38f0a1b',
      backupId: 'backup0_c7b18539b97a1d2e',
    });
    expect(path).toBe('/v2/clusters/in01-3e5ad8adc38f0a1b/backups/backup0_c7b18539b97a1d2e');
  });

  it('URI-encodes values so they cannot leave their segment', () => {
    expect(expandPath('/v2/jobs/{jobId}', { jobId: '../a b?c#d' })).toBe('/v2/jobs/..%2Fa%20b%3Fc%23d');
  });

  it('throws a TypeError naming a missing parameter', () => {
    expect(() => expandPath('/v2/clusters/{clusterId}/backups/{backupId}', { clusterId: 'in01-1' })).toThrow(
      new TypeError('missing path parameter "backupId" for /v2/clusters/{clusterId}/backups/{backupId}'),
    );
    expect(() => expandPath('/v2/jobs/{jobId}', undefined)).toThrow(TypeError);
  });

  it('leaves a path without placeholders unchanged', () => {
    expect(expandPath('/v2/backups', undefined)).toBe('/v2/backups');
  });
});
