import { readFile, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fsyncDir, writeFileAtomic } from '../internal/atomic-file.js';
import type { StateBackend, StateLock } from './backend.js';
import { LockLostError, LockNotFoundError, StateConflictError, StateCorruptError } from './errors.js';
import { GroupCommit, Mutex } from './internal/io-queue.js';
import { validateJournalEntry } from './internal/journal-entry.js';
import {
  appendJournalLines,
  createJournalFile,
  readJournalFile,
  relateJournal,
  truncateJournalFile,
  type JournalBase,
} from './internal/local-journal.js';
import { acquireLockFile, readLockFile, removeLockFile } from './internal/local-lock.js';
import { newLockInfo } from './internal/lock-info.js';
import { applyJournal, emptyState, parseState, serializeState } from './snapshot.js';
import type { JournalEntry, LockInfo, StateSnapshot } from './types.js';

/** Options of {@link LocalStateBackend}; all optional. */
export interface LocalStateBackendOptions {
  /**
   * The state file, relative to `workingDir`.
   * @default 'terraform.tfstate'
   */
  readonly path?: string;
  /**
   * Where a relative `path` is resolved.
   * @default process.cwd()
   */
  readonly workingDir?: string;
}

/** Defaults of {@link LocalStateBackendOptions} (`workingDir` is the current directory at construction). */
export const defaultLocalStateBackendOptions = { path: 'terraform.tfstate' } as const;

/** {@link LocalStateBackendOptions} resolved into every file the backend uses. */
export interface NormalizedLocalStateBackendOptions {
  /** The snapshot, absolute. */
  readonly path: string;
  /** The previous snapshot, as Terraform keeps `terraform.tfstate.backup`. */
  readonly backupPath: string;
  /** Entries recorded since the snapshot, NDJSON. */
  readonly journalPath: string;
  /** The lock, named as Terraform names it: `.terraform.tfstate.lock.info`. */
  readonly lockPath: string;
}

/** Resolves the options once; everything downstream sees only absolute paths. */
export function normalizeLocalStateBackendOptions(options: LocalStateBackendOptions = {}): NormalizedLocalStateBackendOptions {
  const path = resolve(options.workingDir ?? process.cwd(), options.path ?? defaultLocalStateBackendOptions.path);
  if (path.endsWith('/')) throw new TypeError(`LocalStateBackend path must name a file, got ${JSON.stringify(options.path)}`);
  return {
    path,
    backupPath: `${path}.backup`,
    journalPath: `${path}.journal`,
    lockPath: join(dirname(path), `.${basename(path)}.lock.info`),
  };
}

// State files hold sensitive attributes (a restored cluster's password) in clear, as Terraform's
// do, so they are readable by their owner only.
const stateFileMode = 0o600;

/** How often appends re-read the lock file to notice a `force-unlock`. */
const lockCheckIntervalMs = 1000;

/**
 * State in a local file, the default backend.
 *
 * - The snapshot is replaced atomically (temp file, fsync, rename, fsync the directory), and the
 *   previous one is kept as `<path>.backup`.
 * - During an apply each entry is appended to `<path>.journal` and fsynced: one small append per
 *   finished resource instead of rewriting the whole state, so apply cost grows linearly.
 *   Appends arriving together share one fsync.
 * - The lock is `.<name>.lock.info`. A lock left by a process that died is not broken
 *   automatically, as Terraform does not: a reused pid or a process in another container
 *   sharing the directory can look dead while it still writes. The error says when the holder
 *   looks dead, and `force-unlock` removes it.
 *
 * @example
 * const backend = new LocalStateBackend({ workingDir: 'infra' });
 * const lock = await backend.lock('OperationTypeApply');
 * try {
 *   const state = (await backend.read()) ?? emptyState();
 *   await backend.append({ kind: 'remove-instance', address: 'lifeboat_backup.old' });
 *   await backend.write(applyJournal(state, [{ kind: 'remove-instance', address: 'lifeboat_backup.old' }]));
 * } finally {
 *   await lock.release();
 * }
 */
export class LocalStateBackend implements StateBackend {
  readonly options: NormalizedLocalStateBackendOptions;
  private readonly mutex = new Mutex();
  private readonly commits = new GroupCommit<string>((lines) => this.mutex.run(() => this.appendLines(lines)));
  /** The stored snapshot's identity as last seen (`null`: none); `undefined` until read. */
  private stored: JournalBase | undefined;
  /** Whether the journal on disk was checked (torn tail cut, header current) for appending. */
  private journalReady = false;
  /** When appends last checked the lock file (ms since epoch). */
  private lockCheckedAt = 0;
  /** The lock taken through this backend, checked before every write so a force-unlocked holder stops. */
  private held: LockInfo | undefined;

  constructor(options: LocalStateBackendOptions = {}) {
    this.options = normalizeLocalStateBackendOptions(options);
  }

  describe(): string {
    return this.options.path;
  }

  async read(): Promise<StateSnapshot | undefined> {
    return this.mutex.run(async () => {
      const snapshot = await this.readSnapshot();
      const journal = await readJournalFile(this.options.journalPath);
      if (journal?.base === undefined || journal.entries.length === 0) return snapshot;
      switch (relateJournal(journal.base, this.stored ?? null)) {
        case 'stale':
          return snapshot;
        case 'foreign':
          throw this.foreignJournal(journal.base);
        case 'current':
          return applyJournal(snapshot ?? emptyState(), journal.entries);
      }
    });
  }

  async write(state: StateSnapshot): Promise<StateSnapshot> {
    return this.mutex.run(async () => {
      await this.assertLockHeld();
      const previousText = await this.readText();
      const previous = previousText === undefined ? undefined : this.parse(previousText);
      if (previous !== undefined && (previous.lineage !== state.lineage || previous.serial !== state.serial)) {
        throw new StateConflictError({ source: this.options.path, stored: previous, attempted: state });
      }
      const next: StateSnapshot = { ...state, serial: state.serial + 1 };
      if (previousText !== undefined) await writeFileAtomic(this.options.backupPath, previousText, stateFileMode);
      await writeFileAtomic(this.options.path, serializeState(next), stateFileMode);
      // A crash here leaves a journal based on the previous serial: read() sees it as stale.
      this.stored = { lineage: next.lineage, serial: next.serial };
      this.journalReady = false;
      await rm(this.options.journalPath, { force: true });
      await fsyncDir(dirname(this.options.journalPath));
      return next;
    });
  }

  async append(entry: JournalEntry): Promise<void> {
    // Checked before it is written: one unreadable line would make the whole state unreadable.
    validateJournalEntry(entry);
    await this.commits.add(`${JSON.stringify(entry)}\n`);
  }

  async lock(operation: string, info?: string): Promise<StateLock> {
    const lockInfo = newLockInfo({ operation, info, path: this.options.path });
    await acquireLockFile(this.options.lockPath, lockInfo);
    this.held = lockInfo;
    let released = false;
    return {
      info: lockInfo,
      release: async () => {
        if (released) return;
        released = true;
        if (this.held?.ID === lockInfo.ID) this.held = undefined;
        await removeLockFile(this.options.lockPath, lockInfo.ID);
      },
    };
  }

  async forceUnlock(id: string): Promise<void> {
    const current = await readLockFile(this.options.lockPath);
    if (current?.ID !== id) throw new LockNotFoundError({ lockId: id, source: this.options.path, current });
    await removeLockFile(this.options.lockPath, id);
  }

  async currentLock(): Promise<LockInfo | undefined> {
    return readLockFile(this.options.lockPath);
  }

  async close(): Promise<void> {
    const held = this.held;
    this.held = undefined;
    if (held !== undefined) await removeLockFile(this.options.lockPath, held.ID);
  }

  private async appendLines(lines: string[]): Promise<void> {
    // The lock file is re-read at most once a second here (and always before a snapshot
    // write): a force-unlocked holder still stops within a second, and appends, which every
    // finishing resource waits on, do not pay a lock-file read each.
    if (Date.now() - this.lockCheckedAt >= lockCheckIntervalMs) {
      await this.assertLockHeld();
      this.lockCheckedAt = Date.now();
    }
    try {
      if (!this.journalReady) await this.prepareJournal();
      await appendJournalLines(this.options.journalPath, lines.join(''));
    } catch (error) {
      // A failed append may have left part of a line: check the tail again before the next one.
      this.journalReady = false;
      throw error;
    }
  }

  /** Makes the journal ready to take appends: continue a current one, replace a stale one. */
  private async prepareJournal(): Promise<void> {
    if (this.stored === undefined) await this.readSnapshot();
    const stored = this.stored ?? null;
    const journal = await readJournalFile(this.options.journalPath);
    const relation = journal?.base === undefined ? undefined : relateJournal(journal.base, stored);
    if (relation === 'foreign') throw this.foreignJournal(journal?.base ?? null);
    if (relation === 'current' && journal !== undefined) {
      if (journal.completeBytes < journal.totalBytes) await truncateJournalFile(this.options.journalPath, journal.completeBytes);
    } else {
      // No journal, one torn before its header was complete, or a stale one whose entries are
      // already in the snapshot.
      await createJournalFile(this.options.journalPath, stored);
    }
    this.journalReady = true;
  }

  private async assertLockHeld(): Promise<void> {
    if (this.held === undefined) return;
    const current = await readLockFile(this.options.lockPath);
    if (current?.ID !== this.held.ID) throw new LockLostError({ lockId: this.held.ID, source: this.options.path });
  }

  /** The snapshot on disk (no journal), remembering its identity; an empty file counts as none, as in Terraform. */
  private async readSnapshot(): Promise<StateSnapshot | undefined> {
    const text = await this.readText();
    const snapshot = text === undefined ? undefined : this.parse(text);
    this.stored = snapshot === undefined ? null : { lineage: snapshot.lineage, serial: snapshot.serial };
    return snapshot;
  }

  private async readText(): Promise<string | undefined> {
    try {
      const text = await readFile(this.options.path, 'utf8');
      return text.trim() === '' ? undefined : text;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private parse(text: string): StateSnapshot {
    return parseState(text, this.options.path, {
      fix: `Restore it from ${this.options.backupPath} (the snapshot before the last write) or from version control, or repair it by hand.`,
    });
  }

  private foreignJournal(base: JournalBase): StateCorruptError {
    const extended = base === null ? 'no state' : `serial ${base.serial} of lineage ${base.lineage}`;
    return new StateCorruptError({
      source: this.options.journalPath,
      problem: `the journal of an interrupted apply extends ${extended}, but ${this.options.path} ${
        this.stored === null || this.stored === undefined ? 'is missing' : `holds serial ${this.stored.serial} of lineage ${this.stored.lineage}`
      }: the state file was replaced or deleted after the apply was interrupted`,
      fix: `Put back the state file the apply ran against (${this.options.backupPath} may be it), or delete the journal to discard what the interrupted apply recorded.`,
    });
  }
}
