import type { ErrorName } from '@lifeboat/api';

/**
 * Every failure the data layer reports on purpose. `errorName` is a key of the api's
 * `errorCatalog`, so the HTTP layer maps it to the wire code and status without knowing the data
 * layer; the message says what was wrong and what to do, and is sent to the user as is.
 */
export class DataError extends Error {
  override readonly name = 'DataError';
  readonly errorName: ErrorName;

  constructor(errorName: ErrorName, message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.errorName = errorName;
  }
}

/** `true` for a DataError, also when two copies of this module are loaded. */
export function isDataError(error: unknown): error is DataError {
  return (
    error instanceof Error &&
    error.name === 'DataError' &&
    typeof (error as { readonly errorName?: unknown }).errorName === 'string'
  );
}

export function databaseNotFound(dbName: string): DataError {
  return new DataError(
    'DATABASE_NOT_FOUND',
    `database "${dbName}" not found; list databases with POST …/v2/vectordb/databases/list or create it first`,
  );
}

export function collectionNotFound(dbName: string, collectionName: string): DataError {
  return new DataError(
    'COLLECTION_NOT_FOUND',
    `collection "${collectionName}" not found in database "${dbName}"; list collections with POST …/v2/vectordb/collections/list`,
  );
}

export function partitionNotFound(collectionName: string, partitionName: string, existing: readonly string[]): DataError {
  return new DataError(
    'PARTITION_NOT_FOUND',
    `partition "${partitionName}" not found in collection "${collectionName}" (it has ${existing.map((p) => `"${p}"`).join(', ')}); create it with POST …/v2/vectordb/partitions/create`,
  );
}
