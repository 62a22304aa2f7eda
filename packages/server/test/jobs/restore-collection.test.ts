import { describe, expect, it } from 'vitest';
import { articleFields, articleRows, backupCluster, createClusterWithData, describeAll, failureOf, useServers, type TestServer } from './helpers.js';

const start = useServers();

/** A backed-up source cluster and an empty RUNNING destination in the same region. */
async function sourceAndDestination(t: TestServer) {
  const source = await createClusterWithData(t, { clusterName: 'source' });
  const backupId = await backupCluster(t.client, source.clusterId);
  const destination = await createClusterWithData(t, { clusterName: 'destination', collections: [] });
  return { source, backupId, destination, sourceFacts: await describeAll(source.data) };
}

describe('collection RESTORE', () => {
  it('restores under new names, with a subset of partitions and the load state asked for', async () => {
    const t = await start();
    const { source, backupId, destination, sourceFacts } = await sourceAndDestination(t);

    const { job } = await t.client.backups.restoreCollection({
      clusterId: source.clusterId,
      backupId,
      destClusterId: destination.clusterId,
      dbCollections: [
        {
          dbName: 'default',
          destDbName: 'restored',
          collections: [{ collectionName: 'articles', destCollectionName: 'articles_archive', partitionNames: ['archive'], destCollectionStatus: 'UNLOADED' }],
        },
        { dbName: 'analytics', collections: [{ collectionName: 'events', destCollectionStatus: 'LOADED' }] },
      ],
    });
    await job.wait({ pollIntervalMs: 20 });

    const restored = await describeAll(destination.data);
    expect(Object.keys(restored).sort()).toEqual(['analytics.events', 'restored.articles_archive']);
    expect(restored['restored.articles_archive']).toMatchObject({
      rowCount: 40,
      loadStatus: 'UNLOADED',
      partitions: [
        { partitionName: '_default', rowCount: 0 },
        { partitionName: 'archive', rowCount: 40 },
      ],
    });
    expect(restored['analytics.events']).toEqual({ ...sourceFacts['analytics.events'], loadStatus: 'LOADED' });
  });

  it('keeps each collection\'s load state from the backup when none is asked for', async () => {
    const t = await start();
    const { source, backupId, destination, sourceFacts } = await sourceAndDestination(t);

    const { job } = await t.client.backups.restoreCollection({ clusterId: source.clusterId, backupId, destClusterId: destination.clusterId });
    await job.wait({ pollIntervalMs: 20 });

    expect(await describeAll(destination.data)).toEqual(sourceFacts);
  });

  it('refuses to restore over an existing collection without OVERWRITE and restores nothing', async () => {
    const t = await start();
    const { source, backupId, destination } = await sourceAndDestination(t);
    await destination.data.collections.create({ collectionName: 'articles', schema: { fields: articleFields } });
    await destination.data.entities.insert({ collectionName: 'articles', data: articleRows(5, 9000) });
    const existing = await describeAll(destination.data);

    const { job } = await t.client.backups.restoreCollection({ clusterId: source.clusterId, backupId, destClusterId: destination.clusterId });
    const { status, reason } = await failureOf(job.wait({ pollIntervalMs: 20 }));

    expect(status).toBe('FAILED');
    expect(reason).toContain('default.articles');
    expect(reason).toMatch(/already exists.*OVERWRITE/);
    // All or nothing: the other collections of the backup were not restored either.
    expect(await describeAll(destination.data)).toEqual(existing);
  });

  it('overwrites an existing collection with the same schema when asked', async () => {
    const t = await start();
    const { source, backupId, destination, sourceFacts } = await sourceAndDestination(t);
    await destination.data.collections.create({ collectionName: 'articles', schema: { fields: articleFields } });
    await destination.data.entities.insert({ collectionName: 'articles', data: articleRows(5, 9000) });

    const { job } = await t.client.backups.restoreCollection({
      clusterId: source.clusterId,
      backupId,
      destClusterId: destination.clusterId,
      dbCollections: [{ dbName: 'default', collections: [{ collectionName: 'articles' }] }],
      onConflict: 'OVERWRITE',
    });
    await job.wait({ pollIntervalMs: 20 });

    const after = await describeAll(destination.data);
    expect(after['default.articles']).toEqual(sourceFacts['default.articles']);
    const rows = await destination.data.entities.query({ collectionName: 'articles', filter: 'id in [9000, 1]', outputFields: ['id'] });
    expect(rows.map((row) => row.id)).toEqual([1]);
  });

  it('refuses to overwrite a collection whose schema differs, even with OVERWRITE', async () => {
    const t = await start();
    const { source, backupId, destination } = await sourceAndDestination(t);
    await destination.data.collections.create({ collectionName: 'articles', schema: { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }] } });
    await destination.data.entities.insert({ collectionName: 'articles', data: [{ id: 1 }, { id: 2 }] });

    const { job } = await t.client.backups.restoreCollection({
      clusterId: source.clusterId,
      backupId,
      destClusterId: destination.clusterId,
      dbCollections: [{ dbName: 'default', collections: [{ collectionName: 'articles' }] }],
      onConflict: 'OVERWRITE',
    });
    const { status, reason } = await failureOf(job.wait({ pollIntervalMs: 20 }));

    expect(status).toBe('FAILED');
    expect(reason).toMatch(/default\.articles .*different schema/);
    expect((await destination.data.collections.describe({ collectionName: 'articles' })).rowCount).toBe(2);
  });
});
