import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { endpoints, errorCatalog, expandPath, privileges, type EndpointName, type ErrorName, type Privilege, type Role } from '@lifeboat/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCluster } from '../support/clusters.js';
import { count } from '../support/figures.js';
import { startTestServer, type TestServer } from '../../packages/server/test/harness.js';
import { capturingLogger, checkSecrets } from './secrets.js';

/**
 * Who may call what: every endpoint of the API against every kind of key. The table below says
 * what each endpoint needs; the expectations come from the roles as API.md states them, not from
 * the server's own access code, so a change to either shows up here. Then, what the keys leave
 * behind: nothing in logs, answers, errors or files (see secrets.ts).
 */

type Action = Privilege | 'read' | 'keys:manage';

/** The parts of a raw HTTP request; method and path come from the endpoint definition. */
interface RequestParts {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

interface AccessRow {
  readonly endpoint: EndpointName;
  /** What the call needs besides a valid key. */
  readonly needs: Action;
  /**
   * `project`: acts on a resource of the own project, so a key of another project is refused.
   * `filtered`: a list that shows each key only its projects' items. `none`: no project at all.
   */
  readonly scope: 'project' | 'filtered' | 'none';
  /** Business refusals raised only after the access checks, so they still mean "allowed". */
  readonly alsoAllowed?: readonly ErrorName[];
  /** A valid request against the seeded resources (or throwaway ones it makes first). */
  readonly request: (fx: Fixture) => RequestParts | Promise<RequestParts>;
}

/** What beforeAll seeds in the own project, and makers of throwaway resources. */
interface Fixture {
  readonly ownProjectId: string;
  readonly clusterId: string;
  /** An AVAILABLE CLUSTER backup of `clusterId`. */
  readonly backupId: string;
  /** The (finished) job that made `backupId`. */
  readonly jobId: string;
  readonly exportIntegration: string;
  unique(prefix: string): string;
  freshCluster(): Promise<string>;
  freshAvailableBackup(): Promise<{ clusterId: string; backupId: string }>;
  freshApiKeyId(): Promise<string>;
  freshDatabase(): Promise<string>;
  freshCollection(): Promise<string>;
  ensureCopyPolicy(regionId: string): Promise<void>;
}

const vectorField = { fieldName: 'vector', dataType: 'FloatVector', elementTypeParams: { dim: 4 } } as const;
const idField = { fieldName: 'id', dataType: 'Int64', isPrimary: true } as const;

const table: readonly AccessRow[] = [
  // Projects and regions
  { endpoint: 'listProjects', needs: 'read', scope: 'filtered', request: () => ({}) },
  { endpoint: 'listRegions', needs: 'read', scope: 'none', request: () => ({}) },

  // Clusters
  { endpoint: 'listClusters', needs: 'read', scope: 'filtered', request: () => ({}) },
  { endpoint: 'describeCluster', needs: 'read', scope: 'project', request: (fx) => ({ params: { clusterId: fx.clusterId } }) },
  {
    endpoint: 'createCluster',
    needs: 'cluster:write',
    scope: 'project',
    request: (fx) => ({ body: { projectId: fx.ownProjectId, regionId: 'local-1', clusterName: fx.unique('created'), cuSize: 1 } }),
  },
  { endpoint: 'dropCluster', needs: 'cluster:write', scope: 'project', request: async (fx) => ({ params: { clusterId: await fx.freshCluster() } }) },

  // Backups
  { endpoint: 'createBackup', needs: 'backup:create', scope: 'project', request: async (fx) => ({ params: { clusterId: await fx.freshCluster() }, body: { backupType: 'CLUSTER' } }) },
  { endpoint: 'listBackups', needs: 'read', scope: 'filtered', request: () => ({}) },
  { endpoint: 'describeBackup', needs: 'read', scope: 'project', request: (fx) => ({ params: { clusterId: fx.clusterId, backupId: fx.backupId } }) },
  { endpoint: 'deleteBackup', needs: 'backup:delete', scope: 'project', request: async (fx) => ({ params: await fx.freshAvailableBackup() }) },
  { endpoint: 'renameBackup', needs: 'backup:create', scope: 'project', request: (fx) => ({ params: { clusterId: fx.clusterId, backupId: fx.backupId }, body: { backupName: fx.unique('renamed') } }) },
  { endpoint: 'copyBackup', needs: 'backup:create', scope: 'project', request: async (fx) => ({ params: await fx.freshAvailableBackup(), body: { regionId: 'local-2' } }) },
  // Verifying only reads the backup, so read access is enough.
  { endpoint: 'verifyBackup', needs: 'read', scope: 'project', request: (fx) => ({ params: { clusterId: fx.clusterId, backupId: fx.backupId }, body: {} }) },
  {
    endpoint: 'exportBackup',
    needs: 'backup:create',
    scope: 'project',
    request: (fx) => ({ params: { clusterId: fx.clusterId, backupId: fx.backupId }, body: { integrationId: fx.exportIntegration, directory: fx.unique('export') } }),
  },
  {
    endpoint: 'restoreCluster',
    needs: 'backup:restore',
    scope: 'project',
    request: (fx) => ({ params: { clusterId: fx.clusterId, backupId: fx.backupId }, body: { projectId: fx.ownProjectId, clusterName: fx.unique('restored'), cuSize: 1 } }),
  },
  {
    endpoint: 'restoreCollection',
    needs: 'backup:restore',
    scope: 'project',
    request: async (fx) => ({ params: { clusterId: fx.clusterId, backupId: fx.backupId }, body: { destClusterId: await fx.freshCluster() } }),
  },

  // Policies
  { endpoint: 'getBackupPolicy', needs: 'read', scope: 'project', request: (fx) => ({ params: { clusterId: fx.clusterId } }) },
  { endpoint: 'setBackupPolicy', needs: 'policy:write', scope: 'project', request: (fx) => ({ params: { clusterId: fx.clusterId }, body: { enabled: false } }) },
  { endpoint: 'listBackupPolicies', needs: 'read', scope: 'project', request: (fx) => ({ query: { clusterIds: fx.clusterId } }) },
  { endpoint: 'setBackupPolicies', needs: 'policy:write', scope: 'project', request: (fx) => ({ body: { policies: [{ clusterId: fx.clusterId, enabled: false }] } }) },
  { endpoint: 'listCopyPolicies', needs: 'read', scope: 'project', request: (fx) => ({ params: { clusterId: fx.clusterId } }) },
  {
    endpoint: 'putCopyPolicy',
    needs: 'policy:write',
    scope: 'project',
    request: (fx) => ({ params: { clusterId: fx.clusterId, regionId: 'local-3' }, body: { retentionDays: 7, appliesTo: 'AUTO' } }),
  },
  {
    endpoint: 'putCopyPolicies',
    needs: 'policy:write',
    scope: 'project',
    request: (fx) => ({ body: { copyPolicies: [{ clusterId: fx.clusterId, regionId: 'local-3', retentionDays: 7, appliesTo: 'AUTO' }] } }),
  },
  {
    endpoint: 'deleteCopyPolicy',
    needs: 'policy:write',
    scope: 'project',
    request: async (fx) => (await fx.ensureCopyPolicy('local-3'), { params: { clusterId: fx.clusterId, regionId: 'local-3' } }),
  },

  // Jobs
  { endpoint: 'describeJob', needs: 'read', scope: 'project', request: (fx) => ({ params: { jobId: fx.jobId } }) },
  { endpoint: 'listJobs', needs: 'read', scope: 'filtered', request: () => ({}) },
  // The seeded job has ended; cancelJob says so only after the access checks.
  { endpoint: 'cancelJob', needs: 'job:cancel', scope: 'project', alsoAllowed: ['JOB_NOT_CANCELABLE'], request: (fx) => ({ params: { jobId: fx.jobId }, body: {} }) },

  // API keys
  { endpoint: 'createApiKey', needs: 'keys:manage', scope: 'none', request: (fx) => ({ body: { name: fx.unique('key'), role: 'PROJECT_READ', projectIds: [fx.ownProjectId] } }) },
  { endpoint: 'listApiKeys', needs: 'keys:manage', scope: 'none', request: () => ({}) },
  { endpoint: 'deleteApiKey', needs: 'keys:manage', scope: 'none', request: async (fx) => ({ params: { apiKeyId: await fx.freshApiKeyId() } }) },

  // Data plane of the seeded cluster
  { endpoint: 'listDatabases', needs: 'data:read', scope: 'project', request: (fx) => ({ params: { clusterId: fx.clusterId }, body: {} }) },
  { endpoint: 'createDatabase', needs: 'data:write', scope: 'project', request: (fx) => ({ params: { clusterId: fx.clusterId }, body: { dbName: fx.unique('db') } }) },
  { endpoint: 'dropDatabase', needs: 'data:write', scope: 'project', request: async (fx) => ({ params: { clusterId: fx.clusterId }, body: { dbName: await fx.freshDatabase() } }) },
  {
    endpoint: 'createCollection',
    needs: 'data:write',
    scope: 'project',
    request: (fx) => ({ params: { clusterId: fx.clusterId }, body: { collectionName: fx.unique('coll'), schema: { fields: [idField, vectorField] } } }),
  },
  { endpoint: 'listCollections', needs: 'data:read', scope: 'project', request: (fx) => ({ params: { clusterId: fx.clusterId }, body: {} }) },
  { endpoint: 'describeCollection', needs: 'data:read', scope: 'project', request: (fx) => ({ params: { clusterId: fx.clusterId }, body: { collectionName: 'articles' } }) },
  { endpoint: 'dropCollection', needs: 'data:write', scope: 'project', request: async (fx) => ({ params: { clusterId: fx.clusterId }, body: { collectionName: await fx.freshCollection() } }) },
  { endpoint: 'loadCollection', needs: 'data:write', scope: 'project', request: (fx) => ({ params: { clusterId: fx.clusterId }, body: { collectionName: 'toggled' } }) },
  { endpoint: 'releaseCollection', needs: 'data:write', scope: 'project', request: (fx) => ({ params: { clusterId: fx.clusterId }, body: { collectionName: 'toggled' } }) },
  {
    endpoint: 'createPartition',
    needs: 'data:write',
    scope: 'project',
    request: (fx) => ({ params: { clusterId: fx.clusterId }, body: { collectionName: 'articles', partitionName: fx.unique('part') } }),
  },
  { endpoint: 'listPartitions', needs: 'data:read', scope: 'project', request: (fx) => ({ params: { clusterId: fx.clusterId }, body: { collectionName: 'articles' } }) },
  {
    endpoint: 'insertEntities',
    needs: 'data:write',
    scope: 'project',
    request: (fx) => ({
      params: { clusterId: fx.clusterId },
      body: { collectionName: 'articles', data: [{ id: 1_000_000 + Number(fx.unique('')), title: 'inserted', vector: [1, 2, 3, 4] }] },
    }),
  },
  { endpoint: 'queryEntities', needs: 'data:read', scope: 'project', request: (fx) => ({ params: { clusterId: fx.clusterId }, body: { collectionName: 'articles', filter: 'id in [1, 2]' } }) },
];

// Callers: every role of the project, CUSTOM once per privilege, every role of another project
// (CUSTOM there with every privilege), and no key.
interface Caller {
  readonly label: string;
  readonly role: Role | null;
  readonly project: 'own' | 'other' | 'all';
  readonly privileges: readonly Privilege[];
}

const callers: readonly Caller[] = [
  { label: 'ORG_OWNER', role: 'ORG_OWNER', project: 'all', privileges: [] },
  { label: 'PROJECT_ADMIN of the project', role: 'PROJECT_ADMIN', project: 'own', privileges: [] },
  { label: 'PROJECT_READ of the project', role: 'PROJECT_READ', project: 'own', privileges: [] },
  ...privileges.map((privilege): Caller => ({ label: `CUSTOM [${privilege}] of the project`, role: 'CUSTOM', project: 'own', privileges: [privilege] })),
  { label: 'PROJECT_ADMIN of another project', role: 'PROJECT_ADMIN', project: 'other', privileges: [] },
  { label: 'PROJECT_READ of another project', role: 'PROJECT_READ', project: 'other', privileges: [] },
  { label: 'CUSTOM [every privilege] of another project', role: 'CUSTOM', project: 'other', privileges },
  { label: 'no key', role: null, project: 'all', privileges: [] },
];

/** What API.md grants each role, whatever the project. */
function roleGrants(caller: Caller, action: Action): boolean {
  switch (caller.role) {
    case 'ORG_OWNER':
      return true;
    case 'PROJECT_ADMIN':
      return action !== 'keys:manage';
    case 'PROJECT_READ':
      return action === 'read' || action === 'data:read';
    case 'CUSTOM':
      return action === 'read' || (caller.privileges as readonly string[]).includes(action);
    case null:
      return false;
  }
}

type Outcome = { readonly allowed: true } | { readonly allowed: false; readonly status: 401 | 403; readonly codes: readonly number[]; readonly why: string };

const code = (name: ErrorName): number => errorCatalog[name].code;
const outOfProjectCodes = [code('PROJECT_ORG_MISMATCH'), code('CLUSTER_ORG_MISMATCH')];
const roleCodes = [code('PROJECT_ROLE_REQUIRED'), code('CLUSTER_ROLE_REQUIRED'), code('KEY_SCOPE_DENIED'), code('PERMISSION_DENIED')];

function expected(caller: Caller, row: AccessRow): Outcome {
  if (caller.role === null) return { allowed: false, status: 401, codes: [code('UNAUTHENTICATED')], why: 'no key' };
  if (row.scope === 'project' && caller.project === 'other') return { allowed: false, status: 403, codes: outOfProjectCodes, why: 'other project' };
  if (!roleGrants(caller, row.needs)) return { allowed: false, status: 403, codes: roleCodes, why: `role lacks ${row.needs}` };
  return { allowed: true };
}

let t: TestServer;
let exportDir: string;
let fx: Fixture;
/** Everything the server logged, at every level. */
const log = capturingLogger();
/** Every answer's body, to look for keys in. */
const answerBodies: string[] = [];
const rows: Record<string, number> = {};
let otherProjectId: string;
let otherClusterId: string;
const apiKeys = new Map<string, string>();

beforeAll(async () => {
  exportDir = await mkdtemp(join(tmpdir(), 'lifeboat-access-export-'));
  t = await startTestServer({ rateLimitPerSecond: 100_000, projects: ['Team B'], integrations: { exports: exportDir }, logger: log.logger });
  const { client } = t;
  const ownProjectId = t.server.defaultProjectId;
  const other = (await client.projects.list()).find((project) => project.projectName === 'Team B');
  if (other === undefined) throw new Error('the server did not create the "Team B" project');
  otherProjectId = other.projectId;

  for (const caller of callers) {
    if (caller.role === null) continue;
    const projectIds = caller.project === 'all' ? undefined : [caller.project === 'own' ? ownProjectId : otherProjectId];
    const { apiKey } = await client.apiKeys.create({
      name: caller.label,
      role: caller.role,
      ...(projectIds ? { projectIds } : {}),
      ...(caller.privileges.length > 0 ? { privileges: [...caller.privileges] } : {}),
    });
    apiKeys.set(caller.label, apiKey);
  }

  const clusterId = await seedCluster(client, ownProjectId, { name: 'guarded', rows: 20 });
  const data = client.dataPlane(clusterId);
  await data.collections.load({ collectionName: 'articles' });
  await data.collections.create({ collectionName: 'toggled', schema: { fields: [idField, vectorField] } });
  const backup = await client.backups.create({ clusterId, backupType: 'CLUSTER' });
  await backup.job.wait({ pollIntervalMs: 10 });
  await client.copyPolicies.put({ clusterId, regionId: 'local-2', retentionDays: 7, appliesTo: 'AUTO' });

  // The other project holds something of its own, so its lists are not empty by accident.
  otherClusterId = await seedCluster(client, otherProjectId, { name: 'team-b', rows: 5 });
  await (await client.backups.create({ clusterId: otherClusterId, backupType: 'CLUSTER' })).job.wait({ pollIntervalMs: 10 });

  let counter = 0;
  fx = {
    ownProjectId,
    clusterId,
    backupId: backup.backupId,
    jobId: backup.jobId,
    exportIntegration: 'exports',
    unique: (prefix) => `${prefix}${++counter}`,
    freshCluster: async () => (await client.clusters.create({ projectId: ownProjectId, regionId: 'local-1', clusterName: fx.unique('fresh'), cuSize: 1 })).clusterId,
    freshAvailableBackup: async () => {
      const freshClusterId = await fx.freshCluster();
      const made = await client.backups.create({ clusterId: freshClusterId, backupType: 'CLUSTER' });
      await made.job.wait({ pollIntervalMs: 10 });
      return { clusterId: freshClusterId, backupId: made.backupId };
    },
    freshApiKeyId: async () => (await client.apiKeys.create({ name: fx.unique('doomed'), role: 'PROJECT_READ', projectIds: [ownProjectId] })).apiKeyId,
    freshDatabase: async () => {
      const dbName = fx.unique('doomed_db');
      await data.databases.create({ dbName });
      return dbName;
    },
    freshCollection: async () => {
      const collectionName = fx.unique('doomed_coll');
      await data.collections.create({ collectionName, schema: { fields: [idField, vectorField] } });
      return collectionName;
    },
    ensureCopyPolicy: async (regionId) => void (await client.copyPolicies.put({ clusterId, regionId, retentionDays: 3, appliesTo: 'AUTO' })),
  };
}, 60_000);

afterAll(async () => {
  await t.server.idle().catch(() => undefined);
  await t.stop();
  await rm(exportDir, { recursive: true, force: true });
});

async function send(caller: Caller, name: EndpointName, parts: RequestParts): Promise<{ status: number; body: { code?: unknown; message?: unknown } }> {
  const endpoint = endpoints[name];
  const params = parts.params ?? {};
  const prefix = endpoint.plane === 'data' ? `/clusters/${encodeURIComponent(params.clusterId ?? '')}` : '';
  const query = parts.query ? `?${new URLSearchParams(parts.query).toString()}` : '';
  const apiKey = apiKeys.get(caller.label);
  const hasBody = endpoint.method === 'POST' || endpoint.method === 'PUT';
  const response = await fetch(`${t.server.url}${prefix}${expandPath(endpoint.path, params)}${query}`, {
    method: endpoint.method,
    headers: { ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    ...(hasBody ? { body: JSON.stringify(parts.body ?? {}) } : {}),
  });
  const text = await response.text();
  answerBodies.push(text);
  return { status: response.status, body: JSON.parse(text) as { code?: unknown; message?: unknown } };
}

describe('the access table', () => {
  it('has exactly one row for every endpoint of the API', () => {
    const rows = table.map((row) => row.endpoint);
    expect(Object.keys(endpoints).filter((name) => !rows.includes(name as EndpointName))).toEqual([]);
    expect(rows.filter((name, i) => rows.indexOf(name) !== i)).toEqual([]);
  });
});

describe.each(callers)('a caller with $label', (caller) => {
  it.each(table.map((row) => [`${row.endpoint} (${row.needs}) is ${describeOutcome(expected(caller, row))}`, row] as const))('%s', async (_title, row) => {
    const outcome = expected(caller, row);
    const { status, body } = await send(caller, row.endpoint, await row.request(fx));
    count(rows, outcome.allowed ? 'allowed' : `denied (${outcome.why.startsWith('role lacks') ? 'role' : outcome.why})`);
    if (outcome.allowed) {
      const accepted: number[] = (row.alsoAllowed ?? []).map((name) => errorCatalog[name].code);
      expect(status === 200 || accepted.includes(body.code as number), `${row.endpoint} answered ${status} ${JSON.stringify(body)}`).toBe(true);
    } else {
      expect({ status, code: body.code }, `${row.endpoint} answered ${status} ${JSON.stringify(body)}`).toEqual({ status: outcome.status, code: expect.toBeOneOf([...outcome.codes]) });
      expect(body.message).toEqual(expect.any(String));
    }
  });
});

function describeOutcome(outcome: Outcome): string {
  return outcome.allowed ? 'allowed' : `denied (${outcome.why})`;
}

describe('lists seen by a key of another project', () => {
  const otherAdmin = callers.find((caller) => caller.project === 'other') as Caller;

  it('show only that project\'s projects, clusters, backups and jobs', async () => {
    const projects = await send(otherAdmin, 'listProjects', {});
    expect((projects.body as { data: { projectId: string }[] }).data.map((p) => p.projectId)).toEqual([otherProjectId]);

    const clusters = (await send(otherAdmin, 'listClusters', { query: { pageSize: '100' } })).body as { data: { clusters: { clusterId: string; projectId: string }[] } };
    expect(clusters.data.clusters.map((c) => c.clusterId)).toEqual([otherClusterId]);

    const backups = (await send(otherAdmin, 'listBackups', { query: { pageSize: '100' } })).body as { data: { count: number; backups: { projectId: string; clusterId: string }[] } };
    expect(backups.data.count).toBeGreaterThan(0);
    expect(backups.data.backups.every((b) => b.projectId === otherProjectId && b.clusterId === otherClusterId)).toBe(true);

    const jobs = (await send(otherAdmin, 'listJobs', { query: { pageSize: '100' } })).body as { data: { count: number; jobs: { clusterId: string }[] } };
    expect(jobs.data.count).toBeGreaterThan(0);
    expect(jobs.data.jobs.every((job) => job.clusterId === otherClusterId)).toBe(true);
  });

  it('refuses to filter by a project the key does not cover', async () => {
    for (const name of ['listClusters', 'listBackups'] as const) {
      const { status, body } = await send(otherAdmin, name, { query: { projectId: fx.ownProjectId } });
      expect({ status, code: body.code }).toEqual({ status: 403, code: code('PROJECT_ORG_MISMATCH') });
    }
  });

  it('while a key of the project sees the project\'s cluster in the same lists', async () => {
    const reader = callers.find((caller) => caller.role === 'PROJECT_READ') as Caller;
    const clusters = (await send(reader, 'listClusters', { query: { pageSize: '100' } })).body as { data: { clusters: { clusterId: string; projectId: string }[] } };
    expect(clusters.data.clusters.map((c) => c.clusterId)).toContain(fx.clusterId);
    expect(clusters.data.clusters.every((c) => c.projectId === fx.ownProjectId)).toBe(true);
  });
});

describe('what the keys leave behind', () => {
  it('no key in logs, answers, errors or files, and the owner key file readable by its owner only', async () => {
    await t.server.idle(10_000);
    await checkSecrets({
      server: t.server,
      dataDir: t.dataDir,
      keys: [t.server.ownerApiKey, ...apiKeys.values()],
      readerKey: apiKeys.get('PROJECT_READ of the project') ?? '',
      logLines: log.lines,
      answerBodies,
      matrix: { rows, callers: callers.length, endpoints: table.length },
    });
  });
});
