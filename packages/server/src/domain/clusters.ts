import type { Cluster, ClusterPage, CreateClusterRequest, CreateClusterResult, DropClusterResult } from '@lifeboat/api';
import type { ServerContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { newClusterId, newPassword } from '../internal/ids.js';
import { authorize, type Principal } from './access.js';
import type { ClusterRecord } from './model.js';
import { pagingOf } from './paging.js';
import { clusterView } from './views.js';

/** A live cluster the caller may act on, or the error that says why not. */
export async function loadCluster(ctx: ServerContext, principal: Principal, clusterId: string, action: Parameters<typeof authorize>[1]): Promise<ClusterRecord> {
  const cluster = await ctx.store.getCluster(clusterId);
  if (cluster === undefined || cluster.status === 'DELETED') {
    throw new ServiceError('CLUSTER_NOT_FOUND', `Cluster ${clusterId} not found. List clusters with GET /v2/clusters.`);
  }
  authorize(principal, action, [cluster.projectId]);
  return cluster;
}

export async function describeCluster(ctx: ServerContext, principal: Principal, clusterId: string): Promise<Cluster> {
  const cluster = await loadCluster(ctx, principal, clusterId, 'read');
  return clusterView(cluster, ctx.baseUrl(), await ctx.store.countBackupsOfCluster(clusterId));
}

export async function listClusters(ctx: ServerContext, principal: Principal, query: { projectId?: string | undefined; pageSize?: number | undefined; currentPage?: number | undefined }): Promise<ClusterPage> {
  if (query.projectId !== undefined) authorize(principal, 'read', [query.projectId], 'project');
  const paging = pagingOf(query);
  const page = await ctx.store.listClusters({ projectIds: principal.projectIds ?? undefined, projectId: query.projectId }, paging);
  const clusters = await Promise.all(page.items.map(async (c) => clusterView(c, ctx.baseUrl(), await ctx.store.countBackupsOfCluster(c.clusterId))));
  return { count: page.count, currentPage: paging.currentPage, pageSize: paging.pageSize, clusters };
}

/** Creates a local cluster with an empty `default` database. */
export async function createCluster(ctx: ServerContext, principal: Principal, request: CreateClusterRequest): Promise<CreateClusterResult> {
  authorize(principal, 'cluster:write', [request.projectId], 'project');
  if ((await ctx.store.getProject(request.projectId)) === undefined) throw new ServiceError('INVALID_PROJECT_ID');
  if (!ctx.regions.has(request.regionId)) {
    throw new ServiceError('INVALID_REGION_ID', `Unknown region ${request.regionId}: this server has ${[...ctx.regions.keys()].join(', ')}.`);
  }
  return ctx.locks.run(`cluster-name:${request.projectId}`, async () => {
    if (await ctx.store.findClusterByName(request.projectId, request.clusterName)) {
      throw new ServiceError('DUPLICATE_CLUSTER_NAME', `A cluster named ${request.clusterName} already exists in ${request.projectId}. Choose another name.`);
    }
    const clusterId = newClusterId();
    await ctx.clusters.create(clusterId);
    await ctx.store.createCluster({
      clusterId,
      clusterName: request.clusterName,
      projectId: request.projectId,
      regionId: request.regionId,
      cuType: request.cuType ?? 'Performance-optimized',
      cuSize: request.cuSize,
      status: 'RUNNING',
      createTime: ctx.clock.now(),
    });
    return { clusterId, username: 'db_admin', password: newPassword(), prompt: 'Cluster created. The password is shown only once.' };
  });
}

/** Drops a cluster: its data and its AUTO backups go; MANUAL backups stay restorable. */
export async function dropCluster(ctx: ServerContext, principal: Principal, clusterId: string): Promise<DropClusterResult> {
  const cluster = await loadCluster(ctx, principal, clusterId, 'cluster:write');
  return ctx.locks.run(`cluster:${clusterId}`, async () => {
    const statuses = ['PENDING', 'IN_PROGRESS', 'CANCELING'] as const;
    // Jobs reading the cluster (backups) and jobs writing into it (restores) both hold it.
    const reading = await ctx.store.listJobs({ clusterId, statuses: [...statuses] }, { offset: 0, limit: 1 });
    const writing = await ctx.store.listJobs({ targetClusterId: clusterId, statuses: [...statuses] }, { offset: 0, limit: 1 });
    const active = { count: reading.count + writing.count };
    if (cluster.status === 'RESTORING' || active.count > 0) {
      throw new ServiceError('CLUSTER_BUSY', `Cluster ${clusterId} has ${active.count} running job(s); cancel or wait for them before dropping it.`);
    }
    await ctx.store.updateCluster(clusterId, { status: 'DELETED' });
    const autos = await ctx.store.listBackups({ clusterId, creationMethod: 'AUTO', statuses: ['AVAILABLE', 'FAILED'] }, { offset: 0, limit: 100_000 });
    for (const backup of autos.items) await ctx.store.updateBackup(backup.backupId, { status: 'DELETING' });
    await ctx.clusters.remove(clusterId);
    await ctx.store.putPolicy({ clusterId, enabled: false, frequency: null, startTime: null, retentionDays: null, intervalMinutes: null, lastRunAt: null, updateTime: ctx.clock.now() });
    return { clusterId: cluster.clusterId, prompt: `Cluster ${cluster.clusterName} dropped. Its AUTO backups are being deleted; MANUAL backups remain.` };
  });
}
