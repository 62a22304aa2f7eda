import { buildOpenApiDocument, requestIdHeader } from '@lifeboat/api';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { catalogNameOf, ServiceError, statusOf } from '../errors.js';
import { newRequestId } from '../internal/ids.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { backupRoutes } from './routes/backups.js';
import { clusterRoutes } from './routes/clusters.js';
import { dataPlaneRoutes } from './routes/data-plane.js';
import { jobRoutes } from './routes/jobs.js';
import { policyRoutes } from './routes/policies.js';
import { projectRoutes } from './routes/projects.js';

/** Maps what Fastify itself rejects (bad JSON, oversized bodies) onto catalogue errors. */
function fromFastifyError(error: FastifyError): ServiceError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ServiceError('BODY_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ServiceError('INVALID_REQUEST', 'Send the body as JSON with "Content-Type: application/json".');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ServiceError('INVALID_REQUEST', 'The Content-Length header does not match the body.');
    default:
      if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
        return new ServiceError('INVALID_REQUEST', 'The body is not valid JSON. Send a JSON object.');
      }
      if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
        return new ServiceError('INVALID_REQUEST', `The request was refused: ${error.message}`);
      }
      return undefined;
  }
}

/**
 * The HTTP face of the server: every endpoint of the api table, health and metrics, the OpenAPI
 * document, and one error path that answers every failure in the envelope with a code.
 */
export async function buildApp(ctx: ServerContext, options: { readyCheck: () => boolean }): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    requestIdHeader,
    genReqId: () => newRequestId(),
    bodyLimit: 1024 * 1024,
    // Ids in paths are validated by the route schemas; long ones must reach them to be refused.
    routerOptions: { maxParamLength: 512 },
  });

  // An empty body on a POST means "no fields", as the hosted API accepts.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, {});
      return;
    }
    void parseJson(request, text, done);
  });

  app.addHook('onSend', async (request, reply) => {
    void reply.header(requestIdHeader, request.id);
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const known = catalogNameOf(error) !== undefined ? (error as unknown as ServiceError) : fromFastifyError(error);
    const serviceError = known ?? new ServiceError('INTERNAL');
    const errorName = catalogNameOf(serviceError) ?? 'INTERNAL';
    const { code, httpStatus } = statusOf(errorName);
    if (known === undefined) {
      ctx.logger.error({ requestId: request.id, url: request.url, err: { message: error.message, stack: error.stack } }, 'unexpected error');
    }
    if (serviceError.retryAfterSeconds !== undefined) void reply.header('retry-after', String(serviceError.retryAfterSeconds));
    ctx.metrics.requests.inc({ operation: request.routeOptions.url ?? 'unknown', status: String(httpStatus) });
    return reply.status(httpStatus).send({ code, message: serviceError.message, requestId: request.id });
  });

  app.setNotFoundHandler(async (request, reply) => {
    const { code, httpStatus } = statusOf('ROUTE_NOT_FOUND');
    return reply.status(httpStatus).send({
      code,
      message: `No endpoint ${request.method} ${request.url.split('?')[0] ?? ''}. See /v2/openapi.json for the paths this server serves.`,
      requestId: request.id,
    });
  });

  const openapi = buildOpenApiDocument();
  app.get('/v2/openapi.json', async () => openapi);
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) =>
    options.readyCheck() ? { status: 'ready' } : reply.status(503).send({ status: 'starting or stopping' }),
  );
  app.get('/metrics', async (_request, reply) => {
    void reply.header('content-type', ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });

  projectRoutes(app, ctx);
  clusterRoutes(app, ctx);
  backupRoutes(app, ctx);
  policyRoutes(app, ctx);
  jobRoutes(app, ctx);
  apiKeyRoutes(app, ctx);
  dataPlaneRoutes(app, ctx);
  return app;
}
