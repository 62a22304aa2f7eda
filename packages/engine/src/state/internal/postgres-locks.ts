/**
 * The Postgres lock's bookkeeping: who holds the advisory lock (from `pg_locks`), the `locks`
 * row describing them, and ending a holder's session for force-unlock.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { StateCorruptError, StateLockedError } from '../errors.js';
import type { LockInfo } from '../types.js';
import { advisoryHoldersSql, advisoryLockColumns, type StateTables } from './postgres-sql.js';
import { asLockInfo, describeIssues, lockInfoSchema } from './schema.js';

/** Anything that runs a query: a pool, a pooled client or a dedicated client. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

/** The lock row (if any) and the database sessions holding the advisory lock. */
export interface LockState {
  readonly info: LockInfo | undefined;
  readonly holders: readonly number[];
}

/** Errors that mean the session is over: ended by an administrator, a server shutdown, or a closed socket. */
export function isSessionGone(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (code === '57P01' || code === '57P02' || code === '57P03') return true;
  return error instanceof Error && /Connection terminated|Client has encountered a connection error|ECONNRESET|EPIPE/.test(error.message);
}

/** Reads and writes the lock of one workspace. */
export class PostgresLocks {
  private readonly columns: { classid: string; objid: string };

  constructor(
    private readonly settings: {
      readonly tables: StateTables;
      readonly schemaName: string;
      readonly workspace: string;
      /** The advisory lock key, as text for `$n::bigint`. */
      readonly lockKey: string;
      /** The backend's description, for messages. */
      readonly target: string;
    },
  ) {
    this.columns = advisoryLockColumns(BigInt(settings.lockKey));
  }

  /** Takes the advisory lock on `client`'s session without waiting; true when taken. */
  async tryLock(client: Queryable): Promise<boolean> {
    const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [this.settings.lockKey]);
    return result.rows[0]?.locked === true;
  }

  /** Records who holds the lock. Any row already there is a dead holder's: we hold the advisory lock. */
  async writeRow(client: Queryable, info: LockInfo): Promise<void> {
    await client.query(`INSERT INTO ${this.settings.tables.locks} (name, info) VALUES ($1, $2::jsonb) ON CONFLICT (name) DO UPDATE SET info = EXCLUDED.info`, [
      this.settings.workspace,
      JSON.stringify(info),
    ]);
  }

  /** Deletes the row of lock `id` only: a newer holder's row has another ID. */
  async deleteRow(db: Queryable, id: string): Promise<void> {
    await db.query(`DELETE FROM ${this.settings.tables.locks} WHERE name = $1 AND info->>'ID' = $2`, [this.settings.workspace, id]);
  }

  /** Lets go of the advisory lock on `client`'s session. */
  async unlock(client: Queryable): Promise<void> {
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [this.settings.lockKey]);
  }

  /** The row and the sessions holding the advisory lock now. */
  async state(db: Queryable): Promise<LockState> {
    const holders = (await db.query<{ pid: number }>(advisoryHoldersSql, [this.columns.classid, this.columns.objid])).rows.map((row) => row.pid);
    const rows = (await db.query<{ info: string }>(`SELECT info::text AS info FROM ${this.settings.tables.locks} WHERE name = $1`, [this.settings.workspace])).rows;
    const text = rows[0]?.info;
    if (text === undefined) return { info: undefined, holders };
    const parsed = lockInfoSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new StateCorruptError({
        source: `${this.settings.schemaName}.locks row ${this.settings.workspace}`,
        problem: `it does not hold lock info (${describeIssues(parsed.error)})`,
        fix: 'If no lifeboat command is running on this state, delete the row.',
      });
    }
    return { info: asLockInfo(parsed.data), holders };
  }

  /**
   * The error for a lock someone else holds. The holder writes its row right after taking the
   * advisory lock, so a missing row is waited for briefly.
   */
  async lockedError(db: Queryable): Promise<StateLockedError> {
    for (let attempt = 0; ; attempt++) {
      const { info, holders } = await this.state(db);
      const reason = `the state's advisory lock is held by another database session${holders.length > 0 ? ` (pid ${holders.join(', ')})` : ''}`;
      if (info !== undefined) return new StateLockedError({ holder: info, reason });
      if (attempt >= 20) {
        const holder: LockInfo = { ID: '(not recorded)', Operation: '', Who: `database session ${holders.join(', ')}`, Version: '', Created: '', Path: this.settings.target };
        return new StateLockedError({ holder, reason });
      }
      await sleep(50);
    }
  }

  /**
   * Ends every other session holding the advisory lock (`pg_terminate_backend`) and waits until
   * the lock is free: a terminated backend lets go of its locks when it exits, a moment later.
   */
  async endHolders(db: Queryable, id: string): Promise<void> {
    const { classid, objid } = this.columns;
    try {
      await db.query(`SELECT pg_terminate_backend(pid) FROM (${advisoryHoldersSql}) AS holders WHERE pid <> pg_backend_pid()`, [classid, objid]);
    } catch (error) {
      throw new Error(
        `force-unlock could not end the database session holding lock ${id} on ${this.settings.target}: ${(error as Error).message}. ` +
          'Run it as a superuser or a member of pg_signal_backend, or end the session with pg_terminate_backend(pid).',
        { cause: error },
      );
    }
    for (let waited = 0; (await db.query(advisoryHoldersSql, [classid, objid])).rows.length > 0; waited += 50) {
      if (waited >= 10_000) {
        throw new Error(`force-unlock ended the session holding lock ${id} on ${this.settings.target}, but its advisory lock is still held after 10 s. Try again.`);
      }
      await sleep(50);
    }
  }
}
