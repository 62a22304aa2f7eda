/** SQL of the Postgres backend: table names, DDL, and the advisory lock key. */
import { createHash } from 'node:crypto';

/** Quotes an identifier, so any schema name is safe in SQL text. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The qualified names of the backend's tables in `schemaName`. */
export interface StateTables {
  readonly schema: string;
  readonly states: string;
  readonly journal: string;
  readonly locks: string;
}

/** Qualified, quoted table names. */
export function stateTables(schemaName: string): StateTables {
  const schema = quoteIdentifier(schemaName);
  return { schema, states: `${schema}.states`, journal: `${schema}.journal`, locks: `${schema}.locks` };
}

/** Statements that create what is missing; run in one transaction under {@link ddlLockKey}. */
export function createTablesSql(tables: StateTables): string[] {
  return [
    `CREATE SCHEMA IF NOT EXISTS ${tables.schema}`,
    `CREATE TABLE IF NOT EXISTS ${tables.states} (name text PRIMARY KEY, data jsonb NOT NULL, serial bigint NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${tables.journal} (name text NOT NULL, seq bigserial, entry jsonb NOT NULL, PRIMARY KEY (name, seq))`,
    `CREATE TABLE IF NOT EXISTS ${tables.locks} (name text PRIMARY KEY, info jsonb NOT NULL)`,
  ];
}

function hashKey(text: string): bigint {
  return createHash('sha256').update(text).digest().readBigInt64BE(0);
}

/**
 * The advisory lock key of one state: a stable 64-bit hash of schema and workspace, so every
 * process (in any language) that computes it the same way contends for the same lock.
 */
export function stateLockKey(schemaName: string, workspace: string): bigint {
  return hashKey(`lifeboat-state\0${schemaName}\0${workspace}`);
}

/**
 * Serialises table creation: two first runs racing on `CREATE TABLE IF NOT EXISTS` can
 * otherwise fail with a duplicate key in the catalog.
 */
export function ddlLockKey(schemaName: string): bigint {
  return hashKey(`lifeboat-state-ddl\0${schemaName}`);
}

/**
 * `pg_locks` shows a bigint advisory key as two oids: high half in `classid`, low half in
 * `objid`, with `objsubid = 1`. Returned as text, ready for `$n::oid`.
 */
export function advisoryLockColumns(key: bigint): { classid: string; objid: string } {
  const unsigned = BigInt.asUintN(64, key);
  return { classid: String(unsigned >> 32n), objid: String(unsigned & 0xffffffffn) };
}

/** Selects the sessions holding the advisory lock `$1::oid, $2::oid` in this database. */
export const advisoryHoldersSql = `
  SELECT pid FROM pg_locks
  WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND classid = $1::oid AND objid = $2::oid
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
