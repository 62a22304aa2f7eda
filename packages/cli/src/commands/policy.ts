/**
 * `lifeboat policy`: a cluster's automatic backup schedule (AUTO backups and how long they are
 * kept): show it, set it, disable it.
 */
import { Option, type Command } from 'commander';
import type { BackupPolicy } from '@lifeboat/sdk';
import { describeSchedule, parseFrequency } from '../policy/schedule.js';
import { definedFields } from '../runtime/defined.js';
import { CliError } from '../runtime/cli-error.js';
import { formatFields } from '../runtime/fields.js';
import { clusterIdOf, clusterOption, collect, jsonOption, required, wholeNumber } from '../runtime/options.js';
import type { Runtime } from '../runtime/runtime.js';

interface PolicyOptions {
  readonly cluster?: string;
  readonly json?: boolean;
}


export function registerPolicy(program: Command, runtime: Runtime): void {
  const policy = program.command('policy').description("Show, set or disable a cluster's automatic backup policy.");

  policy
    .command('get')
    .description("Show a cluster's backup policy: schedule, retention and the regions AUTO backups are copied to.")
    .addOption(clusterOption('the cluster'))
    .addOption(jsonOption())
    .action(async (options: PolicyOptions) => {
      const clusterId = clusterIdOf(options);
      const { client } = await runtime.connect({ announce: !options.json });
      const current = await client.policies.get(clusterId);
      if (options.json) return runtime.output.json(current);
      runtime.output.text(formatPolicy(current));
    });

  policy
    .command('set')
    .description('Enable automatic backups: once a day in a UTC window on chosen days, or every few minutes. A first backup starts at once.')
    .addOption(clusterOption('the cluster'))
    .option('--frequency <days>', 'days to back up on: daily, weekdays, weekends, or e.g. mon,wed,fri or 1,3,5 (1 = Monday)', parseFrequency)
    .option('--start-time <window>', 'UTC window to start in, HH:mm-HH:mm, e.g. 02:00-04:00')
    .addOption(new Option('--interval-minutes <n>', 'back up every n minutes instead of once a day (for tight RPOs)').choices(['5', '10', '15', '30', '60', '240', '720', '1440']))
    .option('--retention-days <days>', 'keep AUTO backups this many days (1–30)', wholeNumber('--retention-days', 1, 30))
    .option('--copy-to <region>', 'also copy AUTO backups to this region, kept as long (repeatable; replaces the current list)', collect)
    .addOption(jsonOption())
    .action(async (options: PolicyOptions & { frequency?: string; startTime?: string; intervalMinutes?: string; retentionDays?: number; copyTo?: string[] }) => {
      const clusterId = clusterIdOf(options);
      const retentionDays = required(options.retentionDays, { flag: '--retention-days <days>', what: 'retention', hint: 'AUTO backups are deleted after 1–30 days.' });
      if (options.intervalMinutes === undefined && (options.frequency === undefined || options.startTime === undefined)) {
        throw new CliError({
          code: 'MISSING_OPTION',
          problem: 'No schedule given',
          fix: 'Pass --frequency <days> with --start-time <HH:mm-HH:mm> (e.g. --frequency daily --start-time 02:00-04:00), or --interval-minutes <n>.',
        });
      }
      const { client } = await runtime.connect({ announce: !options.json });
      const result = await client.policies.set({
        clusterId,
        enabled: true,
        retentionDays,
        ...definedFields({
          intervalMinutes: options.intervalMinutes === undefined ? undefined : Number(options.intervalMinutes),
          frequency: options.frequency,
          startTime: options.startTime,
          crossRegionCopies: options.copyTo?.map((regionId) => ({ regionId, retentionDays })),
        }),
      });
      const stored = result.policy ?? (await client.policies.get(clusterId));
      if (options.json) return runtime.output.json(stored);
      runtime.output.line(`Backup policy of ${clusterId} is ${stored.status}: ${describeSchedule(stored)}, kept ${stored.retentionDays ?? retentionDays} days.`);
    });

  policy
    .command('disable')
    .description('Stop automatic backups of a cluster; existing backups stay until they expire.')
    .addOption(clusterOption('the cluster'))
    .addOption(jsonOption())
    .action(async (options: PolicyOptions) => {
      const clusterId = clusterIdOf(options);
      const { client } = await runtime.connect({ announce: !options.json });
      const result = await client.policies.disable(clusterId);
      if (options.json) return runtime.output.json({ clusterId: result.clusterId, status: result.status });
      runtime.output.line(`Backup policy of ${clusterId} is ${result.status}. Existing backups stay until they expire.`);
    });
}

function formatPolicy(policy: BackupPolicy): string {
  const copies = policy.crossRegionCopies ?? [];
  return formatFields([
    ['Cluster', policy.clusterId],
    ['Status', policy.status],
    ['Schedule', describeSchedule(policy)],
    ['Retention', policy.retentionDays === undefined ? undefined : `${policy.retentionDays} days`],
    ['Copies to', copies.length === 0 ? 'none' : copies.map((copy) => `${copy.regionId} (${copy.retentionDays} days)`).join(', ')],
  ]);
}
