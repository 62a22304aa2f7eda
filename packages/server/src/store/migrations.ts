/**
 * Versioned schema migrations, applied in order inside one transaction each. Never edit a
 * migration that has shipped: add the next one.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'projects, keys, clusters, backups, jobs, policies, copy policies, idempotency',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE projects (
        project_id TEXT PRIMARY KEY,
        project_name TEXT NOT NULL,
        create_time INTEGER NOT NULL
      );
      CREATE TABLE api_keys (
        api_key_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        project_ids TEXT NOT NULL,
        privileges TEXT NOT NULL,
        secret_hash BLOB NOT NULL,
        create_time INTEGER NOT NULL
      );
      CREATE TABLE clusters (
        cluster_id TEXT PRIMARY KEY,
        cluster_name TEXT NOT NULL,
        project_id TEXT NOT NULL REFERENCES projects(project_id),
        region_id TEXT NOT NULL,
        cu_type TEXT NOT NULL,
        cu_size INTEGER NOT NULL,
        status TEXT NOT NULL,
        create_time INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX clusters_live_name ON clusters(project_id, cluster_name) WHERE status <> 'DELETED';
      CREATE TABLE backups (
        backup_id TEXT PRIMARY KEY,
        backup_name TEXT NOT NULL,
        cluster_id TEXT NOT NULL,
        cluster_name TEXT NOT NULL,
        project_id TEXT NOT NULL,
        region_id TEXT NOT NULL,
        backup_type TEXT NOT NULL,
        creation_method TEXT NOT NULL,
        status TEXT NOT NULL,
        size INTEGER NOT NULL,
        stored_bytes INTEGER NOT NULL,
        create_time INTEGER NOT NULL,
        expire_time INTEGER,
        source_backup_id TEXT,
        scope TEXT,
        contents TEXT
      );
      CREATE INDEX backups_cluster ON backups(cluster_id, create_time);
      CREATE INDEX backups_status ON backups(status, expire_time);
      CREATE TABLE backup_numbers (cluster_id TEXT PRIMARY KEY, next INTEGER NOT NULL);
      CREATE TABLE jobs (
        job_id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        progress INTEGER NOT NULL,
        bytes_done INTEGER NOT NULL,
        bytes_total INTEGER NOT NULL,
        create_time INTEGER NOT NULL,
        start_time INTEGER,
        end_time INTEGER,
        reason TEXT NOT NULL,
        project_id TEXT NOT NULL,
        cluster_id TEXT,
        backup_id TEXT,
        target_cluster_id TEXT,
        payload TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        lease_owner TEXT,
        lease_expires INTEGER
      );
      CREATE INDEX jobs_runnable ON jobs(status, create_time);
      CREATE INDEX jobs_cluster ON jobs(cluster_id, create_time);
      CREATE TABLE policies (
        cluster_id TEXT PRIMARY KEY,
        enabled INTEGER NOT NULL,
        frequency TEXT,
        start_time TEXT,
        retention_days INTEGER,
        interval_minutes INTEGER,
        last_run_at INTEGER,
        update_time INTEGER NOT NULL
      );
      CREATE TABLE copy_policies (
        cluster_id TEXT NOT NULL,
        region_id TEXT NOT NULL,
        retention_days INTEGER NOT NULL,
        applies_to TEXT NOT NULL,
        PRIMARY KEY (cluster_id, region_id)
      );
      CREATE TABLE idempotency (
        api_key_id TEXT NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status_code INTEGER NOT NULL,
        response TEXT NOT NULL,
        create_time INTEGER NOT NULL,
        PRIMARY KEY (api_key_id, key)
      );
    `,
  },
  {
    version: 2,
    description: 'backups.data_time: when a backup\'s data was captured (a copy\'s is its source\'s)',
    // Copies made before this migration take their source's time where the source is still known.
    sql: `
      ALTER TABLE backups ADD COLUMN data_time INTEGER;
      UPDATE backups SET data_time = create_time WHERE source_backup_id IS NULL;
      UPDATE backups SET data_time = COALESCE((SELECT source.create_time FROM backups AS source WHERE source.backup_id = backups.source_backup_id), create_time)
        WHERE source_backup_id IS NOT NULL;
    `,
  },
];
