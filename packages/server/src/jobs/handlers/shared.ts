import type { ServerContext } from '../../context.js';
import type { BackupRecord } from '../../domain/model.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { JobContext } from '../handler.js';
import { JobFailure } from '../handler.js';
import { asManifest, type BackupManifest } from '../manifest.js';

/**
 * What the COPY, VERIFY, EXPORT and RESTORE handlers share: finding the backup, its region and
 * its manifest, turning storage and data errors into reasons a user can act on, and counting
 * progress in bytes.
 */

/** The backup record a job works on, or a JobFailure saying it is gone. */
export async function backupOf(server: ServerContext, backupId: string | null, role = 'backup'): Promise<BackupRecord> {
  const backup = backupId === null ? undefined : await server.store.getBackup(backupId);
  if (backup === undefined) throw new JobFailure(`${role} ${backupId ?? '(none recorded on the job)'} no longer exists; nothing was done.`);
  return backup;
}

/** A region's blob store, or a JobFailure when the server's configuration no longer has it. */
export function regionStore(server: ServerContext, regionId: string): BlobStore {
  const store = server.regions.get(regionId);
  if (store === undefined) {
    throw new JobFailure(`region ${regionId} is not configured on this server (it has ${[...server.regions.keys()].join(', ')}); add it back to the configuration and start the job again.`);
  }
  return store;
}

/**
 * A backup's manifest from its region. A missing, unparsable or foreign manifest is a JobFailure
 * whose message says so and what to do (the storage layer's messages already carry the advice).
 */
export async function manifestOf(store: BlobStore, backupId: string): Promise<BackupManifest> {
  try {
    return asManifest(await store.getManifest(backupId), backupId);
  } catch (error) {
    throw new JobFailure(`region ${store.regionId}: ${messageOf(error)}`, { cause: error });
  }
}

/**
 * Rethrows an error from a transfer or the data layer as a JobFailure prefixed with what was being
 * done, so the job's reason names the segment or collection. An abort is rethrown as is: the
 * runner reads cancel, lease loss and shutdown from the signal, not from the message.
 */
export function failWith(signal: AbortSignal, what: string): (error: unknown) => never {
  return (error: unknown) => {
    if (signal.aborted || error instanceof JobFailure) throw error;
    throw new JobFailure(`${what}: ${messageOf(error)}`, { cause: error });
  };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Blobs a backup or copy job moves at once. One blob at a time leaves a core idle while the other
 * waits on an fsync; a few in flight overlap hashing, reads, writes and fsyncs (which the file
 * system can then commit together). Four matches libuv's default thread pool.
 */
export const concurrentBlobTransfers = 4;

/** Progress of one item of a `ByteProgress`; several items may be in flight at once. */
export interface ItemProgress {
  /** For `TransferOptions.onBytes`. */
  readonly onBytes: (bytes: number) => void;
  /** The item is done: from now on it counts exactly its size. */
  settle(): void;
}

/**
 * Byte progress over a known total. Each item counts the deltas its transfer reports; settling it
 * moves its count to exactly its size, so a blob that was skipped (already present) or re-read
 * after a retry never makes the count drift.
 */
export class ByteProgress {
  #done = 0;

  constructor(
    private readonly job: Pick<JobContext, 'progress'>,
    readonly total: number,
  ) {
    job.progress(0, total);
  }

  /** Starts counting one item of `bytes`. */
  item(bytes: number): ItemProgress {
    let counted = 0;
    return {
      onBytes: (delta) => {
        counted += delta;
        this.#add(delta);
      },
      settle: () => {
        this.#add(bytes - counted);
        counted = bytes;
      },
    };
  }

  #add(delta: number): void {
    this.#done += delta;
    this.job.progress(Math.min(this.total, Math.max(0, this.#done)), this.total);
  }
}
