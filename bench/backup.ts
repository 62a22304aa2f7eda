import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { terminalJobStatuses, type Backup } from '@lifeboat/api';
import { Lifeboat } from '@lifeboat/sdk';
import { startServer, type RunningServer } from '@lifeboat/server';
import { batchRows, benchCollection, insertRows, makeRows } from './backup-dataset.js';
import { cpTree, filesUnder, freeBytes, hashFiles, removeAndSync, removeFilesAndSync, syncDisk, warmUp } from './files.js';
import type { BenchmarkResult } from './report.js';
import { formatBytes, formatMs, median, medianOf, timed } from './stats.js';

/** Options of `backupBench`; all optional. */
export interface BackupBenchOptions {
  /** Bytes of segment files in the collection. @default 700 MB, or `BENCH_BACKUP_MB` */
  readonly sizeBytes?: number;
  /** Runs of each measurement; the median is reported. @default 3 */
  readonly runs?: number;
}

/**
 * A job is polled every 2% of the time it has run so far (1 ms at least, 25 ms at most): its end
 * is seen within 2% of its length, and a long job is not slowed by polls answered on the same
 * event loop.
 */
const pollShare = 0.02;
const maxPollMs = 25;
/** Space the benchmark needs at its peak, in multiples of the data set (cluster, region copies, anchors, a restored cluster). */
const diskMultiple = 6;

/**
 * Backup, incremental backup, restore and cross-region copy of one large collection on the
 * in-process server, each beside `cp` of the same files on the same file system. Every timed
 * run starts from the same state: its source files read once (in the page cache) and nothing
 * dirty (`sync`), for the anchor and the server alike.
 */
export async function backupBench(options: BackupBenchOptions = {}): Promise<BenchmarkResult[]> {
  const sizeBytes = options.sizeBytes ?? Number(process.env.BENCH_BACKUP_MB ?? 700) * 1e6;
  const runs = options.runs ?? 3;
  const free = await freeBytes(tmpdir());
  if (free < sizeBytes * diskMultiple) {
    throw new Error(`the backup benchmark needs ${formatBytes(sizeBytes * diskMultiple)} free under ${tmpdir()} (has ${formatBytes(free)}); free some space or set BENCH_BACKUP_MB lower`);
  }
  const work = await mkdtemp(join(tmpdir(), 'lifeboat-bench-backup-'));
  try {
    const bench = await BackupScenario.setUp(work, sizeBytes);
    try {
      return await bench.measure(runs);
    } finally {
      await bench.server.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The server, its cluster and the paths the anchors copy. */
class BackupScenario {
  private constructor(
    readonly server: RunningServer,
    private readonly client: Lifeboat,
    private readonly work: string,
    private readonly clusterId: string,
    private readonly rows: number,
  ) {}

  /**
   * Creates the cluster and the collection through the API, then loads the rows through the
   * server's data layer while the server is stopped (see backup-dataset.ts), and starts it again.
   */
  static async setUp(work: string, sizeBytes: number): Promise<BackupScenario> {
    const options = { dataDir: join(work, 'server'), rateLimitPerSecond: Number.POSITIVE_INFINITY };
    const first = await startServer(options);
    let clusterId: string;
    try {
      const client = new Lifeboat({ baseUrl: first.url, apiKey: first.ownerApiKey });
      ({ clusterId } = await client.clusters.create({ projectId: first.defaultProjectId, regionId: 'local-1', clusterName: 'bench', cuSize: 1 }));
      await client.dataPlane(clusterId).collections.create(benchCollection);
    } finally {
      await first.close();
    }
    console.log(`  loading ${formatBytes(sizeBytes)} of rows …`);
    const rows = await insertRows({ clusterDir: join(options.dataDir, 'clusters', clusterId), firstId: 0, bytes: sizeBytes });
    const server = await startServer(options);
    return new BackupScenario(server, new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey }), work, clusterId, rows);
  }

  async measure(runs: number): Promise<BenchmarkResult[]> {
    const full = await this.fullBackups(runs);
    const restore = await this.restores(runs, full.backup);
    const copy = await this.copies(runs, full.backup);
    const incremental = await this.incrementals(runs, full.medianMs);
    return [full.result, incremental, restore, copy];
  }

  private get segmentsDir(): string {
    return join(this.server.dataDir, 'clusters', this.clusterId, 'db', 'default', benchCollection.collectionName, 'segments');
  }

  private blobsDir(regionId: string): string {
    return join(this.server.dataDir, 'regions', regionId, 'blobs');
  }

  /** `cp -r` of `from` to a scratch path, then the `sync` a durable copy would need, then removal. */
  private async cpAnchor(from: string): Promise<{ cpMs: number; syncMs: number }> {
    await warmUp(await filesUnder(from));
    const to = join(this.work, 'cp-anchor');
    const { ms: cpMs } = await timed(() => cpTree(from, to));
    const { ms: syncMs } = await timed(() => syncDisk());
    await removeAndSync(to);
    return { cpMs, syncMs };
  }

  /** Runs a job-starting call and waits for the job; the time runs from the call to the job's end. */
  private async timedJob<T extends { readonly jobId: string }>(start: () => Promise<T>): Promise<{ ms: number; started: T }> {
    const begin = performance.now();
    const started = await start();
    for (;;) {
      const job = await this.client.jobs.get(started.jobId);
      if ((terminalJobStatuses as readonly string[]).includes(job.status)) {
        if (job.status !== 'SUCCESSFUL') throw new Error(`bench job ${started.jobId} ended ${job.status}: ${job.reason}`);
        return { ms: performance.now() - begin, started };
      }
      await sleep(Math.min(maxPollMs, Math.max(1, (performance.now() - begin) * pollShare)));
    }
  }

  /** A job that makes a backup (a backup or a copy), timed, and the backup it made, AVAILABLE. */
  private async timedBackupJob(start: () => Promise<{ readonly jobId: string; readonly backupId: string }>): Promise<{ ms: number; backup: Backup }> {
    const { ms, started } = await this.timedJob(start);
    const backup = await this.client.backups.get({ clusterId: this.clusterId, backupId: started.backupId });
    if (backup.status !== 'AVAILABLE') throw new Error(`bench backup ${started.backupId} ended ${backup.status}`);
    return { ms, backup };
  }

  private async backUp(): Promise<{ ms: number; backup: Backup }> {
    await warmUp(await filesUnder(this.segmentsDir));
    return this.timedBackupJob(() => this.client.backups.create({ clusterId: this.clusterId, backupType: 'CLUSTER' }));
  }

  /**
   * Deletes a backup and its blobs, so the next run stores everything again. The store's shard
   * directories stay, as in any region that has held a backup before.
   */
  private async discard(backup: Backup): Promise<void> {
    await this.client.backups.delete({ clusterId: this.clusterId, backupId: backup.backupId });
    await removeFilesAndSync(this.blobsDir(backup.regionId));
  }

  private async fullBackups(runs: number): Promise<{ result: BenchmarkResult; backup: Backup; medianMs: number }> {
    const cp: number[] = [];
    const sync: number[] = [];
    const hashing: number[] = [];
    const backups: number[] = [];
    let kept: Backup | undefined;
    await this.discard((await this.backUp()).backup);
    for (let run = 0; run < runs; run++) {
      const anchor = await this.cpAnchor(this.segmentsDir);
      cp.push(anchor.cpMs);
      sync.push(anchor.syncMs);
      const segmentFiles = await filesUnder(this.segmentsDir);
      await warmUp(segmentFiles);
      hashing.push((await timed(() => hashFiles(segmentFiles))).ms);
      const { ms, backup } = await this.backUp();
      backups.push(ms);
      console.log(`  full backup run ${run + 1}: cp ${formatMs(anchor.cpMs)} (+ sync ${formatMs(anchor.syncMs)}), backup ${formatMs(ms)}`);
      if (run < runs - 1) await this.discard(backup);
      else kept = backup;
    }
    const backup = kept as Backup;
    const segments = (await filesUnder(this.segmentsDir)).length;
    return {
      backup,
      medianMs: median(backups),
      result: {
        name: `Full backup of a ${formatBytes(backup.size)} collection`,
        method:
          `One collection of ${this.rows.toLocaleString('en-US')} rows (a 256-dimension embedding with six decimals, a title of ` +
          `12–24 words, a category) in ${segments} sealed segment files. Anchor: \`cp -r\` of the segment directory to the same ` +
          `file system. Both start warm (segment files read once, then \`sync\`) and write into an empty place: for the backup, a ` +
          `region store holding none of the blobs, after one untimed backup (discarded) made the store's shard directories and ` +
          `warmed the code. The backup is timed from the create call until the job has ended with the backup AVAILABLE. Shown ` +
          `for scale, not as anchors: the \`sync\` after the \`cp\` (what \`cp\` needs to be as durable as a backup) and ` +
          `reading and hashing the same files with node:crypto, one after the other. Median of ${runs} runs.`,
        figures: {
          'cp -r of the segment files (anchor)': medianOf(cp),
          'sync after that cp': medianOf(sync),
          'reading and hashing the segment files, one at a time (for scale)': medianOf(hashing),
          'full backup, create call to AVAILABLE': medianOf(backups),
          'bytes written by the backup': formatBytes(backup.storedBytes ?? Number.NaN),
          'full backup / (cp + sync), for scale': (median(backups) / (median(cp) + median(sync))).toFixed(2),
        },
        ratio: {
          label: 'full backup / cp',
          value: median(backups) / median(cp),
          target: 1.2,
          whyMissed:
            `a backup does what \`cp\` does and two things it does not. It hashes every byte to refuse a segment that no longer ` +
            `matches its hash (reading and hashing the same files alone takes ${formatMs(median(hashing))}, ` +
            `${(median(hashing) / median(cp)).toFixed(1)}× the \`cp\`), and it fsyncs every blob and its directory before writing ` +
            `the manifest, so a crash never leaves an AVAILABLE backup without its data (\`cp\` leaves its bytes in the page cache; ` +
            `the \`sync\` that makes them durable takes another ${formatMs(median(sync))}). The backup overlaps the two with the ` +
            `copying (four blobs in flight)${median(hashing) > 1.2 * median(cp) ? ', but the hashing alone already takes more than 1.2× the `cp` here, so the target cannot be met while every byte is verified' : ''}.`,
        },
      },
    };
  }

  private async incrementals(runs: number, fullMs: number): Promise<BenchmarkResult> {
    const changed = Math.ceil(this.rows / 100);
    const backups: number[] = [];
    const stored: number[] = [];
    const copies: number[] = [];
    const moved: number[] = [];
    let size = 0;
    const data = this.client.dataPlane(this.clusterId);
    for (let run = 0; run < runs; run++) {
      const firstId = this.rows + run * changed;
      for (let offset = 0; offset < changed; offset += batchRows) {
        await data.entities.insert({ collectionName: benchCollection.collectionName, data: makeRows(firstId + offset, Math.min(batchRows, changed - offset)) });
      }
      await syncDisk();
      const { ms, backup } = await this.backUp();
      backups.push(ms);
      stored.push(backup.storedBytes ?? Number.NaN);
      size = backup.size;
      const copy = await this.copyTo(backup, 'local-2');
      copies.push(copy.ms);
      moved.push(copy.copy.storedBytes ?? Number.NaN);
      console.log(`  incremental run ${run + 1}: backup ${formatMs(ms)} stored ${formatBytes(backup.storedBytes ?? 0)}, copy ${formatMs(copy.ms)} moved ${formatBytes(copy.copy.storedBytes ?? 0)}`);
    }
    return {
      name: 'Incremental backup after 1% more rows',
      method:
        `Rows are never updated in place: the data plane only inserts, and sealed segments are immutable, so a change of 1% is ` +
        `${changed.toLocaleString('en-US')} new rows (1% of the collection) inserted through the HTTP data plane before each backup. ` +
        `Only the segments holding them are new; every other segment is already in the region's store and is referenced, not ` +
        `copied. Each of the ${runs} runs adds another 1% and backs up again; each backup is then copied to local-2, where the ` +
        `previous copies already hold everything else. Timed like the full backup; compared with the full backup's median above.`,
      figures: {
        'incremental backup, create call to AVAILABLE': medianOf(backups),
        'bytes written by the incremental backup': medianOf(stored, formatBytes),
        'size of the backup it completes': formatBytes(size),
        'copy of it to local-2, call to AVAILABLE': medianOf(copies),
        'bytes moved by that copy': medianOf(moved, formatBytes),
      },
      ratio: {
        label: 'incremental backup time / full backup time',
        value: median(backups) / fullMs,
        target: 0.05,
        whyMissed:
          `an incremental backup's time is mostly fixed costs that do not shrink with the change: about ten fsyncs (sealing the ` +
          `growing segment and its state file, the job's checkpoint, each new blob and its directory, the manifest, the job's end), ` +
          `a check of every unchanged segment's blob (touched, so garbage collection's grace period restarts) and a manifest ` +
          `listing all of them.`,
      },
    };
  }

  private async restores(runs: number, backup: Backup): Promise<BenchmarkResult> {
    const blobs = this.blobsDir(backup.regionId);
    const cp: number[] = [];
    const restores: number[] = [];
    const source = await this.client.dataPlane(this.clusterId).collections.describe({ collectionName: benchCollection.collectionName });
    for (let run = 0; run < runs; run++) {
      const anchor = await this.cpAnchor(blobs);
      cp.push(anchor.cpMs);
      await warmUp(await filesUnder(blobs));
      const { ms, started } = await this.timedJob(() =>
        this.client.backups.restoreCluster({
          clusterId: this.clusterId,
          backupId: backup.backupId,
          projectId: this.server.defaultProjectId,
          clusterName: `restored-${run}`,
          cuSize: 1,
        }),
      );
      const { clusterId } = started;
      restores.push(ms);
      const restored = await this.client.dataPlane(clusterId).collections.describe({ collectionName: benchCollection.collectionName });
      if (restored.checksum !== source.checksum || restored.rowCount !== source.rowCount) throw new Error(`bench restore into ${clusterId} does not hold the backed-up rows`);
      await this.client.clusters.drop(clusterId);
      await syncDisk();
      console.log(`  restore run ${run + 1}: cp ${formatMs(anchor.cpMs)}, restore ${formatMs(ms)}`);
    }
    return {
      name: `Restore of the full backup into a new cluster`,
      method:
        `restore-cluster of the full backup (${formatBytes(backup.size)}) into a new cluster, timed from the call to the job's end ` +
        `with the cluster RUNNING and the collection's row count and checksum checked afterwards. Anchor: \`cp -r\` of the ` +
        `backup's blob directory to the same file system: the same bytes moved from the region's store to a new place. Both start ` +
        `warm (blobs read once, then \`sync\`). Besides copying, the restore verifies every segment: its SHA-256 as it is read from the ` +
        `store, then its bytes again with each of its ${this.rows.toLocaleString('en-US')} rows hashed on its own to check the backup's ` +
        `row checksum (from the stored text, no JSON parse), and it fsyncs every file; \`cp\` does none of that. Median of ${runs} runs.`,
      figures: {
        'cp -r of the backup\'s blobs (anchor)': medianOf(cp),
        'restore-cluster, call to RUNNING': medianOf(restores),
      },
      ratio: { label: 'restore / cp', value: median(restores) / median(cp) },
    };
  }

  /** Copies a backup to another region and waits for it. */
  private async copyTo(backup: Backup, regionId: string): Promise<{ ms: number; copy: Backup }> {
    const { ms, backup: copy } = await this.timedBackupJob(() => this.client.backups.copy({ clusterId: this.clusterId, backupId: backup.backupId, regionId }));
    return { ms, copy };
  }

  private async copies(runs: number, backup: Backup): Promise<BenchmarkResult> {
    const blobs = this.blobsDir(backup.regionId);
    const cp: number[] = [];
    const copies: number[] = [];
    const moved: number[] = [];
    await this.discard((await this.copyTo(backup, 'local-2')).copy);
    for (let run = 0; run < runs; run++) {
      const anchor = await this.cpAnchor(blobs);
      cp.push(anchor.cpMs);
      await warmUp(await filesUnder(blobs));
      const { ms, copy } = await this.copyTo(backup, 'local-2');
      copies.push(ms);
      moved.push(copy.storedBytes ?? Number.NaN);
      console.log(`  copy run ${run + 1}: cp ${formatMs(anchor.cpMs)}, copy ${formatMs(ms)} moved ${formatBytes(copy.storedBytes ?? 0)}`);
      // The last copy stays: the incremental runs copy into a region that already holds it.
      if (run < runs - 1) await this.discard(copy);
    }
    return {
      name: 'Cross-region copy of the full backup (local-1 to local-2)',
      method:
        `Copy of the full backup to region local-2, which holds none of its blobs, timed from the call to the copy's job end with ` +
        `the copy AVAILABLE (after one untimed copy, discarded, as for the full backup). Anchor: \`cp -r\` of the backup's blob directory to the same file system (regions are directories on ` +
        `one disk here). Both warm. The copy re-hashes every blob and fsyncs it; the incremental section shows a later copy moving ` +
        `only the blobs local-2 lacks. Median of ${runs} runs.`,
      figures: {
        'cp -r of the backup\'s blobs (anchor)': medianOf(cp),
        'copy to local-2, call to AVAILABLE': medianOf(copies),
        'bytes moved': medianOf(moved, formatBytes),
      },
      ratio: { label: 'copy / cp', value: median(copies) / median(cp) },
    };
  }
}
