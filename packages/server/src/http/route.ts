import { idempotencyKeyHeader, type EndpointDefinition } from '@lifeboat/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Principal } from '../domain/access.js';
import { ServiceError } from '../errors.js';
import type { ServerContext } from '../context.js';
import { authenticate } from './auth.js';
import { withIdempotency } from './idempotency.js';
import { parsePart } from './validation.js';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a route handler receives: the caller and the validated parts of the request. */
export interface RouteInput<E extends EndpointDefinition> {
  readonly principal: Principal;
  readonly params: Out<E['params']> & Record<string, string>;
  readonly query: Out<E['query']>;
  readonly body: Out<E['body']>;
  readonly request: FastifyRequest;
}

export type RouteHandler<E extends EndpointDefinition> = (input: RouteInput<E>) => Promise<z.input<E['response']>>;

/** Data-plane endpoints are served under each local cluster's connect address. */
export const dataPlanePrefix = '/clusters/:clusterId';

const bodyLimits = { control: 1024 * 1024, data: 64 * 1024 * 1024 };

/**
 * Registers one endpoint of the api table: authentication, rate limit, validation with the
 * endpoint's own schemas, idempotency for POSTs, the success envelope, and a check that the
 * answer matches the response schema (a mismatch is a server bug, reported as such).
 */
export function registerRoute<E extends EndpointDefinition>(app: FastifyInstance, ctx: ServerContext, endpoint: E, handler: RouteHandler<E>): void {
  const path = `${endpoint.plane === 'data' ? dataPlanePrefix : ''}${endpoint.path.replace(/\{(\w+)\}/g, ':$1')}`;
  app.route({
    method: endpoint.method,
    url: path,
    bodyLimit: bodyLimits[endpoint.plane],
    handler: async (request, reply) => {
      const principal = await authenticate(request, ctx.store);
      const wait = ctx.rateLimiter.take(`${principal.apiKeyId}:${endpoint.operationId}`, Date.now());
      if (wait > 0) throw new ServiceError('RATE_LIMITED', undefined, { retryAfterSeconds: wait });

      const rawParams = request.params as Record<string, string>;
      const params = endpoint.params ? parsePart(endpoint.params, rawParams, 'path') : {};
      if (endpoint.plane === 'data') parsePart(ctx.clusterPathSchema, { clusterId: rawParams.clusterId }, 'path');
      const query = endpoint.query ? parsePart(endpoint.query, request.query, 'query') : undefined;
      const body = endpoint.body ? parsePart(endpoint.body, request.body, 'body') : undefined;
      const input = {
        principal,
        params: { ...rawParams, ...(params as object) },
        query,
        body,
        request,
      } as RouteInput<E>;

      const run = async () => {
        const data = await handler(input);
        const checked = endpoint.response.safeParse(data);
        if (!checked.success) {
          request.log.error({ operationId: endpoint.operationId, issues: checked.error.issues }, 'response does not match the API');
          throw new ServiceError('INTERNAL', `The server built an answer to ${endpoint.operationId} that does not match the API. This is a server bug; report it with the request id.`);
        }
        return data;
      };
      const key = request.headers[idempotencyKeyHeader];
      const { data, replayed } =
        endpoint.method === 'POST'
          ? await withIdempotency(
              { store: ctx.store, locks: ctx.locks, now: ctx.clock.now() },
              { apiKeyId: principal.apiKeyId, key: typeof key === 'string' ? key : undefined, method: endpoint.method, url: request.url, body: request.body },
              run,
            )
          : { data: await run(), replayed: false };
      // A change is acknowledged only once it is on disk; concurrent requests share the sync.
      if (endpoint.method !== 'GET') await ctx.store.flush();
      if (replayed) void reply.header('idempotent-replayed', 'true');
      ctx.metrics.requests.inc({ operation: endpoint.operationId, status: '200' });
      return { code: 0, data };
    },
  });
}
