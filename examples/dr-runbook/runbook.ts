import { ErrorCode, isLifeboatError, JobFailedError, type Backup, type Cluster, type JobProgress, type Lifeboat } from '@lifeboat/sdk';
import { Journal, type ClusterEntry } from './journal.js';
import { verifyRestore, type Mismatch } from './verify.js';

export interface FailoverOptions {
  readonly client: Lifeboat;
  /** The region that was lost: its clusters are the ones to bring back. */
  readonly lostRegion: string;
  /** The surviving region holding the copies; the restored clusters are created there. */
  readonly drRegion: string;
  /** Where progress is kept between runs. Run again with the same path to resume. */
  readonly journalPath: string;
  /** Restores running at once. @default 4 */
  readonly parallelism?: number;
  /** Name of each restored cluster. @default `${name}-dr` */
  readonly nameOf?: (cluster: Cluster) => string;
  readonly onEvent?: (event: FailoverEvent) => void;
  /** Stops starting restores and stops waiting; restores already running keep running on the server. */
  readonly signal?: AbortSignal;
}

export type FailoverEvent =
  | { readonly kind: 'found'; readonly clusters: readonly Cluster[] }
  | { readonly kind: 'already-done'; readonly entry: ClusterEntry }
  | { readonly kind: 'restoring'; readonly entry: ClusterEntry; readonly resumed: boolean }
  | { readonly kind: 'progress'; readonly entry: ClusterEntry; readonly progress: JobProgress }
  | { readonly kind: 'verified'; readonly entry: ClusterEntry }
  | { readonly kind: 'discarded'; readonly entry: ClusterEntry; readonly restoredClusterId: string }
  | { readonly kind: 'failed'; readonly clusterName: string; readonly reason: string };

/** The outcome for one cluster of the lost region. */
export interface ClusterOutcome {
  readonly sourceClusterId: string;
  readonly clusterName: string;
  readonly status: 'verified' | 'failed' | 'interrupted';
  readonly restoredClusterId?: string;
  readonly backupId?: string;
  /** Age of the restored data (when its source was backed up) when the failover started: the data lost, at most (ms). */
  readonly rpoMs?: number;
  /** From the first start of this cluster's failover to its verification (ms). */
  readonly rtoMs?: number;
  readonly reason?: string;
}

export interface FailoverReport {
  readonly lostRegion: string;
  readonly drRegion: string;
  readonly outcomes: readonly ClusterOutcome[];
  /** Every cluster restored and verified. */
  readonly complete: boolean;
}

/**
 * Brings every cluster of a lost region back in a surviving one: finds each cluster's newest
 * available copy there, restores them in parallel, verifies row counts and checksums against
 * the copy's manifest, and reports RTO and RPO per cluster.
 *
 * Safe to run again at any time: the journal records each step before it is taken, verified
 * clusters are skipped, running restores are waited for rather than started again, and every
 * restore request carries an idempotency key recorded beforehand, so a run killed between
 * sending a request and recording its answer cannot restore a cluster twice.
 */
export async function failOver(options: FailoverOptions): Promise<FailoverReport> {
  const { client, lostRegion, drRegion } = options;
  const parallelism = options.parallelism ?? 4;
  if (!Number.isInteger(parallelism) || parallelism < 1) throw new RangeError(`parallelism must be a whole number of at least 1 (got ${parallelism}).`);
  const emit = options.onEvent ?? (() => undefined);
  const journal = await Journal.open(options.journalPath, { lostRegion, drRegion });
  const clusters = (await client.clusters.list({}, { signal: options.signal }).toArray()).filter((cluster) => cluster.regionId === lostRegion);
  emit({ kind: 'found', clusters });

  const queue = [...clusters];
  const outcomes: ClusterOutcome[] = [];
  const worker = async () => {
    for (let cluster = queue.shift(); cluster !== undefined; cluster = queue.shift()) {
      outcomes.push(await recoverCluster(options, journal, cluster, emit));
    }
  };
  await Promise.all(Array.from({ length: parallelism }, worker));
  outcomes.sort((a, b) => a.clusterName.localeCompare(b.clusterName));
  // Complete only when every cluster of the lost region came back verified, none left out.
  const complete = outcomes.length === clusters.length && outcomes.every((outcome) => outcome.status === 'verified');
  return { lostRegion, drRegion, outcomes, complete };
}

async function recoverCluster(options: FailoverOptions, journal: Journal, cluster: Cluster, emit: (event: FailoverEvent) => void): Promise<ClusterOutcome> {
  const { client, drRegion, signal } = options;
  const base = { sourceClusterId: cluster.clusterId, clusterName: cluster.clusterName };
  // A function, not a narrowed property: the signal aborts while this runs.
  const interrupted = () => signal?.aborted === true;
  const previous = journal.get(cluster.clusterId);
  if (previous?.status === 'verified') {
    emit({ kind: 'already-done', entry: previous });
    return outcomeOf(previous);
  }
  if (interrupted()) return { ...base, status: 'interrupted', reason: 'not started: the run was interrupted' };
  try {
    let entry = previous?.status === 'restoring' ? previous : undefined;
    if (entry === undefined) {
      const copy = await client.backups.findLatest({ clusterId: cluster.clusterId, regionId: drRegion, backupType: 'CLUSTER' }, { signal });
      if (copy === undefined) {
        const reason = `no AVAILABLE cluster backup of ${cluster.clusterName} in ${drRegion}: nothing to restore from. Check its copy policy.`;
        emit({ kind: 'failed', clusterName: cluster.clusterName, reason });
        return { ...base, status: 'failed', reason };
      }
      if (previous?.status === 'failed' && previous.restoredClusterId !== undefined) await discardFailedRestore(client, previous, previous.restoredClusterId, emit, signal);
      entry = await journal.start({ ...base, backupId: copy.backupId }, Date.now());
    }
    emit({ kind: 'restoring', entry, resumed: entry.jobId !== undefined });

    // Sent again on resume: the recorded key makes the server replay its first answer.
    const restore = await client.backups.restoreCluster(
      { clusterId: cluster.clusterId, backupId: entry.backupId, projectId: cluster.projectId, clusterName: (options.nameOf ?? defaultName)(cluster), cuSize: cluster.cuSize },
      { idempotencyKey: entry.idempotencyKey, signal },
    );
    entry = await journal.update(cluster.clusterId, { restoredClusterId: restore.clusterId, jobId: restore.job.id });
    const current = entry;
    await restore.job.wait({ signal, onProgress: (progress) => emit({ kind: 'progress', entry: current, progress }) });

    const backup = await client.backups.get({ clusterId: cluster.clusterId, backupId: entry.backupId }, { signal });
    const mismatches = await verifyRestore(client, backup, restore.clusterId, signal);
    if (mismatches.length > 0) {
      entry = await journal.update(cluster.clusterId, { status: 'failed', finishedAt: Date.now(), reason: describeMismatches(mismatches) });
      emit({ kind: 'failed', clusterName: cluster.clusterName, reason: entry.reason ?? '' });
      return outcomeOf(entry, dataTimeOf(backup));
    }
    entry = await journal.update(cluster.clusterId, { status: 'verified', finishedAt: Date.now() });
    emit({ kind: 'verified', entry });
    return outcomeOf(entry, dataTimeOf(backup));
  } catch (error) {
    if (interrupted()) return { ...base, status: 'interrupted', reason: 'the run was interrupted; run again to resume' };
    const reason = error instanceof JobFailedError ? `restore ${error.job.status.toLowerCase()}: ${error.job.reason}` : String(error);
    // A failed attempt is retried from scratch (new key) on the next run.
    if (journal.get(cluster.clusterId) !== undefined) await journal.update(cluster.clusterId, { status: 'failed', finishedAt: Date.now(), reason });
    emit({ kind: 'failed', clusterName: cluster.clusterName, reason });
    return { ...base, status: 'failed', reason };
  }
}

/**
 * A failed attempt can leave its restored cluster behind, holding data that did not verify. It
 * was made by this runbook and nobody was told to use it; removing it frees its name for the new
 * attempt, which would otherwise be refused (a restore always creates a new cluster), and keeps
 * a second copy of the cluster from lingering in the DR region.
 */
async function discardFailedRestore(client: Lifeboat, entry: ClusterEntry, restoredClusterId: string, emit: (event: FailoverEvent) => void, signal: AbortSignal | undefined): Promise<void> {
  try {
    await client.clusters.drop(restoredClusterId, { signal });
  } catch (error) {
    if (!(isLifeboatError(error) && error.code === ErrorCode.CLUSTER_NOT_FOUND)) throw error;
  }
  emit({ kind: 'discarded', entry, restoredClusterId });
}

const defaultName = (cluster: Cluster): string => `${cluster.clusterName}-dr`;

/** A copy holds its source's data: its own createTime is when it was copied. */
const dataTimeOf = (backup: Backup): string => backup.dataTime ?? backup.createTime;

function outcomeOf(entry: ClusterEntry, dataTime?: string): ClusterOutcome {
  return {
    sourceClusterId: entry.sourceClusterId,
    clusterName: entry.clusterName,
    status: entry.status === 'verified' ? 'verified' : 'failed',
    backupId: entry.backupId,
    ...(entry.restoredClusterId === undefined ? {} : { restoredClusterId: entry.restoredClusterId }),
    ...(dataTime === undefined ? {} : { rpoMs: Math.max(0, entry.startedAt - Date.parse(dataTime)) }),
    ...(entry.finishedAt === undefined ? {} : { rtoMs: entry.finishedAt - entry.startedAt }),
    ...(entry.reason === undefined ? {} : { reason: entry.reason }),
  };
}

function describeMismatches(mismatches: readonly Mismatch[]): string {
  return `restored data differs from the backup: ${mismatches
    .map((m) => (m.actual === 'missing' ? `${m.collection} is missing` : `${m.collection} has ${m.actual.rowCount} rows (expected ${m.expected.rowCount})${m.actual.checksum === m.expected.checksum ? '' : ', checksum differs'}`))
    .join('; ')}`;
}
