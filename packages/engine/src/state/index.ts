/** The state layer: snapshots, the journal of an apply, locks, and the local and Postgres backends. */
export type {
  AttributeValue,
  JournalEntry,
  LockInfo,
  OutputState,
  PendingOperation,
  ResourceInstanceState,
  ResourceState,
  StateSnapshot,
} from './types.js';
export { formatInstanceAddress, parseInstanceAddress, type InstanceAddress, type InstanceKey } from './address.js';
export {
  InvalidAddressError,
  isStateError,
  LockLostError,
  LockNotFoundError,
  StateConflictError,
  StateCorruptError,
  StateError,
  StateLockedError,
  type StateErrorCode,
} from './errors.js';
export { applyJournal, emptyState, parseState, serializeState, TERRAFORM_VERSION, type ParseStateOptions } from './snapshot.js';
export type { StateBackend, StateLock } from './backend.js';
export {
  defaultLocalStateBackendOptions,
  LocalStateBackend,
  normalizeLocalStateBackendOptions,
  type LocalStateBackendOptions,
  type NormalizedLocalStateBackendOptions,
} from './local-backend.js';
export {
  defaultPostgresStateBackendOptions,
  normalizePostgresStateBackendOptions,
  PostgresStateBackend,
  type NormalizedPostgresStateBackendOptions,
  type PostgresStateBackendOptions,
} from './postgres-backend.js';
export { lifeboatProviderAddress } from './provider.js';
