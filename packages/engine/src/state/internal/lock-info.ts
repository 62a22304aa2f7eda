import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { TERRAFORM_VERSION } from '../snapshot.js';
import type { LockInfo } from '../types.js';

/** `user@host`, as Terraform's `Who`; some containers have no passwd entry for the uid. */
export function currentWho(): string {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    user = process.env['USER'] ?? process.env['USERNAME'] ?? `uid-${process.getuid?.() ?? 'unknown'}`;
  }
  return `${user}@${hostname()}`;
}

/** Lock info for a new lock taken by this process. */
export function newLockInfo(request: { operation: string; info?: string | undefined; path: string }): LockInfo {
  return {
    ID: randomUUID(),
    Operation: request.operation,
    Who: currentWho(),
    // The Terraform version whose state format we write, as Terraform records its own version.
    Version: TERRAFORM_VERSION,
    Created: new Date().toISOString(),
    Path: request.path,
    ...(request.info === undefined ? {} : { Info: request.info }),
    Pid: process.pid,
  };
}

/**
 * Whether the lock's holder is still running: known only when it ran on this host and recorded
 * its pid. `undefined` otherwise. A reused pid reads as running, which errs on the safe side.
 */
export function isHolderRunning(info: LockInfo): boolean | undefined {
  const host = info.Who.slice(info.Who.lastIndexOf('@') + 1);
  if (info.Pid === undefined || host !== hostname()) return undefined;
  if (info.Pid === process.pid) return true;
  try {
    process.kill(info.Pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
