/**
 * Every error code of the contract with its HTTP status and a default message that says what
 * went wrong and what to do. Codes 96xxx (and 80001) are the hosted service's; Lifeboat's own
 * start at 97000. Codes 98xxx never travel on the wire: the SDK raises them itself (network,
 * timeouts, jobs that end badly, responses that do not match the contract).
 */
export interface ErrorCodeInfo {
  /** Numeric code as sent in the envelope. */
  readonly code: number;
  /** HTTP status the server answers with; `null` for client-side codes. */
  readonly httpStatus: number | null;
  /** Default message: what went wrong and what to do. */
  readonly message: string;
}

export const errorCatalog = {
  // Hosted-service codes.
  UNAUTHENTICATED: { code: 80001, httpStatus: 401, message: 'The API key is missing or unknown. Send "Authorization: Bearer <api key>" with a key from `lifeboat keys create` or the server\'s owner.key.' },
  INVALID_REGION_ID: { code: 96001, httpStatus: 400, message: 'Unknown regionId. List the regions with GET /v2/regions.' },
  INVALID_CU_SIZE: { code: 96002, httpStatus: 400, message: 'Invalid cuSize. It must be a positive whole number.' },
  INVALID_PROJECT_ID: { code: 96005, httpStatus: 400, message: 'Invalid projectId. List your projects with GET /v2/projects.' },
  INVALID_TIMESTAMP: { code: 96007, httpStatus: 400, message: 'Invalid timestamp. Use ISO 8601 UTC, e.g. 2024-08-26T02:27:51Z.' },
  INVALID_PAGE_SIZE: { code: 96008, httpStatus: 400, message: 'pageSize must be between 1 and 100.' },
  INVALID_CURRENT_PAGE: { code: 96009, httpStatus: 400, message: 'currentPage must be 1 or more.' },
  INVALID_CLUSTER_NAME: { code: 96010, httpStatus: 400, message: 'Invalid clusterName. Use letters, digits, "_" and "-" only.' },
  PROJECT_ORG_MISMATCH: { code: 96012, httpStatus: 403, message: 'This API key has no access to the project. Use a key scoped to it.' },
  PROJECT_ROLE_REQUIRED: { code: 96013, httpStatus: 403, message: 'This needs the org owner or a project admin of the project. Use a key with that role.' },
  CLUSTER_ORG_MISMATCH: { code: 96014, httpStatus: 403, message: 'This API key has no access to the cluster. Use a key scoped to its project.' },
  CLUSTER_ROLE_REQUIRED: { code: 96015, httpStatus: 403, message: 'This needs the org owner or a project admin of the cluster\'s project. Use a key with that role.' },
  KEY_SCOPE_DENIED: { code: 96016, httpStatus: 403, message: 'The API key\'s role or privileges do not allow this. Ask an owner for a key with the needed privilege.' },
  DUPLICATE_CLUSTER_NAME: { code: 96017, httpStatus: 409, message: 'A cluster with this name already exists in the project. Choose another name.' },
  CLUSTER_NOT_FOUND: { code: 96018, httpStatus: 404, message: 'Cluster not found. List clusters with GET /v2/clusters.' },
  INVALID_CLUSTER_ID: { code: 96025, httpStatus: 400, message: 'Invalid clusterId. Cluster ids look like in01-3e5ad8adc38f0a1b.' },
  JOB_NOT_FOUND: { code: 96026, httpStatus: 404, message: 'Job not found. List jobs with GET /v2/jobs.' },
  PERMISSION_DENIED: { code: 96027, httpStatus: 403, message: 'Permission denied. Use a key whose role covers this operation.' },
  INVALID_BACKUP_TYPE: { code: 96029, httpStatus: 400, message: 'backupType must be CLUSTER or COLLECTION.' },
  INVALID_CREATION_METHOD: { code: 96030, httpStatus: 400, message: 'creationMethod must be MANUAL or AUTO.' },
  INVALID_COLLECTION_STATUS: { code: 96031, httpStatus: 400, message: 'collectionStatus must be KEEP or RELEASE.' },
  INVALID_FREQUENCY: { code: 96032, httpStatus: 400, message: 'frequency must list days 1–7 (1 = Monday), e.g. "1,3,5".' },
  INVALID_START_TIME: { code: 96033, httpStatus: 400, message: 'startTime must be a UTC window "HH:mm-HH:mm", e.g. "02:00-04:00".' },
  INVALID_RETENTION_DAYS: { code: 96034, httpStatus: 400, message: 'retentionDays must be 1–30.' },
  INVALID_TIME_RANGE: { code: 96035, httpStatus: 400, message: 'startTime must not be after endTime.' },
  CLUSTER_ID_MISMATCH: { code: 96036, httpStatus: 400, message: 'The backup does not belong to this cluster. Use the clusterId shown by the backup.' },
  INVALID_DEST_COLLECTION_STATUS: { code: 96037, httpStatus: 400, message: 'destCollectionStatus must be LOADED or UNLOADED.' },
  BACKUP_FAILED: { code: 96038, httpStatus: 409, message: 'The backup could not be created. The message says why.' },
  RESTORE_COLLECTION_FAILED: { code: 96039, httpStatus: 409, message: 'The collection restore could not start. The message says why.' },
  RESTORE_CLUSTER_FAILED: { code: 96040, httpStatus: 409, message: 'The cluster restore could not start. The message says why.' },

  // Lifeboat extensions.
  INTERNAL: { code: 97000, httpStatus: 500, message: 'The server hit an unexpected error. Retry; if it persists, report it with the request id.' },
  INVALID_REQUEST: { code: 97001, httpStatus: 400, message: 'The request does not match the API. The message names the field and the rule.' },
  ROUTE_NOT_FOUND: { code: 97002, httpStatus: 404, message: 'No such endpoint. See /v2/openapi.json for the paths this server serves.' },
  BODY_TOO_LARGE: { code: 97003, httpStatus: 413, message: 'The request body is too large. Send fewer rows per request.' },
  RATE_LIMITED: { code: 97004, httpStatus: 429, message: 'Too many requests for this key and endpoint. Wait for Retry-After seconds and retry.' },
  IDEMPOTENCY_KEY_REUSED: { code: 97005, httpStatus: 409, message: 'This Idempotency-Key was used with a different body. Use a new key for a new request.' },
  SHUTTING_DOWN: { code: 97006, httpStatus: 503, message: 'The server is shutting down. Retry against it once it is back.' },
  INVALID_NAME: { code: 97007, httpStatus: 400, message: 'Invalid name: use letters, digits, "_" and "-", start with a letter or "_", at most 64 characters.' },
  TOO_MANY_IDS: { code: 97008, httpStatus: 400, message: 'Too many ids in one call: at most 100. Split the request.' },
  BACKUP_NOT_FOUND: { code: 97010, httpStatus: 404, message: 'Backup not found. List backups with GET /v2/backups.' },
  BACKUP_NOT_AVAILABLE: { code: 97011, httpStatus: 409, message: 'Only AVAILABLE backups can be restored, copied, exported or verified. Wait for the backup job to finish.' },
  MANUAL_BACKUP_IN_PROGRESS: { code: 97012, httpStatus: 409, message: 'A manual backup of this cluster is already pending or running. Wait for its job to finish.' },
  AUTO_BACKUP_IN_PROGRESS: { code: 97013, httpStatus: 409, message: 'An automatic backup of this cluster is running. Start the manual backup once it finishes.' },
  RESTORE_IN_PROGRESS: { code: 97014, httpStatus: 409, message: 'A restore into this cluster is already running. Wait for its job to finish.' },
  COLLECTION_EXISTS: { code: 97015, httpStatus: 409, message: 'The destination collection exists. Pass onConflict: "OVERWRITE" to replace it, or restore under another name.' },
  SCHEMA_MISMATCH: { code: 97016, httpStatus: 409, message: 'The destination collection has a different schema, so it cannot be overwritten. Restore under another name.' },
  CLUSTER_BACKUP_REQUIRED: { code: 97017, httpStatus: 400, message: 'Restoring a cluster needs a CLUSTER backup. Use restoreCollection for a COLLECTION backup.' },
  SAME_REGION_COPY: { code: 97018, httpStatus: 400, message: 'The backup is already in that region. Copy it to another region.' },
  BACKUP_DELETING: { code: 97019, httpStatus: 409, message: 'The backup is being deleted.' },
  JOB_NOT_CANCELABLE: { code: 97020, httpStatus: 409, message: 'The job has already ended, so it cannot be canceled.' },
  COPY_POLICY_NOT_FOUND: { code: 97021, httpStatus: 404, message: 'No copy policy for that region on this cluster. List them with GET …/backups/copyPolicies.' },
  INTEGRATION_NOT_FOUND: { code: 97022, httpStatus: 404, message: 'Unknown integrationId. Integrations are named directories in the server configuration.' },
  API_KEY_NOT_FOUND: { code: 97023, httpStatus: 404, message: 'API key not found. List keys with GET /v2/apiKeys.' },
  DATABASE_NOT_FOUND: { code: 97024, httpStatus: 404, message: 'Database not found. List databases with POST …/v2/vectordb/databases/list.' },
  COLLECTION_NOT_FOUND: { code: 97025, httpStatus: 404, message: 'Collection not found. List collections with POST …/v2/vectordb/collections/list.' },
  PARTITION_NOT_FOUND: { code: 97026, httpStatus: 404, message: 'Partition not found. List partitions with POST …/v2/vectordb/partitions/list.' },
  ALREADY_EXISTS: { code: 97027, httpStatus: 409, message: 'It already exists. Choose another name.' },
  INVALID_ROW: { code: 97028, httpStatus: 400, message: 'A row does not match the collection schema. The message names the row and the field.' },
  UNSUPPORTED_FILTER: { code: 97029, httpStatus: 400, message: 'Unsupported filter expression. Supported: `field == value`, `field in [..]`, combined with `and`.' },
  COLLECTION_NOT_LOADED: { code: 97030, httpStatus: 409, message: 'The collection is not loaded. Load it with POST …/v2/vectordb/collections/load first.' },
  CLUSTER_NOT_LOCAL: { code: 97031, httpStatus: 400, message: 'The data plane is only served for local clusters.' },
  INVALID_INTERVAL: { code: 97032, httpStatus: 400, message: 'intervalMinutes must be one of 5, 10, 15, 30, 60, 240, 720, 1440.' },
  RESTORE_TARGET_EXISTS: { code: 97033, httpStatus: 409, message: 'A restore creates a new cluster; the chosen clusterName is taken. Choose another.' },
  CLUSTER_BUSY: { code: 97034, httpStatus: 409, message: 'The cluster has running jobs. Wait for them or cancel them, then retry.' },
  DATABASE_NOT_EMPTY: { code: 97036, httpStatus: 409, message: 'The database still has collections. Drop them first.' },
  COPY_IN_PROGRESS: { code: 97035, httpStatus: 409, message: 'A copy of this backup to that region already exists or is running. Use it, or delete it first.' },

  // Raised by the SDK itself; never sent by a server.
  NETWORK: { code: 98001, httpStatus: null, message: 'Could not reach the server. Check the endpoint (LIFEBOAT_ENDPOINT) and that the server is running.' },
  TIMEOUT: { code: 98002, httpStatus: null, message: 'The request timed out. Raise timeoutMs or retry.' },
  CLIENT_VALIDATION: { code: 98003, httpStatus: null, message: 'The input is invalid; nothing was sent. The message names the field and the rule.' },
  INVALID_RESPONSE: { code: 98004, httpStatus: null, message: 'The server answered with something that does not match the API. Check that the endpoint is a Lifeboat or compatible server.' },
  JOB_FAILED: { code: 98005, httpStatus: null, message: 'The job failed. Its reason says why.' },
  JOB_CANCELED: { code: 98006, httpStatus: null, message: 'The job was canceled.' },
  JOB_WAIT_TIMEOUT: { code: 98007, httpStatus: null, message: 'Stopped waiting for the job; it is still running on the server. Wait again, or resume it later with jobs.resume().' },
  ABORTED: { code: 98008, httpStatus: null, message: 'The operation was aborted by its signal. Work already started on the server keeps running.' },
} as const satisfies Record<string, ErrorCodeInfo>;

/** Symbolic name of an error code, e.g. `'BACKUP_NOT_FOUND'`. */
export type ErrorName = keyof typeof errorCatalog;

/** Numeric codes by name: `ErrorCode.BACKUP_NOT_FOUND === 97010`. */
export const ErrorCode = Object.fromEntries(
  Object.entries(errorCatalog).map(([name, info]) => [name, info.code]),
) as { readonly [K in ErrorName]: (typeof errorCatalog)[K]['code'] };

const byCode = new Map<number, ErrorCodeInfo & { readonly name: ErrorName }>(
  (Object.entries(errorCatalog) as [ErrorName, ErrorCodeInfo][]).map(([name, info]) => [
    info.code,
    { ...info, name },
  ]),
);

/** Looks a numeric code up; `undefined` for codes this version does not know. */
export function describeErrorCode(code: number): (ErrorCodeInfo & { readonly name: ErrorName }) | undefined {
  return byCode.get(code);
}
