import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';

/** Where one cluster's failover stands. */
export interface ClusterEntry {
  readonly sourceClusterId: string;
  readonly clusterName: string;
  /** The copy in the surviving region being restored. */
  readonly backupId: string;
  /** Sent with the restore request, so a request repeated after a crash cannot restore twice. */
  readonly idempotencyKey: string;
  /** When this cluster's failover first started (ms since epoch): its RTO counts from here. */
  readonly startedAt: number;
  readonly restoredClusterId?: string;
  readonly jobId?: string;
  readonly status: 'restoring' | 'verified' | 'failed';
  readonly finishedAt?: number;
  readonly reason?: string;
}

export interface JournalContents {
  readonly lostRegion: string;
  readonly drRegion: string;
  readonly clusters: Readonly<Record<string, ClusterEntry>>;
}

/**
 * The runbook's memory across runs: a JSON file rewritten atomically (temp file, then rename)
 * after every step. An entry is written *before* its restore is requested, with the
 * idempotency key the request will carry, so a run killed at any point is picked up where it
 * stopped and a cluster is never restored twice.
 */
export class Journal {
  #contents: JournalContents;
  readonly #path: string;
  /** Writes run one after another: parallel restores record their steps concurrently. */
  #writes: Promise<void> = Promise.resolve();

  private constructor(path: string, contents: JournalContents) {
    this.#path = path;
    this.#contents = contents;
  }

  /** Opens the journal at `path`, or starts one. A journal of another failover is refused. */
  static async open(path: string, regions: { lostRegion: string; drRegion: string }): Promise<Journal> {
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text === undefined) return new Journal(path, { ...regions, clusters: {} });
    const contents = JSON.parse(text) as JournalContents;
    if (contents.lostRegion !== regions.lostRegion || contents.drRegion !== regions.drRegion) {
      throw new Error(
        `${path} records a failover from ${contents.lostRegion} to ${contents.drRegion}, not ${regions.lostRegion} to ${regions.drRegion}. ` +
          'Pass the same regions to resume it, or another --journal path to start a new failover.',
      );
    }
    return new Journal(path, contents);
  }

  get(sourceClusterId: string): ClusterEntry | undefined {
    return this.#contents.clusters[sourceClusterId];
  }

  /** Records a new attempt for a cluster, with a fresh idempotency key. */
  async start(entry: Omit<ClusterEntry, 'idempotencyKey' | 'status' | 'startedAt'>, now: number): Promise<ClusterEntry> {
    const previous = this.get(entry.sourceClusterId);
    return this.put({ ...entry, idempotencyKey: randomUUID(), status: 'restoring', startedAt: previous?.startedAt ?? now });
  }

  async update(sourceClusterId: string, patch: Partial<ClusterEntry>): Promise<ClusterEntry> {
    const current = this.get(sourceClusterId);
    if (current === undefined) throw new Error(`No journal entry for ${sourceClusterId}`);
    return this.put({ ...current, ...patch });
  }

  async put(entry: ClusterEntry): Promise<ClusterEntry> {
    this.#contents = { ...this.#contents, clusters: { ...this.#contents.clusters, [entry.sourceClusterId]: entry } };
    const contents = this.#contents;
    const write = this.#writes.then(async () => {
      const temp = `${this.#path}.tmp`;
      await writeFile(temp, `${JSON.stringify(contents, null, 2)}\n`);
      await rename(temp, this.#path);
    });
    // A failed write fails its caller, not every later one.
    this.#writes = write.catch(() => undefined);
    await write;
    return entry;
  }
}
