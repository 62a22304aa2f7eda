/**
 * A disaster-recovery drill: restore the available backup of a cluster with the newest data
 * (optionally a copy in a given region) into a scratch cluster, check every collection against the backup's
 * manifest, measure the recovery time (RTO) and the data a disaster now would lose (RPO), and
 * remove the scratch cluster. It returns a report and prints nothing: `lifeboat drill` renders
 * it, and other programs can call {@link runDrill} directly.
 */
import { randomBytes } from 'node:crypto';
import { ErrorCode, isLifeboatError, type Backup, type JobProgress, type Lifeboat } from '@lifeboat/sdk';
import { waitPolling } from '../jobs/follow.js';
import { sourceCuSize } from '../restore/size.js';
import { CliError } from '../runtime/cli-error.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { assess, formatSeconds, type Objective, type ObjectiveResult } from './objectives.js';
import { findNewestBackup } from './newest-backup.js';
import { checkCollections, type CollectionCheck } from './verify.js';

/** What {@link runDrill} is told. */
export interface DrillRequest {
  readonly client: Lifeboat;
  /** The cluster whose recovery is drilled. */
  readonly clusterId: string;
  /** Restore the newest copy in this region (e.g. the region that survives a disaster). @default any region */
  readonly regionId?: string | undefined;
  /** Project of the scratch cluster. @default the backup's */
  readonly projectId?: string | undefined;
  readonly rto?: Objective | undefined;
  readonly rpo?: Objective | undefined;
  /** Keep the scratch cluster for inspection. @default false */
  readonly keep?: boolean | undefined;
  /** Stops the drill; the scratch cluster is still removed (best effort). */
  readonly signal?: AbortSignal | undefined;
  /** Steps as they happen, for progress. */
  readonly onEvent?: ((event: DrillEvent) => void) | undefined;
  /** @default Date.now */
  readonly now?: () => number;
}

/** A step of the drill. */
export type DrillEvent =
  | { readonly kind: 'backup'; readonly backup: Backup; readonly dataTime: string; readonly ageMs: number }
  | { readonly kind: 'restore-started'; readonly scratchClusterId: string; readonly scratchClusterName: string; readonly jobId: string }
  | { readonly kind: 'restore-progress'; readonly jobId: string; readonly progress: JobProgress }
  | { readonly kind: 'restored'; readonly jobId: string; readonly elapsedMs: number }
  | { readonly kind: 'verified'; readonly collections: readonly CollectionCheck[] }
  | { readonly kind: 'teardown'; readonly teardown: Teardown };

/** What happened to the scratch cluster. */
export interface Teardown {
  readonly scratchClusterId: string;
  /** `removed`; `kept` (asked with `keep`); `failed` (see `reason`; remove it by hand). */
  readonly outcome: 'removed' | 'kept' | 'failed';
  readonly reason: string | null;
}

/** The outcome of a drill; plain data, printed as is by `lifeboat drill --json`. */
export interface DrillReport {
  readonly clusterId: string;
  readonly backupId: string;
  readonly backupName: string;
  /** Region of the restored backup, and of the scratch cluster. */
  readonly regionId: string;
  readonly backupCreateTime: string;
  /** When the restored data was captured: `backupCreateTime`, or for a copy its source backup's. */
  readonly dataTime: string;
  readonly scratchClusterId: string;
  readonly scratchClusterName: string;
  /** When the restore was requested (ISO 8601). */
  readonly startTime: string;
  /** Restore request → every collection verified. */
  readonly rtoMs: number;
  /** Age of the restored data (`dataTime`) when the drill started: what a disaster then would have lost. */
  readonly rpoMs: number;
  readonly collections: readonly CollectionCheck[];
  /** Every collection matched its manifest entry. */
  readonly verified: boolean;
  readonly objectives: { readonly rto: ObjectiveResult; readonly rpo: ObjectiveResult };
  readonly teardown: Teardown;
  /** Verified and every objective met. */
  readonly passed: boolean;
  /** Why it did not pass, one sentence per problem; empty when it passed. */
  readonly failures: readonly string[];
}

/** How long teardown waits for a canceled restore to end before dropping the scratch cluster. */
const cancelWaitMs = 30_000;

/**
 * Runs a drill; see the module comment.
 *
 * @throws {CliError} `NO_BACKUP` when the cluster has no available cluster backup (in the region).
 * @throws the restore's `JobFailedError`, or `DRILL_INTERRUPTED` when `signal` aborts; in both
 *   cases after removing the scratch cluster (a `teardown` event says whether that worked).
 */
export async function runDrill(request: DrillRequest): Promise<DrillReport> {
  const { client, clusterId, signal } = request;
  const now = request.now ?? Date.now;
  const emit = request.onEvent ?? (() => undefined);
  const newest = await findNewestBackup(client, { clusterId, regionId: request.regionId }, signal);
  if (newest === undefined) throw noBackup(clusterId, request.regionId);
  const { backup, dataTime } = newest;
  const rpoMs = Math.max(0, now() - Date.parse(dataTime));
  emit({ kind: 'backup', backup, dataTime, ageMs: rpoMs });

  const scratchClusterName = `drill-${randomBytes(4).toString('hex')}`;
  const startedAt = now();
  const restore = await client.backups.restoreCluster(
    { clusterId, backupId: backup.backupId, projectId: request.projectId ?? backup.projectId, clusterName: scratchClusterName, cuSize: await sourceCuSize(client, clusterId, signal) },
    { signal },
  );
  const scratchClusterId = restore.clusterId;
  emit({ kind: 'restore-started', scratchClusterId, scratchClusterName, jobId: restore.job.id });

  let collections: CollectionCheck[];
  let rtoMs: number;
  try {
    await restore.job.wait({ ...waitPolling, signal, onProgress: (progress) => emit({ kind: 'restore-progress', jobId: restore.job.id, progress }) });
    emit({ kind: 'restored', jobId: restore.job.id, elapsedMs: now() - startedAt });
    collections = await checkCollections(client, backup, scratchClusterId, signal);
    rtoMs = now() - startedAt;
    emit({ kind: 'verified', collections });
  } catch (error) {
    const teardown = await tearDown(client, scratchClusterId, restore.job.id, false);
    emit({ kind: 'teardown', teardown });
    if (signal?.aborted === true) {
      throw new CliError({
        code: 'DRILL_INTERRUPTED',
        problem: `The drill was interrupted; ${describeTeardown(teardown)}`,
        fix: 'Run the drill again.',
        exitCode: ExitCode.interrupted,
        cause: error,
      });
    }
    throw error;
  }

  const teardown = await tearDown(client, scratchClusterId, restore.job.id, request.keep === true);
  emit({ kind: 'teardown', teardown });
  const verified = collections.every((check) => check.matched);
  const objectives = { rto: assess(request.rto, rtoMs), rpo: assess(request.rpo, rpoMs) };
  const failures = [
    ...collections.filter((check) => !check.matched).map((check) => `${check.dbName}.${check.collectionName} ${check.problem ?? 'differs from the backup'}`),
    ...(objectives.rto.met ? [] : [`the recovery took ${formatSeconds(rtoMs)}, over the RTO objective of ${request.rto?.target ?? ''}`]),
    ...(objectives.rpo.met ? [] : [`the newest backup's data was ${formatSeconds(rpoMs)} old, over the RPO objective of ${request.rpo?.target ?? ''}`]),
  ];
  return {
    clusterId,
    backupId: backup.backupId,
    backupName: backup.backupName,
    regionId: backup.regionId,
    backupCreateTime: backup.createTime,
    dataTime,
    scratchClusterId,
    scratchClusterName,
    startTime: new Date(startedAt).toISOString(),
    rtoMs,
    rpoMs,
    collections,
    verified,
    objectives,
    teardown,
    passed: failures.length === 0,
    failures,
  };
}

/**
 * Removes the scratch cluster, best effort: a restore still running is canceled first and given
 * time to end (a cluster being restored cannot be dropped). Never throws; says what happened.
 */
async function tearDown(client: Lifeboat, scratchClusterId: string, jobId: string, keep: boolean): Promise<Teardown> {
  if (keep) return { scratchClusterId, outcome: 'kept', reason: null };
  try {
    const job = client.jobs.handle(jobId);
    const state = await job.get();
    if (state.status === 'PENDING' || state.status === 'IN_PROGRESS' || state.status === 'CANCELING') {
      if (state.status !== 'CANCELING') await job.cancel();
      await job.wait({ ...waitPolling, timeoutMs: cancelWaitMs }).catch(() => undefined);
    }
    await client.clusters.drop(scratchClusterId);
    return { scratchClusterId, outcome: 'removed', reason: null };
  } catch (error) {
    // A canceled restore may remove its half-restored cluster itself.
    if (isLifeboatError(error) && error.code === ErrorCode.CLUSTER_NOT_FOUND) return { scratchClusterId, outcome: 'removed', reason: null };
    return { scratchClusterId, outcome: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** `scratch cluster in01-… was removed` or why it was not, with the command that removes it. */
export function describeTeardown(teardown: Teardown): string {
  switch (teardown.outcome) {
    case 'removed':
      return `scratch cluster ${teardown.scratchClusterId} was removed`;
    case 'kept':
      return `scratch cluster ${teardown.scratchClusterId} was kept; drop it when done`;
    case 'failed':
      return `scratch cluster ${teardown.scratchClusterId} could not be removed (${teardown.reason ?? 'unknown reason'}); drop it by hand once its jobs end`;
  }
}

function noBackup(clusterId: string, regionId: string | undefined): CliError {
  const where = regionId === undefined ? '' : ` in ${regionId}`;
  return new CliError({
    code: 'NO_BACKUP',
    problem: `Cluster ${clusterId} has no AVAILABLE cluster backup${where} to drill with`,
    fix:
      regionId === undefined
        ? `Create one with lifeboat backups create --cluster ${clusterId}, or schedule them with lifeboat policy set --cluster ${clusterId}.`
        : `Copy one there with lifeboat backups copy <backupId> --cluster ${clusterId} --to ${regionId}, or keep copies there with lifeboat copy-policy set --cluster ${clusterId} --region ${regionId}.`,
  });
}
