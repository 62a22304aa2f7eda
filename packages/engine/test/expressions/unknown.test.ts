import { describe, expect, it } from 'vitest';
import { afterUnknown, containsUnknown, evaluate, evaluateTemplate, isUnknown, omitUnknowns, unknown, unknownPaths, type Value } from '../../src/expressions/index.js';
import { scopeOf } from './scope.js';

const scope = scopeOf({
  // A backup the plan will create: its id is known only after apply.
  'lifeboat_backup.new': { name: 'before-migration', backup_id: unknown, tags: { team: 'db' } },
  'lifeboat_backup.many': unknown,
  'var.list': ['a', unknown, 'c'],
  'var.map': { known: 'k', later: unknown },
  'var.name': 'n',
  'var.flag': unknown,
  'var.key': unknown,
});
const run = (text: string): Value => evaluateTemplate(text, scope);

describe('unknown values', () => {
  it('is recognised by isUnknown and nothing else is', () => {
    expect(isUnknown(unknown)).toBe(true);
    for (const value of [null, undefined, {}, [], 'unknown', 0, { unknown: true }]) expect(isUnknown(value)).toBe(false);
  });

  it('is recognised across copies of the package', () => {
    expect(isUnknown({ [Symbol.for('@lifeboat/engine.unknown')]: true })).toBe(true);
  });

  it('refuses to be serialised, so it never reaches state or a request body', () => {
    expect(() => JSON.stringify({ id: unknown })).toThrow(/cannot be serialised; use unknownPaths\(\)/);
    expect(String(unknown)).toBe('(known after apply)');
  });

  it('propagates through a reference and the steps after it', () => {
    expect(isUnknown(run('${lifeboat_backup.new.backup_id}'))).toBe(true);
    expect(isUnknown(run('${lifeboat_backup.many[0].backup_id}'))).toBe(true);
    expect(isUnknown(run('${lifeboat_backup.many["k"].whatever.deep}'))).toBe(true);
    expect(run('${lifeboat_backup.new.tags.team}')).toBe('db');
  });

  it('makes an index with an unknown key unknown', () => {
    expect(isUnknown(run('${var.map[var.key]}'))).toBe(true);
  });

  it('makes a template unknown when any part is', () => {
    expect(isUnknown(run('backup-${lifeboat_backup.new.backup_id}'))).toBe(true);
    expect(run('backup-${lifeboat_backup.new.name}')).toBe('backup-before-migration');
  });

  it('still reports errors in the other parts of a template', () => {
    expect(() => run('${lifeboat_backup.new.backup_id}-${lifeboat_backup.new.nope}')).toThrow(/has no attribute "nope"/);
  });

  it('makes a function with an unknown argument unknown', () => {
    for (const text of [
      '${length(var.flag)}',
      '${join(",", var.flag)}',
      '${join(var.flag, ["a"])}',
      '${format("%s", var.flag)}',
      '${format(var.flag, 1)}',
      '${toset(var.flag)}',
      '${tolist(var.flag)}',
      '${tomap(var.flag)}',
      '${lookup(var.flag, "a")}',
      '${lookup(var.map, var.key)}',
      '${element(var.flag, 0)}',
      '${element(["a"], var.flag)}',
      '${concat(["a"], var.flag)}',
      '${merge({a = 1}, var.flag)}',
      '${concat(var.flag...)}',
    ]) {
      expect(isUnknown(run(text)), text).toBe(true);
    }
  });

  it('keeps unknown elements in place where a function only moves them (documented exceptions)', () => {
    expect(run('${length(var.list)}')).toBe(3);
    expect(run('${element(var.list, 2)}')).toBe('c');
    expect(isUnknown(run('${element(var.list, 1)}'))).toBe(true);
    expect(run('${lookup(var.map, "known")}')).toBe('k');
    expect(run('${concat(var.list, ["d"])}')).toEqual(['a', unknown, 'c', 'd']);
    expect(run('${merge(var.map, {x = 1})}')).toEqual({ known: 'k', later: unknown, x: 1 });
    expect(run('${tolist(var.list)}')).toEqual(['a', unknown, 'c']);
    expect(run('${tomap(var.map)}')).toEqual({ known: 'k', later: unknown });
  });

  it('ignores an unknown default that lookup does not need', () => {
    expect(run('${lookup(var.map, "known", var.flag)}')).toBe('k');
    expect(isUnknown(run('${lookup(var.map, "missing", var.flag)}'))).toBe(true);
  });

  it('is unknown where a function must read an unknown element', () => {
    expect(isUnknown(run('${join(",", var.list)}'))).toBe(true);
    expect(isUnknown(run('${toset(var.list)}'))).toBe(true);
    expect(isUnknown(run('${format("%v", var.list)}'))).toBe(true);
  });

  it('makes a conditional on an unknown condition, and equality with an unknown inside, unknown', () => {
    expect(isUnknown(run('${var.flag ? "a" : "b"}'))).toBe(true);
    expect(isUnknown(run('${var.list == ["a", "b", "c"]}'))).toBe(true);
    expect(run('${var.flag == null ? "a" : "b"}')).toEqual(unknown);
  });

  it('makes an object literal with an unknown key unknown, and keeps unknown values in place', () => {
    expect(isUnknown(run('${{(var.key) = 1}}'))).toBe(true);
    expect(run('${{id = lifeboat_backup.new.backup_id, n = var.name}}')).toEqual({ id: unknown, n: 'n' });
  });

  it('stays in place inside evaluated JSON so the planner can report after_unknown', () => {
    const after = evaluate(
      {
        name: 'copy-${var.name}',
        source_backup_id: '${lifeboat_backup.new.backup_id}',
        labels: ['${var.name}', 'id-${lifeboat_backup.new.backup_id}'],
        nested: { list: '${var.list}' },
      },
      scope,
    );
    expect(after).toEqual({ name: 'copy-n', source_backup_id: unknown, labels: ['n', unknown], nested: { list: ['a', unknown, 'c'] } });
    expect(containsUnknown(after)).toBe(true);
    expect(unknownPaths(after)).toEqual([['source_backup_id'], ['labels', 1], ['nested', 'list', 1]]);
    expect(afterUnknown(after)).toEqual({ source_backup_id: true, labels: [false, true], nested: { list: [false, true, false] } });
    expect(omitUnknowns(after)).toEqual({ name: 'copy-n', labels: ['n', null], nested: { list: ['a', null, 'c'] } });
  });

  it('describes a wholly unknown value and a fully known one', () => {
    expect(unknownPaths(unknown)).toEqual([[]]);
    expect(afterUnknown(unknown)).toBe(true);
    expect(omitUnknowns(unknown)).toBeUndefined();
    expect(unknownPaths({ a: [1] })).toEqual([]);
    expect(afterUnknown({ a: 1, b: { c: 2 }, d: [] })).toEqual({ b: {}, d: [] });
    expect(containsUnknown({ a: [1, { b: null }] })).toBe(false);
  });
});
