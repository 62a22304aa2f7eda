import type { Attributes, ResourceType } from './resource-type.js';
import { str } from './common.js';

const notManaged = async (): Promise<never> => {
  throw new Error('data sources are only read');
};

/** `data.lifeboat_latest_backup`: the newest AVAILABLE backup of a cluster, optionally in one region. */
export const latestBackup: ResourceType = {
  type: 'lifeboat_latest_backup',
  mode: 'data',
  schema: {
    description: 'The newest AVAILABLE backup of a cluster, optionally in a given region (a copy in the DR region, say). Reading fails when there is none, so nothing is restored from a guess.',
    attributes: {
      cluster_id: { type: 'string', required: true, description: 'The cluster whose backups to search.' },
      region_id: { type: 'string', description: 'Only backups (or copies) stored in this region.' },
      backup_type: { type: 'string', description: 'Only CLUSTER or COLLECTION backups.' },
      id: { type: 'string', computed: true, description: 'The backup id.' },
      backup_id: { type: 'string', computed: true, description: 'The backup id.' },
      backup_name: { type: 'string', computed: true, description: 'The backup\'s name.' },
      create_time: { type: 'string', computed: true, description: 'When it was taken (ISO 8601 UTC).' },
      size_bytes: { type: 'number', computed: true, description: 'Bytes of data it covers.' },
      creation_method: { type: 'string', computed: true, description: 'MANUAL or AUTO.' },
    },
  },
  id: (state) => str(state.backup_id),
  async read({ client, prior, signal }) {
    const query = {
      clusterId: str(prior.cluster_id),
      ...(prior.region_id == null ? {} : { regionId: str(prior.region_id) }),
      ...(prior.backup_type == null ? {} : { backupType: str(prior.backup_type) as 'CLUSTER' }),
    };
    const found = await client.backups.findLatest(query, { signal });
    if (found === undefined) {
      const where = prior.region_id == null ? '' : ` in region ${str(prior.region_id)}`;
      throw new Error(`Cluster ${query.clusterId} has no AVAILABLE backup${where}. Take one (or wait for a copy) before restoring from it.`);
    }
    return {
      ...prior,
      id: found.backupId,
      backup_id: found.backupId,
      backup_name: found.backupName,
      create_time: found.createTime,
      size_bytes: found.size,
      creation_method: found.creationMethod,
      region_id: found.regionId ?? prior.region_id ?? null,
    };
  },
  create: notManaged,
  delete: notManaged,
};

/** `data.lifeboat_cluster`: a cluster by id. */
export const clusterData: ResourceType = {
  type: 'lifeboat_cluster',
  mode: 'data',
  schema: {
    description: 'A cluster by id: its name, project, region, status and connect address.',
    attributes: {
      cluster_id: { type: 'string', required: true, description: 'The cluster id.' },
      id: { type: 'string', computed: true, description: 'The cluster id.' },
      cluster_name: { type: 'string', computed: true, description: 'Its name.' },
      project_id: { type: 'string', computed: true, description: 'Its project.' },
      region_id: { type: 'string', computed: true, description: 'Its region.' },
      status: { type: 'string', computed: true, description: 'Its status, e.g. RUNNING.' },
      connect_address: { type: 'string', computed: true, description: 'Where clients connect.' },
    },
  },
  id: (state) => str(state.cluster_id),
  async read({ client, prior, signal }) {
    const cluster = await client.clusters.get(str(prior.cluster_id), { signal });
    return {
      cluster_id: cluster.clusterId,
      id: cluster.clusterId,
      cluster_name: cluster.clusterName,
      project_id: cluster.projectId,
      region_id: cluster.regionId,
      status: cluster.status,
      connect_address: cluster.connectAddress,
    };
  },
  create: notManaged,
  delete: notManaged,
};

/** `data.lifeboat_backups`: backups matching filters, newest first. */
export const backupsData: ResourceType = {
  type: 'lifeboat_backups',
  mode: 'data',
  schema: {
    description: 'Backups matching filters, newest first.',
    attributes: {
      cluster_id: { type: 'string', description: 'Only backups of this cluster.' },
      region_id: { type: 'string', description: 'Only backups stored in this region.' },
      status: { type: 'string', description: 'Only backups in this status, e.g. AVAILABLE.' },
      id: { type: 'string', computed: true, description: 'A digest of the filters.' },
      backups: {
        type: { list: { object: {
          backup_id: { type: 'string', computed: true, description: 'Backup id.' },
          backup_name: { type: 'string', computed: true, description: 'Name.' },
          cluster_id: { type: 'string', computed: true, description: 'Cluster.' },
          region_id: { type: 'string', computed: true, description: 'Region.' },
          status: { type: 'string', computed: true, description: 'Status.' },
          creation_method: { type: 'string', computed: true, description: 'MANUAL or AUTO.' },
          create_time: { type: 'string', computed: true, description: 'When it was taken.' },
          size_bytes: { type: 'number', computed: true, description: 'Bytes covered.' },
        } } },
        computed: true,
        description: 'The matching backups.',
      },
    },
  },
  id: (state) => str(state.id),
  async read({ client, prior, signal }) {
    const filters = {
      ...(prior.cluster_id == null ? {} : { clusterId: str(prior.cluster_id) }),
      ...(prior.region_id == null ? {} : { regionId: str(prior.region_id) }),
      ...(prior.status == null ? {} : { status: str(prior.status) as 'AVAILABLE' }),
    };
    const backups: Attributes[] = [];
    for await (const b of client.backups.list(filters, { signal })) {
      backups.push({
        backup_id: b.backupId,
        backup_name: b.backupName,
        cluster_id: b.clusterId,
        region_id: b.regionId ?? null,
        status: b.status,
        creation_method: b.creationMethod,
        create_time: b.createTime,
        size_bytes: b.size,
      });
    }
    return { ...prior, id: JSON.stringify(filters), backups: backups as never };
  },
  create: notManaged,
  delete: notManaged,
};
