import { controlPlaneEndpoints as e } from '@lifeboat/api';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../../context.js';
import { createApiKey, deleteApiKey, listApiKeys } from '../../domain/keys-and-projects.js';
import { registerRoute } from '../route.js';

export function apiKeyRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, e.createApiKey, ({ principal, body }) => createApiKey(ctx, principal, body));
  registerRoute(app, ctx, e.listApiKeys, ({ principal }) => listApiKeys(ctx, principal));
  registerRoute(app, ctx, e.deleteApiKey, ({ principal, params }) => deleteApiKey(ctx, principal, params.apiKeyId));
}
