import { controlPlaneEndpoints as e } from '@lifeboat/api';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../../context.js';
import { createCluster, describeCluster, dropCluster, listClusters } from '../../domain/clusters.js';
import { registerRoute } from '../route.js';

export function clusterRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, e.listClusters, ({ principal, query }) => listClusters(ctx, principal, query));
  registerRoute(app, ctx, e.describeCluster, ({ principal, params }) => describeCluster(ctx, principal, params.clusterId));
  registerRoute(app, ctx, e.createCluster, ({ principal, body }) => createCluster(ctx, principal, body));
  registerRoute(app, ctx, e.dropCluster, ({ principal, params }) => dropCluster(ctx, principal, params.clusterId));
}
