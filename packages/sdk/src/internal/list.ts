import type { EndpointDefinition } from '@lifeboat/api';
import { decodeCursor, Paginator, type PagePosition } from '../paginator.js';
import type { CallOptions } from '../options.js';
import type { Transport } from './transport.js';
import { validateInput } from './validate.js';

/** Page size used when iterating and the caller did not choose one: fewer round trips. */
const iterationPageSize = 100;

/** Filters of a list call plus where to start. */
export interface ListInput {
  /** A `nextCursor` from an earlier page of the same list: continue from there. */
  readonly cursor?: string | undefined;
  readonly pageSize?: number | undefined;
  readonly currentPage?: number | undefined;
}

/**
 * A `Paginator` over a paged endpoint. The filters are validated now, before any I/O, so a bad
 * filter fails at the call site rather than on first iteration.
 */
export function listPaged<T, E extends EndpointDefinition>(
  transport: Transport,
  endpoint: E,
  input: ListInput & object,
  pick: (data: unknown) => readonly T[],
  options: CallOptions = {},
): Paginator<T> {
  const { cursor, ...filters } = input as ListInput & Record<string, unknown>;
  const start: PagePosition =
    cursor === undefined
      ? { currentPage: filters.currentPage ?? 1, pageSize: filters.pageSize ?? iterationPageSize }
      : decodeCursor(cursor);
  if (endpoint.query) validateInput(endpoint.query, { ...filters, ...start }, endpoint.operationId);
  return new Paginator<T>(
    async (position, signal) => {
      const { data } = await transport.call(
        endpoint,
        { query: { ...filters, ...position } },
        { ...options, ...(signal ? { signal } : {}) },
      );
      const page = data as { count: number; currentPage: number; pageSize: number };
      return { items: pick(data), count: page.count, currentPage: page.currentPage, pageSize: page.pageSize };
    },
    start,
    options.signal,
  );
}
