import type { ErrorName } from '@lifeboat/api';
import { z } from 'zod';
import { ServiceError } from '../errors.js';

/**
 * Request validation with the api package's zod schemas: the same schemas the SDK validates with
 * and the OpenAPI document describes. Problems become a 400 with the hosted code for the field
 * where one exists (96029 backupType, 96034 retentionDays, …) and 97001 otherwise.
 */

const codeByField: Readonly<Record<string, ErrorName>> = {
  backupType: 'INVALID_BACKUP_TYPE',
  creationMethod: 'INVALID_CREATION_METHOD',
  collectionStatus: 'INVALID_COLLECTION_STATUS',
  destCollectionStatus: 'INVALID_DEST_COLLECTION_STATUS',
  frequency: 'INVALID_FREQUENCY',
  retentionDays: 'INVALID_RETENTION_DAYS',
  pageSize: 'INVALID_PAGE_SIZE',
  currentPage: 'INVALID_CURRENT_PAGE',
  projectId: 'INVALID_PROJECT_ID',
  clusterId: 'INVALID_CLUSTER_ID',
  destClusterId: 'INVALID_CLUSTER_ID',
  regionId: 'INVALID_REGION_ID',
  cuSize: 'INVALID_CU_SIZE',
  clusterName: 'INVALID_CLUSTER_NAME',
  intervalMinutes: 'INVALID_INTERVAL',
  clusterIds: 'TOO_MANY_IDS',
  dbName: 'INVALID_NAME',
  destDbName: 'INVALID_NAME',
  collectionName: 'INVALID_NAME',
  collectionNames: 'INVALID_NAME',
  destCollectionName: 'INVALID_NAME',
  partitionName: 'INVALID_NAME',
  partitionNames: 'INVALID_NAME',
};

/** Query and path values arrive as text; numbers in the schema are converted before parsing. */
function coerce(schema: z.ZodType, value: unknown): unknown {
  if (!(schema instanceof z.ZodObject) || typeof value !== 'object' || value === null) return value;
  const shape: Record<string, z.ZodType> = schema.shape;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, raw] of Object.entries(out)) {
    const field = shape[key];
    const inner = field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
    if (inner instanceof z.ZodNumber && typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw)) out[key] = Number(raw);
    if (inner instanceof z.ZodBoolean && (raw === 'true' || raw === 'false')) out[key] = raw === 'true';
  }
  return out;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`), '');
}

/** Parses one part of a request, or throws a ServiceError naming every problem. */
export function parsePart<S extends z.ZodType>(schema: S, value: unknown, part: 'path' | 'query' | 'body'): z.output<S> {
  const result = schema.safeParse(part === 'body' ? (value ?? {}) : coerce(schema, value ?? {}));
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = issues[0];
  const field = first?.path.findLast((key): key is string => typeof key === 'string');
  const errorName = (field !== undefined ? codeByField[field] : undefined) ?? (first?.code === 'unrecognized_keys' ? 'INVALID_REQUEST' : 'INVALID_REQUEST');
  const listed = issues
    .slice(0, 5)
    .map((issue) => {
      const where = formatPath(issue.path);
      const unknown = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
      return `${where === '' ? part : `${part}.${where}`}: ${issue.message}${unknown}`;
    })
    .join('; ');
  throw new ServiceError(errorName, `Invalid request: ${listed}. Fix the request and send it again.`);
}
