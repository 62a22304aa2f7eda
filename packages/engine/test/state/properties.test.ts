import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyJournal, emptyState, LocalStateBackend, parseState, serializeState } from '../../src/state/index.js';
import { journalEntries } from './arbitraries.js';

describe('journal folding (property-based)', () => {
  it('folding entries one at a time equals folding them all at once', () => {
    fc.assert(
      fc.property(journalEntries, (entries) => {
        const start = emptyState('lineage');
        const oneByOne = entries.reduce((state, entry) => applyJournal(state, [entry]), start);
        expect(oneByOne).toEqual(applyJournal(start, entries));
      }),
      { numRuns: 300 },
    );
  });

  it('folding a journal in two parts equals folding it whole', () => {
    fc.assert(
      fc.property(journalEntries, fc.nat(), (entries, cut) => {
        const at = entries.length === 0 ? 0 : cut % entries.length;
        const start = emptyState('lineage');
        expect(applyJournal(applyJournal(start, entries.slice(0, at)), entries.slice(at))).toEqual(applyJournal(start, entries));
      }),
      { numRuns: 200 },
    );
  });

  it('folding the same entries twice changes nothing more', () => {
    fc.assert(
      fc.property(journalEntries, (entries) => {
        const once = applyJournal(emptyState('lineage'), entries);
        expect(applyJournal(once, entries)).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });

  it('serialize → parse gives the same state, and serializing again the same bytes', () => {
    fc.assert(
      fc.property(journalEntries, (entries) => {
        const state = applyJournal(emptyState('lineage'), entries);
        const text = serializeState(state);
        const parsed = parseState(text, 'property');
        expect(parsed).toEqual(state);
        expect(serializeState(parsed)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('local backend round trip (property-based)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lifeboat-state-prop-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('write → read returns what was written, with the serial bumped', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(journalEntries, journalEntries, async (applied, interrupted) => {
        const backend = new LocalStateBackend({ workingDir: dir, path: `state-${run++}.tfstate` });
        const state = applyJournal(emptyState(), applied);
        const written = await backend.write(state);
        expect(written.serial).toBe(state.serial + 1);
        expect(await backend.read()).toEqual(written);
        // Then an apply that is interrupted after appending: read() folds what it recorded.
        for (const entry of interrupted) await backend.append(entry);
        expect(await new LocalStateBackend({ workingDir: dir, path: `state-${run - 1}.tfstate` }).read()).toEqual(applyJournal(written, interrupted));
      }),
      { numRuns: 40 },
    );
  });
});
