import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CollectionDescription, FieldSchemaRequest } from '@lifeboat/api';
import { JobFailedError, type DataPlane, type Lifeboat } from '@lifeboat/sdk';
import { afterEach, expect } from 'vitest';
import type { RunningServer, ServerOptions } from '../../src/index.js';
import { startTestServer } from '../harness.js';

/** A running server on a temp data dir, its owner's client, and what the tests need of it. */
export interface TestServer {
  readonly server: RunningServer;
  readonly client: Lifeboat;
  readonly dataDir: string;
  readonly projectId: string;
}

/**
 * Starts a real server on an ephemeral port for each call (through the shared harness), stopped
 * and its data dir removed after the test. Jobs are polled every 20 ms, so the rate limit is lifted.
 */
export function useServers(): (options?: Omit<ServerOptions, 'dataDir'>) => Promise<TestServer> {
  const started: { stop(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const server of started.splice(0).reverse()) await server.stop();
  });
  return async (options = {}) => {
    const harness = await startTestServer({ rateLimitPerSecond: 100_000, ...options, runner: { leaseMs: 2000, pollMs: 20, ...options.runner } });
    started.push(harness);
    return { server: harness.server, client: harness.client, dataDir: harness.dataDir, projectId: harness.server.defaultProjectId };
  };
}

/** A temp directory removed after the test. */
export function useTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeboat-jobs-out-'));
    made.push(dir);
    return dir;
  };
}

export const articleFields: FieldSchemaRequest[] = [
  { fieldName: 'id', dataType: 'Int64', isPrimary: true },
  { fieldName: 'title', dataType: 'VarChar', elementTypeParams: { max_length: 512 } },
  { fieldName: 'vector', dataType: 'FloatVector', elementTypeParams: { dim: 4 } },
];

/** One collection of the fixture cluster. */
export interface CollectionSpec {
  readonly dbName: string;
  readonly collectionName: string;
  /** Rows per partition (`_default` included when listed). */
  readonly rows: Readonly<Record<string, number>>;
  readonly loaded: boolean;
}

/**
 * The fixture: two databases, collections with and without extra partitions, some loaded, some
 * not — enough for restores to show they keep names, partitions, row counts and load states.
 */
export const fixtureCollections: readonly CollectionSpec[] = [
  { dbName: 'default', collectionName: 'articles', rows: { _default: 120, archive: 40, drafts: 15 }, loaded: true },
  { dbName: 'default', collectionName: 'empty_one', rows: {}, loaded: false },
  { dbName: 'analytics', collectionName: 'events', rows: { _default: 60 }, loaded: false },
];

/** Rows of the article schema; `titleBytes` pads titles to make big datasets cheaply. */
export function articleRows(count: number, firstId: number, titleBytes = 24): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const id = firstId + i;
    return { id, title: `article ${id} `.padEnd(titleBytes, 'x'), vector: [id % 7, (id * 3) % 11, 0.5, -id / 1000] };
  });
}

/** Creates a RUNNING cluster in `regionId` holding `collections`, through the SDK's data plane. */
export async function createClusterWithData(
  t: TestServer,
  options: { readonly clusterName: string; readonly regionId?: string; readonly collections?: readonly CollectionSpec[]; readonly titleBytes?: number },
): Promise<{ readonly clusterId: string; readonly data: DataPlane }> {
  const { clusterId } = await t.client.clusters.create({ projectId: t.projectId, regionId: options.regionId ?? 'local-1', clusterName: options.clusterName, cuSize: 1 });
  const data = t.client.dataPlane(clusterId);
  let nextId = 1;
  for (const spec of options.collections ?? fixtureCollections) {
    if (!(await data.databases.list()).includes(spec.dbName)) await data.databases.create({ dbName: spec.dbName });
    const partitionNames = Object.keys(spec.rows).filter((name) => name !== '_default');
    await data.collections.create({
      dbName: spec.dbName,
      collectionName: spec.collectionName,
      description: `${spec.collectionName} of ${options.clusterName}`,
      schema: { fields: articleFields },
      ...(partitionNames.length > 0 ? { partitionNames } : {}),
    });
    for (const [partitionName, count] of Object.entries(spec.rows)) {
      // Batches stay under the server's 1 MiB body limit even with padded titles.
      const batch = Math.max(1, Math.floor(600_000 / ((options.titleBytes ?? 24) + 120)));
      for (let done = 0; done < count; done += batch) {
        const rows = articleRows(Math.min(batch, count - done), nextId, options.titleBytes);
        nextId += rows.length;
        await data.entities.insert({ dbName: spec.dbName, collectionName: spec.collectionName, partitionName, data: rows });
      }
    }
    if (spec.loaded) await data.collections.load({ dbName: spec.dbName, collectionName: spec.collectionName });
  }
  return { clusterId, data };
}

/** What a restore must reproduce of each collection, keyed `db.collection`. */
export type CollectionFacts = Pick<CollectionDescription, 'rowCount' | 'checksum' | 'loadStatus' | 'partitions' | 'description'>;

export async function describeAll(data: DataPlane): Promise<Record<string, CollectionFacts>> {
  const facts: Record<string, CollectionFacts> = {};
  for (const dbName of await data.databases.list()) {
    for (const collectionName of await data.collections.list({ dbName })) {
      const { rowCount, checksum, loadStatus, partitions, description } = await data.collections.describe({ dbName, collectionName });
      facts[`${dbName}.${collectionName}`] = { rowCount, checksum, loadStatus, partitions, description };
    }
  }
  return facts;
}

/** A MANUAL CLUSTER backup of `clusterId`, waited for. */
export async function backupCluster(client: Lifeboat, clusterId: string): Promise<string> {
  const { backupId, job } = await client.backups.create({ clusterId, backupType: 'CLUSTER' });
  await job.wait({ pollIntervalMs: 20 });
  return backupId;
}

/** Waits for a job that must fail, and returns its reason. */
export async function failureOf(wait: Promise<unknown>): Promise<{ readonly status: string; readonly reason: string }> {
  const error = await wait.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the job should have failed').toBeInstanceOf(JobFailedError);
  const { status, reason } = (error as JobFailedError).job;
  return { status, reason };
}

/** Every blob file of a region: `<dataDir>/regions/<regionId>/blobs/<xx>/<sha256>`. */
export async function blobFiles(dataDir: string, regionId: string): Promise<string[]> {
  const root = join(dataDir, 'regions', regionId, 'blobs');
  const files: string[] = [];
  for (const shard of await readdir(root).catch(() => [])) {
    for (const name of await readdir(join(root, shard))) files.push(join(root, shard, name));
  }
  return files.sort();
}
