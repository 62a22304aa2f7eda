import { controlPlaneEndpoints as e } from '@lifeboat/api';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../../context.js';
import {
  copyBackup,
  createBackup,
  deleteBackup,
  describeBackup,
  exportBackup,
  listBackups,
  renameBackup,
  verifyBackup,
} from '../../domain/backups.js';
import { restoreCluster, restoreCollection } from '../../domain/restores.js';
import { registerRoute } from '../route.js';

export function backupRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, e.createBackup, ({ principal, params, body }) => createBackup(ctx, principal, params.clusterId, body));
  registerRoute(app, ctx, e.listBackups, ({ principal, query }) => listBackups(ctx, principal, query));
  registerRoute(app, ctx, e.describeBackup, ({ principal, params }) => describeBackup(ctx, principal, params));
  registerRoute(app, ctx, e.deleteBackup, ({ principal, params }) => deleteBackup(ctx, principal, params));
  registerRoute(app, ctx, e.renameBackup, ({ principal, params, body }) => renameBackup(ctx, principal, params, body.backupName));
  registerRoute(app, ctx, e.copyBackup, ({ principal, params, body }) => copyBackup(ctx, principal, params, body));
  registerRoute(app, ctx, e.verifyBackup, ({ principal, params }) => verifyBackup(ctx, principal, params));
  registerRoute(app, ctx, e.exportBackup, ({ principal, params, body }) => exportBackup(ctx, principal, params, body));
  registerRoute(app, ctx, e.restoreCluster, ({ principal, params, body }) => restoreCluster(ctx, principal, params, body));
  registerRoute(app, ctx, e.restoreCollection, ({ principal, params, body }) => restoreCollection(ctx, principal, params, body));
}
