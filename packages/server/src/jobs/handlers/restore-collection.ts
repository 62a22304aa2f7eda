import type { FieldSchemaRequest } from '@lifeboat/api';
import { normalizeFields, sameSchema } from '../../data/collection-schema.js';
import type { LocalCluster } from '../../data/local-cluster.js';
import type { CollectionSnapshot } from '../../data/types.js';
import type { JobRecord } from '../../domain/model.js';
import type { JobContext, JobEffects } from '../handler.js';
import { JobFailure } from '../handler.js';
import type { BackupManifest } from '../manifest.js';
import { backupOf, ByteProgress, failWith, manifestOf, regionStore } from './shared.js';

/** What restore-collection's job payload holds (the request as the domain validated it). */
interface RequestedDatabase {
  readonly dbName: string;
  readonly destDbName?: string | undefined;
  readonly collections: readonly {
    readonly collectionName: string;
    readonly destCollectionName?: string | undefined;
    readonly destCollectionStatus?: 'LOADED' | 'UNLOADED' | undefined;
    readonly partitionNames?: readonly string[] | undefined;
  }[];
}

/** One collection to restore, resolved against the manifest. */
interface PlannedCollection {
  readonly dbName: string;
  readonly snapshot: CollectionSnapshot;
  readonly destDbName: string;
  readonly destCollectionName: string;
  readonly loaded: boolean;
  readonly partitionNames: readonly string[] | undefined;
}

/**
 * RESTORE into an existing cluster (`payload.kind === 'collection'`): the collections listed in
 * `payload.dbCollections` (everything in the backup when null), with rename, load state and a
 * partition subset. Conflicts are checked for every collection before anything is written, so a
 * refused restore changes nothing. Each collection is built beside the live ones and swapped in
 * whole by the data layer; the names restored so far are checkpointed, so a re-run after a crash
 * does not fail on its own earlier work.
 */
export async function runCollectionRestore(job: JobRecord, context: JobContext): Promise<JobEffects> {
  const { server, signal } = context;
  const clusterId = job.targetClusterId;
  if (clusterId === null) throw new JobFailure('the restore job records no destination cluster; start the restore again.');
  await requireRunning(context, clusterId);
  const backup = await backupOf(server, job.backupId);
  const store = regionStore(server, backup.regionId);
  const manifest = await manifestOf(store, backup.backupId);
  const onConflict = job.payload.onConflict === 'OVERWRITE' ? 'OVERWRITE' : 'FAIL';
  const plan = planOf(manifest, (job.payload.dbCollections ?? null) as readonly RequestedDatabase[] | null);

  const restored = new Set(Array.isArray(job.payload.restored) ? (job.payload.restored as string[]) : []);
  const pending = plan.filter((item) => !restored.has(destKey(item)));
  const cluster = await server.clusters.get(clusterId).catch(failWith(signal, `could not open cluster ${clusterId}`));
  await refuseConflicts(cluster, clusterId, pending, onConflict);

  const total = pending.reduce((sum, item) => sum + bytesOf(item), 0);
  const progress = new ByteProgress(context, total);
  for (const item of pending) {
    signal.throwIfAborted();
    // A drop of the destination is not refused while a restore into it runs; stop at the next collection.
    await requireRunning(context, clusterId);
    if (!(await cluster.listDatabases()).includes(item.destDbName)) {
      await cluster.createDatabase(item.destDbName).catch((error: unknown) => {
        // Another restore item (or a user) may have created it meanwhile.
        if ((error as { errorName?: unknown }).errorName !== 'ALREADY_EXISTS') failWith(signal, `could not create database ${item.destDbName}`)(error);
      });
    }
    await cluster
      .materialize({
        dbName: item.destDbName,
        collectionName: item.destCollectionName,
        snapshot: item.snapshot,
        partitionNames: item.partitionNames,
        loaded: item.loaded,
        onConflict,
        source: async (segment, destPath) => {
          const segmentProgress = progress.item(segment.bytes);
          await store.readTo(segment.sha256, destPath, { signal, onBytes: segmentProgress.onBytes });
          segmentProgress.settle();
        },
        signal,
      })
      .catch(failWith(signal, `could not restore ${item.dbName}.${item.snapshot.collectionName} of backup ${backup.backupId} as ${destKey(item)}`));
    restored.add(destKey(item));
    await context.checkpoint({ ...job.payload, restored: [...restored] });
  }
  return {};
}

/**
 * Nothing to undo. The data layer builds each collection in a temp directory it removes on
 * failure or abort, and swaps it in with renames, so no collection is ever half restored.
 * Collections fully restored before a cancel or failure stay (as do collections they
 * overwrote — those are gone): removing them would lose data the user asked for.
 */
export function cleanUpCollectionRestore(): Promise<JobEffects> {
  return Promise.resolve({});
}

async function requireRunning(context: JobContext, clusterId: string): Promise<void> {
  const record = await context.server.store.getCluster(clusterId);
  if (record?.status !== 'RUNNING') {
    throw new JobFailure(`cluster ${clusterId} is ${record?.status ?? 'gone'}, so the restore stopped (collections restored before stay). Restore into a RUNNING cluster.`);
  }
}

/** The request resolved against the manifest; a JobFailure naming anything it lacks. */
function planOf(manifest: BackupManifest, requested: readonly RequestedDatabase[] | null): PlannedCollection[] {
  const databases = new Map(manifest.databases.map((db) => [db.dbName, new Map(db.collections.map((c) => [c.collectionName, c]))]));
  const plan: PlannedCollection[] = [];
  if (requested === null) {
    for (const db of manifest.databases) {
      for (const snapshot of db.collections) {
        plan.push({ dbName: db.dbName, snapshot, destDbName: db.dbName, destCollectionName: snapshot.collectionName, loaded: snapshot.loaded, partitionNames: undefined });
      }
    }
    return plan;
  }
  for (const db of requested) {
    for (const wanted of db.collections) {
      const snapshot = databases.get(db.dbName)?.get(wanted.collectionName);
      if (snapshot === undefined) {
        throw new JobFailure(`backup ${manifest.backupId} has no collection ${db.dbName}.${wanted.collectionName}; nothing was restored. Describe the backup to see what it holds.`);
      }
      const available = snapshot.partitions.map((p) => p.partitionName);
      const unknown = (wanted.partitionNames ?? []).filter((name) => !available.includes(name));
      if (unknown.length > 0) {
        throw new JobFailure(
          `backup ${manifest.backupId} has no partition ${unknown.join(', ')} in ${db.dbName}.${wanted.collectionName} (it has ${available.join(', ')}); nothing was restored. Restore a subset of those.`,
        );
      }
      plan.push({
        dbName: db.dbName,
        snapshot,
        destDbName: db.destDbName ?? db.dbName,
        destCollectionName: wanted.destCollectionName ?? wanted.collectionName,
        loaded: wanted.destCollectionStatus === undefined ? snapshot.loaded : wanted.destCollectionStatus === 'LOADED',
        partitionNames: wanted.partitionNames,
      });
    }
  }
  const seen = new Set<string>();
  for (const item of plan) {
    if (seen.has(destKey(item))) {
      throw new JobFailure(`two collections of the request would be restored as ${destKey(item)}; nothing was restored. Give each a distinct destCollectionName.`);
    }
    seen.add(destKey(item));
  }
  return plan;
}

/**
 * Checks every destination before anything is written: with FAIL no destination may exist; with
 * OVERWRITE an existing one must have the backup's schema. The data layer checks again when it
 * swaps each collection in, so a collection created meanwhile is still never overwritten.
 */
async function refuseConflicts(cluster: LocalCluster, clusterId: string, plan: readonly PlannedCollection[], onConflict: 'FAIL' | 'OVERWRITE'): Promise<void> {
  const existing: PlannedCollection[] = [];
  const mismatched: PlannedCollection[] = [];
  const databases = new Set(await cluster.listDatabases());
  for (const item of plan) {
    if (!databases.has(item.destDbName) || !(await cluster.listCollections(item.destDbName)).includes(item.destCollectionName)) continue;
    existing.push(item);
    if (onConflict === 'OVERWRITE') {
      const current = await cluster.describeCollection(item.destDbName, item.destCollectionName);
      if (!sameSchema(current.fields as FieldSchemaRequest[], normalizeFields(item.snapshot.fields))) mismatched.push(item);
    }
  }
  const names = (items: readonly PlannedCollection[]) => items.map(destKey).join(', ');
  if (onConflict === 'FAIL' && existing.length > 0) {
    throw new JobFailure(
      `${names(existing)} already exist${existing.length === 1 ? 's' : ''} in cluster ${clusterId}; nothing was restored. Restore with onConflict "OVERWRITE" to replace ${existing.length === 1 ? 'it' : 'them'} (the schemas must match), or under another name (destCollectionName).`,
    );
  }
  if (mismatched.length > 0) {
    throw new JobFailure(
      `${names(mismatched)} in cluster ${clusterId} ${mismatched.length === 1 ? 'has' : 'have'} a different schema than in the backup, so ${mismatched.length === 1 ? 'it' : 'they'} cannot be overwritten; nothing was restored. Restore under another name (destCollectionName).`,
    );
  }
}

function destKey(item: PlannedCollection): string {
  return `${item.destDbName}.${item.destCollectionName}`;
}

/** Bytes the restore of one collection reads: its chosen partitions' segments. */
function bytesOf(item: PlannedCollection): number {
  const wanted = item.partitionNames === undefined ? undefined : new Set(item.partitionNames);
  return item.snapshot.partitions
    .filter((p) => wanted === undefined || wanted.has(p.partitionName))
    .reduce((sum, p) => sum + p.segments.reduce((s, segment) => s + segment.bytes, 0), 0);
}
