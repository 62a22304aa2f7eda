import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

// Copied from packages/server/src/internal/atomic-file.ts: the engine must not depend on the
// server package, and this is too small to be worth a shared package.

/** Flushes a directory entry, so a create, rename or unlink inside it survives a power cut. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A sibling temp name: same directory, so the final rename is atomic. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.tmp-${randomBytes(6).toString('hex')}-${basename(path)}`);
}

/**
 * Writes a file so that a crash leaves either the old content or the new, never a torn mix:
 * temp file, fsync, rename over the target, fsync the directory. `mode` applies to the new file
 * (the rename keeps the temp file's mode); the default 0o644 is the server's choice.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const temp = tempPathFor(path);
  const handle = await open(temp, 'w', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, path);
  await fsyncDir(dirname(path));
}
