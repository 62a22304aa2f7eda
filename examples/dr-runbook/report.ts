import type { FailoverEvent, FailoverReport } from './runbook.js';

const seconds = (ms: number | undefined): string => (ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);
const age = (ms: number | undefined): string => (ms === undefined ? '—' : ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

/** One timestamped line per event: readable live in a terminal and in a CI log alike. */
export function eventLine(event: FailoverEvent): string | undefined {
  const stamp = new Date().toISOString().slice(11, 19);
  switch (event.kind) {
    case 'found':
      return `${stamp} ${event.clusters.length} cluster(s) to recover: ${event.clusters.map((c) => c.clusterName).join(', ') || 'none'}`;
    case 'already-done':
      return `${stamp} ${event.entry.clusterName}: already restored as ${event.entry.restoredClusterId ?? '?'} and verified, skipped`;
    case 'restoring':
      return `${stamp} ${event.entry.clusterName}: ${event.resumed ? 'resuming the restore' : 'restoring'} from ${event.entry.backupId}`;
    case 'progress': {
      const { percent, bytesDone, bytesTotal } = event.progress;
      const bytes = bytesDone === undefined || bytesTotal === undefined ? '' : ` (${bytesDone}/${bytesTotal} bytes)`;
      return `${stamp} ${event.entry.clusterName}: ${percent}%${bytes}`;
    }
    case 'verified':
      return `${stamp} ${event.entry.clusterName}: restored as ${event.entry.restoredClusterId ?? '?'}, rows and checksums verified`;
    case 'discarded':
      return `${stamp} ${event.entry.clusterName}: removed ${event.restoredClusterId}, left by the failed attempt (${event.entry.reason ?? 'not verified'}), to restore again`;
    case 'failed':
      return `${stamp} ${event.clusterName}: FAILED: ${event.reason}`;
  }
}

/** The report an incident channel wants: per cluster, where it lives now, RTO and RPO. */
export function renderReport(report: FailoverReport): string {
  const rows = report.outcomes.map((o) => [o.clusterName, o.status, o.restoredClusterId ?? '—', seconds(o.rtoMs), age(o.rpoMs), o.reason ?? '']);
  const header = ['cluster', 'status', `now in ${report.drRegion}`, 'RTO', 'RPO', 'note'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const verified = report.outcomes.filter((o) => o.status === 'verified').length;
  return [
    `Failover ${report.lostRegion} → ${report.drRegion}: ${verified} of ${report.outcomes.length} cluster(s) restored and verified.`,
    '',
    line(header),
    ...rows.map(line),
    '',
    report.complete ? 'Done. Point clients at the restored clusters.' : 'Not complete. Fix what the notes say and run the runbook again: it resumes where it stopped.',
  ].join('\n');
}
