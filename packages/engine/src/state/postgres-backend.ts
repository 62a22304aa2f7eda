import pg from 'pg';
import type { StateBackend, StateLock } from './backend.js';
import { LockLostError, LockNotFoundError, StateConflictError, StateCorruptError } from './errors.js';
import { GroupCommit, Mutex } from './internal/io-queue.js';
import { validateJournalEntry } from './internal/journal-entry.js';
import { newLockInfo } from './internal/lock-info.js';
import {
  createTablesSql,
  ddlLockKey,
  stateLockKey,
  stateTables,
  type StateTables,
} from './internal/postgres-sql.js';
import { isSessionGone, PostgresLocks, type Queryable } from './internal/postgres-locks.js';
import { asJournalEntry, describeIssues, journalEntrySchema } from './internal/schema.js';
import { applyJournal, emptyState, parseState, serializeState } from './snapshot.js';
import type { JournalEntry, LockInfo, StateSnapshot } from './types.js';

/** Options of {@link PostgresStateBackend}. */
export interface PostgresStateBackendOptions {
  /** `postgres://user:password@host:port/database`. */
  readonly connectionString: string;
  /**
   * Schema of the `states`, `journal` and `locks` tables, created if missing.
   * @default 'lifeboat'
   */
  readonly schemaName?: string;
  /**
   * Which state in those tables: one row per workspace, like Terraform workspaces.
   * @default 'default'
   */
  readonly workspace?: string;
}

/** Defaults of {@link PostgresStateBackendOptions}. */
export const defaultPostgresStateBackendOptions = { schemaName: 'lifeboat', workspace: 'default' } as const;

/** {@link PostgresStateBackendOptions} after {@link normalizePostgresStateBackendOptions}. */
export type NormalizedPostgresStateBackendOptions = Required<PostgresStateBackendOptions>;

/** Applies defaults and checks the options once. */
export function normalizePostgresStateBackendOptions(options: PostgresStateBackendOptions): NormalizedPostgresStateBackendOptions {
  const normalized = { ...defaultPostgresStateBackendOptions, ...options };
  if (normalized.connectionString === '') throw new TypeError('PostgresStateBackend needs a connectionString, e.g. postgres://user@host:5432/db');
  // Postgres truncates identifiers to 63 bytes: two long names could silently share tables.
  if (normalized.schemaName === '' || Buffer.byteLength(normalized.schemaName) > 63) {
    throw new TypeError(`PostgresStateBackend schemaName must be 1–63 bytes (got ${JSON.stringify(normalized.schemaName)})`);
  }
  if (normalized.workspace === '') throw new TypeError('PostgresStateBackend workspace must not be empty');
  return normalized;
}

/** Where the state is, without credentials. */
function describeTarget(options: NormalizedPostgresStateBackendOptions): string {
  let database = 'postgres';
  try {
    const url = new URL(options.connectionString);
    database = `postgres://${url.host}${url.pathname}`;
  } catch {
    // A key=value connection string: no part of it is shown, it may hold a password.
  }
  return `${database} (schema ${options.schemaName}, workspace ${options.workspace})`;
}

/** The lock this backend holds: its own connection, whose session owns the advisory lock. */
interface HeldLock {
  readonly info: LockInfo;
  readonly client: pg.Client;
  /** Set when the connection ended without release: the server dropped the advisory lock with it. */
  lost: boolean;
  releasing: boolean;
}

/**
 * State in PostgreSQL, for teams: one row per workspace in `<schema>.states`, journal entries
 * in `<schema>.journal`, lock info in `<schema>.locks`.
 *
 * - **Lock**: a session-level `pg_try_advisory_lock` on a dedicated connection, kept for the
 *   lock's lifetime, plus a `locks` row saying who holds it. The advisory lock is the truth: it
 *   ends with its session, so a holder that crashes releases it as soon as the server sees the
 *   connection close; a leftover row without a live advisory lock is ignored and overwritten.
 * - **Fencing**: while this backend holds the lock, `write` and `append` run on the lock's
 *   connection. If that session is gone (ended by `force-unlock`, or the network), they fail
 *   with {@link LockLostError} instead of writing into a state someone else may own now.
 * - **force-unlock** deletes the row and ends the holder's session with
 *   `pg_terminate_backend` (found through `pg_locks`), so the old holder cannot write on. That
 *   needs a superuser, membership in `pg_signal_backend`, or the holder's own role.
 * - **write** is one transaction: check lineage and serial, store the snapshot, delete the
 *   journal rows. A crash leaves either the old snapshot with its journal or the new one without.
 *
 * Call {@link PostgresStateBackend.close} when done, to end the pool's connections.
 */
export class PostgresStateBackend implements StateBackend {
  readonly options: NormalizedPostgresStateBackendOptions;
  private readonly tables: StateTables;
  private readonly target: string;
  private readonly locks: PostgresLocks;
  private readonly pool: pg.Pool;
  private readonly mutex = new Mutex();
  private readonly commits = new GroupCommit<string>((entries) => this.mutex.run(() => this.insertEntries(entries)));
  private schemaReady: Promise<void> | undefined;
  private held: HeldLock | undefined;
  private closed = false;

  constructor(options: PostgresStateBackendOptions) {
    this.options = normalizePostgresStateBackendOptions(options);
    this.tables = stateTables(this.options.schemaName);
    this.target = describeTarget(this.options);
    this.locks = new PostgresLocks({
      tables: this.tables,
      schemaName: this.options.schemaName,
      workspace: this.options.workspace,
      lockKey: String(stateLockKey(this.options.schemaName, this.options.workspace)),
      target: this.target,
    });
    this.pool = new pg.Pool({ connectionString: this.options.connectionString });
    // An idle pooled connection that dies (server restart) is dropped by the pool; without a
    // listener Node would treat the event as an uncaught error and exit.
    this.pool.on('error', () => undefined);
  }

  describe(): string {
    return this.target;
  }

  async read(): Promise<StateSnapshot | undefined> {
    await this.ensureSchema();
    const client = await this.pool.connect();
    let stateRows: { data: string }[];
    let journalRows: { seq: string; entry: string }[];
    try {
      // One snapshot of both tables, so a concurrent write cannot fold a journal twice or lose it.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      stateRows = (await client.query<{ data: string }>(`SELECT data::text AS data FROM ${this.tables.states} WHERE name = $1`, [this.options.workspace])).rows;
      journalRows = (
        await client.query<{ seq: string; entry: string }>(`SELECT seq::text AS seq, entry::text AS entry FROM ${this.tables.journal} WHERE name = $1 ORDER BY seq`, [
          this.options.workspace,
        ])
      ).rows;
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    const snapshot = stateRows[0] === undefined ? undefined : this.parseSnapshot(stateRows[0].data);
    if (journalRows.length === 0) return snapshot;
    return applyJournal(
      snapshot ?? emptyState(),
      journalRows.map((row) => this.parseEntry(row.seq, row.entry)),
    );
  }

  async write(state: StateSnapshot): Promise<StateSnapshot> {
    await this.ensureSchema();
    return this.mutex.run(() =>
      this.withWriter(async (client) => {
        await client.query('BEGIN');
        try {
          const rows = (await client.query<{ data: string }>(`SELECT data::text AS data FROM ${this.tables.states} WHERE name = $1 FOR UPDATE`, [this.options.workspace])).rows;
          // Parsed, not just compared: a state that cannot be read is never overwritten.
          const previous = rows[0] === undefined ? undefined : this.parseSnapshot(rows[0].data);
          if (previous !== undefined && (previous.lineage !== state.lineage || previous.serial !== state.serial)) {
            throw new StateConflictError({ source: this.target, stored: previous, attempted: state });
          }
          const next: StateSnapshot = { ...state, serial: state.serial + 1 };
          const values = [this.options.workspace, serializeState(next), next.serial];
          if (previous !== undefined) {
            // The row is locked FOR UPDATE above, so nobody changed it since the check.
            await client.query(`UPDATE ${this.tables.states} SET data = $2::jsonb, serial = $3 WHERE name = $1`, values);
          } else {
            // No row to lock: a first write racing ours (without the state lock) shows up as a conflict here.
            const inserted = await client.query(`INSERT INTO ${this.tables.states} (name, data, serial) VALUES ($1, $2::jsonb, $3) ON CONFLICT (name) DO NOTHING`, values);
            if (inserted.rowCount === 0) {
              const row = await client.query<{ lineage: string; serial: string }>(`SELECT data->>'lineage' AS lineage, serial::text AS serial FROM ${this.tables.states} WHERE name = $1`, [
                this.options.workspace,
              ]);
              const stored = { lineage: row.rows[0]?.lineage ?? '', serial: Number(row.rows[0]?.serial ?? 0) };
              throw new StateConflictError({ source: this.target, stored, attempted: state });
            }
          }
          await client.query(`DELETE FROM ${this.tables.journal} WHERE name = $1`, [this.options.workspace]);
          await client.query('COMMIT');
          return next;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    );
  }

  async append(entry: JournalEntry): Promise<void> {
    validateJournalEntry(entry);
    await this.ensureSchema();
    await this.commits.add(JSON.stringify(entry));
  }

  async lock(operation: string, info?: string): Promise<StateLock> {
    await this.ensureSchema();
    const client = new pg.Client({ connectionString: this.options.connectionString, keepAlive: true });
    let held: HeldLock | undefined;
    const onGone = (): void => {
      if (held !== undefined && !held.releasing) held.lost = true;
    };
    // Listeners first: an 'error' event without one would crash the process.
    client.on('error', onGone);
    client.on('end', onGone);
    await client.connect();
    try {
      if (!(await this.locks.tryLock(client))) throw await this.locks.lockedError(client);
      const lockInfo = newLockInfo({ operation, info, path: this.target });
      await this.locks.writeRow(client, lockInfo);
      held = { info: lockInfo, client, lost: false, releasing: false };
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    const lock = held;
    this.held = lock;
    let released: Promise<void> | undefined;
    return {
      info: lock.info,
      release: () => (released ??= this.mutex.run(() => this.releaseLock(lock))),
    };
  }

  async forceUnlock(id: string): Promise<void> {
    await this.ensureSchema();
    const { info, holders } = await this.locks.state(this.pool);
    if (info?.ID !== id) throw new LockNotFoundError({ lockId: id, source: this.target, current: holders.length > 0 ? info : undefined });
    await this.locks.endHolders(this.pool, id);
    await this.locks.deleteRow(this.pool, id);
  }

  async currentLock(): Promise<LockInfo | undefined> {
    await this.ensureSchema();
    const { info, holders } = await this.locks.state(this.pool);
    // A row whose advisory lock nobody holds was left by a holder that died: not a lock.
    return holders.length > 0 ? info : undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const held = this.held;
    if (held !== undefined) await this.mutex.run(() => this.releaseLock(held));
    await this.pool.end();
  }

  /** Creates the tables once per backend; checks first, so a role without CREATE can use existing tables. */
  private ensureSchema(): Promise<void> {
    this.schemaReady ??= this.createTables().catch((error: unknown) => {
      this.schemaReady = undefined;
      throw error;
    });
    return this.schemaReady;
  }

  private async createTables(): Promise<void> {
    const names = [this.tables.states, this.tables.journal, this.tables.locks];
    const existing = await this.pool.query<{ ready: boolean }>(
      'SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL AND to_regclass($3) IS NOT NULL AS ready',
      names,
    );
    if (existing.rows[0]?.ready === true) return;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [String(ddlLockKey(this.options.schemaName))]);
      for (const statement of createTablesSql(this.tables)) await client.query(statement);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Runs on the lock's connection while a lock is held (fencing), else on a pooled one. */
  private async withWriter<T>(work: (client: Queryable) => Promise<T>): Promise<T> {
    const held = this.held;
    if (held === undefined) {
      const client = await this.pool.connect();
      try {
        return await work(client);
      } finally {
        client.release();
      }
    }
    if (held.lost) throw new LockLostError({ lockId: held.info.ID, source: this.target });
    try {
      return await work(held.client);
    } catch (error) {
      // An error during a query is not emitted as an 'error' event: recognise it here.
      if (isSessionGone(error)) held.lost = true;
      if (held.lost) throw new LockLostError({ lockId: held.info.ID, source: this.target, cause: error });
      throw error;
    }
  }

  private async insertEntries(entries: string[]): Promise<void> {
    const values = entries.map((_, index) => `($1, $${index + 2}::jsonb)`).join(', ');
    await this.withWriter((client) => client.query(`INSERT INTO ${this.tables.journal} (name, entry) VALUES ${values}`, [this.options.workspace, ...entries]));
  }

  private async releaseLock(lock: HeldLock): Promise<void> {
    if (this.held === lock) this.held = undefined;
    if (lock.releasing) return;
    lock.releasing = true;
    try {
      if (lock.lost) {
        // The session is gone and the advisory lock with it; tidy our row if still there.
        await this.locks.deleteRow(this.pool, lock.info.ID);
      } else {
        await this.locks.deleteRow(lock.client, lock.info.ID);
        await this.locks.unlock(lock.client);
      }
    } catch {
      // The connection died while releasing: the server released the advisory lock with it.
    } finally {
      await lock.client.end().catch(() => undefined);
    }
  }

  private parseSnapshot(text: string): StateSnapshot {
    return parseState(text, `${this.options.schemaName}.states row ${this.options.workspace}`, {
      fix: 'Restore the row from a database backup, or repair it by hand.',
    });
  }

  private parseEntry(seq: string, text: string): JournalEntry {
    const parsed = journalEntrySchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new StateCorruptError({
        source: `${this.options.schemaName}.journal row ${this.options.workspace}/${seq}`,
        problem: `it is not a journal entry (${describeIssues(parsed.error)})`,
        fix: 'Repair or delete the row; deleting forgets what the interrupted apply recorded, so run `lifeboat plan` afterwards.',
      });
    }
    return asJournalEntry(parsed.data);
  }
}
