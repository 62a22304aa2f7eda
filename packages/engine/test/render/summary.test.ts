import { describe, expect, it } from 'vitest';
import type { ChangeActions } from '../../src/plan/types.js';
import { countChanges, hasChanges } from '../../src/render/index.js';

const of = (...all: ChangeActions[]) => all.map((actions) => ({ actions }));

describe('countChanges', () => {
  it('counts a replacement, either way round, as one add and one destroy, and also as a replace', () => {
    expect(countChanges(of(['delete', 'create'], ['create', 'delete']))).toEqual({ add: 2, change: 0, destroy: 2, read: 0, replace: 2 });
  });

  it('counts creates, updates, deletes and reads, and ignores no-ops', () => {
    expect(countChanges(of(['create'], ['update'], ['update'], ['delete'], ['read'], ['no-op']))).toEqual({ add: 1, change: 2, destroy: 1, read: 1, replace: 0 });
  });

  it('says whether anything happens: a read during apply counts, no-ops do not', () => {
    expect(hasChanges(countChanges(of(['no-op'], ['no-op'])))).toBe(false);
    expect(hasChanges(countChanges(of(['read'])))).toBe(true);
  });
});
