import type { FieldSchemaRequest } from '@lifeboat/api';
import { DataError } from './errors.js';
import { primaryField } from './collection-schema.js';
import type { Row } from './types.js';

/**
 * Checks an insert batch against a collection's fields before anything is written, so a batch is
 * stored whole or not at all. Each problem names the row (0-based index in the batch) and the
 * field. Rows come back normalised: every field present, absent nullable fields as `null`, so the
 * same logical row always has the same canonical JSON and checksum.
 */

export type PrimaryKey = string | number;

export interface ValidateRowsRequest {
  readonly fields: readonly FieldSchemaRequest[];
  readonly rows: readonly unknown[];
  /** Keys already stored in the collection. */
  readonly existingKeys: ReadonlySet<PrimaryKey>;
}

export interface ValidatedRows {
  readonly rows: readonly Row[];
  /** The rows' primary keys, in batch order. */
  readonly keys: readonly PrimaryKey[];
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const FLOAT32_MAX = 3.4028234663852886e38;
/** Deeper JSON values are refused rather than risking the stack while hashing them. */
const MAX_JSON_DEPTH = 64;

function invalid(index: number, message: string): DataError {
  return new DataError('INVALID_ROW', `row ${index}: ${message}; fix the row and insert the batch again (nothing was inserted)`);
}

export function validateRows(request: ValidateRowsRequest): ValidatedRows {
  const { fields } = request;
  const primary = primaryField(fields);
  const known = new Set(fields.map((field) => field.fieldName));
  const batchKeys = new Set<PrimaryKey>();
  const rows: Row[] = [];
  request.rows.forEach((candidate, index) => {
    if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
      throw invalid(index, 'a row must be a JSON object of field name → value');
    }
    const record = candidate as Record<string, unknown>;
    const unknownField = Object.keys(record).find((name) => !known.has(name));
    if (unknownField !== undefined) {
      throw invalid(index, `unknown field "${unknownField}" (the collection's fields are ${[...known].join(', ')})`);
    }
    const row = Object.fromEntries(
      fields.map((field) => [field.fieldName, checkValue(index, field, Object.hasOwn(record, field.fieldName) ? record[field.fieldName] : undefined)]),
    );
    const key = row[primary.fieldName] as PrimaryKey;
    if (batchKeys.has(key)) throw invalid(index, `primary key ${primary.fieldName} = ${JSON.stringify(key)} appears twice in this batch`);
    if (request.existingKeys.has(key)) throw invalid(index, `primary key ${primary.fieldName} = ${JSON.stringify(key)} already exists in the collection`);
    batchKeys.add(key);
    rows.push(row);
  });
  return { rows, keys: [...batchKeys] };
}

function checkValue(index: number, field: FieldSchemaRequest, value: unknown): unknown {
  const name = `field "${field.fieldName}"`;
  if (value === undefined || value === null) {
    if (field.isPrimary === true) throw invalid(index, `${name} is the primary key and is required`);
    if (field.nullable !== true) throw invalid(index, `${name} is required (it is not nullable)`);
    return null;
  }
  const shown = describeValue(value);
  switch (field.dataType) {
    case 'Int64':
      if (!Number.isSafeInteger(value)) throw invalid(index, `${name} is Int64 and needs an integer between -(2^53-1) and 2^53-1, got ${shown}`);
      return value;
    case 'Int32':
      if (!Number.isInteger(value) || (value as number) < INT32_MIN || (value as number) > INT32_MAX) {
        throw invalid(index, `${name} is Int32 and needs an integer between ${INT32_MIN} and ${INT32_MAX}, got ${shown}`);
      }
      return value;
    case 'Float':
      if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > FLOAT32_MAX) {
        throw invalid(index, `${name} is Float and needs a finite 32-bit float, got ${shown}`);
      }
      return value;
    case 'Double':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(index, `${name} is Double and needs a finite number, got ${shown}`);
      return value;
    case 'Bool':
      if (typeof value !== 'boolean') throw invalid(index, `${name} is Bool and needs true or false, got ${shown}`);
      return value;
    case 'VarChar':
      return checkVarChar(index, field, value, shown);
    case 'JSON':
      if (!isJsonValue(value, 0)) throw invalid(index, `${name} is JSON and needs a JSON value (no undefined, NaN or Infinity, at most ${MAX_JSON_DEPTH} levels deep)`);
      return value;
    case 'FloatVector':
      return checkVector(index, field, value, shown);
    default:
      throw invalid(index, `${name} has data type ${String(field.dataType)}, which this server cannot store`);
  }
}

/** max_length counts UTF-8 bytes, as the hosted service does. */
function checkVarChar(index: number, field: FieldSchemaRequest, value: unknown, shown: string): string {
  const name = `field "${field.fieldName}"`;
  if (typeof value !== 'string') throw invalid(index, `${name} is VarChar and needs a string, got ${shown}`);
  const maxLength = field.elementTypeParams?.max_length ?? 65_535;
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > maxLength) throw invalid(index, `${name} is ${bytes} bytes long in UTF-8, more than its max_length ${maxLength}`);
  return value;
}

function checkVector(index: number, field: FieldSchemaRequest, value: unknown, shown: string): number[] {
  const name = `field "${field.fieldName}"`;
  const dim = field.elementTypeParams?.dim ?? 0;
  // Array.from turns holes of a sparse array into undefined, so they are refused too.
  if (!Array.isArray(value) || !Array.from(value as unknown[]).every((item) => typeof item === 'number' && Number.isFinite(item))) {
    throw invalid(index, `${name} is FloatVector and needs an array of ${dim} finite numbers, got ${shown}`);
  }
  if (value.length !== dim) throw invalid(index, `${name} is FloatVector with dim ${dim}, got ${value.length} numbers`);
  return value as number[];
}

function isJsonValue(value: unknown, depth: number): boolean {
  if (depth > MAX_JSON_DEPTH) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return Array.from(value as unknown[]).every((item) => isJsonValue(item, depth + 1));
  if (typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).every((item) => isJsonValue(item, depth + 1));
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return `a ${typeof value}`;
}
