import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyJournal,
  emptyState,
  LockLostError,
  LockNotFoundError,
  PostgresStateBackend,
  StateConflictError,
  StateCorruptError,
  StateLockedError,
  type JournalEntry,
} from '../../src/state/index.js';
import { findPostgresBinaries, startPostgres, type PostgresServer } from './postgres-server.js';

const binaries = findPostgresBinaries();
if (binaries === undefined) {
  console.warn('Skipping the Postgres state backend tests: no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin. Install PostgreSQL to run them.');
}

const provider = 'provider["registry.terraform.io/lifeboat/lifeboat"]';

function put(name: string, id: string): JournalEntry {
  return {
    kind: 'put-instance',
    address: `lifeboat_backup.${name}`,
    resource: { mode: 'managed', type: 'lifeboat_backup', name, provider },
    instance: { schema_version: 0, attributes: { id }, sensitive_attributes: [], dependencies: [] },
  };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Polls until `check` passes or 5 s went by. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await check()); waited += 25) {
    if (waited > 5000) throw new Error('condition not met within 5 s');
    await sleep(25);
  }
}

describe.skipIf(binaries === undefined)('PostgresStateBackend (real PostgreSQL)', () => {
  let server: PostgresServer;
  let admin: pg.Client;
  const backends: PostgresStateBackend[] = [];
  let schemas = 0;

  /** A backend on a schema of its own, closed after the suite. */
  function backendFor(schemaName: string, workspace = 'default'): PostgresStateBackend {
    const backend = new PostgresStateBackend({ connectionString: server.connectionString, schemaName, workspace });
    backends.push(backend);
    return backend;
  }
  const newSchema = (): string => `state_test_${++schemas}`;

  beforeAll(async () => {
    server = await startPostgres(binaries!);
    admin = new pg.Client({ connectionString: server.connectionString });
    await admin.connect();
  }, 30_000);

  afterAll(async () => {
    await Promise.all(backends.map((backend) => backend.close()));
    await admin?.end();
    await server?.stop();
  }, 30_000);

  it('creates its tables and reads nothing before the first write', async () => {
    const schema = newSchema();
    expect(await backendFor(schema).read()).toBeUndefined();
    const tables = await admin.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [schema]);
    expect(tables.rows.map((row) => row.table_name)).toEqual(['journal', 'locks', 'states']);
  });

  it('round-trips a write, bumping the serial and keeping the lineage', async () => {
    const schema = newSchema();
    const backend = backendFor(schema);
    const initial = applyJournal(emptyState(), [put('a', 'b-1')]);
    const first = await backend.write(initial);
    expect(first.serial).toBe(1);
    expect(await backendFor(schema).read()).toEqual(first);
    const second = await backend.write(applyJournal(first, [put('b', 'b-2')]));
    expect(second).toMatchObject({ serial: 2, lineage: initial.lineage });
    expect(await backendFor(schema).read()).toEqual(second);
    const row = await admin.query<{ serial: string }>(`SELECT serial FROM ${schema}.states WHERE name = 'default'`);
    expect(row.rows[0]?.serial).toBe('2');
    await expect(backend.write(first)).rejects.toBeInstanceOf(StateConflictError);
    expect(backend.describe()).toBe(`postgres://127.0.0.1:${new URL(server.connectionString).port}/postgres (schema ${schema}, workspace default)`);
  });

  it('keeps workspaces apart', async () => {
    const schema = newSchema();
    const staging = backendFor(schema, 'staging');
    const production = backendFor(schema, 'production');
    await staging.write(emptyState('staging-lineage'));
    expect(await production.read()).toBeUndefined();
    await staging.lock('OperationTypeApply');
    const lock = await production.lock('OperationTypeApply');
    await lock.release();
  });

  it('folds the journal of an interrupted apply on read, and write clears it in the same transaction', async () => {
    const schema = newSchema();
    const written = await backendFor(schema).write(emptyState());
    const crashed = backendFor(schema);
    const entries: JournalEntry[] = [
      { kind: 'pending', operation: { address: 'lifeboat_backup.a', action: 'create', idempotencyKey: 'k', request: {}, startedAt: 'now' } },
      put('a', 'b-1'),
      { kind: 'pending-done', address: 'lifeboat_backup.a' },
      put('b', 'b-2'),
    ];
    for (const entry of entries) await crashed.append(entry);
    // The process dies here: no write(). The next run reads the folded state.
    const next = backendFor(schema);
    const recovered = await next.read();
    expect(recovered).toEqual(applyJournal(written, entries));
    expect(recovered?.serial).toBe(1);
    await next.write(recovered ?? emptyState());
    const journal = await admin.query(`SELECT count(*)::int AS n FROM ${schema}.journal`);
    expect(journal.rows[0]).toEqual({ n: 0 });
    expect(await backendFor(schema).read()).toMatchObject({ serial: 2, resources: [{ name: 'a' }, { name: 'b' }] });
  });

  it('keeps every entry of many parallel appends', async () => {
    const schema = newSchema();
    const backend = backendFor(schema);
    const written = await backend.write(emptyState());
    const entries = Array.from({ length: 300 }, (_, index) => put(`r${index}`, `b-${index}`));
    await Promise.all(entries.map((entry) => backend.append(entry)));
    expect(await backendFor(schema).read()).toEqual(applyJournal(written, entries));
  });

  it('refuses a stored state it cannot read, and does not overwrite it', async () => {
    const schema = newSchema();
    const backend = backendFor(schema);
    await backend.write(emptyState());
    await admin.query(`UPDATE ${schema}.states SET data = '{"version": 4, "serial": "one"}'`);
    const error = await caught(backend.read());
    expect(error).toBeInstanceOf(StateCorruptError);
    expect((error as StateCorruptError).message).toContain(`${schema}.states row default`);
    await expect(backend.write(emptyState())).rejects.toBeInstanceOf(StateCorruptError);
    const row = await admin.query<{ data: unknown }>(`SELECT data FROM ${schema}.states`);
    expect(row.rows[0]?.data).toEqual({ version: 4, serial: 'one' });
  });

  it('refuses a second lock from another backend with the holder’s info', async () => {
    const schema = newSchema();
    const holder = backendFor(schema);
    const lock = await holder.lock('OperationTypeApply', 'nightly');
    const other = backendFor(schema);
    const error = await caught(other.lock('OperationTypePlan'));
    expect(error).toBeInstanceOf(StateLockedError);
    expect((error as StateLockedError).holder).toEqual(lock.info);
    expect((error as StateLockedError).message).toContain(`lifeboat force-unlock ${lock.info.ID}`);
    expect(await other.currentLock()).toEqual(lock.info);
    await lock.release();
    expect(await other.currentLock()).toBeUndefined();
    const again = await other.lock('OperationTypeApply');
    await again.release();
  });

  it('lets exactly one of several concurrent lockers win', async () => {
    const schema = newSchema();
    const contenders = Array.from({ length: 4 }, () => backendFor(schema));
    const results = await Promise.allSettled(contenders.map((backend) => backend.lock('OperationTypeApply')));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(StateLockedError);
  });

  it('loses the lock with the holder’s connection when the holder dies', async () => {
    const schema = newSchema();
    await backendFor(schema).read(); // creates the tables before the child races for them
    const script = fileURLToPath(new URL('./pg-lock-holder.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, server.connectionString, schema], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const id = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const [word, lockId] = line.split(' ');
        if (word === 'LOCKED' && lockId !== undefined) resolve(lockId);
      });
      child.once('exit', (code) => reject(new Error(`lock holder exited (${code}): ${stderr}`)));
    });
    const other = backendFor(schema);
    const error = await caught(other.lock('OperationTypeApply'));
    expect((error as StateLockedError).holder.ID).toBe(id);

    child.kill('SIGKILL');
    await exited;
    // The server notices the closed connection and drops the session's advisory lock; the row left behind no longer counts.
    await eventually(async () => (await other.currentLock()) === undefined);
    const lock = await other.lock('OperationTypeApply');
    expect(lock.info.ID).not.toBe(id);
    expect(await other.currentLock()).toEqual(lock.info);
    await lock.release();
  }, 20_000);

  it('force-unlocks only with the right id, and ends the holder’s session so it cannot write on', async () => {
    const schema = newSchema();
    const holder = backendFor(schema);
    const state = await holder.write(emptyState());
    const lock = await holder.lock('OperationTypeApply');
    const other = backendFor(schema);
    const wrong = await caught(other.forceUnlock('not-the-id'));
    expect(wrong).toBeInstanceOf(LockNotFoundError);
    expect((wrong as LockNotFoundError).current).toEqual(lock.info);

    await other.forceUnlock(lock.info.ID);
    expect(await other.currentLock()).toBeUndefined();
    const taken = await other.lock('OperationTypeApply');
    await expect(holder.append(put('a', 'b-1'))).rejects.toBeInstanceOf(LockLostError);
    await expect(holder.write(state)).rejects.toBeInstanceOf(LockLostError);
    await lock.release();
    expect(await other.currentLock()).toEqual(taken.info);
    await expect(other.forceUnlock(lock.info.ID)).rejects.toBeInstanceOf(LockNotFoundError);
    await taken.release();
    await expect(other.forceUnlock(taken.info.ID)).rejects.toBeInstanceOf(LockNotFoundError);
  });
});
