import { createCollectionRequestSchema } from '@lifeboat/api';
import type { FieldSchemaRequest } from '@lifeboat/api';
import { DataError } from './errors.js';

/**
 * The rules a collection's field list must follow before the data layer relies on it: exactly
 * one primary key, distinct names, dim/max_length where needed (the api schema), and no field
 * named like the stored insertion time.
 */

/** Stored with every row for TTL; never returned, so no user field may use the name. */
export const INSERT_TIME_FIELD = '_ts';

const fieldsSchema = createCollectionRequestSchema.shape.schema;

/** Checks and copies a field list; throws INVALID_REQUEST or INVALID_NAME saying which field is wrong. */
export function normalizeFields(fields: readonly FieldSchemaRequest[]): FieldSchemaRequest[] {
  const parsed = fieldsSchema.safeParse({ fields });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? 'schema.fields' : ['schema', ...issue.path.map(String)].join('.');
    throw new DataError('INVALID_REQUEST', `invalid collection schema: ${where}: ${issue?.message ?? 'invalid'}; fix the field list and retry`);
  }
  if (parsed.data.fields.some((field) => field.fieldName === INSERT_TIME_FIELD)) {
    throw new DataError('INVALID_NAME', `field name "${INSERT_TIME_FIELD}" is reserved for the row insertion time; choose another field name`);
  }
  return parsed.data.fields.map(copyField);
}

/** A field with only the properties that mean something, `false`/absent written one way. */
function copyField(field: FieldSchemaRequest): FieldSchemaRequest {
  const params = field.elementTypeParams;
  return {
    fieldName: field.fieldName,
    dataType: field.dataType,
    ...(field.isPrimary === true ? { isPrimary: true } : {}),
    ...(field.nullable === true ? { nullable: true } : {}),
    ...(params?.dim !== undefined || params?.max_length !== undefined
      ? {
          elementTypeParams: {
            ...(params.dim !== undefined ? { dim: params.dim } : {}),
            ...(params.max_length !== undefined ? { max_length: params.max_length } : {}),
          },
        }
      : {}),
  };
}

/** The primary key field (normalised fields have exactly one). */
export function primaryField(fields: readonly FieldSchemaRequest[]): FieldSchemaRequest {
  const primary = fields.find((field) => field.isPrimary === true);
  if (primary === undefined) throw new DataError('INTERNAL', 'collection has no primary key field; its collection.json is damaged');
  return primary;
}

/**
 * Whether two field lists describe the same schema: same fields in the same order with the same
 * type, primary flag, nullability and parameters. An overwrite is allowed only then, so rows
 * written for the old schema keep their meaning for clients.
 */
export function sameSchema(a: readonly FieldSchemaRequest[], b: readonly FieldSchemaRequest[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((field, index) => {
    const other = b[index];
    return other !== undefined && JSON.stringify(copyField(field)) === JSON.stringify(copyField(other));
  });
}
