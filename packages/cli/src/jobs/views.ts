/** How jobs look to people: the list's columns and the describe view. */
import type { JobInfo } from '@lifeboat/sdk';
import { formatFields } from '../runtime/fields.js';
import type { Column } from '../runtime/table.js';
import { formatAge, formatBytes, formatDuration } from '../runtime/units.js';

/** Columns of `jobs list`. */
export function jobColumns(now: number): Column<JobInfo>[] {
  return [
    { header: 'JOB', value: (j) => j.jobId },
    { header: 'TYPE', value: (j) => j.type },
    { header: 'STATUS', value: (j) => j.status },
    { header: 'PROGRESS', value: (j) => `${j.progress}%`, alignRight: true },
    { header: 'CLUSTER', value: (j) => j.clusterId },
    { header: 'BACKUP', value: (j) => j.backupId },
    { header: 'TARGET', value: (j) => j.targetClusterId },
    { header: 'AGE', value: (j) => (j.createTime === undefined ? undefined : formatAge(now - Date.parse(j.createTime))), alignRight: true },
    { header: 'REASON', value: (j) => j.reason },
  ];
}

/** `jobs describe`: every field of the job, with durations and sizes for people. */
export function formatJob(job: JobInfo, now: number): string {
  const started = job.startTime === null ? undefined : Date.parse(job.startTime);
  const ended = job.endTime === null ? undefined : Date.parse(job.endTime);
  return formatFields([
    ['Job', job.jobId],
    ['Type', job.type],
    ['Status', job.status],
    ['Progress', `${job.progress}%`],
    job.bytesDone === undefined ? undefined : ['Bytes', job.bytesTotal === undefined ? formatBytes(job.bytesDone) : `${formatBytes(job.bytesDone)} of ${formatBytes(job.bytesTotal)}`],
    ['Cluster', job.clusterId],
    ['Backup', job.backupId],
    job.targetClusterId === undefined || job.targetClusterId === null ? undefined : ['Target cluster', job.targetClusterId],
    job.createTime === undefined ? undefined : ['Queued', job.createTime],
    ['Started', job.startTime ?? 'not yet'],
    ['Ended', job.endTime ?? 'not yet'],
    started === undefined ? undefined : ['Elapsed', formatDuration((ended ?? now) - started)],
    job.reason === '' ? undefined : ['Reason', job.reason],
  ]);
}
