import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * One operation of the API: where it lives and the schemas of its path parameters, query, body
 * and response `data`. The SDK builds its requests from these, the server its routes, and the
 * OpenAPI document its paths, so the three cannot disagree.
 */
export interface EndpointDefinition {
  /** Stable operation id, also the OpenAPI `operationId`. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Path with `{param}` placeholders. Data-plane paths are relative to a cluster's `connectAddress`. */
  readonly path: string;
  /** `control` paths hang off the server's base URL; `data` paths off a cluster's connect address. */
  readonly plane: 'control' | 'data';
  /** `Z`: follows the hosted service's API; `X`: a Lifeboat extension. */
  readonly origin: 'Z' | 'X';
  /** OpenAPI tag (the area). */
  readonly tag: string;
  readonly summary: string;
  readonly params?: z.ZodType<Record<string, string>>;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Schema of the envelope's `data`. */
  readonly response: z.ZodType;
  /** Starts a job; the response carries its `jobId`. */
  readonly startsJob?: boolean;
}

/** Keeps the literal types of a definition, so callers get exact request and response types. */
export function defineEndpoint<const T extends EndpointDefinition>(definition: T): T {
  return definition;
}

type SchemaInput<S> = S extends z.ZodType ? z.input<S> : undefined;

/** Path parameters of an endpoint. */
export type EndpointParams<E extends EndpointDefinition> = SchemaInput<E['params']>;
/** Query of an endpoint, as the caller writes it. */
export type EndpointQuery<E extends EndpointDefinition> = SchemaInput<E['query']>;
/** Body of an endpoint, as the caller writes it. */
export type EndpointBody<E extends EndpointDefinition> = SchemaInput<E['body']>;
/** `data` of a successful response, as parsed. */
export type EndpointData<E extends EndpointDefinition> = z.output<E['response']>;

/** Fills `{param}` placeholders; values are URI-encoded. */
export function expandPath(path: string, params: Readonly<Record<string, string>> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new TypeError(`missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}
