/**
 * The runbook for the day a region is lost: restore every cluster of the lost region from its
 * newest copy in the surviving region, verify the data, and report RTO and RPO per cluster.
 *
 *   LIFEBOAT_ENDPOINT=… LIFEBOAT_API_KEY=… npx tsx examples/dr-runbook/main.ts \
 *     --lost-region local-1 --dr-region local-2 [--journal failover.json] [--parallelism 4]
 *
 * Interrupt it (Ctrl-C) or lose the terminal at any point and run the same command again: it
 * resumes from the journal and never restores a cluster twice.
 */
import { parseArgs } from 'node:util';
import { Lifeboat } from '@lifeboat/sdk';
import { eventLine, renderReport } from './report.js';
import { failOver } from './runbook.js';

const { values } = parseArgs({
  options: {
    'lost-region': { type: 'string', default: 'local-1' },
    'dr-region': { type: 'string', default: 'local-2' },
    journal: { type: 'string', default: 'failover-journal.json' },
    parallelism: { type: 'string', default: '4' },
    json: { type: 'boolean', default: false },
  },
});

const endpoint = process.env.LIFEBOAT_ENDPOINT;
if (endpoint === undefined || endpoint === '') {
  console.error('LIFEBOAT_ENDPOINT is not set: point it at the Lifeboat server (and set LIFEBOAT_API_KEY), then run again.');
  process.exit(2);
}

const parallelism = Number(values.parallelism);
if (!Number.isInteger(parallelism) || parallelism < 1) {
  console.error(`--parallelism must be a whole number of at least 1 (got ${JSON.stringify(values.parallelism)}): how many clusters to restore at once.`);
  process.exit(2);
}

const stop = new AbortController();
process.once('SIGINT', () => {
  console.error('Interrupted: no new restores start; restores already running continue on the server. Run again to resume.');
  stop.abort();
});

const report = await failOver({
  client: new Lifeboat({ baseUrl: endpoint, apiKey: process.env.LIFEBOAT_API_KEY }),
  lostRegion: values['lost-region'],
  drRegion: values['dr-region'],
  journalPath: values.journal,
  parallelism,
  signal: stop.signal,
  onEvent: (event) => {
    if (values.json) return;
    const line = eventLine(event);
    if (line !== undefined) console.log(line);
  },
});
console.log(values.json ? JSON.stringify(report, null, 2) : `\n${renderReport(report)}`);
process.exitCode = report.complete ? 0 : 1;
