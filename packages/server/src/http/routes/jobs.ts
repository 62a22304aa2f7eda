import { controlPlaneEndpoints as e } from '@lifeboat/api';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../../context.js';
import { cancelJob, describeJob, listJobs } from '../../domain/jobs.js';
import { registerRoute } from '../route.js';

export function jobRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, e.describeJob, ({ principal, params }) => describeJob(ctx, principal, params.jobId));
  registerRoute(app, ctx, e.listJobs, ({ principal, query }) => listJobs(ctx, principal, query));
  registerRoute(app, ctx, e.cancelJob, ({ principal, params }) => cancelJob(ctx, principal, params.jobId));
}
