import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { open, readdir, readFile, rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** File-system steps of the backup benchmark's anchors and of keeping its runs alike. */

const run = promisify(execFile);

/**
 * `cp -r` of a directory to a new path: the anchor the backup, copy and restore are held to.
 * Plain `cp`, which clones where the file system can (coreutils 9), as the server's blob copies do.
 */
export async function cpTree(from: string, to: string): Promise<void> {
  await run('cp', ['-r', from, to]);
}

/**
 * Reads and hashes files one after the other with SHA-256 in this process (node:crypto, the
 * implementation the server uses; coreutils' sha256sum is several times slower here), through one
 * reused buffer as the server's read-back does: what verifying the bytes costs on its own.
 */
export async function hashFiles(files: readonly string[]): Promise<void> {
  const buffer = Buffer.allocUnsafe(256 * 1024);
  for (const file of files) {
    const hash = createHash('sha256');
    const handle = await open(file, 'r');
    try {
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length);
        if (bytesRead === 0) break;
        hash.update(buffer.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
    }
    hash.digest();
  }
}

/** Flushes every dirty page to disk, so one run's writeback does not slow the next. */
export async function syncDisk(): Promise<void> {
  await run('sync');
}

/** Every regular file under `dir`, recursively. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Puts the files in the page cache and flushes pending writes: the state both a measured run
 * and its anchor start from ("warm": sources read once, nothing dirty).
 */
export async function warmUp(files: readonly string[]): Promise<void> {
  for (const file of files) await readFile(file);
  await syncDisk();
}

/** Bytes free for an unprivileged user on the file system holding `dir`. */
export async function freeBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

/** Removes a path and flushes, so the space and the writeback are settled before the next run. */
export async function removeAndSync(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
  await syncDisk();
}

/** Removes every file under `dir` but keeps its directories, then flushes. */
export async function removeFilesAndSync(dir: string): Promise<void> {
  for (const file of await filesUnder(dir)) await rm(file, { force: true });
  await syncDisk();
}
