/** A drill report for people: what was restored, how long it took, what was checked, the verdict. */
import { formatFields } from '../runtime/fields.js';
import { formatTable } from '../runtime/table.js';
import type { Colors } from '../runtime/terminal.js';
import type { DrillReport, Teardown } from './drill.js';
import { formatSeconds, type ObjectiveResult } from './objectives.js';

/** The report as text, ending with PASSED or FAILED. */
export function formatDrillReport(report: DrillReport, colors: Colors): string {
  const fields = formatFields([
    ['Cluster', report.clusterId],
    ['Backup', `${report.backupId} (${report.backupName}) in ${report.regionId}`],
    ['Data from', report.dataTime === report.backupCreateTime ? report.dataTime : `${report.dataTime} (copied ${report.backupCreateTime})`],
    ['Scratch cluster', `${report.scratchClusterId} (${report.scratchClusterName}), ${teardownOutcome(report.teardown)}`],
    ['RTO', `${objective(report.objectives.rto)}  (restore requested → every collection verified)`],
    ['RPO', `${objective(report.objectives.rpo)}  (age of the restored data)`],
  ]);
  const table = formatTable(
    report.collections,
    [
      { header: 'COLLECTION', value: (c) => `${c.dbName}.${c.collectionName}` },
      { header: 'ROWS', value: (c) => (c.actual === null ? 'missing' : c.actual.rowCount), alignRight: true },
      { header: 'EXPECTED', value: (c) => c.expected.rowCount, alignRight: true },
      { header: 'CHECKSUM', value: (c) => c.actual?.checksum },
      { header: 'RESULT', value: (c) => (c.matched ? colors.green('ok') : colors.red(c.problem ?? 'differs')) },
    ],
    { header: colors.bold, empty: 'The backup lists no collections.' },
  );
  const verdict = report.passed ? colors.green(colors.bold('PASSED')) : `${colors.red(colors.bold('FAILED'))}: ${report.failures.join('; ')}`;
  return `${fields}\n${table}\nDrill ${verdict}\n`;
}

/** `4.1s (objective 15m: met)`. */
function objective(result: ObjectiveResult): string {
  const measured = formatSeconds(result.measuredMs);
  return result.target === null ? `${measured} (no objective set)` : `${measured} (objective ${result.target}: ${result.met ? 'met' : 'MISSED'})`;
}

function teardownOutcome(teardown: Teardown): string {
  switch (teardown.outcome) {
    case 'removed':
      return 'removed';
    case 'kept':
      return 'kept for inspection; drop it when done';
    case 'failed':
      return `NOT removed (${teardown.reason ?? 'unknown reason'}); drop it by hand once its jobs end`;
  }
}
