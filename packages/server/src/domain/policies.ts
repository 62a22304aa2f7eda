import type { BackupPolicy, CopyPolicy, PutCopyPolicyRequest, SetBackupPolicyRequest, SetBackupPolicyResult } from '@lifeboat/api';
import type { ServerContext } from '../context.js';
import { ServiceError } from '../errors.js';
import type { Principal } from './access.js';
import { loadCluster } from './clusters.js';
import { copyPolicyView, policyView } from './views.js';

export async function getPolicy(ctx: ServerContext, principal: Principal, clusterId: string): Promise<BackupPolicy> {
  await loadCluster(ctx, principal, clusterId, 'read');
  return storedPolicy(ctx, clusterId);
}

/** Policies of many clusters in one call; clusters out of the key's scope are refused. */
export async function getPolicies(ctx: ServerContext, principal: Principal, clusterIds: readonly string[]): Promise<{ policies: BackupPolicy[] }> {
  const unique = [...new Set(clusterIds)];
  const policies: BackupPolicy[] = [];
  const stored = new Map((await ctx.store.listPolicies(unique)).map((policy) => [policy.clusterId, policy]));
  for (const clusterId of unique) {
    await loadCluster(ctx, principal, clusterId, 'read');
    policies.push(policyView(clusterId, stored.get(clusterId), await ctx.store.listCopyPolicies(clusterId)));
  }
  return { policies };
}

/**
 * Sets or disables a cluster's policy. Enabling starts a first AUTO backup at once (the
 * scheduler sees a policy that never ran as due), so protection does not wait for the window.
 */
export async function setPolicy(ctx: ServerContext, principal: Principal, clusterId: string, request: SetBackupPolicyRequest): Promise<SetBackupPolicyResult> {
  await loadCluster(ctx, principal, clusterId, 'policy:write');
  for (const copy of request.crossRegionCopies ?? []) {
    if (!ctx.regions.has(copy.regionId)) throw new ServiceError('INVALID_REGION_ID', `Unknown region ${copy.regionId} in crossRegionCopies.`);
  }
  const previous = await ctx.store.getPolicy(clusterId);
  const now = ctx.clock.now();
  if (!request.enabled) {
    // Settings sent with a disable are kept, so a policy declared disabled reads back as written.
    await ctx.store.putPolicy({
      clusterId,
      enabled: false,
      frequency: request.frequency ?? previous?.frequency ?? null,
      startTime: request.startTime ?? previous?.startTime ?? null,
      retentionDays: request.retentionDays ?? previous?.retentionDays ?? null,
      intervalMinutes: request.intervalMinutes ?? previous?.intervalMinutes ?? null,
      lastRunAt: previous?.lastRunAt ?? null,
      updateTime: now,
    });
    return { clusterId, status: 'DISABLED', policy: await storedPolicy(ctx, clusterId) };
  }
  const wasEnabled = previous?.enabled === true;
  await ctx.store.putPolicy({
    clusterId,
    enabled: true,
    frequency: request.intervalMinutes === undefined ? (request.frequency ?? null) : (request.frequency ?? '1,2,3,4,5,6,7'),
    startTime: request.intervalMinutes === undefined ? (request.startTime ?? null) : null,
    retentionDays: request.retentionDays ?? null,
    intervalMinutes: request.intervalMinutes ?? null,
    // A newly enabled policy has never run, so the scheduler takes its first backup at once.
    lastRunAt: wasEnabled ? (previous?.lastRunAt ?? null) : null,
    updateTime: now,
  });
  if (request.crossRegionCopies !== undefined) {
    await ctx.store.replaceAutoCopyPolicies(
      clusterId,
      request.crossRegionCopies.map((copy) => ({ clusterId, regionId: copy.regionId, retentionDays: copy.retentionDays, appliesTo: 'AUTO' as const })),
    );
  }
  if (!wasEnabled) ctx.wakeScheduler();
  return { clusterId, status: 'ENABLED', policy: await storedPolicy(ctx, clusterId) };
}

async function storedPolicy(ctx: ServerContext, clusterId: string): Promise<BackupPolicy> {
  return policyView(clusterId, await ctx.store.getPolicy(clusterId), await ctx.store.listCopyPolicies(clusterId));
}

export async function listCopyPolicies(ctx: ServerContext, principal: Principal, clusterId: string): Promise<{ copyPolicies: CopyPolicy[] }> {
  await loadCluster(ctx, principal, clusterId, 'read');
  return { copyPolicies: (await ctx.store.listCopyPolicies(clusterId)).map(copyPolicyView) };
}

export async function putCopyPolicy(ctx: ServerContext, principal: Principal, clusterId: string, regionId: string, request: PutCopyPolicyRequest): Promise<CopyPolicy> {
  const cluster = await loadCluster(ctx, principal, clusterId, 'policy:write');
  if (!ctx.regions.has(regionId)) throw new ServiceError('INVALID_REGION_ID', `Unknown region ${regionId}: this server has ${[...ctx.regions.keys()].join(', ')}.`);
  if (regionId === cluster.regionId) throw new ServiceError('SAME_REGION_COPY', `Cluster ${clusterId} is in ${regionId}; its backups are there already. Copy to another region.`);
  const policy = { clusterId, regionId, retentionDays: request.retentionDays, appliesTo: request.appliesTo };
  await ctx.store.putCopyPolicy(policy);
  return copyPolicyView(policy);
}

export async function deleteCopyPolicy(ctx: ServerContext, principal: Principal, clusterId: string, regionId: string): Promise<{ regionId: string }> {
  await loadCluster(ctx, principal, clusterId, 'policy:write');
  if (!(await ctx.store.deleteCopyPolicy(clusterId, regionId))) {
    throw new ServiceError('COPY_POLICY_NOT_FOUND', `Cluster ${clusterId} has no copy policy to ${regionId}.`);
  }
  return { regionId };
}

