import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackupSummary } from '@lifeboat/api';
import { Lifeboat } from '@lifeboat/sdk';
import { afterEach } from 'vitest';
import { ManualClock } from '../../src/internal/clock.js';
import { segmentsOf, type BackupManifest } from '../../src/jobs/manifest.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { FsBlobStore } from '../../src/storage/index.js';

export const minuteMs = 60_000;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;
/** Monday 5 January 2026, 00:00 UTC: where every scheduler scenario starts. */
export const monday = Date.UTC(2026, 0, 5, 0, 0);

export interface TestServer {
  readonly server: RunningServer;
  readonly client: Lifeboat;
  readonly clock: ManualClock;
  /** A region's blob store, opened on the server's directory, to look at what is stored. */
  region(regionId: string): FsBlobStore;
  /** Runs one scheduler pass, then waits for every job it queued (and their copies). */
  tickAndSettle(): Promise<void>;
}

/**
 * A real server on a temp directory with a manual clock, stopped and removed after the test.
 * The schedule runs on the clock; the runner's leases run on real timers.
 */
export function useSchedulerServer(): () => Promise<TestServer> {
  const started: { server: RunningServer; dir: string }[] = [];
  afterEach(async () => {
    for (const { server, dir } of started.splice(0)) {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeboat-scheduler-'));
    const clock = new ManualClock(monday);
    const server = await startServer({
      dataDir: dir,
      clock,
      scheduler: { intervalMs: 3_600_000, gcGraceMs: 0 },
      runner: { leaseMs: 2000 },
    });
    started.push({ server, dir });
    const client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey });
    return {
      server,
      client,
      clock,
      region: (regionId) => new FsBlobStore({ regionId, root: join(server.dataDir, 'regions', regionId) }),
      tickAndSettle: async () => {
        await server.tick();
        await server.idle();
      },
    };
  };
}

/** A cluster in local-1 with one collection, `docs`, holding `rows` rows. */
export async function createClusterWithRows(test: TestServer, clusterName: string, rows: number): Promise<string> {
  const { clusterId } = await test.client.clusters.create({ projectId: test.server.defaultProjectId, regionId: 'local-1', clusterName, cuSize: 1 });
  const data = test.client.dataPlane(clusterId);
  await data.collections.create({
    collectionName: 'docs',
    schema: {
      fields: [
        { fieldName: 'id', dataType: 'Int64', isPrimary: true },
        { fieldName: 'title', dataType: 'VarChar', elementTypeParams: { max_length: 64 } },
      ],
    },
  });
  await insertRows(test, clusterId, 'docs', 0, rows);
  return clusterId;
}

/** Inserts rows with ids `from` … `from + count - 1`. */
export async function insertRows(test: TestServer, clusterId: string, collectionName: string, from: number, count: number): Promise<void> {
  const data = Array.from({ length: count }, (_, i) => ({ id: from + i, title: `row ${from + i}` }));
  await test.client.dataPlane(clusterId).entities.insert({ collectionName, data });
}

/** Every backup the server lists, oldest first. */
export async function listBackups(test: TestServer, query: { clusterId?: string; regionId?: string } = {}): Promise<BackupSummary[]> {
  const all = await test.client.backups.list({ ...query, pageSize: 100 }).toArray();
  return all.sort((a, b) => Date.parse(a.createTime) - Date.parse(b.createTime) || a.backupId.localeCompare(b.backupId));
}

/** Hashes of every blob stored in a region. */
export async function storedBlobs(store: FsBlobStore): Promise<Set<string>> {
  const hashes = new Set<string>();
  for await (const blob of store.list()) hashes.add(blob.hash);
  return hashes;
}

/** Hashes the manifests of these backups name, in their region's store. */
export async function blobsOfBackups(store: FsBlobStore, backupIds: readonly string[]): Promise<Set<string>> {
  const hashes = new Set<string>();
  for (const backupId of backupIds) {
    const manifest = (await store.getManifest(backupId)) as BackupManifest | undefined;
    if (manifest === undefined) throw new Error(`backup ${backupId} has no manifest in ${store.regionId}`);
    for (const segment of segmentsOf(manifest)) hashes.add(segment.sha256);
  }
  return hashes;
}

/** ISO time of an instant, as the API writes it (second precision). */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
