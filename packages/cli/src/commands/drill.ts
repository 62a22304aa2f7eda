/**
 * `lifeboat drill`: prove a cluster can be recovered, and how fast. The drill itself is
 * `drill/drill.ts` (a report, no printing); this command shows its steps as progress, prints the
 * report, and fails (exit 1) when verification fails or an objective is missed.
 */
import type { Command } from 'commander';
import { describeTeardown, runDrill, type DrillEvent, type DrillReport } from '../drill/drill.js';
import { formatSeconds, parseObjective, type Objective } from '../drill/objectives.js';
import { formatDrillReport } from '../drill/report.js';
import { CliError, sentence } from '../runtime/cli-error.js';
import { clusterIdOf, jsonOption } from '../runtime/options.js';
import type { ProgressReporter } from '../runtime/progress.js';
import type { Runtime } from '../runtime/runtime.js';
import { formatAge } from '../runtime/units.js';

interface DrillOptions {
  readonly cluster?: string;
  readonly region?: string;
  readonly rto?: Objective;
  readonly rpo?: Objective;
  readonly keep?: boolean;
  readonly json?: boolean;
}

export function registerDrill(program: Command, runtime: Runtime): void {
  program
    .command('drill')
    .description(
      'Disaster-recovery drill: restore the available backup with the newest data of a cluster into a scratch cluster, verify row counts and checksums against the backup, report RTO and RPO, and remove the scratch cluster.',
    )
    .option('--cluster <id>', 'the cluster to drill')
    .option('--region <id>', "restore the newest copy in this region (e.g. the one that would survive losing the cluster's region)")
    .option('--rto <duration>', 'recovery time objective: fail when restoring and verifying take longer, e.g. 15m', parseObjective('--rto'))
    .option('--rpo <duration>', "recovery point objective: fail when the newest backup's data is older (a copy's data is as old as its source), e.g. 1h", parseObjective('--rpo'))
    .option('--keep', 'keep the scratch cluster for inspection instead of removing it')
    .addOption(jsonOption())
    .addHelpText('after', '\nExit codes: 0 passed; 1 verification failed, an objective was missed, or there is no backup; 130 interrupted.')
    .action(async (options: DrillOptions) => {
      const clusterId = clusterIdOf(options, { what: 'cluster to drill' });
      const { client, projectId } = await runtime.connect({ announce: !options.json });
      const progress = runtime.progress(options.json ? runtime.output.stderr : runtime.output.stdout);
      const { signal } = runtime.interrupt();
      const report = await runDrill({
        client,
        clusterId,
        regionId: options.region,
        projectId,
        rto: options.rto,
        rpo: options.rpo,
        keep: options.keep,
        signal,
        onEvent: (event) => showEvent(progress, event),
      });
      progress.close();
      if (options.json) runtime.output.json(report);
      else runtime.output.text(`\n${formatDrillReport(report, runtime.output.stdout.colors)}`);
      if (!report.passed) throw new CliError({ code: 'DRILL_FAILED', problem: `The drill failed: ${report.failures.join('; ')}`, fix: fixFor(report) });
    });
}

function showEvent(progress: ProgressReporter, event: DrillEvent): void {
  switch (event.kind) {
    case 'backup':
      return progress.log(`Newest available backup: ${event.backup.backupId} (${event.backup.backupName}) in ${event.backup.regionId}, ${formatAge(event.ageMs)} old`);
    case 'restore-started':
      return progress.start(event.jobId, `restore into ${event.scratchClusterName}`, `Restoring into scratch cluster ${event.scratchClusterId} (${event.scratchClusterName}), job ${event.jobId}`);
    case 'restore-progress':
      return progress.update(event.jobId, event.progress);
    case 'restored':
      return progress.finish(event.jobId, `Restored in ${formatSeconds(event.elapsedMs)}`);
    case 'verified': {
      const differ = event.collections.filter((check) => !check.matched).length;
      return progress.log(`Checked ${event.collections.length} collection(s) against the backup: ${differ === 0 ? 'all match' : `${differ} differ`}`);
    }
    case 'teardown':
      return progress.log(sentence(capitalize(describeTeardown(event.teardown))));
  }
}

/** What to do about each kind of failure, most fundamental first. */
function fixFor(report: DrillReport): string {
  const fixes: string[] = [];
  if (!report.verified) {
    fixes.push(`Inspect a restore with lifeboat drill --cluster ${report.clusterId} --keep, and check the backup with lifeboat backups verify ${report.backupId} --cluster ${report.clusterId}.`);
  }
  if (!report.objectives.rpo.met) fixes.push(`Back up more often, e.g. lifeboat policy set --cluster ${report.clusterId} --interval-minutes 15 --retention-days 7.`);
  if (!report.objectives.rto.met) fixes.push('Restores take longer than the objective: keep a restored standby ready, or revisit the objective.');
  return fixes.join(' ');
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
