import { mkdir, realpath, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { ServerContext } from '../../context.js';
import type { JobRecord } from '../../domain/model.js';
import { writeFileAtomic } from '../../internal/atomic-file.js';
import type { JobEffects, JobHandler } from '../handler.js';
import { JobFailure } from '../handler.js';
import { segmentsOf } from '../manifest.js';
import { backupOf, ByteProgress, failWith, manifestOf, regionStore } from './shared.js';

/**
 * EXPORT: writes a backup as plain files into a directory of a configured integration:
 *
 * ```
 * <integration root>/<directory>/<backupId>/segments/<sha256>   each segment, hash-verified
 * <integration root>/<directory>/<backupId>/manifest.json       written last
 * ```
 *
 * As in a region, the manifest is written last, so an export with a manifest is complete. The
 * job only ever removes a `<backupId>` directory it created itself (recorded in a checkpoint
 * before it is made): an export into a place that already holds one fails instead of touching it.
 */
export const exportHandler: JobHandler = {
  type: 'EXPORT',

  async run(job, context): Promise<JobEffects> {
    const { server, signal } = context;
    const backup = await backupOf(server, job.backupId);
    const store = regionStore(server, backup.regionId);
    const target = exportTargetOf(server, job);
    const realRoot = await realpath(target.root).catch(() => {
      throw new JobFailure(`the directory of integration ${target.integrationId} does not exist on the server; create it (or fix the configuration) and export again.`);
    });
    await refuseLinksOutside(realRoot, target);

    if (job.payload.createdExportDir !== true) {
      if (await exists(target.exportDir)) {
        throw new JobFailure(`${target.shown} already exists; nothing was written. Remove it, or export into another directory.`);
      }
      // Recorded before the directory exists, so cleanup never removes one this job did not make.
      await context.checkpoint({ ...job.payload, createdExportDir: true });
    }
    const manifest = await manifestOf(store, backup.backupId);
    const segmentsDir = join(target.exportDir, 'segments');
    await mkdir(segmentsDir, { recursive: true });

    const segments = segmentsOf(manifest);
    const progress = new ByteProgress(context, segments.reduce((sum, segment) => sum + segment.bytes, 0));
    let written = 0;
    for (const segment of segments) {
      signal.throwIfAborted();
      const dest = join(segmentsDir, segment.sha256);
      // readTo renames only verified bytes into place, so a file of the right size there was
      // written by an earlier run of this job.
      const present = await stat(dest).then((s) => s.isFile() && s.size === segment.bytes, () => false);
      const segmentProgress = progress.item(segment.bytes);
      if (!present) {
        await store
          .readTo(segment.sha256, dest, { signal, onBytes: segmentProgress.onBytes })
          .catch(failWith(signal, `could not export segment ${segment.sha256} of backup ${backup.backupId} to ${target.shown}`));
        written += segment.bytes;
      }
      segmentProgress.settle();
    }

    signal.throwIfAborted();
    await writeFileAtomic(join(target.exportDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    server.metrics.bytesCopied.inc({ kind: 'export' }, written);
    return {};
  },

  async cleanup(job, context): Promise<JobEffects> {
    // The job as stored: the checkpoint that claimed the directory is not in the claimed copy.
    const current = (await context.server.store.getJob(job.jobId)) ?? job;
    if (current.payload.createdExportDir !== true) return {};
    let target: ExportTarget;
    try {
      target = exportTargetOf(context.server, current);
    } catch {
      return {};
    }
    await rm(target.exportDir, { recursive: true, force: true });
    return {};
  },
};

interface ExportTarget {
  readonly integrationId: string;
  /** The integration's directory, from the configuration. */
  readonly root: string;
  /** `<root>/<directory>/<backupId>`. */
  readonly exportDir: string;
  /** How messages name the place: relative to the integration, never the server's file layout. */
  readonly shown: string;
}

/** Where the export goes; a JobFailure unless it is inside the integration's directory. */
function exportTargetOf(server: ServerContext, job: JobRecord): ExportTarget {
  const { integrationId, directory } = job.payload;
  if (typeof integrationId !== 'string' || typeof directory !== 'string' || job.backupId === null) {
    throw new JobFailure('the export job records no integrationId, directory or backup; start the export again.');
  }
  const root = server.integrations.get(integrationId);
  if (root === undefined) {
    throw new JobFailure(`integration ${integrationId} is no longer configured on this server (it has ${[...server.integrations.keys()].join(', ') || 'none'}); export to one of those.`);
  }
  const exportDir = join(root, directory, job.backupId);
  if (!isInside(root, join(root, directory))) {
    throw new JobFailure(`directory ${JSON.stringify(directory)} leads outside integration ${integrationId}; nothing was written. Give a path inside it, without "..".`);
  }
  return { integrationId, root, exportDir, shown: `${integrationId}:${relative(root, exportDir).split(sep).join('/')}` };
}

/** Whether `path` is `root` or below it (lexically). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/**
 * Refuses when the deepest existing part of the export path resolves, through a symbolic link,
 * to somewhere outside the integration's directory. Everything below it is created by this job,
 * so it cannot be a link.
 */
async function refuseLinksOutside(realRoot: string, target: ExportTarget): Promise<void> {
  let existing = target.exportDir;
  for (;;) {
    const real = await realpath(existing).catch(() => undefined);
    if (real !== undefined) {
      if (!isInside(realRoot, real)) {
        throw new JobFailure(`${target.shown} leads outside integration ${target.integrationId} through a symbolic link; nothing was written. Export into a directory inside it.`);
      }
      return;
    }
    const parent = dirname(existing);
    if (parent === existing) return;
    existing = parent;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
