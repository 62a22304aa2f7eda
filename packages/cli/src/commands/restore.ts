/**
 * `lifeboat restore`: a backup into a new cluster (`cluster`), or collections of a backup into an
 * existing cluster (`collection`). Both wait for the restore with progress unless `--no-wait`.
 */
import type { Command, Option } from 'commander';
import type { RestoreCollectionRequest } from '@lifeboat/sdk';
import { completeStartedJob } from '../jobs/started-job.js';
import { sourceCuSize } from '../restore/size.js';
import { definedFields } from '../runtime/defined.js';
import { CliError } from '../runtime/cli-error.js';
import { clusterHints, clusterIdOf, clusterOption, collect, jsonOption, noWaitOption, required, wholeNumber } from '../runtime/options.js';
import type { Runtime } from '../runtime/runtime.js';

interface RestoreOptions {
  readonly cluster?: string;
  readonly json?: boolean;
  readonly wait: boolean;
}

const sourceClusterOption = (): Option => clusterOption('the cluster the backup was taken of (the CLUSTER column of lifeboat backups list)');

export function registerRestore(program: Command, runtime: Runtime): void {
  const restore = program.command('restore').description('Restore a backup into a new cluster, or collections into an existing one.');

  restore
    .command('cluster')
    .description("Restore a CLUSTER backup into a new cluster in the backup's region, and print how to connect to it.")
    .argument('<backupId>', 'the backup (a copy in another region restores there)')
    .addOption(sourceClusterOption())
    .option('--name <name>', 'name of the new cluster')
    .option('--cu-size <n>', "compute units of the new cluster (default: the source cluster's, or 1 if it is gone)", wholeNumber('--cu-size', 1, 256))
    .option('--release', 'leave every collection released (default: keep the load state each had)')
    .option('--show-password', "print the new cluster's password (the server returns it only once; --json always includes it)")
    .addOption(noWaitOption())
    .addOption(jsonOption())
    .action(async (backupId: string, options: RestoreOptions & { name?: string; cuSize?: number; release?: boolean; showPassword?: boolean }) => {
      const clusterId = clusterIdOf(options, { what: 'source cluster id', hint: clusterHints.backups });
      const clusterName = required(options.name, { flag: '--name <name>', what: 'name for the new cluster', hint: 'A restore always creates a new cluster.' });
      const { client, projectId } = await runtime.connect({ announce: !options.json });
      const backup = await client.backups.get({ clusterId, backupId });
      const started = await client.backups.restoreCluster({
        clusterId,
        backupId,
        projectId: projectId ?? backup.projectId,
        clusterName,
        cuSize: options.cuSize ?? (await sourceCuSize(client, clusterId)),
        ...(options.release === true ? { collectionStatus: 'RELEASE' as const } : {}),
      });
      const cluster = await client.clusters.get(started.clusterId);
      const credentials = [
        `Connect address: ${cluster.connectAddress}`,
        `Username:        ${started.username}`,
        options.showPassword === true
          ? `Password:        ${started.password}`
          : 'Password:        not shown (the server returns it only once; pass --show-password to print it)',
      ];
      await completeStartedJob(runtime, {
        job: started.job,
        label: `restore of ${backupId} into new cluster ${started.clusterId} (${clusterName})`,
        result: {
          backupId,
          regionId: backup.regionId,
          clusterId: started.clusterId,
          clusterName,
          connectAddress: cluster.connectAddress,
          username: started.username,
          password: started.password,
          jobId: started.jobId,
        },
        json: options.json === true,
        wait: options.wait,
        startedLines: [`New cluster ${started.clusterId} (${clusterName}) in ${backup.regionId}; it is usable once the restore ends.`, ...credentials],
        finished: () => ({ lines: [`Restored backup ${backupId} into new cluster ${started.clusterId} (${clusterName}) in ${backup.regionId}.`, ...credentials] }),
      });
    });

  restore
    .command('collection')
    .description('Restore collections of a backup into an existing cluster (all of them unless --collection is given).')
    .argument('<backupId>', 'the backup')
    .addOption(sourceClusterOption())
    .option('--to <clusterId>', 'the cluster to restore into (default: the source cluster)')
    .option('--db <name>', 'the database of --collection in the backup', 'default')
    .option('--collection <name>', 'restore only this collection (repeatable)', collect)
    .option('--as <name>', 'restore the one --collection under this name')
    .option('--to-db <name>', 'restore into this database (default: the same name)')
    .option('--unloaded', 'leave restored collections unloaded')
    .option('--overwrite', 'replace destination collections that exist (their schemas must match)')
    .addOption(noWaitOption())
    .addOption(jsonOption())
    .action(
      async (
        backupId: string,
        options: RestoreOptions & { to?: string; db: string; collection?: string[]; as?: string; toDb?: string; unloaded?: boolean; overwrite?: boolean },
      ) => {
        const clusterId = clusterIdOf(options, { what: 'source cluster id', hint: clusterHints.backups });
        const destClusterId = options.to ?? clusterId;
        const dbCollections = restoreTargets(options);
        const { client } = await runtime.connect({ announce: !options.json });
        const started = await client.backups.restoreCollection({
          clusterId,
          backupId,
          destClusterId,
          ...definedFields({ dbCollections }),
          ...(options.overwrite === true ? { onConflict: 'OVERWRITE' as const } : {}),
        });
        const what = options.collection === undefined ? 'every collection' : options.collection.join(', ');
        await completeStartedJob(runtime, {
          job: started.job,
          label: `restore of ${what} from ${backupId} into ${destClusterId}`,
          result: { backupId, clusterId, destClusterId, jobId: started.jobId },
          json: options.json === true,
          wait: options.wait,
          finished: () => ({ lines: [`Restored ${what} from backup ${backupId} into cluster ${destClusterId}.`] }),
        });
      },
    );
}

/** `dbCollections` of the request from the flags, or `undefined` for everything in the backup. */
function restoreTargets(options: { db: string; collection?: string[]; as?: string; toDb?: string; unloaded?: boolean }): RestoreCollectionRequest['dbCollections'] {
  const names = options.collection;
  if (options.as !== undefined && names?.length !== 1) {
    throw new CliError({ code: 'INVALID_OPTION', problem: '--as renames one collection, and --collection was not given exactly once', fix: 'Pass one --collection <name> with --as <new name>, or restore without --as.' });
  }
  if (names === undefined) {
    if (options.unloaded === true || options.toDb !== undefined) {
      throw new CliError({ code: 'INVALID_OPTION', problem: '--unloaded and --to-db apply to the collections named with --collection', fix: 'Name the collections with --collection <name>.' });
    }
    return undefined;
  }
  return [
    {
      dbName: options.db,
      ...definedFields({ destDbName: options.toDb }),
      collections: names.map((collectionName) => ({
        collectionName,
        ...definedFields({ destCollectionName: options.as }),
        ...(options.unloaded === true ? { destCollectionStatus: 'UNLOADED' as const } : {}),
      })),
    },
  ];
}
