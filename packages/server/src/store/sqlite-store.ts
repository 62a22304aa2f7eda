import { open, type FileHandle } from 'node:fs/promises';
import Database from 'better-sqlite3';
import type { JobType } from '@lifeboat/api';
import type {
  ApiKeyRecord,
  BackupRecord,
  ClusterRecord,
  CopyPolicyRecord,
  IdempotencyRecord,
  JobRecord,
  Paging,
  PolicyRecord,
  PolicyWrite,
  ProjectRecord,
  RecordPage,
} from '../domain/model.js';
import { SharedSync } from '../internal/shared-sync.js';
import { migrations } from './migrations.js';
import {
  apiKeyRows,
  backupRows,
  clusterRows,
  copyPolicyRows,
  idempotencyRows,
  jobRows,
  policyRows,
  projectRows,
} from './sqlite-rows.js';
import type { BackupFilter, JobCompletion, JobFilter, JobProgressPatch, Store } from './store.js';

type Row = Record<string, unknown>;

/** A WHERE clause built from optional filters. */
class Where {
  readonly clauses: string[] = [];
  readonly values: unknown[] = [];
  eq(column: string, value: unknown): this {
    if (value !== undefined) {
      this.clauses.push(`${column} = ?`);
      this.values.push(value);
    }
    return this;
  }
  in(column: string, values: readonly unknown[] | undefined): this {
    if (values !== undefined) {
      this.clauses.push(values.length === 0 ? '0' : `${column} IN (${values.map(() => '?').join(',')})`);
      this.values.push(...values);
    }
    return this;
  }
  cmp(column: string, op: '>=' | '<=', value: number | undefined): this {
    if (value !== undefined) {
      this.clauses.push(`${column} ${op} ?`);
      this.values.push(value);
    }
    return this;
  }
  toString(): string {
    return this.clauses.length === 0 ? '' : `WHERE ${this.clauses.join(' AND ')}`;
  }
}

/**
 * The store on SQLite (better-sqlite3, WAL). better-sqlite3 is synchronous, so each method runs
 * to completion without interleaving; composite changes still run in explicit transactions so a
 * crash never leaves half of one.
 */
export class SqliteStore implements Store {
  readonly #db: Database.Database;
  /** Prepared statements by SQL text: preparing costs more than running on hot paths. */
  readonly #statements = new Map<string, Database.Statement>();

  /** The WAL file, kept open so a flush is one fdatasync on the thread pool. */
  readonly #wal: FileHandle | undefined;
  readonly #walSync: SharedSync;

  private constructor(db: Database.Database, wal: FileHandle | undefined) {
    this.#db = db;
    this.#wal = wal;
    this.#walSync = new SharedSync(async () => {
      await wal?.datasync();
    });
  }

  /** Opens (creating if needed) the database file and applies pending migrations. */
  static async open(path: string): Promise<SqliteStore> {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    SqliteStore.#migrateDb(db);
    // Durability is group-committed: commits write the WAL without waiting for the disk
    // (NORMAL still syncs the WAL before every checkpoint, so the database cannot tear), and
    // flush() fdatasyncs the WAL once for all commits since the last flush, off the event
    // loop. An answered request is as durable as with FULL, and concurrent requests share the
    // sync instead of each blocking the server for one. The WAL exists once migrations ran.
    const wal = await open(`${path}-wal`, 'r').catch(() => undefined);
    db.pragma(wal === undefined ? 'synchronous = FULL' : 'synchronous = NORMAL');
    return new SqliteStore(db, wal);
  }

  static #migrateDb(db: Database.Database): void {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    const applied = new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version),
    );
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      db.transaction(() => {
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.description, Date.now());
      })();
    }
  }

  /** The schema version in effect. */
  schemaVersion(): number {
    const row = this.#prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
    return row.version ?? 0;
  }

  flush(): Promise<void> {
    return this.#walSync.request();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.#wal?.close();
    this.#db.close();
  }

  #prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #insert(table: string, row: Row): void {
    const columns = Object.keys(row);
    this
      .#prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map((c) => `@${c}`).join(',')})`)
      .run(row);
  }

  #upsert(table: string, row: Row, keys: readonly string[]): void {
    const columns = Object.keys(row);
    const updates = columns.filter((c) => !keys.includes(c)).map((c) => `${c} = excluded.${c}`);
    this
      .#prepare(
        `INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map((c) => `@${c}`).join(',')}) ON CONFLICT (${keys.join(',')}) DO UPDATE SET ${updates.join(',')}`,
      )
      .run(row);
  }

  #update(table: string, keyColumn: string, key: string, row: Row): void {
    const columns = Object.keys(row).filter((c) => c !== keyColumn);
    if (columns.length === 0) return;
    this.#prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(',')} WHERE ${keyColumn} = @__key`).run({ ...row, __key: key });
  }

  #page<T>(table: string, where: Where, order: string, paging: Paging, decode: (row: Row) => T): RecordPage<T> {
    const count = (this.#prepare(`SELECT COUNT(*) AS n FROM ${table} ${where.toString()}`).get(...where.values) as { n: number }).n;
    const rows = this
      .#prepare(`SELECT * FROM ${table} ${where.toString()} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...where.values, paging.limit, paging.offset) as Row[];
    return { items: rows.map(decode), count };
  }

  async getMeta(key: string): Promise<string | undefined> {
    return (this.#prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }
  async setMeta(key: string, value: string): Promise<void> {
    this.#upsert('meta', { key, value }, ['key']);
  }

  async createProject(project: ProjectRecord): Promise<void> {
    this.#insert('projects', projectRows.toRow(project));
  }
  async listProjects(): Promise<ProjectRecord[]> {
    return (this.#prepare('SELECT * FROM projects ORDER BY create_time, project_id').all() as Row[]).map(projectRows.fromRow);
  }
  async getProject(projectId: string): Promise<ProjectRecord | undefined> {
    const row = this.#prepare('SELECT * FROM projects WHERE project_id = ?').get(projectId) as Row | undefined;
    return row && projectRows.fromRow(row);
  }
  async countClustersByProject(): Promise<Map<string, number>> {
    const rows = this.#prepare("SELECT project_id, COUNT(*) AS n FROM clusters WHERE status <> 'DELETED' GROUP BY project_id").all() as { project_id: string; n: number }[];
    return new Map(rows.map((row) => [row.project_id, row.n]));
  }

  async createApiKey(key: ApiKeyRecord): Promise<void> {
    this.#insert('api_keys', apiKeyRows.toRow(key));
  }
  async getApiKey(apiKeyId: string): Promise<ApiKeyRecord | undefined> {
    const row = this.#prepare('SELECT * FROM api_keys WHERE api_key_id = ?').get(apiKeyId) as Row | undefined;
    return row && apiKeyRows.fromRow(row);
  }
  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return (this.#prepare('SELECT * FROM api_keys ORDER BY create_time, api_key_id').all() as Row[]).map(apiKeyRows.fromRow);
  }
  async deleteApiKey(apiKeyId: string): Promise<boolean> {
    return this.#prepare('DELETE FROM api_keys WHERE api_key_id = ?').run(apiKeyId).changes > 0;
  }

  async createCluster(cluster: ClusterRecord): Promise<void> {
    this.#insert('clusters', clusterRows.toRow(cluster));
  }
  async getCluster(clusterId: string): Promise<ClusterRecord | undefined> {
    const row = this.#prepare('SELECT * FROM clusters WHERE cluster_id = ?').get(clusterId) as Row | undefined;
    return row && clusterRows.fromRow(row);
  }
  async findClusterByName(projectId: string, clusterName: string): Promise<ClusterRecord | undefined> {
    const row = this
      .#prepare("SELECT * FROM clusters WHERE project_id = ? AND cluster_name = ? AND status <> 'DELETED'")
      .get(projectId, clusterName) as Row | undefined;
    return row && clusterRows.fromRow(row);
  }
  async listClusters(filter: { projectIds?: readonly string[] | undefined; projectId?: string | undefined }, paging: Paging): Promise<RecordPage<ClusterRecord>> {
    const where = new Where().in('project_id', filter.projectIds).eq('project_id', filter.projectId);
    where.clauses.push("status <> 'DELETED'");
    return this.#page('clusters', where, 'create_time, cluster_id', paging, clusterRows.fromRow);
  }
  async updateCluster(clusterId: string, patch: Partial<ClusterRecord>): Promise<void> {
    this.#update('clusters', 'cluster_id', clusterId, clusterRows.toRow(patch));
  }
  async countBackupsOfCluster(clusterId: string): Promise<number> {
    return (this.#prepare("SELECT COUNT(*) AS n FROM backups WHERE cluster_id = ? AND source_backup_id IS NULL AND status IN ('AVAILABLE', 'CREATING')").get(clusterId) as { n: number }).n;
  }

  async nextBackupNumber(clusterId: string): Promise<number> {
    return this.#db.transaction(() => {
      const row = this.#prepare('SELECT next FROM backup_numbers WHERE cluster_id = ?').get(clusterId) as { next: number } | undefined;
      const next = row?.next ?? 0;
      this.#upsert('backup_numbers', { cluster_id: clusterId, next: next + 1 }, ['cluster_id']);
      return next;
    })();
  }
  async createBackupWithJob(backup: BackupRecord, job: JobRecord): Promise<void> {
    this.#db.transaction(() => {
      this.#insert('backups', backupRows.toRow(backup));
      this.#insert('jobs', jobRows.toRow(job));
    })();
  }
  async getBackup(backupId: string): Promise<BackupRecord | undefined> {
    const row = this.#prepare('SELECT * FROM backups WHERE backup_id = ?').get(backupId) as Row | undefined;
    return row && backupRows.fromRow(row);
  }
  async listBackups(filter: BackupFilter, paging: Paging): Promise<RecordPage<BackupRecord>> {
    const where = new Where()
      .in('project_id', filter.projectIds)
      .eq('project_id', filter.projectId)
      .eq('cluster_id', filter.clusterId)
      .eq('creation_method', filter.creationMethod)
      .eq('backup_type', filter.backupType)
      .eq('region_id', filter.regionId)
      .eq('status', filter.status)
      .in('status', filter.statuses)
      .eq('source_backup_id', filter.sourceBackupId)
      .cmp('create_time', '>=', filter.createdFrom)
      .cmp('create_time', '<=', filter.createdTo);
    return this.#page('backups', where, 'create_time DESC, backup_id', paging, backupRows.fromRow);
  }
  async updateBackup(backupId: string, patch: Partial<BackupRecord>): Promise<void> {
    this.#update('backups', 'backup_id', backupId, backupRows.toRow(patch));
  }
  async deleteBackup(backupId: string): Promise<void> {
    this.#prepare('DELETE FROM backups WHERE backup_id = ?').run(backupId);
  }

  async createClusterWithJob(cluster: ClusterRecord, job: JobRecord): Promise<void> {
    this.#db.transaction(() => {
      this.#insert('clusters', clusterRows.toRow(cluster));
      this.#insert('jobs', jobRows.toRow(job));
    })();
  }
  async createJob(job: JobRecord): Promise<void> {
    this.#insert('jobs', jobRows.toRow(job));
  }
  async getJob(jobId: string): Promise<JobRecord | undefined> {
    const row = this.#prepare('SELECT * FROM jobs WHERE job_id = ?').get(jobId) as Row | undefined;
    return row && jobRows.fromRow(row);
  }
  async listJobs(filter: JobFilter, paging: Paging): Promise<RecordPage<JobRecord>> {
    const where = new Where()
      .in('project_id', filter.projectIds)
      .eq('cluster_id', filter.clusterId)
      .eq('target_cluster_id', filter.targetClusterId)
      .eq('type', filter.type)
      .eq('status', filter.status)
      .in('status', filter.statuses);
    return this.#page('jobs', where, 'create_time DESC, job_id', paging, jobRows.fromRow);
  }
  async claimJob(owner: string, now: number, leaseExpires: number, types?: readonly JobType[]): Promise<JobRecord | undefined> {
    return this.#db.transaction(() => {
      const typeFilter = types === undefined ? '' : `AND type IN (${types.map(() => '?').join(',')})`;
      const row = this
        .#prepare(
          `SELECT job_id FROM jobs
           WHERE (status = 'PENDING' OR (status IN ('IN_PROGRESS', 'CANCELING') AND (lease_expires IS NULL OR lease_expires < ?)))
           ${typeFilter}
           ORDER BY create_time, job_id LIMIT 1`,
        )
        .get(now, ...(types ?? [])) as { job_id: string } | undefined;
      if (!row) return undefined;
      this
        .#prepare(
          `UPDATE jobs SET status = CASE status WHEN 'PENDING' THEN 'IN_PROGRESS' ELSE status END,
             start_time = COALESCE(start_time, ?), attempts = attempts + 1, lease_owner = ?, lease_expires = ?
           WHERE job_id = ?`,
        )
        .run(now, owner, leaseExpires, row.job_id);
      return jobRows.fromRow(this.#prepare('SELECT * FROM jobs WHERE job_id = ?').get(row.job_id) as Row);
    })();
  }
  async renewLease(jobId: string, owner: string, leaseExpires: number): Promise<boolean> {
    return this.#prepare("UPDATE jobs SET lease_expires = ? WHERE job_id = ? AND lease_owner = ? AND status IN ('IN_PROGRESS', 'CANCELING')").run(leaseExpires, jobId, owner).changes > 0;
  }
  async updateJobProgress(jobId: string, owner: string, patch: JobProgressPatch): Promise<boolean> {
    const row = jobRows.toRow(patch);
    const columns = Object.keys(row);
    if (columns.length === 0) return true;
    return (
      this
        .#prepare(`UPDATE jobs SET ${columns.map((c) => `${c} = @${c}`).join(',')} WHERE job_id = @__id AND lease_owner = @__owner AND status IN ('IN_PROGRESS', 'CANCELING')`)
        .run({ ...row, __id: jobId, __owner: owner }).changes > 0
    );
  }
  async completeJob(completion: JobCompletion): Promise<boolean> {
    return this.#db.transaction(() => {
      const ownerClause = completion.owner === null ? 'lease_owner IS NULL' : 'lease_owner = @owner';
      const changed = this
        .#prepare(
          `UPDATE jobs SET status = @status, reason = @reason, end_time = @end_time, lease_owner = NULL, lease_expires = NULL,
             progress = CASE WHEN @status = 'SUCCESSFUL' THEN 100 ELSE progress END
           WHERE job_id = @job_id AND ${ownerClause} AND status NOT IN ('SUCCESSFUL', 'FAILED', 'CANCELED')`,
        )
        .run({ status: completion.status, reason: completion.reason, end_time: completion.endTime, job_id: completion.jobId, owner: completion.owner }).changes;
      if (changed === 0) return false;
      if (completion.backup) this.#update('backups', 'backup_id', completion.backup.backupId, backupRows.toRow(completion.backup.patch));
      if (completion.cluster) this.#update('clusters', 'cluster_id', completion.cluster.clusterId, clusterRows.toRow(completion.cluster.patch));
      return true;
    })();
  }
  async requestCancel(jobId: string): Promise<JobRecord | undefined> {
    return this.#db.transaction(() => {
      this.#prepare("UPDATE jobs SET status = 'CANCELING' WHERE job_id = ? AND status IN ('PENDING', 'IN_PROGRESS')").run(jobId);
      const row = this.#prepare('SELECT * FROM jobs WHERE job_id = ?').get(jobId) as Row | undefined;
      return row && jobRows.fromRow(row);
    })();
  }
  async expireAllLeases(): Promise<number> {
    return this.#prepare('UPDATE jobs SET lease_expires = 0 WHERE lease_owner IS NOT NULL').run().changes;
  }
  async releaseLeases(owner: string): Promise<number> {
    return this.#prepare('UPDATE jobs SET lease_owner = NULL, lease_expires = NULL WHERE lease_owner = ?').run(owner).changes;
  }

  async getPolicy(clusterId: string): Promise<PolicyRecord | undefined> {
    const row = this.#prepare('SELECT * FROM policies WHERE cluster_id = ?').get(clusterId) as Row | undefined;
    return row && policyRows.fromRow(row);
  }
  async putPolicy(policy: PolicyRecord): Promise<void> {
    this.#upsert('policies', policyRows.toRow(policy), ['cluster_id']);
  }
  async putPolicies(writes: readonly PolicyWrite[]): Promise<void> {
    this.#db.transaction(() => {
      for (const { policy, autoCopyPolicies } of writes) {
        this.#upsert('policies', policyRows.toRow(policy), ['cluster_id']);
        if (autoCopyPolicies !== undefined) this.#replaceAutoCopyPolicies(policy.clusterId, autoCopyPolicies);
      }
    })();
  }
  async listPolicies(clusterIds: readonly string[]): Promise<PolicyRecord[]> {
    const where = new Where().in('cluster_id', clusterIds);
    return (this.#prepare(`SELECT * FROM policies ${where.toString()}`).all(...where.values) as Row[]).map(policyRows.fromRow);
  }
  async listEnabledPolicies(): Promise<PolicyRecord[]> {
    return (this.#prepare('SELECT * FROM policies WHERE enabled = 1 ORDER BY cluster_id').all() as Row[]).map(policyRows.fromRow);
  }
  async recordPolicyRun(clusterId: string, lastRunAt: number): Promise<void> {
    this.#prepare('UPDATE policies SET last_run_at = ? WHERE cluster_id = ?').run(lastRunAt, clusterId);
  }

  async listCopyPolicies(clusterId: string): Promise<CopyPolicyRecord[]> {
    return (this.#prepare('SELECT * FROM copy_policies WHERE cluster_id = ? ORDER BY region_id').all(clusterId) as Row[]).map(copyPolicyRows.fromRow);
  }
  async putCopyPolicy(policy: CopyPolicyRecord): Promise<void> {
    this.#upsert('copy_policies', copyPolicyRows.toRow(policy), ['cluster_id', 'region_id']);
  }
  async putCopyPolicies(policies: readonly CopyPolicyRecord[]): Promise<void> {
    this.#db.transaction(() => {
      for (const policy of policies) this.#upsert('copy_policies', copyPolicyRows.toRow(policy), ['cluster_id', 'region_id']);
    })();
  }
  async deleteCopyPolicy(clusterId: string, regionId: string): Promise<boolean> {
    return this.#prepare('DELETE FROM copy_policies WHERE cluster_id = ? AND region_id = ?').run(clusterId, regionId).changes > 0;
  }
  async replaceAutoCopyPolicies(clusterId: string, policies: readonly CopyPolicyRecord[]): Promise<void> {
    this.#db.transaction(() => this.#replaceAutoCopyPolicies(clusterId, policies))();
  }
  #replaceAutoCopyPolicies(clusterId: string, policies: readonly CopyPolicyRecord[]): void {
    // Policies that also cover MANUAL backups keep doing so: ALL narrows to MANUAL, and widens
    // back to ALL when the new list names its region again.
    this.#prepare("DELETE FROM copy_policies WHERE cluster_id = ? AND applies_to = 'AUTO'").run(clusterId);
    this.#prepare("UPDATE copy_policies SET applies_to = 'MANUAL' WHERE cluster_id = ? AND applies_to = 'ALL'").run(clusterId);
    for (const policy of policies) {
      const manual = this.#prepare('SELECT 1 FROM copy_policies WHERE cluster_id = ? AND region_id = ?').get(clusterId, policy.regionId);
      this.#upsert('copy_policies', copyPolicyRows.toRow({ ...policy, appliesTo: manual ? 'ALL' : 'AUTO' }), ['cluster_id', 'region_id']);
    }
  }

  async getIdempotency(apiKeyId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const row = this.#prepare('SELECT * FROM idempotency WHERE api_key_id = ? AND key = ?').get(apiKeyId, key) as Row | undefined;
    return row && idempotencyRows.fromRow(row);
  }
  async putIdempotency(record: IdempotencyRecord): Promise<void> {
    this.#upsert('idempotency', idempotencyRows.toRow(record), ['api_key_id', 'key']);
  }
  async purgeIdempotency(olderThan: number): Promise<number> {
    return this.#prepare('DELETE FROM idempotency WHERE create_time < ?').run(olderThan).changes;
  }
}

