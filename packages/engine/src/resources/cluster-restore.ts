import { NotFoundError, type Cluster } from '@lifeboat/sdk';
import type { Attributes, ResourceType } from './resource-type.js';
import { num, oneOf, str, waitForJob } from './common.js';

const toState = (cluster: Cluster, prior: Attributes): Attributes => ({
  id: cluster.clusterId,
  source_cluster_id: prior.source_cluster_id ?? null,
  backup_id: prior.backup_id ?? null,
  project_id: cluster.projectId,
  cluster_name: cluster.clusterName,
  cu_size: cluster.cuSize,
  collection_status: prior.collection_status ?? 'KEEP',
  cluster_id: cluster.clusterId,
  connect_address: cluster.connectAddress,
  region_id: cluster.regionId,
  status: cluster.status,
  password: prior.password ?? null,
});

/** `lifeboat_cluster_restore`: a new cluster restored from a backup — a DR standby. */
export const clusterRestore: ResourceType = {
  type: 'lifeboat_cluster_restore',
  mode: 'managed',
  schema: {
    description: 'A new cluster restored from a CLUSTER backup, in the backup\'s region: a disaster-recovery standby. A newer backup replaces it (use create_before_destroy to keep one standing). Destroying it drops the cluster.',
    attributes: {
      id: { type: 'string', computed: true, description: 'The restored cluster\'s id.' },
      source_cluster_id: { type: 'string', required: true, forcesReplacement: true, description: 'The cluster the backup was taken of.' },
      backup_id: { type: 'string', required: true, forcesReplacement: true, description: 'The backup to restore, e.g. from `data.lifeboat_latest_backup`.' },
      project_id: { type: 'string', required: true, forcesReplacement: true, description: 'Project of the new cluster.' },
      cluster_name: { type: 'string', required: true, forcesReplacement: true, description: 'Name of the new cluster.' },
      cu_size: { type: 'number', default: 1, forcesReplacement: true, description: 'Compute units of the new cluster.' },
      collection_status: { type: 'string', default: 'KEEP', forcesReplacement: true, description: 'KEEP each collection\'s load state from the backup, or RELEASE all.', validate: oneOf(['KEEP', 'RELEASE']) },
      cluster_id: { type: 'string', computed: true, description: 'The restored cluster\'s id.' },
      connect_address: { type: 'string', computed: true, description: 'Where clients connect to the restored cluster.' },
      region_id: { type: 'string', computed: true, description: 'Region of the restored cluster (the backup\'s).' },
      status: { type: 'string', computed: true, description: 'RUNNING once restored.' },
      password: { type: 'string', computed: true, sensitive: true, description: 'The new cluster\'s admin password (passwords are never backed up).' },
    },
  },
  id: (state) => str(state.cluster_id),

  async read({ client, prior, signal }) {
    try {
      const cluster = await client.clusters.get(str(prior.cluster_id), { signal });
      return cluster.status === 'DELETED' ? undefined : toState(cluster, prior);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  },

  async create(context) {
    const { client, config, idempotencyKey, signal } = context;
    const started = await client.backups.restoreCluster(
      {
        clusterId: str(config.source_cluster_id),
        backupId: str(config.backup_id),
        projectId: str(config.project_id),
        clusterName: str(config.cluster_name),
        cuSize: num(config.cu_size ?? 1),
        collectionStatus: str(config.collection_status ?? 'KEEP') as 'KEEP',
      },
      { signal, idempotencyKey },
    );
    await context.onAccepted({ objectId: started.clusterId, jobId: started.jobId });
    await waitForJob(context, started.job);
    return toState(await client.clusters.get(started.clusterId, { signal }), { ...config, password: started.password });
  },

  acceptedState: (config, objectId) => ({ ...config, id: objectId, cluster_id: objectId }),

  async delete({ client, prior, signal }) {
    await client.clusters.drop(str(prior.cluster_id), { signal }).catch((error: unknown) => {
      if (!(error instanceof NotFoundError)) throw error;
    });
  },

  async import({ client, id, signal }) {
    return toState(await client.clusters.get(id, { signal }), {});
  },
};
