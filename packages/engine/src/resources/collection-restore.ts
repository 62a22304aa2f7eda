import { NotFoundError } from '@lifeboat/sdk';
import type { Attributes, ResourceType } from './resource-type.js';
import { oneOf, str, waitForJob } from './common.js';

const target = (config: Attributes) => ({
  dbName: str(config.dest_db_name ?? config.db_name ?? 'default'),
  collectionName: str(config.dest_collection_name ?? config.collection_name),
});

/** `lifeboat_collection_restore`: one collection of a backup restored into an existing cluster. */
export const collectionRestore: ResourceType = {
  type: 'lifeboat_collection_restore',
  mode: 'managed',
  schema: {
    description: 'One collection of a backup restored into an existing cluster, optionally renamed, as a subset of partitions and with a chosen load state. Use for_each for several collections. Every input forces replacement; destroying it drops the restored collection.',
    attributes: {
      id: { type: 'string', computed: true, description: '`<dest_cluster_id>/<database>/<collection>`.' },
      source_cluster_id: { type: 'string', required: true, forcesReplacement: true, description: 'The cluster the backup was taken of.' },
      backup_id: { type: 'string', required: true, forcesReplacement: true, description: 'The backup to restore from.' },
      dest_cluster_id: { type: 'string', required: true, forcesReplacement: true, description: 'The cluster to restore into (in the backup\'s region).' },
      db_name: { type: 'string', default: 'default', forcesReplacement: true, description: 'Database of the collection in the backup.' },
      collection_name: { type: 'string', required: true, forcesReplacement: true, description: 'The collection in the backup.' },
      dest_db_name: { type: 'string', forcesReplacement: true, description: 'Database to restore into; the same as `db_name` when absent.' },
      dest_collection_name: { type: 'string', forcesReplacement: true, description: 'Name to restore under; the same as `collection_name` when absent.' },
      load: { type: 'bool', forcesReplacement: true, description: 'Load the restored collection (true) or leave it released (false); as in the backup when absent.' },
      partitions: { type: { list: 'string' }, forcesReplacement: true, description: 'Restore only these partitions; all when absent.' },
      on_conflict: { type: 'string', default: 'FAIL', forcesReplacement: true, description: 'FAIL when the destination collection exists, or OVERWRITE it if the schemas match.', validate: oneOf(['FAIL', 'OVERWRITE']) },
      row_count: { type: 'number', computed: true, description: 'Rows in the restored collection.' },
      checksum: { type: 'string', computed: true, description: 'Digest of the restored rows; equals the backup\'s for a full restore.' },
    },
  },
  id: (state) => `${str(state.dest_cluster_id)}/${target(state).dbName}/${target(state).collectionName}`,

  async read({ client, prior, signal }) {
    try {
      const described = await client.dataPlane(str(prior.dest_cluster_id)).collections.describe(target(prior), { signal });
      return { ...prior, row_count: described.rowCount, checksum: described.checksum };
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  },

  async create(context) {
    const { client, config, idempotencyKey, signal } = context;
    const { dbName, collectionName } = target(config);
    const started = await client.backups.restoreCollection(
      {
        clusterId: str(config.source_cluster_id),
        backupId: str(config.backup_id),
        destClusterId: str(config.dest_cluster_id),
        onConflict: str(config.on_conflict ?? 'FAIL') as 'FAIL',
        dbCollections: [
          {
            dbName: str(config.db_name ?? 'default'),
            destDbName: dbName,
            collections: [
              {
                collectionName: str(config.collection_name),
                destCollectionName: collectionName,
                ...(config.load == null ? {} : { destCollectionStatus: config.load === true ? ('LOADED' as const) : ('UNLOADED' as const) }),
                ...(config.partitions == null ? {} : { partitionNames: config.partitions as string[] }),
              },
            ],
          },
        ],
      },
      { signal, idempotencyKey },
    );
    await context.onAccepted({ objectId: `${str(config.dest_cluster_id)}/${dbName}/${collectionName}`, jobId: started.jobId });
    await waitForJob(context, started.job);
    const described = await client.dataPlane(str(config.dest_cluster_id)).collections.describe({ dbName, collectionName }, { signal });
    return { ...config, id: `${str(config.dest_cluster_id)}/${dbName}/${collectionName}`, row_count: described.rowCount, checksum: described.checksum };
  },

  acceptedState: (config, objectId) => ({ ...config, id: objectId }),

  async delete({ client, prior, signal }) {
    await client
      .dataPlane(str(prior.dest_cluster_id))
      .collections.drop(target(prior), { signal })
      .catch((error: unknown) => {
        if (!(error instanceof NotFoundError)) throw error;
      });
  },
};
