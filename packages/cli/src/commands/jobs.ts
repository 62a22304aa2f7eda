/**
 * `lifeboat jobs`: the long-running work on the server (backups, restores, copies, exports,
 * verifications): list, inspect, wait for (with progress, e.g. after `--no-wait` or Ctrl-C) and
 * cancel.
 */
import { Option, type Command } from 'commander';
import type { JobStatus, JobType } from '@lifeboat/sdk';
import { followJobs } from '../jobs/follow.js';
import { formatJob, jobColumns } from '../jobs/views.js';
import { definedFields } from '../runtime/defined.js';
import { jsonOption } from '../runtime/options.js';
import { firstItems, limitOption, printList } from '../runtime/paging.js';
import type { Runtime } from '../runtime/runtime.js';

export function registerJobs(program: Command, runtime: Runtime): void {
  const jobs = program.command('jobs').description('List, inspect, wait for and cancel jobs (backups, restores, copies, exports, verifications).');

  jobs
    .command('list')
    .description('List jobs, newest first.')
    .option('--cluster <id>', 'only jobs of this cluster')
    .addOption(new Option('--type <type>', 'only jobs of this type').choices(['BACKUP', 'RESTORE', 'COPY', 'EXPORT', 'VERIFY']))
    .addOption(new Option('--status <status>', 'only jobs in this status').choices(['PENDING', 'IN_PROGRESS', 'SUCCESSFUL', 'FAILED', 'CANCELING', 'CANCELED']))
    .addOption(limitOption())
    .addOption(jsonOption())
    .action(async (options: { cluster?: string; type?: JobType; status?: JobStatus; limit: number; json?: boolean }) => {
      const { client } = await runtime.connect({ announce: !options.json });
      const query = definedFields({ clusterId: options.cluster, type: options.type, status: options.status });
      printList(runtime.output, {
        head: await firstItems((pageSize) => client.jobs.list({ ...query, pageSize }).pages(), options.limit),
        json: options.json === true,
        columns: jobColumns(Date.now()),
        empty: 'No jobs.',
        what: 'jobs',
        filters: '--cluster, --type, --status',
      });
    });

  jobs
    .command('describe')
    .description('Show one job: status, progress, times and, if it failed, why.')
    .argument('<jobId>', 'the job')
    .addOption(jsonOption())
    .action(async (jobId: string, options: { json?: boolean }) => {
      const { client } = await runtime.connect({ announce: !options.json });
      const job = await client.jobs.get(jobId);
      if (options.json) return runtime.output.json(job);
      runtime.output.text(formatJob(job, Date.now()));
    });

  jobs
    .command('wait')
    .description('Wait for jobs to end, with progress; exits 1 if any fails or is canceled. Ctrl-C stops waiting, not the jobs.')
    .argument('<jobIds...>', 'the jobs, e.g. the ids printed by --no-wait or after Ctrl-C')
    .addOption(jsonOption())
    .action(async (jobIds: string[], options: { json?: boolean }) => {
      const { client } = await runtime.connect({ announce: !options.json });
      const followed = await Promise.all(
        jobIds.map(async (jobId) => {
          const info = await client.jobs.get(jobId);
          return { job: client.jobs.handle(jobId), label: `${info.type.toLowerCase()} job ${jobId}${info.clusterId === undefined || info.clusterId === null ? '' : ` of ${info.clusterId}`}` };
        }),
      );
      const outcome = await followJobs(runtime, { jobs: followed, json: options.json === true });
      if (outcome.interrupted) return;
      if (options.json) return runtime.output.json(outcome.jobs);
      runtime.output.line(`${outcome.jobs.length === 1 ? 'The job' : `All ${outcome.jobs.length} jobs`} ended SUCCESSFUL.`);
    });

  jobs
    .command('cancel')
    .description('Ask the server to cancel jobs; each ends CANCELED once its partial work is cleaned up.')
    .argument('<jobIds...>', 'the jobs')
    .addOption(jsonOption())
    .action(async (jobIds: string[], options: { json?: boolean }) => {
      const { client } = await runtime.connect({ announce: !options.json });
      const canceled = [];
      for (const jobId of jobIds) canceled.push(await client.jobs.cancel(jobId));
      if (options.json) return runtime.output.json(canceled);
      for (const { jobId, status } of canceled) runtime.output.line(`Cancel requested for job ${jobId}: ${status}.`);
      runtime.output.line(`Follow until they end with: lifeboat jobs wait ${jobIds.join(' ')}`);
    });
}
