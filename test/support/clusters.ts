import type { Lifeboat } from '@lifeboat/sdk';

export const idField = { fieldName: 'id', dataType: 'Int64', isPrimary: true } as const;
export const vectorField = { fieldName: 'vector', dataType: 'FloatVector', elementTypeParams: { dim: 4 } } as const;
const titleField = { fieldName: 'title', dataType: 'VarChar', elementTypeParams: { max_length: 2000 } } as const;

/** A cluster in `local-1` with one collection, `articles` (id, title, vector of 4), and `rows` rows. */
export async function seedCluster(client: Lifeboat, projectId: string, options: { name: string; rows?: number; partitions?: string[] }): Promise<string> {
  const { clusterId } = await client.clusters.create({ projectId, regionId: 'local-1', clusterName: options.name, cuSize: 1 });
  await createArticles(client, clusterId, 'articles', options.partitions);
  await insertRows(client, clusterId, { from: 0, count: options.rows ?? 100 });
  return clusterId;
}

/** Creates an empty collection of the `articles` shape. */
export async function createArticles(client: Lifeboat, clusterId: string, collectionName: string, partitionNames?: string[]): Promise<void> {
  await client.dataPlane(clusterId).collections.create({
    collectionName,
    schema: { fields: [idField, titleField, vectorField] },
    ...(partitionNames ? { partitionNames } : {}),
  });
}

/** Inserts rows `from`…`from + count - 1`, a thousand per call; `padding` characters lengthen each title. */
export async function insertRows(
  client: Lifeboat,
  clusterId: string,
  options: { from: number; count: number; collectionName?: string; partitionName?: string; padding?: number },
): Promise<void> {
  const { from, count } = options;
  const pad = 'x'.repeat(options.padding ?? 0);
  const data = client.dataPlane(clusterId);
  for (let start = from; start < from + count; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, from + count - start) }, (_, i) => ({
      id: start + i,
      title: `article ${start + i}${pad}`,
      vector: [start + i, 0.5, 0.25, 0.125],
    }));
    await data.entities.insert({
      collectionName: options.collectionName ?? 'articles',
      data: rows,
      ...(options.partitionName ? { partitionName: options.partitionName } : {}),
    });
  }
}
