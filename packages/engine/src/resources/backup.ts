import { ConflictError, ErrorCode, NotFoundError, type Backup, type Lifeboat } from '@lifeboat/sdk';
import type { Attributes, ResourceType } from './resource-type.js';
import { str, waitForJob } from './common.js';

interface CollectionScope {
  db_name?: string;
  collection_names: string[];
}

function toState(backup: Backup, prior: Attributes): Attributes {
  return {
    id: `${backup.clusterId}/${backup.backupId}`,
    cluster_id: backup.clusterId,
    backup_id: backup.backupId,
    backup_name: backup.backupName,
    backup_type: backup.backupType,
    collections: prior.collections ?? null,
    copy_regions: prior.copy_regions ?? null,
    status: backup.status,
    size_bytes: backup.size,
    stored_bytes: backup.storedBytes ?? null,
    region_id: backup.regionId,
    create_time: backup.createTime,
  };
}

/**
 * A manual backup cannot start while an AUTO one runs (enabling a policy starts one at once, so
 * a configuration declaring both would otherwise fail half the time). Waits for the running AUTO
 * backups of the cluster, then tries again; the rule itself is the server's.
 */
async function createAfterAutoBackups<T>(client: Lifeboat, create: () => Promise<T>, clusterId: string, signal: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (!(error instanceof ConflictError) || error.code !== ErrorCode.AUTO_BACKUP_IN_PROGRESS || attempt >= 10) throw error;
      const running = await client.jobs.list({ clusterId, type: 'BACKUP' }, { signal }).toArray();
      for (const job of running.filter((j) => j.status === 'PENDING' || j.status === 'IN_PROGRESS')) {
        await client.jobs.handle(job.jobId).wait({ signal, pollIntervalMs: 200 }).catch(() => undefined);
      }
    }
  }
}

/** `lifeboat_backup`: one manual backup of a cluster or of listed collections. */
export const backup: ResourceType = {
  type: 'lifeboat_backup',
  mode: 'managed',
  schema: {
    description: 'One manual backup, of a whole cluster or of listed collections, optionally copied to other regions. Manual backups never expire; destroying the resource deletes the backup.',
    attributes: {
      id: { type: 'string', computed: true, description: '`<cluster_id>/<backup_id>`.' },
      cluster_id: { type: 'string', required: true, forcesReplacement: true, description: 'The cluster to back up.' },
      collections: {
        type: { list: { object: { db_name: { type: 'string', default: 'default', description: 'Database; `default` if absent.' }, collection_names: { type: { list: 'string' }, required: true, description: 'Collections of that database.' } } } },
        forcesReplacement: true,
        description: 'Back up only these collections (a COLLECTION backup); the whole cluster when absent.',
      },
      copy_regions: { type: { list: 'string' }, forcesReplacement: true, description: 'Regions to copy the backup to once it is AVAILABLE.' },
      backup_name: { type: 'string', optional: true, computed: true, description: 'A name of your choosing; the server picks one when absent. Changing it renames in place.' },
      backup_id: { type: 'string', computed: true, description: 'The backup\'s id.' },
      backup_type: { type: 'string', computed: true, description: 'CLUSTER or COLLECTION.' },
      status: { type: 'string', computed: true, description: 'AVAILABLE once the backup is complete.' },
      size_bytes: { type: 'number', computed: true, description: 'Bytes of data the backup covers.' },
      stored_bytes: { type: 'number', computed: true, description: 'New bytes the backup wrote (unchanged data is shared with earlier backups).' },
      region_id: { type: 'string', computed: true, description: 'Region holding the backup.' },
      create_time: { type: 'string', computed: true, description: 'When the backup was taken (ISO 8601 UTC).' },
    },
  },
  id: (state) => `${str(state.cluster_id)}/${str(state.backup_id)}`,

  async read({ client, prior, signal }) {
    try {
      const found = await client.backups.get({ clusterId: str(prior.cluster_id), backupId: str(prior.backup_id) }, { signal });
      // A backup that failed or is being deleted protects nothing: plan to take it again.
      return found.status === 'FAILED' || found.status === 'DELETING' ? undefined : toState(found, prior);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  },

  async create(context) {
    const { client, config, idempotencyKey, signal } = context;
    const clusterId = str(config.cluster_id);
    const scopes = (config.collections as CollectionScope[] | null | undefined) ?? undefined;
    const regions = (config.copy_regions as string[] | null | undefined) ?? undefined;
    const request = {
        clusterId,
        ...(scopes === undefined
          ? { backupType: 'CLUSTER' as const }
          : { backupType: 'COLLECTION' as const, dbCollections: scopes.map((s) => ({ dbName: s.db_name ?? 'default', collectionNames: s.collection_names })) }),
        ...(regions === undefined ? {} : { crossRegionCopies: regions.map((regionId) => ({ regionId })) }),
        ...(config.backup_name == null ? {} : { backupName: str(config.backup_name) }),
    };
    const started = await createAfterAutoBackups(client, () => client.backups.create(request, { signal, idempotencyKey }), clusterId, signal);
    await context.onAccepted({ objectId: started.backupId, jobId: started.jobId });
    await waitForJob(context, started.job);
    return toState(await client.backups.get({ clusterId, backupId: started.backupId }, { signal }), config);
  },

  async update({ client, prior, config, signal }) {
    const ref = { clusterId: str(prior.cluster_id), backupId: str(prior.backup_id) };
    if (config.backup_name != null && config.backup_name !== prior.backup_name) {
      await client.backups.rename({ ...ref, backupName: str(config.backup_name) }, { signal });
    }
    return toState(await client.backups.get(ref, { signal }), config);
  },

  acceptedState: (config, objectId) => ({ ...config, id: `${str(config.cluster_id)}/${objectId}`, backup_id: objectId }),

  async delete({ client, prior, signal }) {
    await client.backups.delete({ clusterId: str(prior.cluster_id), backupId: str(prior.backup_id) }, { signal }).catch((error: unknown) => {
      if (!(error instanceof NotFoundError)) throw error;
    });
  },

  async import({ client, id, signal }) {
    const [clusterId, backupId] = id.split('/');
    if (!clusterId || !backupId) throw new Error(`Import ids of lifeboat_backup are <cluster_id>/<backup_id> (got "${id}").`);
    return toState(await client.backups.get({ clusterId, backupId }, { signal }), {});
  },
};

