/**
 * `lifeboat backups`: list, inspect, create, delete, copy, verify, rename and export backups.
 * Commands that start a job wait for it with progress unless given `--no-wait`.
 */
import { Option, type Command } from 'commander';
import type { Backup, BackupStatus } from '@lifeboat/sdk';
import { backupColumns, formatBackup } from '../backups/views.js';
import { completeStartedJob } from '../jobs/started-job.js';
import { definedFields } from '../runtime/defined.js';
import { CliError } from '../runtime/cli-error.js';
import { clusterHints, clusterIdOf, clusterOption, collect, jsonOption, noWaitOption, required, wholeNumber } from '../runtime/options.js';
import { firstItems, limitOption, printList } from '../runtime/paging.js';
import type { Runtime } from '../runtime/runtime.js';
import { formatBytes } from '../runtime/units.js';

interface ClusterOptions {
  readonly cluster?: string;
  readonly json?: boolean;
}

interface JobOptions extends ClusterOptions {
  readonly wait: boolean;
}

/** `--cluster`, which every command on one backup needs. */
const backupClusterOption = (): Option => clusterOption('the cluster the backup belongs to (the CLUSTER column of lifeboat backups list)');
const clusterOf = (options: ClusterOptions): string => clusterIdOf(options, { hint: clusterHints.backups });

export function registerBackups(program: Command, runtime: Runtime): void {
  const backups = program.command('backups').description('List, inspect, create, delete, copy, verify, rename and export backups.');

  backups
    .command('list')
    .description('List backups, newest first.')
    .option('--cluster <id>', 'only backups of this cluster')
    .option('--region <id>', 'only backups stored in this region (copies included)')
    .addOption(new Option('--status <status>', 'only backups in this status').choices(['CREATING', 'AVAILABLE', 'FAILED', 'DELETING']))
    .addOption(new Option('--method <method>', 'only MANUAL or AUTO (policy) backups').choices(['MANUAL', 'AUTO']))
    .addOption(new Option('--type <type>', 'only CLUSTER or COLLECTION backups').choices(['CLUSTER', 'COLLECTION']))
    .addOption(limitOption())
    .addOption(jsonOption())
    .action(async (options: { cluster?: string; region?: string; status?: BackupStatus; method?: 'MANUAL' | 'AUTO'; type?: 'CLUSTER' | 'COLLECTION'; limit: number; json?: boolean }) => {
      const { client, projectId } = await runtime.connect({ announce: !options.json });
      const query = definedFields({ projectId, clusterId: options.cluster, regionId: options.region, status: options.status, creationMethod: options.method, backupType: options.type });
      printList(runtime.output, {
        head: await firstItems((pageSize) => client.backups.list({ ...query, pageSize }).pages(), options.limit),
        json: options.json === true,
        columns: backupColumns(Date.now()),
        empty: 'No backups. Start one with: lifeboat backups create --cluster <id>',
        what: 'backups',
        filters: '--cluster, --region, --status',
      });
    });

  backups
    .command('describe')
    .description('Show one backup: its collections (rows, checksums) and its copies in other regions.')
    .argument('<backupId>', 'the backup')
    .addOption(backupClusterOption())
    .addOption(jsonOption())
    .action(async (backupId: string, options: ClusterOptions) => {
      const clusterId = clusterOf(options);
      const { client } = await runtime.connect({ announce: !options.json });
      const backup = await client.backups.get({ clusterId, backupId });
      if (options.json) return runtime.output.json(backup);
      runtime.output.text(formatBackup(backup, Date.now()));
    });

  backups
    .command('create')
    .description('Back up a cluster, or some of its collections, and wait until the backup is available.')
    .addOption(clusterOption('the cluster to back up'))
    .option('--name <name>', 'a name for the backup (default: chosen by the server)')
    .option('--collection <name>', 'back up only this collection (repeatable); makes a COLLECTION backup', collect)
    .option('--db <name>', 'the database of --collection', 'default')
    .option('--copy-to <region>', 'also copy the backup to this region once it is available (repeatable)', collect)
    .addOption(noWaitOption())
    .addOption(jsonOption())
    .action(async (options: JobOptions & { name?: string; collection?: string[]; db: string; copyTo?: string[] }) => {
      const clusterId = clusterIdOf(options, { what: 'cluster to back up' });
      const { client } = await runtime.connect({ announce: !options.json });
      const started = await client.backups.create({
        clusterId,
        ...(options.collection === undefined
          ? { backupType: 'CLUSTER' as const }
          : { backupType: 'COLLECTION' as const, dbCollections: [{ dbName: options.db, collectionNames: options.collection }] }),
        ...definedFields({ backupName: options.name, crossRegionCopies: options.copyTo?.map((regionId) => ({ regionId })) }),
      });
      const { backupId, backupName, jobId } = started;
      await completeStartedJob(runtime, {
        job: started.job,
        label: `backup ${backupId} of ${clusterId}`,
        result: { backupId, backupName, clusterId, jobId },
        json: options.json === true,
        wait: options.wait,
        finished: async () => {
          const backup = await client.backups.get({ clusterId, backupId });
          return { json: { backup }, lines: [`Backup ${backupId} (${backupName}) is ${backup.status}: ${summary(backup)}.`] };
        },
      });
    });

  backups
    .command('delete')
    .description('Delete a backup. Data other backups still use is kept.')
    .argument('<backupId>', 'the backup')
    .addOption(backupClusterOption())
    .option('--yes', 'delete without asking')
    .addOption(jsonOption())
    .action(async (backupId: string, options: ClusterOptions & { yes?: boolean }) => {
      const clusterId = clusterOf(options);
      const { client } = await runtime.connect({ announce: !options.json });
      const backup = await client.backups.get({ clusterId, backupId });
      if (options.yes !== true) {
        const confirmed = await runtime.confirm({
          question: `Delete backup ${backupId} (${backup.backupName}) of ${clusterId}?`,
          detail: `  ${summary(backup)}, created ${backup.createTime}.\n  It cannot be restored afterwards. Only 'yes' will be accepted.`,
          skipFlag: '--yes',
        });
        if (!confirmed) throw new CliError({ code: 'CANCELED', problem: 'Delete canceled; nothing was deleted', fix: "Answer 'yes' to delete, or pass --yes." });
      }
      const deleted = await client.backups.delete({ clusterId, backupId });
      if (options.json) return runtime.output.json(deleted);
      runtime.output.line(`Deleted backup ${deleted.backupId} (${deleted.backupName}).`);
    });

  backups
    .command('copy')
    .description('Copy a backup to another region (only data missing there moves) and wait for the copy.')
    .argument('<backupId>', 'the backup to copy')
    .addOption(backupClusterOption())
    .option('--to <region>', 'the region to copy it to, e.g. local-2')
    .option('--retention-days <days>', 'delete the copy after this many days (1–30; default: keep it)', wholeNumber('--retention-days', 1, 30))
    .addOption(noWaitOption())
    .addOption(jsonOption())
    .action(async (backupId: string, options: JobOptions & { to?: string; retentionDays?: number }) => {
      const clusterId = clusterOf(options);
      const regionId = required(options.to, { flag: '--to <region>', what: 'target region', hint: 'Regions are local-1, local-2, local-3 on a default server.' });
      const { client } = await runtime.connect({ announce: !options.json });
      const started = await client.backups.copy({ clusterId, backupId, regionId, ...definedFields({ retentionDays: options.retentionDays }) });
      await completeStartedJob(runtime, {
        job: started.job,
        label: `copy of ${backupId} to ${regionId}`,
        result: { sourceBackupId: backupId, backupId: started.backupId, clusterId, regionId, jobId: started.jobId },
        json: options.json === true,
        wait: options.wait,
        startedLines: [`The copy will be backup ${started.backupId} in ${regionId}.`],
        finished: async () => {
          const copy = await client.backups.get({ clusterId, backupId: started.backupId });
          return { json: { backup: copy }, lines: [`Copied ${backupId} to ${regionId}: backup ${copy.backupId} is ${copy.status} (${summary(copy)}).`] };
        },
      });
    });

  backups
    .command('verify')
    .description('Re-read and re-hash every blob of a backup; fails if any is missing or corrupt.')
    .argument('<backupId>', 'the backup')
    .addOption(backupClusterOption())
    .addOption(noWaitOption())
    .addOption(jsonOption())
    .action(async (backupId: string, options: JobOptions) => {
      const clusterId = clusterOf(options);
      const { client } = await runtime.connect({ announce: !options.json });
      const started = await client.backups.verify({ clusterId, backupId });
      await completeStartedJob(runtime, {
        job: started.job,
        label: `verification of ${backupId}`,
        result: { backupId, clusterId, jobId: started.jobId },
        json: options.json === true,
        wait: options.wait,
        finished: () => ({ json: { verified: true }, lines: [`Backup ${backupId} verified: every blob was read back and matched its hash.`] }),
      });
    });

  backups
    .command('rename')
    .description('Rename a backup.')
    .argument('<backupId>', 'the backup')
    .argument('<name>', 'its new name')
    .addOption(backupClusterOption())
    .addOption(jsonOption())
    .action(async (backupId: string, backupName: string, options: ClusterOptions) => {
      const clusterId = clusterOf(options);
      const { client } = await runtime.connect({ announce: !options.json });
      const renamed = await client.backups.rename({ clusterId, backupId, backupName });
      if (options.json) return runtime.output.json(renamed);
      runtime.output.line(`Backup ${renamed.backupId} is now named ${renamed.backupName}.`);
    });

  backups
    .command('export')
    .description("Export a backup's files to a directory of an integration from the server's configuration.")
    .argument('<backupId>', 'the backup')
    .addOption(backupClusterOption())
    .option('--integration <id>', 'the integration (a named directory in the server configuration)')
    .option('--directory <path>', 'relative path inside the integration to write to')
    .addOption(noWaitOption())
    .addOption(jsonOption())
    .action(async (backupId: string, options: JobOptions & { integration?: string; directory?: string }) => {
      const clusterId = clusterOf(options);
      const integrationId = required(options.integration, { flag: '--integration <id>', what: 'integration', hint: "Integrations are named in the server configuration's \"integrations\"." });
      const directory = required(options.directory, { flag: '--directory <path>', what: 'directory to export to' });
      const { client } = await runtime.connect({ announce: !options.json });
      const started = await client.backups.export({ clusterId, backupId, integrationId, directory });
      await completeStartedJob(runtime, {
        job: started.job,
        label: `export of ${backupId} to ${integrationId}:${directory}`,
        result: { backupId, clusterId, integrationId, directory, jobId: started.jobId },
        json: options.json === true,
        wait: options.wait,
        finished: () => ({ lines: [`Exported backup ${backupId} to ${directory} in integration ${integrationId}.`] }),
      });
    });
}

/** `1.2 MiB, 3 collections, in local-1`. */
function summary(backup: Backup): string {
  const collections = backup.dbCollections.reduce((sum, db) => sum + db.collections.length, 0);
  return `${formatBytes(backup.size)}, ${collections} collection${collections === 1 ? '' : 's'}, in ${backup.regionId}`;
}
