import { EngineError, type EngineErrorDetails } from '../errors/engine-error.js';
import type { LockInfo } from './types.js';

/** Marks state errors across copies of the package (ESM and CJS, or two versions). */
const brand = Symbol.for('@lifeboat/engine.state-error');

/** Stable codes of the errors the state layer throws; callers switch on these, not on messages. */
export type StateErrorCode =
  | 'STATE_LOCKED'
  | 'STATE_LOCK_LOST'
  | 'STATE_LOCK_NOT_FOUND'
  | 'STATE_CORRUPT'
  | 'STATE_CONFLICT'
  | 'STATE_INVALID_ADDRESS';

/** Base of every error the state layer throws (an {@link EngineError}): a literal `name`, a stable `code`, a message that says what to do. */
export abstract class StateError extends EngineError {
  abstract override readonly code: StateErrorCode;

  constructor(message: string, details: EngineErrorDetails = {}) {
    super(message, details);
    Object.defineProperty(this, brand, { value: true });
  }
}

/** True for errors thrown by any copy of the engine's state layer. */
export function isStateError(error: unknown): error is StateError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true;
}

/** Renders lock info the way Terraform does, so users recognise it. */
function formatLockInfo(info: LockInfo): string {
  const rows: [string, string][] = [
    ['ID', info.ID],
    ['Path', info.Path],
    ['Operation', info.Operation],
    ['Who', info.Who],
    ['Version', info.Version],
    ['Created', info.Created],
    ['Info', info.Info ?? ''],
  ];
  if (info.Pid !== undefined) rows.push(['Pid', String(info.Pid)]);
  return rows.map(([key, value]) => `  ${`${key}:`.padEnd(11)}${value}`.trimEnd()).join('\n');
}

/**
 * Someone else holds the state lock. Carries the holder's {@link LockInfo} so the CLI can show
 * it and offer `force-unlock` with the right id.
 */
export class StateLockedError extends StateError {
  override readonly name = 'StateLockedError' as const;
  readonly code = 'STATE_LOCKED' as const;
  /** Who holds the lock, as recorded when they took it. */
  readonly holder: LockInfo;
  /**
   * `false` when the holder ran on this host and its process is gone (the lock is stale);
   * `true` when it is still running; `undefined` when that cannot be known (another host, no pid).
   */
  readonly holderRunning: boolean | undefined;

  constructor(details: { holder: LockInfo; reason: string; holderRunning?: boolean | undefined; cause?: unknown }) {
    const stale =
      details.holderRunning === false
        ? `\n\nThe process that took this lock (pid ${details.holder.Pid ?? '?'} on this host) is no longer running, so the lock is probably stale. Lifeboat does not break it by itself (a pid can be reused, and a process in another container can look dead from here).`
        : '';
    const fix = `Wait for the other operation to finish and try again, or run \`lifeboat force-unlock ${details.holder.ID}\` if you are sure no one else holds it.`;
    super(
      `Error acquiring the state lock\n\n` +
        `Error message: ${details.reason}\n` +
        `Lock Info:\n${formatLockInfo(details.holder)}${stale}\n\n` +
        `Lifeboat acquires a state lock to protect the state from being written by multiple users at the same time. ${fix}`,
      { fix, cause: details.cause },
    );
    this.holder = details.holder;
    this.holderRunning = details.holderRunning;
  }
}

/**
 * The lock this process held was taken away (someone ran `force-unlock`, or its database
 * connection ended), so the state was not written: another run may own the state now.
 */
export class LockLostError extends StateError {
  override readonly name = 'LockLostError' as const;
  readonly code = 'STATE_LOCK_LOST' as const;
  readonly lockId: string;

  constructor(details: { lockId: string; source: string; cause?: unknown }) {
    const fix = 'Run the command again; check with `lifeboat plan` what the interrupted run left behind.';
    super(
      `The state lock ${details.lockId} on ${details.source} is no longer held by this process (it was force-unlocked or its connection ended), ` +
        `so nothing was written. ${fix}`,
      { fix, cause: details.cause },
    );
    this.lockId = details.lockId;
  }
}

/** `force-unlock` was given an id that is not the current lock's (or there is no lock at all). */
export class LockNotFoundError extends StateError {
  override readonly name = 'LockNotFoundError' as const;
  readonly code = 'STATE_LOCK_NOT_FOUND' as const;
  /** The id that was asked for. */
  readonly lockId: string;
  /** The lock actually held, when there is one. */
  readonly current: LockInfo | undefined;

  constructor(details: { lockId: string; source: string; current?: LockInfo | undefined }) {
    const fix = details.current === undefined ? 'Nothing to do.' : `Check that this is the lock you mean, then run \`lifeboat force-unlock ${details.current.ID}\`.`;
    super(
      details.current === undefined
        ? `Failed to unlock state: no lock is held on ${details.source} (asked to remove lock ${details.lockId}). ${fix}`
        : `Failed to unlock state: lock ID "${details.lockId}" does not match the existing lock ID "${details.current.ID}" ` +
            `held by ${details.current.Who} for ${details.current.Operation} since ${details.current.Created}. ${fix}`,
      { fix },
    );
    this.lockId = details.lockId;
    this.current = details.current;
  }
}

/**
 * A stored state (or its journal) cannot be read. The state layer never overwrites what it
 * cannot read: the file or row is left exactly as found, for a person to repair.
 */
export class StateCorruptError extends StateError {
  override readonly name = 'StateCorruptError' as const;
  readonly code = 'STATE_CORRUPT' as const;
  /** The file path (or table and row) that could not be read. */
  readonly source: string;
  /** What is wrong with it. */
  readonly problem: string;
  /** What the user can do about it. */
  declare readonly fix: string;

  constructor(details: { source: string; problem: string; fix: string; cause?: unknown }) {
    super(`The state in ${details.source} cannot be read: ${details.problem}. ${details.fix} Lifeboat has left it unchanged.`, { fix: details.fix, cause: details.cause });
    this.source = details.source;
    this.problem = details.problem;
  }
}

/**
 * A write was based on another state than the one stored: another lineage (a different
 * state's history), or an older serial (someone wrote in between). Writing would lose their work.
 */
export class StateConflictError extends StateError {
  override readonly name = 'StateConflictError' as const;
  readonly code = 'STATE_CONFLICT' as const;
  readonly stored: { readonly lineage: string; readonly serial: number };
  readonly attempted: { readonly lineage: string; readonly serial: number };

  constructor(details: {
    source: string;
    stored: { lineage: string; serial: number };
    attempted: { lineage: string; serial: number };
  }) {
    const { stored, attempted } = details;
    const otherLineage = stored.lineage !== attempted.lineage;
    const fix = otherLineage ? 'Check the backend configuration.' : 'Run the command again to work from the current state.';
    super(
      otherLineage
        ? `Refusing to write state to ${details.source}: it holds lineage ${stored.lineage}, but this state has lineage ${attempted.lineage}. ` +
            `They are different states; writing would replace one's history with the other's. ${fix}`
        : `Refusing to write state to ${details.source}: it is at serial ${stored.serial}, but this write is based on serial ${attempted.serial}. ` +
            `Another run changed the state since it was read. ${fix}`,
      { fix },
    );
    this.stored = stored;
    this.attempted = attempted;
  }
}

/** A resource instance address that does not parse, e.g. in a journal entry or `state rm`. */
export class InvalidAddressError extends StateError {
  override readonly name = 'InvalidAddressError' as const;
  readonly code = 'STATE_INVALID_ADDRESS' as const;
  readonly address: string;

  constructor(details: { address: string; problem: string }) {
    const fix = 'Expected type.name, type.name[0], type.name["key"], or the same after "data." for a data source.';
    super(`Invalid resource instance address ${JSON.stringify(details.address)}: ${details.problem}. ${fix}`, { fix });
    this.address = details.address;
  }
}
