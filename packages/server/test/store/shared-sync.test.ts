import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { SharedSync } from '../../src/internal/shared-sync.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';

/** A sync whose runs the test finishes by hand, recording when each one started. */
function manualSync() {
  const runs: { finish: () => void; fail: (error: Error) => void }[] = [];
  const sync = new SharedSync(
    () =>
      new Promise<void>((resolve, reject) => {
        runs.push({ finish: resolve, fail: reject });
      }),
  );
  return { sync, runs };
}

describe('SharedSync', () => {
  it('lets callers that ask while a sync runs share the next one', async () => {
    const { sync, runs } = manualSync();
    const asked = Array.from({ length: 10 }, () => sync.request());
    // The first starts a sync at once; the nine who asked during it share one more.
    expect(runs).toHaveLength(1);
    runs[0]!.finish();
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    runs[1]!.finish();
    await Promise.all(asked);
    expect(runs).toHaveLength(2);
  });

  it('makes a caller who asks during a sync wait for a sync that starts after it asked', async () => {
    const { sync, runs } = manualSync();
    const first = sync.request();
    let lateDone = false;
    // Asked while the first sync runs: their commits may have missed it.
    const late = Promise.all([sync.request(), sync.request()]).then(() => (lateDone = true));
    runs[0]!.finish();
    await first;
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    expect(lateDone).toBe(false);
    runs[1]!.finish();
    await late;
    expect(runs).toHaveLength(2);
  });

  it('reports a failed sync to its callers and still runs the next one', async () => {
    const { sync, runs } = manualSync();
    const failing = sync.request();
    const queued = sync.request().catch(() => 'unexpected');
    runs[0]!.fail(new Error('disk gone'));
    await expect(failing).rejects.toThrow('disk gone');
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    runs[1]!.finish();
    await expect(queued).resolves.toBeUndefined();
  });
});

describe('SqliteStore durability', () => {
  it('commits in WAL mode and flushes the WAL itself, so a flushed change is in the WAL file on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeboat-store-sync-'));
    try {
      const path = join(dir, 'metadata.sqlite');
      const store = await SqliteStore.open(path);
      await store.setMeta('probe', 'value');
      await store.flush();
      expect((await stat(`${path}-wal`)).size).toBeGreaterThan(0);
      await store.close();
      // Reopened from the files alone, the change is there.
      const db = new Database(path, { readonly: true });
      expect(db.prepare('SELECT value FROM meta WHERE key = ?').get('probe')).toEqual({ value: 'value' });
      db.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
