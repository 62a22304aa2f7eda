import type { JournalEntry, LockInfo, StateSnapshot } from './types.js';

/** A held state lock. Releasing twice, or after a force-unlock took it away, is harmless. */
export interface StateLock {
  readonly info: LockInfo;
  release(): Promise<void>;
}

/**
 * Where state lives. The apply protocol is: `lock` → `read` → `append` one entry per finished
 * (or started) operation → `write` the final snapshot → `release`. Entries are durable as soon as
 * `append` returns, so a run killed at any point loses at most the operation in flight, and
 * that one was recorded as pending before it started.
 */
export interface StateBackend {
  /** Where the state is, for messages: a file path, or a database, schema and workspace (never a password). */
  describe(): string;
  /**
   * The stored snapshot with any journal left by an interrupted apply folded in, or `undefined`
   * when there is no state yet. Reading changes nothing stored: the folded result is persisted by
   * the next `write`.
   *
   * @throws {StateCorruptError} when the snapshot or journal cannot be read.
   */
  read(): Promise<StateSnapshot | undefined>;
  /**
   * Stores `state` as the new snapshot with serial `state.serial + 1`, atomically, and clears
   * the journal (its entries are in the snapshot now). Returns what was stored.
   *
   * @throws {StateConflictError} when the stored state has another lineage or serial than `state`
   *   (the write would lose someone's changes).
   * @throws {StateCorruptError} when the stored state cannot be read (it is never overwritten then).
   * @throws {LockLostError} when this backend's lock was taken away.
   */
  write(state: StateSnapshot): Promise<StateSnapshot>;
  /** Records one journal entry; durable before the promise resolves. */
  append(entry: JournalEntry): Promise<void>;
  /**
   * Takes the state lock, or fails at once (no waiting) when someone holds it.
   *
   * @param operation what the lock is for, shown to others (`OperationTypeApply`).
   * @param info free text shown with the lock.
   * @throws {StateLockedError} with the holder's info.
   */
  lock(operation: string, info?: string): Promise<StateLock>;
  /**
   * Removes the lock whose id is `id`, whoever holds it. For a holder that died without
   * releasing it; the id guards against removing a lock taken since.
   *
   * @throws {LockNotFoundError} when no lock, or another lock, is held.
   */
  forceUnlock(id: string): Promise<void>;
  /** Who holds the lock now, if anyone. */
  currentLock(): Promise<LockInfo | undefined>;
  /** Frees what the backend holds (database connections). Locks still held are released. */
  close(): Promise<void>;
}
