import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile, appendFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyJournal,
  emptyState,
  LocalStateBackend,
  LockLostError,
  LockNotFoundError,
  serializeState,
  StateConflictError,
  StateCorruptError,
  StateLockedError,
  InvalidAddressError,
  type JournalEntry,
  type LockInfo,
} from '../../src/state/index.js';

const provider = 'provider["registry.terraform.io/lifeboat/lifeboat"]';

function put(name: string, id: string): JournalEntry {
  return {
    kind: 'put-instance',
    address: `lifeboat_backup.${name}`,
    resource: { mode: 'managed', type: 'lifeboat_backup', name, provider },
    instance: { schema_version: 0, attributes: { id }, sensitive_attributes: [], dependencies: [] },
  };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

let dir: string;
let statePath: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lifeboat-local-state-'));
  statePath = join(dir, 'terraform.tfstate');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('LocalStateBackend snapshots', () => {
  it('defaults to terraform.tfstate in the working directory, with Terraform file names around it', () => {
    const backend = new LocalStateBackend({ workingDir: dir });
    expect(backend.describe()).toBe(statePath);
    expect(backend.options).toEqual({
      path: statePath,
      backupPath: `${statePath}.backup`,
      journalPath: `${statePath}.journal`,
      lockPath: join(dir, '.terraform.tfstate.lock.info'),
    });
  });

  it('reads nothing where there is no state', async () => {
    expect(await new LocalStateBackend({ workingDir: dir }).read()).toBeUndefined();
  });

  it('round-trips a write, bumping the serial on each write and keeping the lineage', async () => {
    const backend = new LocalStateBackend({ workingDir: dir });
    const initial = applyJournal(emptyState(), [put('a', 'b-1')]);
    const first = await backend.write(initial);
    expect(first.serial).toBe(1);
    expect(first.lineage).toBe(initial.lineage);
    expect(await new LocalStateBackend({ workingDir: dir }).read()).toEqual(first);
    const second = await backend.write(applyJournal(first, [put('b', 'b-2')]));
    expect(second.serial).toBe(2);
    expect(second.lineage).toBe(initial.lineage);
    expect(await readFile(statePath, 'utf8')).toBe(serializeState(second));
    expect((await stat(statePath)).mode & 0o777).toBe(0o600);
  });

  it('keeps the previous snapshot as terraform.tfstate.backup', async () => {
    const backend = new LocalStateBackend({ workingDir: dir });
    const first = await backend.write(emptyState());
    const firstText = await readFile(statePath, 'utf8');
    await backend.write(applyJournal(first, [put('a', 'b-1')]));
    expect(await readFile(`${statePath}.backup`, 'utf8')).toBe(firstText);
  });

  it('refuses a write based on an older serial or another lineage', async () => {
    const backend = new LocalStateBackend({ workingDir: dir });
    const first = await backend.write(emptyState());
    await backend.write(first);
    const stale = await caught(backend.write(first));
    expect(stale).toBeInstanceOf(StateConflictError);
    expect((stale as StateConflictError).message).toContain('serial 2');
    const foreign = await caught(backend.write({ ...emptyState(), serial: 2 }));
    expect(foreign).toBeInstanceOf(StateConflictError);
    expect((foreign as StateConflictError).message).toContain('lineage');
  });

  it('refuses a corrupt state file with StateCorruptError and never overwrites it', async () => {
    const garbage = '{"version": 4, "serial": 3, "lineage": "l", "resources": [ {"mode": "managed"';
    await writeFile(statePath, garbage);
    const backend = new LocalStateBackend({ workingDir: dir });
    const error = await caught(backend.read());
    expect(error).toBeInstanceOf(StateCorruptError);
    expect((error as StateCorruptError).source).toBe(statePath);
    expect((error as StateCorruptError).message).toContain(`${statePath}.backup`);
    expect(await caught(backend.write(emptyState()))).toBeInstanceOf(StateCorruptError);
    expect(await caught(backend.append(put('a', 'x')))).toBeInstanceOf(StateCorruptError);
    expect(await readFile(statePath, 'utf8')).toBe(garbage);
  });
});

describe('LocalStateBackend journal', () => {
  it('appends one NDJSON line per entry without rewriting the snapshot', async () => {
    const backend = new LocalStateBackend({ workingDir: dir });
    await backend.write(emptyState());
    const before = await stat(statePath);
    await backend.append(put('a', 'b-1'));
    await backend.append(put('b', 'b-2'));
    const lines = (await readFile(`${statePath}.journal`, 'utf8')).split('\n');
    expect(lines).toHaveLength(4); // header, two entries, and the empty string after the last newline
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ lifeboat_journal: 1, base: { serial: 1 } });
    expect(JSON.parse(lines[2] ?? '')).toEqual(put('b', 'b-2'));
    const after = await stat(statePath);
    expect([after.ino, after.mtimeMs, after.size]).toEqual([before.ino, before.mtimeMs, before.size]);
  });

  it('folds the journal of an interrupted apply into what read() returns, without changing the files', async () => {
    const written = await new LocalStateBackend({ workingDir: dir }).write(emptyState());
    const crashed = new LocalStateBackend({ workingDir: dir });
    await crashed.read();
    const entries: JournalEntry[] = [
      { kind: 'pending', operation: { address: 'lifeboat_backup.a', action: 'create', idempotencyKey: 'k', request: { cluster_id: 'c' }, startedAt: 'now' } },
      put('a', 'b-1'),
      { kind: 'pending-done', address: 'lifeboat_backup.a' },
      { kind: 'pending', operation: { address: 'lifeboat_backup.b', action: 'create', idempotencyKey: 'k2', request: {}, startedAt: 'now' } },
    ];
    for (const entry of entries) await crashed.append(entry);
    // The process dies here: no write().
    const snapshotText = await readFile(statePath, 'utf8');
    const next = new LocalStateBackend({ workingDir: dir });
    const recovered = await next.read();
    expect(recovered).toEqual(applyJournal(written, entries));
    expect(recovered?.serial).toBe(1);
    expect(recovered?.pending.map((operation) => operation.address)).toEqual(['lifeboat_backup.b']);
    expect(await readFile(statePath, 'utf8')).toBe(snapshotText);
    // The next run keeps appending to the same journal, then its write folds everything in.
    await next.append(put('b', 'b-2'));
    const final = await next.write(applyJournal(recovered ?? emptyState(), [put('b', 'b-2')]));
    expect(final.serial).toBe(2);
    expect(await new LocalStateBackend({ workingDir: dir }).read()).toEqual(final);
    await expect(stat(`${statePath}.journal`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('folds a journal recorded before any snapshot existed onto an empty state', async () => {
    const backend = new LocalStateBackend({ workingDir: dir });
    await backend.append(put('a', 'b-1'));
    const recovered = await new LocalStateBackend({ workingDir: dir }).read();
    expect(recovered?.serial).toBe(0);
    expect(recovered?.resources.map((resource) => resource.name)).toEqual(['a']);
    expect((await new LocalStateBackend({ workingDir: dir }).write(recovered ?? emptyState())).serial).toBe(1);
  });

  it('ignores a torn last line (a crash mid-append) and continues after it', async () => {
    const backend = new LocalStateBackend({ workingDir: dir });
    const written = await backend.write(emptyState());
    await backend.append(put('a', 'b-1'));
    await appendFile(`${statePath}.journal`, JSON.stringify(put('b', 'b-2')).slice(0, 40));
    const recovered = await new LocalStateBackend({ workingDir: dir }).read();
    expect(recovered).toEqual(applyJournal(written, [put('a', 'b-1')]));
    // The next run's first append cuts the torn tail off, so its own line stays whole.
    const next = new LocalStateBackend({ workingDir: dir });
    await next.append(put('c', 'b-3'));
    expect(await new LocalStateBackend({ workingDir: dir }).read()).toEqual(applyJournal(written, [put('a', 'b-1'), put('c', 'b-3')]));
  });

  it('ignores a journal whose entries a later write already folded in (crash before the journal was deleted)', async () => {
    const backend = new LocalStateBackend({ workingDir: dir });
    const first = await backend.write(emptyState());
    await backend.append(put('a', 'b-1'));
    const journal = await readFile(`${statePath}.journal`, 'utf8');
    // The next run reads the folded state, then `state rm` removes lifeboat_backup.a and writes;
    // the process dies after the rename and before the journal is deleted.
    const recovered = await new LocalStateBackend({ workingDir: dir }).read();
    expect(recovered?.resources.map((resource) => resource.name)).toEqual(['a']);
    const removed = await backend.write(applyJournal(recovered ?? first, [{ kind: 'remove-instance', address: 'lifeboat_backup.a' }]));
    await writeFile(`${statePath}.journal`, journal);
    // Folding the old journal again would bring the removed backup back.
    expect(await new LocalStateBackend({ workingDir: dir }).read()).toEqual(removed);
    // A new apply starts a fresh journal on the new snapshot.
    const next = new LocalStateBackend({ workingDir: dir });
    await next.append(put('b', 'b-2'));
    expect((await readFile(`${statePath}.journal`, 'utf8')).split('\n')).toHaveLength(3);
    expect(await new LocalStateBackend({ workingDir: dir }).read()).toEqual(applyJournal(removed, [put('b', 'b-2')]));
  });

  it('refuses a journal left for a state file that was since replaced', async () => {
    const backend = new LocalStateBackend({ workingDir: dir });
    await backend.write(emptyState());
    await backend.append(put('a', 'b-1'));
    await writeFile(statePath, serializeState({ ...emptyState('someone-else'), serial: 5 }));
    const error = await caught(new LocalStateBackend({ workingDir: dir }).read());
    expect(error).toBeInstanceOf(StateCorruptError);
    expect((error as StateCorruptError).source).toBe(`${statePath}.journal`);
    expect((error as StateCorruptError).message).toContain('interrupted apply');
  });

  it('refuses a journal with a damaged line in the middle', async () => {
    const backend = new LocalStateBackend({ workingDir: dir });
    await backend.write(emptyState());
    await backend.append(put('a', 'b-1'));
    await appendFile(`${statePath}.journal`, '{"kind":"put-instance"}\n');
    await backend.append(put('b', 'b-2'));
    const error = await caught(new LocalStateBackend({ workingDir: dir }).read());
    expect(error).toBeInstanceOf(StateCorruptError);
    expect((error as StateCorruptError).source).toBe(`${statePath}.journal line 3`);
  });

  it('refuses an entry it could not read back, before writing it', async () => {
    const backend = new LocalStateBackend({ workingDir: dir });
    await expect(backend.append({ kind: 'remove-instance', address: 'not an address' })).rejects.toBeInstanceOf(InvalidAddressError);
    await expect(stat(`${statePath}.journal`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps every entry of many parallel appends', async () => {
    const backend = new LocalStateBackend({ workingDir: dir });
    const written = await backend.write(emptyState());
    const entries = Array.from({ length: 200 }, (_, index) => put(`r${index}`, `b-${index}`));
    await Promise.all(entries.map((entry) => backend.append(entry)));
    const recovered = await new LocalStateBackend({ workingDir: dir }).read();
    expect(recovered).toEqual(applyJournal(written, entries));
  });
});

describe('LocalStateBackend locking', () => {
  it('refuses a second lock with the holder’s info, in a message like Terraform’s', async () => {
    const first = new LocalStateBackend({ workingDir: dir });
    const lock = await first.lock('OperationTypeApply', 'nightly run');
    expect(lock.info).toMatchObject({ Operation: 'OperationTypeApply', Info: 'nightly run', Path: statePath, Pid: process.pid, Version: '1.11.0' });
    expect(lock.info.Who).toMatch(new RegExp(`@${hostname()}$`));
    expect(JSON.parse(await readFile(join(dir, '.terraform.tfstate.lock.info'), 'utf8'))).toEqual(lock.info);

    const error = await caught(new LocalStateBackend({ workingDir: dir }).lock('OperationTypePlan'));
    expect(error).toBeInstanceOf(StateLockedError);
    const locked = error as StateLockedError;
    expect(locked.code).toBe('STATE_LOCKED');
    expect(locked.holder).toEqual(lock.info);
    expect(locked.holderRunning).toBe(true);
    expect(locked.message).toContain('Error acquiring the state lock');
    expect(locked.message).toContain(`ID:        ${lock.info.ID}`);
    expect(locked.message).toContain('Operation: OperationTypeApply');
    expect(locked.message).toContain(`lifeboat force-unlock ${lock.info.ID}`);
    // The same backend cannot take it twice either.
    await expect(first.lock('OperationTypeApply')).rejects.toBeInstanceOf(StateLockedError);
    expect(await first.currentLock()).toEqual(lock.info);
  });

  it('can be locked again after release, and releasing twice is harmless', async () => {
    const backend = new LocalStateBackend({ workingDir: dir });
    const lock = await backend.lock('OperationTypeApply');
    await lock.release();
    await lock.release();
    expect(await backend.currentLock()).toBeUndefined();
    const again = await new LocalStateBackend({ workingDir: dir }).lock('OperationTypeApply');
    expect(again.info.ID).not.toBe(lock.info.ID);
    // A stale release must not remove the new holder's lock.
    await lock.release();
    expect((await backend.currentLock())?.ID).toBe(again.info.ID);
  });

  it('force-unlocks only with the right id', async () => {
    const holder = new LocalStateBackend({ workingDir: dir });
    const lock = await holder.lock('OperationTypeApply');
    const other = new LocalStateBackend({ workingDir: dir });
    const wrong = await caught(other.forceUnlock('not-the-id'));
    expect(wrong).toBeInstanceOf(LockNotFoundError);
    expect((wrong as LockNotFoundError).current).toEqual(lock.info);
    expect((wrong as LockNotFoundError).message).toContain(lock.info.ID);
    expect(await other.currentLock()).toEqual(lock.info);
    await other.forceUnlock(lock.info.ID);
    expect(await other.currentLock()).toBeUndefined();
    await expect(other.forceUnlock(lock.info.ID)).rejects.toBeInstanceOf(LockNotFoundError);
    await other.lock('OperationTypeApply');
  });

  it('stops a force-unlocked holder from writing', async () => {
    const holder = new LocalStateBackend({ workingDir: dir });
    const state = await holder.write(emptyState());
    const lock = await holder.lock('OperationTypeApply');
    await new LocalStateBackend({ workingDir: dir }).forceUnlock(lock.info.ID);
    const taker = await new LocalStateBackend({ workingDir: dir }).lock('OperationTypeApply');
    await expect(holder.append(put('a', 'b-1'))).rejects.toBeInstanceOf(LockLostError);
    await expect(holder.write(state)).rejects.toBeInstanceOf(LockLostError);
    await lock.release();
    expect((await holder.currentLock())?.ID).toBe(taker.info.ID);
  });

  it('lets exactly one of several concurrent lockers win', async () => {
    for (let round = 0; round < 20; round++) {
      const backends = Array.from({ length: 4 }, () => new LocalStateBackend({ workingDir: dir }));
      const results = await Promise.allSettled(backends.map((backend) => backend.lock('OperationTypeApply')));
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      expect(won).toHaveLength(1);
      for (const failure of lost) expect(failure.reason).toBeInstanceOf(StateLockedError);
      const winner = won[0] as PromiseFulfilledResult<{ info: LockInfo; release(): Promise<void> }>;
      for (const failure of lost) expect((failure.reason as StateLockedError).holder.ID).toBe(winner.value.info.ID);
      await winner.value.release();
    }
  });

  it('does not break a lock whose holder died, but says the holder is gone', async () => {
    const exited = spawnSync(process.execPath, ['-e', '']);
    const deadPid = exited.pid;
    const backend = new LocalStateBackend({ workingDir: dir });
    const lock = await backend.lock('OperationTypeApply');
    const lockPath = join(dir, '.terraform.tfstate.lock.info');
    await writeFile(lockPath, JSON.stringify({ ...lock.info, Pid: deadPid }));
    const error = await caught(new LocalStateBackend({ workingDir: dir }).lock('OperationTypeApply'));
    expect(error).toBeInstanceOf(StateLockedError);
    expect((error as StateLockedError).holderRunning).toBe(false);
    expect((error as StateLockedError).message).toContain('no longer running');
    expect((await backend.currentLock())?.Pid).toBe(deadPid);
    await backend.forceUnlock(lock.info.ID);
    await new LocalStateBackend({ workingDir: dir }).lock('OperationTypeApply');
  });

  it('refuses a lock file that is not lock info, saying how to clear it', async () => {
    await writeFile(join(dir, '.terraform.tfstate.lock.info'), 'garbage');
    const error = await caught(new LocalStateBackend({ workingDir: dir }).lock('OperationTypeApply'));
    expect(error).toBeInstanceOf(StateCorruptError);
    expect((error as StateCorruptError).message).toContain('delete the lock file');
  });
});
