import { dataPlaneEndpoints as e, type EndpointDefinition } from '@lifeboat/api';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../../context.js';
import type { Action } from '../../domain/access.js';
import { loadCluster } from '../../domain/clusters.js';
import type { LocalCluster } from '../../data/local-cluster.js';
import { ServiceError } from '../../errors.js';
import { registerRoute, type RouteInput } from '../route.js';

/**
 * The data plane of local clusters under `/clusters/{clusterId}`: the same key, role and project
 * checks as the control plane, with `data:read` / `data:write` as the privileges.
 */
export function dataPlaneRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const on = <E extends EndpointDefinition>(endpoint: E, action: Action, run: (cluster: LocalCluster, body: RouteInput<E>['body']) => Promise<unknown>) =>
    registerRoute(app, ctx, endpoint, async (input) => {
      const record = await loadCluster(ctx, input.principal, input.params.clusterId ?? '', action);
      if (record.status !== 'RUNNING') {
        throw new ServiceError('CLUSTER_BUSY', `Cluster ${record.clusterId} is ${record.status}; its data plane opens once it is RUNNING.`);
      }
      return (await run(await ctx.clusters.get(record.clusterId), input.body)) as never;
    });

  on(e.listDatabases, 'data:read', (c) => c.listDatabases());
  on(e.createDatabase, 'data:write', async (c, body) => (await c.createDatabase(body.dbName), {}));
  on(e.dropDatabase, 'data:write', async (c, body) => (await c.dropDatabase(body.dbName), {}));
  on(e.createCollection, 'data:write', async (c, body) => (await c.createCollection(body), {}));
  on(e.listCollections, 'data:read', (c, body) => c.listCollections(body.dbName ?? 'default'));
  on(e.describeCollection, 'data:read', (c, body) => c.describeCollection(body.dbName ?? 'default', body.collectionName));
  on(e.dropCollection, 'data:write', async (c, body) => (await c.dropCollection(body.dbName ?? 'default', body.collectionName), {}));
  on(e.loadCollection, 'data:write', async (c, body) => (await c.loadCollection(body.dbName ?? 'default', body.collectionName), {}));
  on(e.releaseCollection, 'data:write', async (c, body) => (await c.releaseCollection(body.dbName ?? 'default', body.collectionName), {}));
  on(e.createPartition, 'data:write', async (c, body) => (await c.createPartition(body.dbName ?? 'default', body.collectionName, body.partitionName), {}));
  on(e.listPartitions, 'data:read', (c, body) => c.listPartitions(body.dbName ?? 'default', body.collectionName));
  on(e.insertEntities, 'data:write', (c, body) => c.insert(body));
  on(e.queryEntities, 'data:read', (c, body) => c.query(body));
}
