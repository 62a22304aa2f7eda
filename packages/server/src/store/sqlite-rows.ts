import type {
  ApiKeyRecord,
  BackupRecord,
  ClusterRecord,
  CopyPolicyRecord,
  IdempotencyRecord,
  JobRecord,
  PolicyRecord,
  ProjectRecord,
} from '../domain/model.js';

/**
 * Column ↔ field mapping, one table per entry. Field names are camelCase, columns snake_case;
 * JSON columns and booleans are converted here and nowhere else.
 */
type Row = Record<string, unknown>;

const snake = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const camel = (column: string) => column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

interface TableCodec<T> {
  readonly json: readonly string[];
  readonly booleans: readonly string[];
  readonly toRow: (record: Partial<T>) => Row;
  readonly fromRow: (row: Row) => T;
}

function codec<T>(json: readonly string[] = [], booleans: readonly string[] = []): TableCodec<T> {
  return {
    json,
    booleans,
    toRow: (record) => {
      const row: Row = {};
      for (const [field, value] of Object.entries(record as Row)) {
        if (value === undefined) continue;
        if (json.includes(field)) row[snake(field)] = value === null ? null : JSON.stringify(value);
        else if (booleans.includes(field)) row[snake(field)] = value ? 1 : 0;
        else row[snake(field)] = value;
      }
      return row;
    },
    fromRow: (row) => {
      const record: Row = {};
      for (const [column, value] of Object.entries(row)) {
        const field = camel(column);
        if (json.includes(field)) record[field] = typeof value === 'string' ? JSON.parse(value) : null;
        else if (booleans.includes(field)) record[field] = value === 1;
        else record[field] = value;
      }
      return record as T;
    },
  };
}

export const projectRows = codec<ProjectRecord>();
export const apiKeyRows = codec<ApiKeyRecord>(['projectIds', 'privileges']);
export const clusterRows = codec<ClusterRecord>();
export const backupRows = codec<BackupRecord>(['scope', 'contents']);
export const jobRows = codec<JobRecord>(['payload']);
export const policyRows = codec<PolicyRecord>([], ['enabled']);
export const copyPolicyRows = codec<CopyPolicyRecord>();
export const idempotencyRows = codec<IdempotencyRecord>();

