import type {
  BackupPolicy,
  ClusterCopyPolicy,
  CopyPolicy,
  PutCopyPoliciesRequest,
  PutCopyPolicyRequest,
  SetBackupPoliciesRequest,
  SetBackupPoliciesResult,
  SetBackupPolicyRequest,
  SetBackupPolicyResult,
} from '@lifeboat/api';
import type { ServerContext } from '../context.js';
import { ServiceError } from '../errors.js';
import type { Principal } from './access.js';
import type { CopyPolicyRecord, PolicyChange } from './model.js';
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
  const change = await policyChange(ctx, principal, clusterId, request);
  await ctx.store.putPolicies([change]);
  if (change.startsSchedule) ctx.wakeScheduler();
  return { clusterId, status: change.policy.enabled ? 'ENABLED' : 'DISABLED', policy: await storedPolicy(ctx, clusterId) };
}

/**
 * Sets the policies of many clusters as one change: every policy is checked first, so one that
 * would be refused (a cluster not found or out of the key's scope, an unknown region) refuses
 * the call, names the policy, and sets none of them.
 */
export async function setPolicies(ctx: ServerContext, principal: Principal, request: SetBackupPoliciesRequest): Promise<SetBackupPoliciesResult> {
  const changes: PolicyChange[] = [];
  for (const [index, { clusterId, ...policy }] of request.policies.entries()) {
    changes.push(await refusingBatch(`policies[${index}]`, () => policyChange(ctx, principal, clusterId, policy)));
  }
  await ctx.store.putPolicies(changes);
  if (changes.some((change) => change.startsSchedule)) ctx.wakeScheduler();
  const results: SetBackupPolicyResult[] = [];
  for (const { policy } of changes) {
    results.push({ clusterId: policy.clusterId, status: policy.enabled ? 'ENABLED' : 'DISABLED', policy: await storedPolicy(ctx, policy.clusterId) });
  }
  return { results };
}

/** What setting a cluster's policy writes, once the key may write it. */
async function policyChange(ctx: ServerContext, principal: Principal, clusterId: string, request: SetBackupPolicyRequest): Promise<PolicyChange> {
  await loadCluster(ctx, principal, clusterId, 'policy:write');
  for (const copy of request.crossRegionCopies ?? []) {
    if (!ctx.regions.has(copy.regionId)) throw new ServiceError('INVALID_REGION_ID', `Unknown region ${copy.regionId} in crossRegionCopies.`);
  }
  const previous = await ctx.store.getPolicy(clusterId);
  const updateTime = ctx.clock.now();
  if (!request.enabled) {
    // Settings sent with a disable are kept, so a policy declared disabled reads back as written.
    const policy = {
      clusterId,
      enabled: false,
      frequency: request.frequency ?? previous?.frequency ?? null,
      startTime: request.startTime ?? previous?.startTime ?? null,
      retentionDays: request.retentionDays ?? previous?.retentionDays ?? null,
      intervalMinutes: request.intervalMinutes ?? previous?.intervalMinutes ?? null,
      lastRunAt: previous?.lastRunAt ?? null,
      updateTime,
    };
    return { policy, startsSchedule: false };
  }
  const wasEnabled = previous?.enabled === true;
  const policy = {
    clusterId,
    enabled: true,
    frequency: request.intervalMinutes === undefined ? (request.frequency ?? null) : (request.frequency ?? '1,2,3,4,5,6,7'),
    startTime: request.intervalMinutes === undefined ? (request.startTime ?? null) : null,
    retentionDays: request.retentionDays ?? null,
    intervalMinutes: request.intervalMinutes ?? null,
    // A newly enabled policy has never run, so the scheduler takes its first backup at once.
    lastRunAt: wasEnabled ? (previous?.lastRunAt ?? null) : null,
    updateTime,
  };
  const autoCopyPolicies = request.crossRegionCopies?.map((copy) => ({ clusterId, regionId: copy.regionId, retentionDays: copy.retentionDays, appliesTo: 'AUTO' as const }));
  return { policy, ...(autoCopyPolicies === undefined ? {} : { autoCopyPolicies }), startsSchedule: !wasEnabled };
}

/**
 * Runs one item's checks of a batch call; a refusal names the item and says that nothing of the
 * call was done, keeping the item's own code.
 */
async function refusingBatch<T>(item: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    throw new ServiceError(error.errorName, `${item}: ${error.message} Nothing of this call was changed; fix or leave out that item and send it again.`, { cause: error });
  }
}

async function storedPolicy(ctx: ServerContext, clusterId: string): Promise<BackupPolicy> {
  return policyView(clusterId, await ctx.store.getPolicy(clusterId), await ctx.store.listCopyPolicies(clusterId));
}

export async function listCopyPolicies(ctx: ServerContext, principal: Principal, clusterId: string): Promise<{ copyPolicies: CopyPolicy[] }> {
  await loadCluster(ctx, principal, clusterId, 'read');
  return { copyPolicies: (await ctx.store.listCopyPolicies(clusterId)).map(copyPolicyView) };
}

export async function putCopyPolicy(ctx: ServerContext, principal: Principal, clusterId: string, regionId: string, request: PutCopyPolicyRequest): Promise<CopyPolicy> {
  const policy = await copyPolicyChange(ctx, principal, { clusterId, regionId, ...request });
  await ctx.store.putCopyPolicies([policy]);
  return copyPolicyView(policy);
}

/** Creates or replaces many copy policies as one change: all of them, or none when any is refused. */
export async function putCopyPolicies(ctx: ServerContext, principal: Principal, request: PutCopyPoliciesRequest): Promise<{ copyPolicies: ClusterCopyPolicy[] }> {
  const policies: CopyPolicyRecord[] = [];
  for (const [index, policy] of request.copyPolicies.entries()) {
    policies.push(await refusingBatch(`copyPolicies[${index}]`, () => copyPolicyChange(ctx, principal, policy)));
  }
  await ctx.store.putCopyPolicies(policies);
  return { copyPolicies: policies.map((policy) => ({ clusterId: policy.clusterId, ...copyPolicyView(policy) })) };
}

/** The copy policy to store, once the key may write it and the region can take the copies. */
async function copyPolicyChange(ctx: ServerContext, principal: Principal, request: { readonly clusterId: string; readonly regionId: string } & PutCopyPolicyRequest): Promise<CopyPolicyRecord> {
  const { clusterId, regionId } = request;
  const cluster = await loadCluster(ctx, principal, clusterId, 'policy:write');
  if (!ctx.regions.has(regionId)) throw new ServiceError('INVALID_REGION_ID', `Unknown region ${regionId}: this server has ${[...ctx.regions.keys()].join(', ')}.`);
  if (regionId === cluster.regionId) throw new ServiceError('SAME_REGION_COPY', `Cluster ${clusterId} is in ${regionId}; its backups are there already. Copy to another region.`);
  return { clusterId, regionId, retentionDays: request.retentionDays, appliesTo: request.appliesTo };
}

export async function deleteCopyPolicy(ctx: ServerContext, principal: Principal, clusterId: string, regionId: string): Promise<{ regionId: string }> {
  await loadCluster(ctx, principal, clusterId, 'policy:write');
  if (!(await ctx.store.deleteCopyPolicy(clusterId, regionId))) {
    throw new ServiceError('COPY_POLICY_NOT_FOUND', `Cluster ${clusterId} has no copy policy to ${regionId}.`);
  }
  return { regionId };
}

