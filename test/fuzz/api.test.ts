import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describeErrorCode, endpoints, type EndpointDefinition, type EndpointName } from '@lifeboat/api';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCluster } from '../support/clusters.js';
import { count, formatCounts, recordReport } from '../support/figures.js';
import { replayHint, suiteSeed, trialCount } from '../support/run-options.js';
import { startTestServer, type TestServer } from '../../packages/server/test/harness.js';
import { deeplyNested, drawFrom, nastyKeys, randomJson, randomNumber, randomString, RawJson, toJsonText, type Draw } from './hostile-json.js';

/**
 * Hostile input against every endpoint, property-based with fast-check: whatever arrives in the
 * body, the query or the path, the server answers with the envelope and a catalogued code whose
 * HTTP status it uses, never a 5xx, logs no error and stays healthy. Names that would reach the
 * file system are refused before anything is created, and oversized bodies are refused.
 */

const seed = suiteSeed('fuzz-api');
const casesPerEndpoint = trialCount({ ci: 25, long: 500 });
const namesTried = trialCount({ ci: 60, long: 1000 });
const startedAt = Date.now();
/** What the server answered, for the figures. */
const answers: Record<string, number> = {};
const codesSeen = new Set<number>();
let requestsSent = 0;

let t: TestServer;
let exportDir: string;
/** What the server logged as errors: any entry means something broke inside, answered or not. */
const serverErrors: string[] = [];
/** Values that let generated requests reach past validation into the handlers. */
let known: { projectId: string; clusterId: string; backupId: string; jobId: string; victimClusterId: string; victimBackupId: string; victimApiKeyId: string };

beforeAll(async () => {
  exportDir = await mkdtemp(join(tmpdir(), 'lifeboat-fuzz-export-'));
  t = await startTestServer({
    rateLimitPerSecond: 100_000,
    integrations: { exports: exportDir },
    logger: { info: () => undefined, warn: () => undefined, error: (entry, message) => void serverErrors.push(`${message ?? ''} ${JSON.stringify(entry).slice(0, 2000)}`) },
  });
  const projectId = t.server.defaultProjectId;
  const clusterId = await seedCluster(t.client, projectId, { name: 'target', rows: 20, partitions: ['eu'] });
  await t.client.dataPlane(clusterId).collections.load({ collectionName: 'articles' });
  const backup = await t.client.backups.create({ clusterId, backupType: 'CLUSTER' });
  await backup.job.wait({ pollIntervalMs: 10 });
  // Destructive endpoints aim at these, so the rest keep a cluster and a backup to work on.
  const victimClusterId = await seedCluster(t.client, projectId, { name: 'victim', rows: 5 });
  const victimBackup = await t.client.backups.create({ clusterId: victimClusterId, backupType: 'CLUSTER' });
  await victimBackup.job.wait({ pollIntervalMs: 10 });
  const { apiKeyId } = await t.client.apiKeys.create({ name: 'victim', role: 'PROJECT_READ', projectIds: [projectId] });
  known = { projectId, clusterId, backupId: backup.backupId, jobId: backup.jobId, victimClusterId, victimBackupId: victimBackup.backupId, victimApiKeyId: apiKeyId };
}, 60_000);

afterAll(async () => {
  await t.server.idle(10_000).catch(() => undefined);
  await t.stop();
  await rm(exportDir, { recursive: true, force: true });
});

interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** Why an answer breaks the contract, or undefined if it keeps it. */
async function contractProblem(response: Response): Promise<string | undefined> {
  const text = await response.text();
  requestsSent += 1;
  count(answers, response.status === 200 ? '200' : `${Math.floor(response.status / 100)}xx`);
  if (response.status >= 500) return `status ${response.status}: ${text.slice(0, 300)}`;
  let body: { code?: unknown; message?: unknown; data?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `status ${response.status} with a body that is not JSON: ${text.slice(0, 300)}`;
  }
  if (response.status === 200) return body.code === 0 && 'data' in body ? undefined : `200 without a success envelope: ${text.slice(0, 300)}`;
  if (typeof body.code !== 'number' || body.code === 0 || typeof body.message !== 'string' || body.message === '') {
    return `status ${response.status} without an error envelope: ${text.slice(0, 300)}`;
  }
  codesSeen.add(body.code);
  const catalogued = describeErrorCode(body.code);
  if (catalogued?.httpStatus !== response.status) return `status ${response.status} with code ${body.code}, catalogued for ${catalogued?.httpStatus ?? 'nothing'}`;
  return undefined;
}

function summary(request: SentRequest): string {
  const body = request.body === undefined ? '' : ` body(${request.body.length} chars)=${request.body.slice(0, 200)}`;
  const path = request.path.length > 300 ? `${request.path.slice(0, 300)}…(${request.path.length} chars)` : request.path;
  return `${request.method} ${path} headers=${JSON.stringify(request.headers)}${body}`;
}

// Schema-guided generation: start from a request the schema would accept, then break it.

interface JsonSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly format?: string;
}

const jsonSchemaOf = (schema: z.ZodType | undefined): JsonSchema | undefined =>
  schema === undefined ? undefined : (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);

/** Good values by field name; destructive endpoints get throwaway targets. */
function knownValue(endpoint: EndpointName, field: string, r: Draw): unknown {
  const destructive = endpoint === 'dropCluster' || endpoint === 'deleteBackup';
  switch (field) {
    case 'projectId':
      return known.projectId;
    case 'clusterId':
      return destructive ? known.victimClusterId : known.clusterId;
    case 'destClusterId':
      return known.clusterId;
    case 'clusterIds':
      return r.chance(0.7) ? known.clusterId : `${known.clusterId},${known.victimClusterId},in01-0000000000000000`;
    case 'backupId':
      return destructive ? known.victimBackupId : known.backupId;
    case 'jobId':
      return known.jobId;
    case 'apiKeyId':
      return known.victimApiKeyId;
    case 'regionId':
      return r.pick(['local-1', 'local-2', 'local-3']);
    case 'dbName':
      return 'default';
    case 'collectionName':
      return endpoint === 'dropCollection' ? `fz${r.int(0, 999)}` : r.pick(['articles', 'articles', 'missing']);
    case 'collectionNames':
      return ['articles'];
    case 'partitionName':
      return r.pick(['_default', 'eu', `fz${r.int(0, 999)}`]);
    case 'partitionNames':
      return [r.pick(['_default', 'eu'])];
    case 'integrationId':
      return 'exports';
    case 'directory':
      return `fz/${r.int(0, 1_000_000)}`;
    case 'clusterName':
    case 'backupName':
    case 'name':
      return `fz${r.int(0, 1_000_000)}`;
    case 'cuSize':
      return 1;
    case 'retentionDays':
      return 7;
    case 'startTime':
      return endpoint === 'setBackupPolicy' ? '02:00-04:00' : undefined;
    case 'frequency':
      return '1,3,5';
    case 'filter':
      return r.pick(['id in [1, 2]', 'title == "article 3"', 'id == 4 and title == "article 4"']);
    case 'outputFields':
      return ['id', 'title'];
    case 'schema':
      return { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }, { fieldName: 'vector', dataType: 'FloatVector', elementTypeParams: { dim: 4 } }] };
    case 'data':
      return Array.from({ length: r.int(1, 3) }, () => ({ id: r.int(0, 1_000_000), title: `fz ${r.int(0, 99)}`, vector: [r.next(), r.next(), r.next(), r.next()] }));
    default:
      return undefined;
  }
}

function sample(endpoint: EndpointName, schema: JsonSchema, field: string, r: Draw): unknown {
  const good = knownValue(endpoint, field, r);
  if (good !== undefined && r.chance(0.85)) return good;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return r.pick(schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return sample(endpoint, r.pick(branches), field, r);
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) === true || r.chance(0.5)) out[key] = sample(endpoint, property, key, r);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: r.int(Math.max(1, schema.minItems ?? 0), Math.min(3, schema.maxItems ?? 3)) }, () => sample(endpoint, schema.items ?? {}, field, r));
    case 'integer':
    case 'number':
      return r.int(Math.max(schema.minimum ?? 0, -1000), Math.min(schema.maximum ?? 100, 1000));
    case 'boolean':
      return r.chance(0.5);
    case 'string':
      return schema.format === 'date-time' ? new Date(Date.now() - r.int(0, 1e9)).toISOString().replace(/\.\d+Z$/, 'Z') : `fz${r.int(0, 1_000_000)}`;
    default:
      return randomJson(r);
  }
}

/** Own properties even for keys such as `__proto__`. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function hostileValue(r: Draw): unknown {
  switch (r.int(0, 4)) {
    case 0:
      return randomString(r);
    case 1:
      return randomNumber(r);
    case 2:
      return deeplyNested(r);
    default:
      return randomJson(r);
  }
}

/** Breaks a value in one place: replaces, removes or adds something somewhere inside it. */
function mutate(root: unknown, r: Draw): unknown {
  const isContainer = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !(value instanceof RawJson);
  if (!isContainer(root) || r.chance(0.1)) return hostileValue(r);
  let node: Record<string, unknown> = root;
  for (;;) {
    const inner = Object.values(node).filter(isContainer);
    if (inner.length === 0 || r.chance(0.5)) break;
    node = r.pick(inner);
  }
  const keys = Object.keys(node);
  const key = keys.length > 0 ? r.pick(keys) : undefined;
  const roll = r.int(0, 3);
  if (roll === 0 && key !== undefined) {
    if (Array.isArray(node)) node.splice(Number(key), 1);
    else delete node[key];
  } else if (roll === 1 || key === undefined) {
    if (Array.isArray(node)) node.push(hostileValue(r));
    else setOwn(node, r.chance(0.5) ? r.pick(nastyKeys) : randomString(r).slice(0, 64), hostileValue(r));
  } else {
    setOwn(node, key, hostileValue(r));
  }
  return root;
}

const asQueryValue = (value: unknown): string => (typeof value === 'string' ? value : toJsonText(value));

function queryString(endpoint: EndpointName, schema: JsonSchema | undefined, r: Draw): string {
  if (schema === undefined && r.chance(0.8)) return '';
  if (r.chance(0.1)) return r.pick(['?%', '?pageSize=%E0%A4%A', '?a[b][c]=1&a=2', `?${'x=1&'.repeat(3000)}`, '?pageSize=1&pageSize=2', '?=&&=', '?__proto__[x]=1']);
  const params = new URLSearchParams();
  const values = schema === undefined ? {} : (sample(endpoint, schema, '', r) as Record<string, unknown>);
  for (const [key, value] of Object.entries(values)) params.append(key, asQueryValue(value));
  for (let i = r.int(0, 2); i > 0; i--) {
    const keys = Object.keys(schema?.properties ?? {});
    const key = keys.length > 0 && r.chance(0.7) ? r.pick(keys) : r.pick(nastyKeys);
    const value = r.chance(0.3) ? String(r.pick([-0, 0, 101, 1e308, -1, 2 ** 53, 2 ** 63, 1.5])) : asQueryValue(hostileValue(r)).slice(0, 5000);
    if (r.chance(0.5)) params.set(key, value);
    else params.append(key, value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** encodeURIComponent, with lone surrogates (which it refuses) made U+FFFD as a URL would. */
const encodeSegment = (text: string): string => encodeURIComponent(text.replace(/[\ud800-\udfff]/gu, '\ufffd'));

function pathSegment(endpoint: EndpointName, field: string, r: Draw): string {
  const good = knownValue(endpoint, field, r);
  if (typeof good === 'string' && r.chance(0.75)) return encodeSegment(good);
  if (r.chance(0.2)) return r.pick(['%2e%2e', '%2F', '%00', '%ZZ', '%', '..%2F..%2Fetc', '%E0%A4%A', ';', '*', 'x'.repeat(600)]);
  return encodeSegment(randomString(r).slice(0, r.pick([20, 200, 2000])));
}

function generate(name: EndpointName, r: Draw): SentRequest {
  const endpoint: EndpointDefinition = endpoints[name];
  let path = endpoint.path.replace(/\{(\w+)\}/g, (_match, field: string) => pathSegment(name, field, r));
  if (endpoint.plane === 'data') path = `/clusters/${pathSegment(name, 'clusterId', r)}${path}`;
  path += queryString(name, jsonSchemaOf(endpoint.query), r);

  const headers: Record<string, string> = { authorization: `Bearer ${t.server.ownerApiKey}` };
  if (r.chance(0.25)) headers['idempotency-key'] = r.pick(['', 'k', 'x'.repeat(300), `fz-${r.int(0, 1e9)}`]);
  if (r.chance(0.05)) headers['x-request-id'] = r.pick(['', 'x'.repeat(2000), 'a b c']);
  const hasBody = endpoint.method === 'POST' || endpoint.method === 'PUT' || (endpoint.method === 'DELETE' && r.chance(0.2));
  if (!hasBody) return { method: endpoint.method, path, headers };

  headers['content-type'] = r.chance(0.95) ? 'application/json' : r.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data']);
  const bodySchema = jsonSchemaOf(endpoint.body);
  let body: string;
  const roll = r.next();
  if (roll < 0.1) {
    body = r.pick(['', '{', '{"a":', 'not json', '[1,2,', '\u0000', '{"a":1}{"b":2}', 'null', '"text"', '12', '[]', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}']);
  } else if (roll < 0.25 || bodySchema === undefined) {
    body = toJsonText(randomJson(r));
  } else {
    let value = sample(name, bodySchema, '', r);
    for (let i = r.int(r.chance(0.15) ? 0 : 1, 3); i > 0; i--) value = mutate(value, r);
    body = toJsonText(value);
  }
  return { method: endpoint.method, path, headers, body };
}

async function send(request: SentRequest): Promise<Response> {
  return fetch(`${t.server.url}${request.path}`, { method: request.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) });
}

/** One seed per endpoint, so replaying one endpoint does not depend on the others. */
const endpointSeed = (name: string): number => (seed ^ [...name].reduce((hash, char) => Math.imul(hash, 31) + char.charCodeAt(0), 7)) >>> 0;

describe(`fuzzing every endpoint (${replayHint()})`, () => {
  it.each(Object.keys(endpoints) as EndpointName[])('%s answers hostile input with a catalogued 4xx or a success, never a 5xx', async (name) => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const request = generate(name, drawFrom(g));
        let problem: string | undefined;
        try {
          problem = await contractProblem(await send(request));
        } catch (error) {
          problem = `no answer: ${(error as Error).message} ${(error as { cause?: Error }).cause?.message ?? ''}`;
        }
        if (problem !== undefined) throw new Error(`${summary(request)}\n  → ${problem}`);
      }),
      { seed: endpointSeed(name), numRuns: casesPerEndpoint },
    );
  });
});

// Names end up as directory names on the server: whatever a name holds, it is refused before
// anything is created, and nothing named after it appears on disk or in a list.

const marker = 'lbfzmark';
/** Each of these makes a name unfit to be a file name, wherever it appears in the name. */
const unfitPieces = ['/', '\\', '..', '.', '\u0000', ' ', '%2e%2e', 'ü', '日本', '🙂', '\u202e', '\uff0f', '\n', ':', '*', '~'];
const examples = [`${marker}/../../${marker}up`, `../../../${marker}escape`, '..', '.', '/', '', ` ${marker}`];

/** Names no field that becomes a file name may accept: a piece from above, too long, or unicode. */
const unfitName = fc.oneof(
  fc.constantFrom(...examples),
  fc.tuple(fc.constantFrom(...unfitPieces), fc.string({ unit: 'binary', maxLength: 12 })).map(([piece, tail]) => `${marker}${piece}${tail}`),
  fc.tuple(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom(...unfitPieces)).map(([head, piece]) => `${head}${piece}${marker}`),
  fc.integer({ min: 65, max: 20_000 }).map((length) => `${marker}${'x'.repeat(length)}`),
);

/** Export directories (relative paths of plain segments) that must be refused. */
const unfitDirectory = fc.oneof(
  fc.constantFrom(`../${marker}`, `/${marker}`, `${marker}/../../${marker}`, `${marker}//x`, `./${marker}`, `${marker}/./x`, `${marker}/..`, '..', ''),
  fc
    .tuple(fc.constantFrom('/../', '\u0000', '\\', ' ', 'ü', '//', '/./', '\n', '%'), fc.string({ unit: 'binary', maxLength: 12 }))
    .map(([piece, tail]) => `${marker}${piece}${tail}`),
  fc.integer({ min: 256, max: 20_000 }).map((length) => `${marker}/${'x'.repeat(length)}`),
);

async function entryNames(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    names.push(entry.name);
    if (entry.isDirectory()) names.push(...(await entryNames(join(dir, entry.name))));
  }
  return names;
}

describe('names that would reach the file system', () => {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${t.server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.server.ownerApiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    requestsSent += 1;
    return { status: response.status, body: (await response.json()) as { code: number } };
  };
  const schema = { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }, { fieldName: 'vector', dataType: 'FloatVector', elementTypeParams: { dim: 4 } }] };

  it('are refused with 400 in every name field, whatever they hold', async () => {
    await fc.assert(
      fc.asyncProperty(unfitName, async (name) => {
        const data = `/clusters/${known.clusterId}/v2/vectordb`;
        const attempts = [
          ['clusterName', '/v2/clusters/createDedicated', { projectId: known.projectId, regionId: 'local-1', clusterName: name, cuSize: 1 }],
          ['clusterName', `/v2/clusters/${known.clusterId}/backups/${known.backupId}/restoreCluster`, { projectId: known.projectId, clusterName: name, cuSize: 1 }],
          ['dbName', `${data}/databases/create`, { dbName: name }],
          ['dbName', `${data}/collections/create`, { dbName: name, collectionName: 'fine', schema }],
          ['collectionName', `${data}/collections/create`, { collectionName: name, schema }],
          ['partitionName', `${data}/collections/create`, { collectionName: 'fine', schema, partitionNames: [name] }],
          ['partitionName', `${data}/partitions/create`, { collectionName: 'articles', partitionName: name }],
          ['partitionName', `${data}/entities/insert`, { collectionName: 'articles', partitionName: name, data: [{ id: 1, title: 't', vector: [1, 2, 3, 4] }] }],
        ] as const;
        for (const [field, path, body] of attempts) {
          const answer = await post(path, body);
          // clusterName has the hosted code; the other names share Lifeboat's; inside a list the
          // field name is that of the list, which has no code of its own.
          const codes = field === 'clusterName' ? [96010] : Array.isArray((body as { partitionNames?: unknown }).partitionNames) ? [97007, 97001] : [97007];
          expect({ field, path, status: answer.status, code: answer.body.code }).toEqual({ field, path, status: 400, code: expect.toBeOneOf(codes) });
        }
      }),
      { seed, numRuns: namesTried },
    );
  });

  it('are refused with 400 as export directories', async () => {
    await fc.assert(
      fc.asyncProperty(unfitDirectory, async (directory) => {
        const answer = await post(`/v2/clusters/${known.clusterId}/backups/${known.backupId}/export`, { integrationId: 'exports', directory });
        expect({ directory, status: answer.status, catalogued: describeErrorCode(answer.body.code)?.httpStatus }).toEqual({ directory, status: 400, catalogued: 400 });
      }),
      { seed, numRuns: namesTried },
    );
    await t.server.idle(10_000);
    expect((await entryNames(exportDir)).filter((name) => name.includes(marker))).toEqual([]);
    expect((await readdir(dirname(exportDir))).filter((name) => name.includes(marker))).toEqual([]);
  });

  it('leave nothing named after them in lists or on disk', async () => {
    const isHostile = (name: string) => name.includes(marker) || ['..', '.', '/', ''].includes(name);
    const clusters = await t.client.clusters.list({ pageSize: 100 }).toArray();
    expect(clusters.map((c) => c.clusterName).filter(isHostile)).toEqual([]);
    const dataPlane = t.client.dataPlane(known.clusterId);
    expect((await dataPlane.databases.list()).filter(isHostile)).toEqual([]);
    expect((await dataPlane.collections.list()).filter(isHostile)).toEqual([]);
    expect((await dataPlane.partitions.list({ collectionName: 'articles' })).filter(isHostile)).toEqual([]);
    expect((await entryNames(t.dataDir)).filter((name) => name.includes(marker))).toEqual([]);
    // "../" names would land beside the data directory, not in it.
    expect((await readdir(dirname(t.dataDir))).filter((name) => name.includes(marker))).toEqual([]);
  });
});

describe('oversized bodies', () => {
  const post = async (path: string, body: string) => {
    const response = await fetch(`${t.server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.server.ownerApiKey}`, 'content-type': 'application/json' },
      body,
    });
    return { status: response.status, body: (await response.json()) as { code: number } };
  };
  const insertOf = (titleBytes: number) => `{"collectionName":"articles","data":[{"id":424242,"title":"${'x'.repeat(titleBytes)}","vector":[1,2,3,4]}]}`;

  it('a 70 MB body to the data plane gets 413 with code 97003', async () => {
    expect(await post(`/clusters/${known.clusterId}/v2/vectordb/entities/insert`, insertOf(70 * 1024 * 1024))).toMatchObject({ status: 413, body: { code: 97003 } });
  });

  it('a 2 MB body to the control plane gets 413 with code 97003', async () => {
    const body = JSON.stringify({ projectId: known.projectId, regionId: 'local-1', clusterName: 'x'.repeat(2 * 1024 * 1024), cuSize: 1 });
    expect(await post('/v2/clusters/createDedicated', body)).toMatchObject({ status: 413, body: { code: 97003 } });
  });

  it('a 10 MB body still reaches the data plane, which judges the row', async () => {
    // The title is longer than the collection allows, so the row is refused, but not for size.
    expect(await post(`/clusters/${known.clusterId}/v2/vectordb/entities/insert`, insertOf(10 * 1024 * 1024))).toMatchObject({ status: 400, body: { code: 97028 } });
  });
});

describe('shapes the fuzzing found', () => {
  it('refuses a row nested thousands of levels deep sent with an Idempotency-Key with 400, not 500', async () => {
    const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    const response = await fetch(`${t.server.url}/clusters/${known.clusterId}/v2/vectordb/entities/insert`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.server.ownerApiKey}`, 'content-type': 'application/json', 'idempotency-key': 'deep-row' },
      body: `{"collectionName":"articles","data":[{"id":1,"title":"t","vector":[1,2,3,4],"extra":${deep}}]}`,
    });
    expect({ status: response.status, code: ((await response.json()) as { code: number }).code }).toEqual({ status: 400, code: 97001 });
  });

  it('answers a malformed %-escape, an over-long path segment and an over-long URL in the envelope', async () => {
    const auth = { authorization: `Bearer ${t.server.ownerApiKey}` };
    for (const path of ['/v2/clusters/%E0%A4%A', `/v2/clusters/${'a'.repeat(600)}`, `/v2/clusters?pageSize=${'1'.repeat(20_000)}`]) {
      const response = await fetch(`${t.server.url}${path}`, { headers: auth });
      expect({ path: path.slice(0, 40), status: response.status, body: await response.json() }).toEqual({
        path: path.slice(0, 40),
        status: 400,
        body: { code: 97001, message: expect.any(String), requestId: expect.any(String) },
      });
    }
  });
});

describe('after all of it', () => {
  it('the server is healthy, logged no error, and serves ordinary calls', async () => {
    expect(serverErrors, `seed ${seed}`).toEqual([]);
    await t.server.idle(10_000);
    expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${t.server.url}/readyz`)).status).toBe(200);
    expect((await t.client.clusters.get(known.clusterId)).status).toBe('RUNNING');
    const description = await t.client.dataPlane(known.clusterId).collections.describe({ collectionName: 'articles' });
    expect(description.rowCount).toBeGreaterThanOrEqual(20);

    const endpointCount = Object.keys(endpoints).length;
    await recordReport({
      suite: 'fuzz-api',
      title: 'Bad input: the API',
      summary: `api fuzzing: ${endpointCount} endpoints × ${casesPerEndpoint} cases, ${requestsSent} requests, ${answers['5xx'] ?? 0} 5xx, ${serverErrors.length} errors logged (${replayHint()})`,
      tried:
        `fast-check properties over every endpoint: requests built from the endpoint's own schema and then broken (fields removed, replaced or added, with ` +
        'nasty strings, numbers, keys such as __proto__, unicode with lone surrogates, strings up to 200,000 characters, nesting up to 50,000 levels), hostile ' +
        `query strings and path segments (%-escapes, "..", NUL, 2,000-character ids), odd content types and Idempotency-Keys; ${namesTried} generated names with path ` +
        `separators, "..", NUL, unicode or over-long in every name field, ${namesTried} export directories that climb out; oversized bodies.`,
      held: [
        'every answer was a success envelope or an error envelope whose code is catalogued for the HTTP status it came with; never a 5xx',
        'the server logged no error, stayed healthy and kept its data',
        'every unfit name was refused with 400 before anything was created: nothing named after it in lists, in the data directory, beside it, or in the export directory',
        'a 70 MB body to the data plane and a 2 MB body to the control plane were refused with 413',
      ],
      figures: [
        ['Endpoints', endpointCount],
        ['Generated requests per endpoint', casesPerEndpoint],
        ['Requests sent in all', requestsSent],
        ['Answers to the generated requests', formatCounts(answers)],
        ['Distinct error codes answered', codesSeen.size],
        ['Unfit names tried (8 fields each) / export directories', `${namesTried} / ${namesTried}`],
        ['Errors the server logged', serverErrors.length],
      ],
      durationMs: Date.now() - startedAt,
    });
  });
});
