import { controlPlaneEndpoints as e } from '@lifeboat/api';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../../context.js';
import { deleteCopyPolicy, getPolicies, getPolicy, listCopyPolicies, putCopyPolicies, putCopyPolicy, setPolicies, setPolicy } from '../../domain/policies.js';
import { registerRoute } from '../route.js';

export function policyRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, e.getBackupPolicy, ({ principal, params }) => getPolicy(ctx, principal, params.clusterId));
  registerRoute(app, ctx, e.setBackupPolicy, ({ principal, params, body }) => setPolicy(ctx, principal, params.clusterId, body));
  registerRoute(app, ctx, e.listBackupPolicies, ({ principal, query }) => getPolicies(ctx, principal, query.clusterIds.split(',')));
  registerRoute(app, ctx, e.setBackupPolicies, ({ principal, body }) => setPolicies(ctx, principal, body));
  registerRoute(app, ctx, e.listCopyPolicies, ({ principal, params }) => listCopyPolicies(ctx, principal, params.clusterId));
  registerRoute(app, ctx, e.putCopyPolicy, ({ principal, params, body }) => putCopyPolicy(ctx, principal, params.clusterId, params.regionId, body));
  registerRoute(app, ctx, e.putCopyPolicies, ({ principal, body }) => putCopyPolicies(ctx, principal, body));
  registerRoute(app, ctx, e.deleteCopyPolicy, ({ principal, params }) => deleteCopyPolicy(ctx, principal, params.clusterId, params.regionId));
}
