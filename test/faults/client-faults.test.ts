import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { isLifeboatError, Lifeboat, type CallOptions } from '@lifeboat/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { count, formatCounts, recordReport } from '../support/figures.js';
import { replayHint, suiteSeed, trialCount } from '../support/run-options.js';
import { startTestServer, type TestServer } from '../../packages/server/test/harness.js';

/**
 * Client faults: the SDK talks to the server through a proxy that drops connections, delays,
 * answers 500/502/503/429 (with and without Retry-After) before or after the server did the work,
 * and cuts answers mid-body. Many logical calls run at once, each repeated by its caller with the
 * same idempotency key until it succeeds, as a resumable script does: every attempt either
 * succeeds or fails with a typed Lifeboat error, and each logical call made exactly one object.
 */

const seed = suiteSeed('faults');
const units = trialCount({ ci: 24, long: 200 });
const rowsPerCluster = 50;
/** Attempts a caller makes at one logical call before giving up. */
const callerAttempts = 12;

let t: TestServer;
let proxy: FaultProxy;
let client: Lifeboat;
let sdkRetries = 0;
const typedErrors: Record<string, number> = {};
const untypedErrors: string[] = [];
const leakedKeys: string[] = [];
const callerRepeats: Record<string, number> = {};

/** Runs one logical call until it succeeds, with one idempotency key for all its attempts. */
async function persist<T>(label: string, run: (options: CallOptions) => Promise<T>): Promise<T> {
  const idempotencyKey = randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      return await run({ idempotencyKey });
    } catch (error) {
      if (!isLifeboatError(error)) {
        untypedErrors.push(`${label}: ${inspect(error)}`);
        throw error;
      }
      count(typedErrors, error.name);
      if (inspect(error, { depth: 6 }).includes(t.server.ownerApiKey)) leakedKeys.push(`${label}: ${error.name}`);
      count(callerRepeats, label);
      if (attempt >= callerAttempts) throw error;
    }
  }
}

/** One cluster made, filled, backed up and waited for, every step through the proxy. */
async function unit(index: number): Promise<{ clusterId: string; backupId: string }> {
  const projectId = t.server.defaultProjectId;
  const { clusterId } = await persist('create cluster', (options) => client.clusters.create({ projectId, regionId: 'local-1', clusterName: `faulty-${index}`, cuSize: 1 }, options));
  const data = client.dataPlane(clusterId);
  await persist('create collection', (options) =>
    data.collections.create({ collectionName: 'articles', schema: { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }] } }, options),
  );
  const rows = Array.from({ length: rowsPerCluster }, (_, id) => ({ id }));
  await persist('insert rows', (options) => data.entities.insert({ collectionName: 'articles', data: rows }, options));
  const { backupId, jobId } = await persist('create backup', (options) => client.backups.create({ clusterId, backupType: 'CLUSTER' }, options));
  const done = await persist('wait for the backup', () => client.jobs.handle(jobId).wait({ pollIntervalMs: 20 }));
  expect(done.status).toBe('SUCCESSFUL');
  return { clusterId, backupId };
}

beforeAll(async () => {
  t = await startTestServer({ rateLimitPerSecond: 100_000 });
  proxy = await startFaultProxy({
    target: t.server.url,
    seed,
    weights: { pass: 5, delay: 1, 'drop-before': 1, 'drop-after': 1, 'status-before': 1, 'status-after': 1, 'cut-body': 1 },
  });
  client = new Lifeboat({
    baseUrl: proxy.url,
    apiKey: t.server.ownerApiKey,
    // Short, so the proxy's longer delays become timeouts and retries.
    timeoutMs: 400,
    retry: { limit: 4, baseDelayMs: 10, maxDelayMs: 100, maxRetryAfterMs: 1000 },
    hooks: { beforeRetry: [() => void (sdkRetries += 1)] },
  });
});

afterAll(async () => {
  await proxy?.close();
  await t?.stop();
});

describe(`the SDK behind a faulty network (${replayHint()})`, () => {
  it(`makes exactly one object per logical call across ${units} concurrent callers, and fails only with typed errors`, async () => {
    const startedAt = Date.now();
    const settled = await Promise.allSettled(Array.from({ length: units }, (_, index) => unit(index)));
    const gaveUp = settled.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
    const made = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));

    // Checked straight against the server, not through the proxy.
    const direct = t.client;
    const clusters = (await direct.clusters.list({ pageSize: 100 }).toArray()).filter((c) => c.clusterName.startsWith('faulty-'));
    const duplicates: string[] = [];
    for (let index = 0; index < units; index++) {
      const named = clusters.filter((c) => c.clusterName === `faulty-${index}`);
      if (named.length !== 1) duplicates.push(`${named.length} clusters named faulty-${index}`);
    }
    for (const { clusterId, backupId } of made) {
      const backups = await direct.backups.list({ clusterId }).toArray();
      if (backups.length !== 1 || backups[0]?.backupId !== backupId) duplicates.push(`cluster ${clusterId} has backups ${backups.map((b) => `${b.backupId} ${b.status}`).join(', ')}, the call returned ${backupId}`);
      const { rowCount } = await direct.dataPlane(clusterId).collections.describe({ collectionName: 'articles' });
      if (rowCount !== rowsPerCluster) duplicates.push(`cluster ${clusterId} holds ${rowCount} rows, ${rowsPerCluster} were inserted`);
    }

    const requests = Object.entries(proxy.injected).filter(([name]) => !name.startsWith('status ')).reduce((sum, [, n]) => sum + n, 0);
    const faults = requests - (proxy.injected.pass ?? 0);
    const repeats = Object.values(callerRepeats).reduce((sum, n) => sum + n, 0);
    const summary = `client faults: ${made.length} of ${units} callers finished, ${duplicates.length} duplicates, ${untypedErrors.length} untyped errors (${replayHint()})`;
    await recordReport({
      suite: 'faults',
      title: 'Client faults',
      summary,
      tried:
        `${units} callers at once, each creating a cluster, a collection, ${rowsPerCluster} rows and a backup and waiting for the backup job, through a proxy on loopback ` +
        'that drops connections before or after forwarding, delays up to 600 ms (the client times out at 400 ms), answers 500/502/503/429 with and without ' +
        `Retry-After before or after forwarding, and cuts answers mid-body. The SDK retries 4 times; a caller repeats a failed call with the same idempotency key up to ${callerAttempts} times.`,
      held: [
        'every failed attempt was a typed Lifeboat error (isLifeboatError), none showed the API key',
        'exactly one cluster per name, one backup per cluster (the one the call returned) and no row inserted twice',
      ],
      figures: [
        ['Logical calls', units * 5],
        ['Requests through the proxy', requests],
        ['Faults injected', `${faults}: ${formatCounts(Object.fromEntries(Object.entries(proxy.injected).filter(([name]) => name !== 'pass')))}`],
        ['SDK retries', sdkRetries],
        ['Calls repeated by their caller', `${repeats}: ${formatCounts(callerRepeats)}`],
        ['Typed errors seen by callers', formatCounts(typedErrors)],
        ['Untyped errors', untypedErrors.length],
        ['Duplicate objects', duplicates.length],
      ],
      durationMs: Date.now() - startedAt,
    });
    expect({ gaveUp, untypedErrors, leakedKeys, duplicates }).toEqual({ gaveUp: [], untypedErrors: [], leakedKeys: [], duplicates: [] });
  }, 900_000);
});
