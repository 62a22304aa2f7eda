import { describe, expect, it } from 'vitest';
import type { ChangeActions } from '../../src/plan/types.js';
import { countChanges, hasChanges } from '../../src/render/index.js';

const of = (...all: ChangeActions[]) => all.map((actions) => ({ actions }));

describe('countChanges', () => {
  it('counts a replacement, either way round, as one add and one destroy, and also as a replace', () => {
    expect(countChanges(of(['delete', 'create'], ['create', 'delete']))).toEqual({ add: 2, change: 0, destroy: 2, read: 0, replace: 2, move: 0 });
  });

  it('counts creates, updates, deletes and reads, and ignores no-ops', () => {
    expect(countChanges(of(['create'], ['update'], ['update'], ['delete'], ['read'], ['no-op']))).toEqual({ add: 1, change: 2, destroy: 1, read: 1, replace: 0, move: 0 });
  });

  it('says whether anything happens: a read during apply counts, no-ops do not', () => {
    expect(hasChanges(countChanges(of(['no-op'], ['no-op'])))).toBe(false);
    expect(hasChanges(countChanges(of(['read'])))).toBe(true);
  });

  it('counts moves apart from what else happens to the moved objects, and a move alone is a change to apply', () => {
    const moves = [
      { actions: ['no-op'] as const, address: 'lifeboat_backup.b', previousAddress: 'lifeboat_backup.a' },
      { actions: ['update'] as const, address: 'lifeboat_copy_policy.dr', previousAddress: 'lifeboat_copy_policy.copy' },
      { actions: ['no-op'] as const, address: 'lifeboat_backup.c' },
    ];
    expect(countChanges(moves)).toEqual({ add: 0, change: 1, destroy: 0, read: 0, replace: 0, move: 2 });
    expect(hasChanges(countChanges(moves.slice(0, 1)))).toBe(true);
  });
});
