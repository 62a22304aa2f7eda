import { describe, expect, it } from 'vitest';
import { hasFlag, normalizeArgs } from '../../src/runtime/args.js';

describe('normalizeArgs', () => {
  it('reads Terraform single-dash long flags as double-dash ones', () => {
    expect(normalizeArgs(['apply', '-auto-approve', '-var', 'a=1', '-refresh=false', '-parallelism=3', '-json'])).toEqual([
      'apply',
      '--auto-approve',
      '--var',
      'a=1',
      '--refresh=false',
      '--parallelism=3',
      '--json',
    ]);
  });

  it('leaves short flags, double-dash flags, values and everything after -- alone', () => {
    expect(normalizeArgs(['-h', '--json', '-5', 'lifeboat_backup.b', '--', '-weird'])).toEqual(['-h', '--json', '-5', 'lifeboat_backup.b', '--', '-weird']);
  });
});

describe('hasFlag', () => {
  it('finds a flag only before --', () => {
    expect(hasFlag(['plan', '--no-color'], '--no-color')).toBe(true);
    expect(hasFlag(['plan', '--', '--no-color'], '--no-color')).toBe(false);
  });
});
