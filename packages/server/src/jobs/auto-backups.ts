import type { ServerContext } from '../context.js';
import { startBackup } from '../domain/backups.js';
import type { PolicyRecord } from '../domain/model.js';
import { catalogNameOf } from '../errors.js';
import { isBackupDue } from './policy-schedule.js';

const dayMs = 24 * 60 * 60 * 1000;

/** What one pass over the policies did. */
export interface AutoBackupsResult {
  /** Backups queued, by id. */
  readonly started: readonly string[];
  /** Due, but an AUTO backup of the cluster is still running: tried again next pass. */
  readonly deferred: number;
  /** Policies that could not be handled (logged). */
  readonly failed: number;
}

/**
 * Queues an AUTO backup for every enabled policy that is due and whose cluster is RUNNING. One
 * policy's failure is logged and does not keep the others from running.
 */
export async function startDueAutoBackups(ctx: ServerContext): Promise<AutoBackupsResult> {
  const now = ctx.clock.now();
  const started: string[] = [];
  let deferred = 0;
  let failed = 0;
  for (const policy of await ctx.store.listEnabledPolicies()) {
    try {
      const outcome = await runPolicy(ctx, policy, now);
      if (outcome.kind === 'started') started.push(outcome.backupId);
      if (outcome.kind === 'deferred') deferred += 1;
    } catch (error) {
      failed += 1;
      ctx.logger.error({ clusterId: policy.clusterId, err: String(error) }, 'could not start the AUTO backup of a policy; trying again next pass');
    }
  }
  return { started, deferred, failed };
}

async function runPolicy(ctx: ServerContext, policy: PolicyRecord, now: number): Promise<{ kind: 'started'; backupId: string } | { kind: 'deferred' | 'idle' }> {
  if (!isBackupDue({ policy, lastRunAt: policy.lastRunAt, now })) return { kind: 'idle' };
  const cluster = await ctx.store.getCluster(policy.clusterId);
  // A cluster being restored or dropped is not backed up; its policy waits for it to run again.
  if (cluster?.status !== 'RUNNING') return { kind: 'idle' };
  try {
    const { backupId } = await startBackup(ctx, cluster, {
      backupType: 'CLUSTER',
      scope: null,
      creationMethod: 'AUTO',
      // Copies come from the cluster's copy policies, queued when this backup succeeds.
      crossRegionCopies: [],
      // A policy without retention (only possible for records older than the API's validation)
      // keeps its backups: losing data by guessing a retention is worse than keeping it.
      expireTime: policy.retentionDays === null ? null : now + policy.retentionDays * dayMs,
    });
    // Only this column: the policy may have been edited (even disabled) since it was listed, and
    // writing the whole listed record back would undo that edit.
    await ctx.store.recordPolicyRun(policy.clusterId, now);
    ctx.logger.info({ clusterId: policy.clusterId, backupId }, 'AUTO backup started');
    return { kind: 'started', backupId };
  } catch (error) {
    // The previous AUTO backup is still running: not an error, the policy stays due.
    if (catalogNameOf(error) === 'AUTO_BACKUP_IN_PROGRESS') return { kind: 'deferred' };
    throw error;
  }
}
