import { controlPlaneEndpoints as e } from '@lifeboat/api';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../../context.js';
import { listProjects, listRegions } from '../../domain/keys-and-projects.js';
import { registerRoute } from '../route.js';

export function projectRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, e.listProjects, ({ principal }) => listProjects(ctx, principal));
  registerRoute(app, ctx, e.listRegions, async () => listRegions(ctx));
}
