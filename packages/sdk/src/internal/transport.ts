import {
  anyEnvelopeSchema,
  ErrorCode,
  expandPath,
  idempotencyKeyHeader,
  requestIdHeader,
  type EndpointData,
  type EndpointDefinition,
} from '@lifeboat/api';
import ky, { HTTPError, TimeoutError as KyTimeoutError, type KyInstance, type Options as KyOptions } from 'ky';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { isLifeboatError, LifeboatError } from '../errors/lifeboat-error.js';
import { NetworkError } from '../errors/network-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { CallOptions, NormalizedLifeboatOptions } from '../options.js';
import { errorFromResponse, parseRetryAfter } from './error-from-response.js';
import { validateInput } from './validate.js';

/** Parts of a call, already split into path parameters, query and body. */
export interface CallParts {
  readonly params?: unknown;
  readonly query?: unknown;
  readonly body?: unknown;
}

/** A successful call: the parsed `data` plus what the response said besides. */
export interface CallResult<T> {
  readonly data: T;
  readonly requestId: string | undefined;
  /** The server's `Retry-After` hint, used by job polling. */
  readonly retryAfterMs: number | undefined;
}

const retryableStatuses = [408, 429, 500, 502, 503, 504];

/**
 * The one place that talks HTTP: validates input, builds the request, lets ky retry what is safe
 * to retry, unwraps the envelope and turns every failure into a typed `LifeboatError`.
 */
export class Transport {
  readonly #options: NormalizedLifeboatOptions;
  readonly #ky: KyInstance;

  constructor(options: NormalizedLifeboatOptions) {
    this.#options = options;
    this.#ky = ky.create({
      fetch: options.fetch,
      throwHttpErrors: true,
      headers: {
        accept: 'application/json',
        'user-agent': options.userAgent,
      },
    });
  }

  get options(): NormalizedLifeboatOptions {
    return this.#options;
  }

  /**
   * Calls an endpoint. `base` is the server URL for control-plane endpoints and the cluster's
   * connect address for data-plane ones.
   */
  async call<E extends EndpointDefinition>(
    endpoint: E,
    parts: CallParts,
    options: CallOptions = {},
    base: string = this.#options.baseUrl,
  ): Promise<CallResult<EndpointData<E>>> {
    const { operationId } = endpoint;
    const params = endpoint.params ? validateInput(endpoint.params, parts.params ?? {}, operationId) : undefined;
    const query = endpoint.query ? validateInput(endpoint.query, parts.query ?? {}, operationId) : undefined;
    const body = endpoint.body ? validateInput(endpoint.body, parts.body ?? {}, operationId) : undefined;
    const apiKey = this.#options.apiKey;
    if (apiKey === undefined) {
      throw new ValidationError(
        `No API key for ${operationId}: pass apiKey to new Lifeboat(...) or set LIFEBOAT_API_KEY. Nothing was sent.`,
        { source: 'client', issues: [{ path: 'apiKey', message: 'is required' }], operationId },
      );
    }

    const url = `${base}${expandPath(endpoint.path, params)}${toQueryString(query)}`;
    const headers: Record<string, string> = { authorization: `Bearer ${apiKey}` };
    const methods = ['get', 'put', 'delete', 'head', 'options'];
    if (endpoint.method === 'POST') {
      // One key per logical call, reused by every retry, so a retry can never create a second backup.
      headers[idempotencyKeyHeader] = options.idempotencyKey ?? globalThis.crypto.randomUUID();
      methods.push('post');
    }

    const hooks = this.#options.hooks;
    const kyOptions: KyOptions = {
      method: endpoint.method,
      headers,
      ...(body === undefined ? {} : { json: body }),
      timeout: options.timeoutMs ?? this.#options.timeoutMs,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      retry: {
        limit: this.#options.retry.limit,
        methods,
        statusCodes: retryableStatuses,
        afterStatusCodes: [429, 503],
        maxRetryAfter: this.#options.retry.maxRetryAfterMs,
        backoffLimit: this.#options.retry.maxDelayMs,
        delay: (attempt) => this.#options.retry.baseDelayMs * 2 ** (attempt - 1),
        jitter: true,
        retryOnTimeout: true,
      },
      hooks: {
        beforeRequest: hooks.beforeRequest.map(
          (hook) => (request: Request, _options: unknown, state: { retryCount: number }) =>
            hook({ operationId, request, attempt: state.retryCount }),
        ),
        afterResponse: hooks.afterResponse.map(
          (hook) =>
            async (request: Request, _options: unknown, response: Response, state: { retryCount: number }) => {
              await hook({ operationId, request, response, attempt: state.retryCount });
            },
        ),
        beforeRetry: hooks.beforeRetry.map(
          (hook) =>
            async ({ request, error, retryCount }: { request: Request; error: Error; retryCount: number }) => {
              await hook({ operationId, request, error, attempt: retryCount });
            },
        ),
      },
    };

    let response: Response;
    try {
      response = await this.#ky(url, kyOptions);
    } catch (error) {
      throw await this.#reportError(await toLifeboatError(error, operationId, options.signal), operationId);
    }
    try {
      return await readSuccess(endpoint, response);
    } catch (error) {
      throw await this.#reportError(error instanceof LifeboatError ? error : invalidResponse(error, operationId, response), operationId);
    }
  }

  async #reportError(error: unknown, operationId: string): Promise<unknown> {
    if (!isLifeboatError(error)) return error;
    let current: LifeboatError = error;
    for (const hook of this.#options.hooks.beforeError) {
      current = (await hook({ operationId, error: current })) ?? current;
    }
    return current;
  }
}

/** Serialises a validated query: absent values dropped, arrays as comma lists. */
function toQueryString(query: unknown): string {
  if (query === undefined || query === null) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    if (value === undefined) continue;
    search.set(key, Array.isArray(value) ? value.map(queryText).join(',') : queryText(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** Validated queries hold strings, numbers and booleans; JSON text is their query form too. */
function queryText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

async function readSuccess<E extends EndpointDefinition>(endpoint: E, response: Response): Promise<CallResult<EndpointData<E>>> {
  const requestId = response.headers.get(requestIdHeader) ?? undefined;
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The connection broke after the headers: a network failure like one before them, not an
    // answer that is wrong. The server may have done the work, so it is for the caller to repeat.
    throw new NetworkError(
      `The connection closed while the answer to ${endpoint.operationId} was being read (${describeCause(error)}). The call may have taken effect: repeat it (a POST repeated with the same idempotencyKey is not done twice).`,
      { code: ErrorCode.NETWORK, httpStatus: response.status, requestId, retryable: true, operationId: endpoint.operationId, cause: error },
    );
  }
  // Not JSON at all: the caller reports it as an invalid answer.
  const envelope = anyEnvelopeSchema.safeParse(JSON.parse(text));
  if (!envelope.success) {
    throw new InvalidResponseError(
      `The server's answer to ${endpoint.operationId} is not a Lifeboat envelope ({code, data}). Check that the endpoint is a Lifeboat or compatible server.`,
      { code: ErrorCode.INVALID_RESPONSE, httpStatus: response.status, requestId, operationId: endpoint.operationId },
    );
  }
  if (envelope.data.code !== 0) {
    // The hosted service reports some errors with HTTP 200 and a non-zero code.
    throw errorFromResponse({
      httpStatus: response.status,
      code: envelope.data.code,
      message: envelope.data.message,
      requestId: envelope.data.requestId ?? requestId,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      operationId: endpoint.operationId,
    });
  }
  const data = endpoint.response.safeParse(envelope.data.data);
  if (!data.success) {
    const problem = data.error.issues[0];
    throw new InvalidResponseError(
      `The server's answer to ${endpoint.operationId} does not match the API (${problem?.path.join('.') || 'data'}: ${problem?.message ?? 'invalid'}). Upgrade @lifeboat/sdk or check the endpoint.`,
      { code: ErrorCode.INVALID_RESPONSE, httpStatus: response.status, requestId, operationId: endpoint.operationId, cause: data.error },
    );
  }
  return {
    data: data.data as EndpointData<E>,
    requestId,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  };
}

async function toLifeboatError(error: unknown, operationId: string, signal: AbortSignal | undefined): Promise<unknown> {
  if (signal?.aborted === true) return signal.reason ?? error;
  if (error instanceof HTTPError) {
    const response = error.response;
    const requestId = response.headers.get(requestIdHeader) ?? undefined;
    const parsed = anyEnvelopeSchema.safeParse(await response.json().catch(() => undefined));
    return errorFromResponse({
      httpStatus: response.status,
      code: parsed.success ? parsed.data.code : undefined,
      message: parsed.success ? parsed.data.message : undefined,
      requestId: (parsed.success ? parsed.data.requestId : undefined) ?? requestId,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      operationId,
    });
  }
  if (error instanceof KyTimeoutError) {
    // Not ky's error as the cause: it holds the Request, whose Authorization header would show
    // up wherever the error is logged in depth.
    return new TimeoutError(`${operationId} timed out after its retries. Raise timeoutMs or check the server's load.`, {
      code: ErrorCode.TIMEOUT,
      operationId,
    });
  }
  if (error instanceof TypeError || (error instanceof Error && error.name === 'FetchError') || hasConnectionErrorCode(error)) {
    return new NetworkError(
      `Could not reach the server for ${operationId} (${describeCause(error)}). Check the endpoint (LIFEBOAT_ENDPOINT) and that the server is running.`,
      { code: ErrorCode.NETWORK, retryable: true, operationId, cause: error },
    );
  }
  return error;
}

/** Socket-level failures; some fetch implementations and interceptors reject with these directly. */
const connectionErrorCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

function hasConnectionErrorCode(error: unknown): error is { readonly code: string } {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && connectionErrorCodes.has(code);
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return hasConnectionErrorCode(error) ? error.code : String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return (cause as { code?: string }).code ?? cause.message;
  return error.message;
}

function invalidResponse(error: unknown, operationId: string, response: Response): LifeboatError {
  return new InvalidResponseError(
    `The server's answer to ${operationId} is not valid JSON. Check that the endpoint is a Lifeboat or compatible server.`,
    {
      code: ErrorCode.INVALID_RESPONSE,
      httpStatus: response.status,
      requestId: response.headers.get(requestIdHeader) ?? undefined,
      operationId,
      cause: error,
    },
  );
}
