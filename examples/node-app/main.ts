/**
 * A short tour of @lifeboat/sdk: list the regions and clusters of a Lifeboat server, back up the
 * first cluster, follow the backup on one progress line, and print what the backup holds.
 *
 *   LIFEBOAT_ENDPOINT=https://lifeboat.example.com LIFEBOAT_API_KEY=<key> npm start
 */
import {
  isLifeboatError,
  JobFailedError,
  Lifeboat,
  NetworkError,
  TimeoutError,
  type Backup,
  type JobProgress,
} from '@lifeboat/sdk';

const usage = 'LIFEBOAT_ENDPOINT=https://your-lifeboat-server LIFEBOAT_API_KEY=your-api-key npm start';

/** Exit code of a process stopped with Ctrl-C. */
const interrupted = 130;

async function main(): Promise<number> {
  const endpoint = process.env.LIFEBOAT_ENDPOINT?.trim();
  if (endpoint === undefined || endpoint === '') {
    explainMissingServer('No server is configured: LIFEBOAT_ENDPOINT is not set.');
    return 0;
  }
  const client = new Lifeboat({ baseUrl: endpoint, apiKey: process.env.LIFEBOAT_API_KEY });

  // One quick try without retries, so a missing server is reported in seconds, not minutes.
  const probe = client.extend({ retry: false, timeoutMs: 5_000 });
  let regions;
  try {
    regions = await probe.regions.list();
  } catch (error) {
    if (error instanceof NetworkError || error instanceof TimeoutError) {
      explainMissingServer(`Nothing answered at ${client.options.baseUrl}.`);
      return 0;
    }
    throw error;
  }

  console.log(`Lifeboat at ${client.options.baseUrl}`);
  console.log(`\nRegions (${regions.length}):`);
  for (const region of regions) console.log(`  ${region.regionId.padEnd(12)} ${region.cloudProvider.padEnd(8)} ${region.description}`);

  const clusters = await client.clusters.list({ pageSize: 20 }).first();
  console.log(`\nClusters (${clusters.count}):`);
  for (const cluster of clusters.items) {
    console.log(`  ${cluster.clusterId}  ${cluster.clusterName.padEnd(24)} ${cluster.regionId.padEnd(10)} ${cluster.status}`);
  }
  if (clusters.nextCursor !== null) console.log(`  … and ${clusters.count - clusters.items.length} more`);

  const cluster = clusters.items[0];
  if (cluster === undefined) {
    console.log('\nThere is no cluster to back up yet. Create one (client.clusters.create) and run this again.');
    return 0;
  }

  const { backupId, backupName, job } = await client.backups.create({
    clusterId: cluster.clusterId,
    backupType: 'CLUSTER',
    backupName: `node-app ${new Date().toISOString()}`,
  });
  console.log(`\nBacking up ${cluster.clusterName} as ${backupName} (${backupId}), job ${job.id}`);

  const stop = new AbortController();
  const onInterrupt = () => stop.abort();
  process.once('SIGINT', onInterrupt);
  const progress = progressDisplay();
  try {
    await job.wait({ signal: stop.signal, onProgress: progress.update });
  } catch (error) {
    progress.end();
    if (stop.signal.aborted) {
      console.log(`Stopped waiting. The backup keeps running on the server; pick it up again with client.jobs.resume('${JSON.stringify(job.serialize())}').`);
      return interrupted;
    }
    if (error instanceof JobFailedError) {
      console.error(`The backup ${error.job.status.toLowerCase()}: ${error.job.reason || 'no reason given'}`);
      return 1;
    }
    throw error;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  progress.end();

  printBackup(await client.backups.get({ clusterId: cluster.clusterId, backupId }));
  return 0;
}

function explainMissingServer(reason: string): void {
  console.log(
    wrap(
      'Lifeboat is backup and disaster recovery as code for managed database clusters; this ' +
        'example uses its SDK (@lifeboat/sdk) to list the regions and clusters of a Lifeboat ' +
        `server and back up a cluster. ${reason} The Lifeboat control-plane server ` +
        '(@lifeboat/server) is not part of this checkout yet, so there is nothing to start ' +
        'here: point the example at a running Lifeboat server with',
      usage,
    ),
  );
}

/** One line that redraws itself on a terminal; elsewhere (CI logs), a line per 10 % step. */
function progressDisplay(): { update: (progress: JobProgress) => void; end: () => void } {
  const redraw = process.stdout.isTTY;
  let lastLogged = '';
  let drawn = false;
  return {
    update(progress) {
      const line = describeProgress(progress);
      if (redraw) {
        process.stdout.write(`\r${line}\u001b[K`);
        drawn = true;
        return;
      }
      const step = `${progress.status} ${Math.floor(progress.percent / 10)}`;
      if (step !== lastLogged) console.log(line);
      lastLogged = step;
    },
    end() {
      if (drawn) process.stdout.write('\n');
      drawn = false;
    },
  };
}

function describeProgress({ status, percent, bytesDone, bytesTotal, elapsedMs }: JobProgress): string {
  const bar = '#'.repeat(Math.round(percent / 5)).padEnd(20, '.');
  const bytes = bytesDone === undefined || bytesTotal === undefined ? '' : `  ${formatBytes(bytesDone)} of ${formatBytes(bytesTotal)}`;
  return `  [${bar}] ${percent.toFixed(0).padStart(3)}%  ${status}${bytes}  ${Math.round(elapsedMs / 1000)}s`;
}

function printBackup(backup: Backup): void {
  const collections = backup.dbCollections.flatMap((db) => db.collections.map((collection) => ({ db: db.dbName, collection })));
  const written = backup.storedBytes === undefined ? '' : `; ${formatBytes(backup.storedBytes)} of it new`;
  console.log(`\nBackup ${backup.backupName} (${backup.backupId}) is ${backup.status} in region ${backup.regionId}.`);
  console.log(`  ${formatBytes(backup.size)} in ${collections.length} collection(s)${written}`);
  for (const { db, collection } of collections) {
    console.log(`  ${db}.${collection.collectionName}: ${collection.rowCount.toLocaleString('en-US')} rows`);
  }
}

function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit] ?? 'B'}`;
}

/** Wraps prose to the terminal's width, keeping `command` whole so it can be copied. */
function wrap(prose: string, command: string, width = Math.min(process.stdout.columns || 100, 100)): string {
  const lines: string[] = [];
  let line = '';
  for (const word of [...prose.split(/\s+/), command]) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

try {
  process.exitCode = await main();
} catch (error) {
  // Lifeboat errors say what went wrong and what to do; a stack trace would only bury that.
  if (!isLifeboatError(error)) throw error;
  const request = error.requestId === undefined ? '' : ` (request ${error.requestId})`;
  console.error(`${error.name}: ${error.message}${request}`);
  process.exitCode = 1;
}
