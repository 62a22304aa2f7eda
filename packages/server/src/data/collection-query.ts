import type { FieldSchemaRequest } from '@lifeboat/api';
import { DataError } from './errors.js';
import { compileFilter } from './filter.js';
import type { RowPredicate } from './filter.js';
import { INSERT_TIME_FIELD, primaryField } from './collection-schema.js';
import type { StoredRow } from './segment-file.js';
import type { QueryInput, Row } from './types.js';

/**
 * Query evaluation over stored rows: expired rows are skipped, then the filter, then offset and
 * limit, then projection. Rows come in storage order (partition, sealed segments by seq, growing
 * segment, line order), which is stable between calls, so offset/limit paging is consistent while
 * nothing is inserted. Reading stops as soon as `offset + limit` rows matched.
 */

export const DEFAULT_QUERY_LIMIT = 100;

export interface QueryPlan {
  readonly predicate: RowPredicate;
  /** Field names to return, in schema order; the primary key always among them. */
  readonly outputFields: readonly string[];
  readonly limit: number;
  readonly offset: number;
  /** Rows inserted before this time (ms) have expired; `undefined` when the collection has no TTL. */
  readonly expiredBefore: number | undefined;
}

export interface QueryPlanRequest {
  readonly input: QueryInput;
  readonly fields: readonly FieldSchemaRequest[];
  readonly ttlSeconds: number | null;
  readonly now: number;
}

/** Checks a query against the collection before any row is read. */
export function planQuery({ input, fields, ttlSeconds, now }: QueryPlanRequest): QueryPlan {
  const known = fields.map((field) => field.fieldName);
  const requested = new Set(input.outputFields ?? known);
  for (const name of requested) {
    if (!known.includes(name)) {
      throw new DataError('INVALID_REQUEST', `unknown output field "${name}"; the collection's fields are ${known.join(', ')}`);
    }
  }
  requested.add(primaryField(fields).fieldName);
  const limit = input.limit ?? DEFAULT_QUERY_LIMIT;
  const offset = input.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) {
    throw new DataError('INVALID_REQUEST', `limit must be a whole number ≥ 1 and offset ≥ 0 (got limit ${limit}, offset ${offset})`);
  }
  return {
    predicate: compileFilter(input.filter, fields),
    outputFields: known.filter((name) => requested.has(name)),
    limit,
    offset,
    expiredBefore: ttlSeconds === null ? undefined : now - ttlSeconds * 1000,
  };
}

/** Runs a plan over row sources read one after the other. */
export async function runQuery(plan: QueryPlan, sources: Iterable<AsyncIterable<StoredRow>>): Promise<Row[]> {
  const results: Row[] = [];
  let skipped = 0;
  for (const source of sources) {
    for await (const row of source) {
      if (isExpired(row, plan.expiredBefore) || !plan.predicate(row)) continue;
      if (skipped < plan.offset) {
        skipped += 1;
        continue;
      }
      results.push(Object.fromEntries(plan.outputFields.map((name) => [name, row[name]])));
      if (results.length === plan.limit) return results;
    }
  }
  return results;
}

function isExpired(row: StoredRow, expiredBefore: number | undefined): boolean {
  if (expiredBefore === undefined) return false;
  const insertTime = row[INSERT_TIME_FIELD];
  return typeof insertTime === 'number' && insertTime < expiredBefore;
}
