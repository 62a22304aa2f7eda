/**
 * The local lock: a file `.<state name>.lock.info` beside the state holding the holder's
 * {@link LockInfo} as JSON, as Terraform's local backend writes it. The file existing is the lock.
 */
import { link, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fsyncDir, tempPathFor } from '../../internal/atomic-file.js';
import { StateCorruptError, StateLockedError } from '../errors.js';
import { isHolderRunning } from './lock-info.js';
import { asLockInfo, lockInfoSchema } from './schema.js';
import type { LockInfo } from '../types.js';

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

async function writeDurably(path: string, content: string, flag: 'w' | 'wx'): Promise<void> {
  const handle = await open(path, flag, 0o644);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Creates the lock file, or throws {@link StateLockedError} with the holder's info. The info is
 * written to a temp file first and hard-linked into place: `link` fails if the name exists
 * (exclusive like O_EXCL) and the lock appears with its content complete, so a racing reader
 * never sees an empty lock. Where hard links are not supported it falls back to O_EXCL.
 */
export async function acquireLockFile(lockPath: string, info: LockInfo): Promise<void> {
  const content = `${JSON.stringify(info, null, 2)}\n`;
  // A holder that releases between our failed create and our read of its info: try again.
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createExclusive(lockPath, content)) {
      await fsyncDir(dirname(lockPath));
      return;
    }
    const holder = await readLockFile(lockPath);
    if (holder !== undefined) {
      throw new StateLockedError({ holder, reason: `the lock file ${lockPath} exists`, holderRunning: isHolderRunning(holder) });
    }
  }
  throw new Error(`Could not take the state lock ${lockPath}: it was taken and released five times in a row while trying. Try again.`);
}

async function createExclusive(lockPath: string, content: string): Promise<boolean> {
  const temp = tempPathFor(lockPath);
  await writeDurably(temp, content, 'wx');
  try {
    await link(temp, lockPath);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(errorCode(error) ?? '')) throw error;
  } finally {
    await rm(temp, { force: true });
  }
  try {
    await writeDurably(lockPath, content, 'wx');
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

/**
 * The lock's info, or `undefined` when there is no lock. A file that is not lock info is retried
 * briefly (with the O_EXCL fallback a holder may be between create and write), then refused.
 */
export async function readLockFile(lockPath: string): Promise<LockInfo | undefined> {
  for (let attempt = 0; ; attempt++) {
    let text: string;
    try {
      text = await readFile(lockPath, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const parsed = lockInfoSchema.safeParse(value);
    if (parsed.success) return asLockInfo(parsed.data);
    if (attempt >= 3) {
      throw new StateCorruptError({
        source: lockPath,
        problem: 'the lock file does not hold lock info',
        fix: 'If no lifeboat command is running on this state, delete the lock file and run the command again.',
      });
    }
    await sleep(25);
  }
}

/**
 * Deletes the lock file if it is still the lock `id`; leaves another holder's lock alone.
 * Read-compare-delete is not atomic; the window is a force-unlock racing a new lock on the same
 * file within microseconds, which locking by hand cannot produce in practice.
 *
 * @returns whether the lock was removed.
 */
export async function removeLockFile(lockPath: string, id: string): Promise<boolean> {
  const current = await readLockFile(lockPath);
  if (current?.ID !== id) return false;
  await rm(lockPath, { force: true });
  await fsyncDir(dirname(lockPath));
  return true;
}
