import { buildOpenApiDocument, requestIdHeader } from '@lifeboat/api';
import type { Socket } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
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
    case 'FST_ERR_BAD_URL':
      return new ServiceError('INVALID_REQUEST', 'The URL has a malformed %-escape. Encode each path segment with encodeURIComponent.');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new ServiceError('INVALID_REQUEST', 'A path segment is longer than 512 characters; ids are at most 128. Check the ids in the path.');
    default:
      if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
        return new ServiceError('INVALID_REQUEST', 'The body is not valid JSON, or holds a forbidden key (__proto__, constructor.prototype). Send a plain JSON object.');
      }
      if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
        return new ServiceError('INVALID_REQUEST', `The request was refused: ${error.message}`);
      }
      return undefined;
  }
}

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (a request line or headers
 * over 16 KB, broken framing, a client too slow to send its headers). Those get the envelope
 * too, then the connection closes: it cannot carry another request.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const message =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'The URL or headers are larger than 16 KB. Send long lists in several requests.'
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'The request did not arrive in time. Send it again.'
        : 'The request is not valid HTTP/1.1.';
  const requestId = newRequestId();
  const body = JSON.stringify({ code: statusOf('INVALID_REQUEST').code, message, requestId });
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${requestIdHeader}: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * The HTTP face of the server: every endpoint of the api table, health and metrics, the OpenAPI
 * document, and one error path that answers every failure in the envelope with a code.
 */
export async function buildApp(ctx: ServerContext, options: { readyCheck: () => boolean }): Promise<FastifyInstance> {
  const sendError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
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
  };

  const app = Fastify({
    logger: false,
    requestIdHeader,
    genReqId: () => newRequestId(),
    bodyLimit: 1024 * 1024,
    // Ids in paths are validated by the route schemas; long ones must reach them to be refused.
    routerOptions: { maxParamLength: 512 },
    clientErrorHandler: answerClientError,
    // The router answers a malformed %-escape or an over-long segment itself, before any route
    // or setErrorHandler; send those through the same path so they carry the envelope too.
    frameworkErrors: (error, request, reply) => {
      void reply.header(requestIdHeader, request.id);
      void sendError(error, request, reply);
    },
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

  app.setErrorHandler(async (error: FastifyError, request, reply) => sendError(error, request, reply));

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
