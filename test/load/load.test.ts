import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.js';
import { seedCluster } from '../support/clusters.js';
import { count, formatCounts, percentile, recordReport } from '../support/figures.js';
import { Random, replayHint, suiteSeed, trialCount } from '../support/run-options.js';

/**
 * Load: 50 clients at once against one server in its own process, at the API's real rate limit
 * (20 requests per second per key and endpoint), with mixed reads, backup creates and job polls.
 * No answer is a 5xx, every 429 carries Retry-After, and the server's memory stays bounded.
 */

const seed = suiteSeed('load');
const clients = 50;
/** Clients share keys five to one, as the workers of one service do. */
const keys = 10;
const requestsPerClient = trialCount({ ci: 40, long: 400 });
const clusterCount = 5;
const rateLimitPerSecond = 20;

let dataDir: string;
let server: ChildServer;
let owner: Lifeboat;
let projectId: string;
const clusterIds: string[] = [];
const backupIds = new Map<string, string>();
const apiKeys: string[] = [];

interface Sample {
  readonly kind: string;
  readonly status: number;
  readonly ms: number;
}

const samples: Sample[] = [];
const rateLimited: { retryAfter: string | null; code: unknown }[] = [];
const networkErrors: string[] = [];
const serverErrors: string[] = [];
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One request as a client sends it; 429s are recorded with their Retry-After and waited out. */
async function send(apiKey: string, kind: string, method: string, path: string, body?: unknown): Promise<{ status: number; data: unknown }> {
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    networkErrors.push(`${kind}: ${String((error as Error).cause ?? error)}`);
    return { status: 0, data: undefined };
  }
  const text = await response.text();
  const ms = performance.now() - started;
  samples.push({ kind, status: response.status, ms });
  const parsed = JSON.parse(text) as { code?: unknown; data?: unknown };
  if (response.status >= 500) serverErrors.push(`${kind} ${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
  if (response.status === 429) {
    const retryAfter = response.headers.get('retry-after');
    rateLimited.push({ retryAfter, code: parsed.code });
    await sleep(Math.min(2000, Number(retryAfter ?? '1') * 1000));
  }
  return { status: response.status, data: parsed.data };
}

/** A client's session: mixed requests with a short think time between them. */
async function client(index: number): Promise<void> {
  const r = new Random(seed + index);
  const apiKey = apiKeys[index % keys] as string;
  const myJobs: string[] = [];
  for (let i = 0; i < requestsPerClient; i++) {
    const clusterId = r.pick(clusterIds);
    const roll = r.next();
    if (roll < 0.3) {
      await send(apiKey, 'list backups', 'GET', `/v2/backups?clusterId=${clusterId}&pageSize=20`);
    } else if (roll < 0.5) {
      await send(apiKey, 'describe cluster', 'GET', `/v2/clusters/${clusterId}`);
    } else if (roll < 0.65) {
      await send(apiKey, 'describe backup', 'GET', `/v2/clusters/${clusterId}/backups/${backupIds.get(clusterId) ?? ''}`);
    } else if (roll < 0.8 && myJobs.length > 0) {
      await send(apiKey, 'poll job', 'GET', `/v2/jobs/${r.pick(myJobs)}`);
    } else if (roll < 0.9) {
      // One manual backup per cluster at a time: many of these are refused with 409, as they should be.
      const { status, data } = await send(apiKey, 'create backup', 'POST', `/v2/clusters/${clusterId}/backups/create`, { backupType: 'CLUSTER' });
      if (status === 200) myJobs.push((data as { jobId: string }).jobId);
    } else {
      await send(apiKey, 'list jobs', 'GET', `/v2/jobs?clusterId=${clusterId}&pageSize=20`);
    }
    await sleep(r.int(50, 150));
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lifeboat-load-'));
  server = await startChildServer({ dataDir, rateLimitPerSecond });
  owner = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey, retry: { limit: 10, baseDelayMs: 20, maxDelayMs: 200, maxRetryAfterMs: 2000 } });
  projectId = (await owner.projects.list())[0]?.projectId ?? '';
  for (let i = 0; i < clusterCount; i++) {
    const clusterId = await seedCluster(owner, projectId, { name: `loaded-${i}`, rows: 200 });
    clusterIds.push(clusterId);
    const backup = await owner.backups.create({ clusterId, backupType: 'CLUSTER' });
    await backup.job.wait({ pollIntervalMs: 20 });
    backupIds.set(clusterId, backup.backupId);
  }
  for (let i = 0; i < keys; i++) apiKeys.push((await owner.apiKeys.create({ name: `load-${i}`, role: 'PROJECT_ADMIN', projectIds: [projectId] })).apiKey);
});

afterAll(async () => {
  await server?.kill();
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
});

describe(`one server under ${clients} concurrent clients (${replayHint()})`, () => {
  it('answers every request without a 5xx, rate-limits with Retry-After and keeps its memory bounded', async () => {
    const startedAt = Date.now();
    const baselineBytes = await server.residentBytes();
    let peakBytes = baselineBytes;
    const sampler = setInterval(() => {
      void server.residentBytes().then((bytes) => (peakBytes = Math.max(peakBytes, bytes)), () => undefined);
    }, 100);

    // Two rounds of the same load: memory that keeps growing with requests shows as a difference.
    await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
    const afterFirstBytes = await server.residentBytes();
    await Promise.all(Array.from({ length: clients }, (_, index) => client(clients + index)));
    const afterSecondBytes = await server.residentBytes();
    const loadMs = Date.now() - startedAt;

    // A burst on one key and endpoint, past the limit on purpose, while another key is served.
    const burst = await Promise.all(Array.from({ length: 3 * rateLimitPerSecond }, () => send(apiKeys[0] as string, 'burst', 'GET', '/v2/regions')));
    const otherKey = await send(apiKeys[1] as string, 'burst', 'GET', '/v2/regions');
    clearInterval(sampler);

    const byStatus: Record<string, number> = {};
    for (const sample of samples) if (sample.kind !== 'burst') count(byStatus, String(sample.status));
    const answered = samples.filter((s) => s.status !== 429 && s.kind !== 'burst').map((s) => s.ms).sort((a, b) => a - b);
    const reads = samples.filter((s) => s.status === 200 && s.kind !== 'create backup' && s.kind !== 'burst').map((s) => s.ms).sort((a, b) => a - b);
    const creates = samples.filter((s) => s.kind === 'create backup' && s.status !== 429).map((s) => s.ms).sort((a, b) => a - b);
    const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    const ms = (values: readonly number[]): string => `${percentile(values, 0.5).toFixed(1)} / ${percentile(values, 0.99).toFixed(1)} ms`;
    const missingRetryAfter = rateLimited.filter((entry) => !/^[1-9]\d*$/.test(entry.retryAfter ?? '') || entry.code !== 97004);
    const burstLimited = burst.filter((answer) => answer.status === 429).length;
    const requests = clients * requestsPerClient * 2;
    const summary = `load: ${requests} requests from ${clients} clients, ${serverErrors.length} 5xx, p50 ${percentile(answered, 0.5).toFixed(1)} ms, p99 ${percentile(answered, 0.99).toFixed(1)} ms (${replayHint()})`;

    await recordReport({
      suite: 'load',
      title: 'Load',
      summary,
      tried:
        `${clients} clients on ${keys} API keys, two rounds of ${requestsPerClient} requests each with 50–150 ms between them: listing backups and jobs, describing clusters and backups, ` +
        `polling jobs, creating backups (refused with 409 while one runs on the cluster). The server runs in its own process at the API's rate limit of ${rateLimitPerSecond} requests ` +
        `per second per key and endpoint. Then a burst of ${3 * rateLimitPerSecond} requests on one key and endpoint at once.`,
      held: [
        'no answer was a 5xx and no connection failed',
        'every 429 carried a Retry-After of whole seconds and the code 97004; another key was served during the burst',
        'resident memory of the server stayed bounded and did not grow from one round to the next',
      ],
      figures: [
        ['Requests (without the burst)', requests],
        ['Answers by status (without the burst)', formatCounts(byStatus)],
        ['Latency of answered requests, p50 / p99', ms(answered)],
        ['Reads, p50 / p99', ms(reads)],
        ['Backup creates (accepted or refused), p50 / p99', ms(creates)],
        ['Throughput', `${((samples.length / loadMs) * 1000).toFixed(0)} requests/s`],
        ['Burst', `${burstLimited} of ${burst.length} answered 429, the other key answered ${otherKey.status}`],
        ['Server memory (RSS): before, after round 1, after round 2, peak', `${mb(baselineBytes)}, ${mb(afterFirstBytes)}, ${mb(afterSecondBytes)}, ${mb(peakBytes)}`],
      ],
      durationMs: Date.now() - startedAt,
    });

    expect(serverErrors).toEqual([]);
    expect(networkErrors).toEqual([]);
    expect(missingRetryAfter).toEqual([]);
    expect(burstLimited).toBeGreaterThan(rateLimitPerSecond / 2);
    expect(otherKey.status).toBe(200);
    expect(peakBytes - baselineBytes).toBeLessThan(256 * 1024 * 1024);
    expect(afterSecondBytes - afterFirstBytes).toBeLessThan(64 * 1024 * 1024);
  }, 900_000);
});
