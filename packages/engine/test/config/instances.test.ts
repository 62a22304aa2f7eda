import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandInstances, instanceAddress } from '../../src/config/index.js';
import { unknown } from '../../src/expressions/index.js';
import { scopeOf } from './helpers.js';

const none = scopeOf({});

describe('expandInstances', () => {
  it('gives a block without count or for_each one instance without a key', () => {
    expect(expandInstances({ address: 'lifeboat_backup.b' }, none)).toEqual({ instances: [{ address: 'lifeboat_backup.b' }], diagnostics: [] });
  });

  it('refuses a count beyond 100,000 instances with a diagnostic instead of listing them', () => {
    const started = performance.now();
    const { instances, diagnostics } = expandInstances({ address: 'lifeboat_backup.b', count: 9007199254740991 }, scopeOf({}));
    expect(instances).toEqual([]);
    expect(diagnostics).toMatchObject([{ severity: 'error', summary: 'Invalid count argument' }]);
    expect(diagnostics[0]?.detail).toContain('at most 100,000 instances');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('numbers count instances from 0', () => {
    const { instances, diagnostics } = expandInstances({ address: 'lifeboat_backup.b', count: '${length(var.clusters)}' }, scopeOf({ 'var.clusters': ['a', 'b', 'c'] }));

    expect(diagnostics).toEqual([]);
    expect(instances).toEqual([
      { address: 'lifeboat_backup.b[0]', key: 0, countIndex: 0 },
      { address: 'lifeboat_backup.b[1]', key: 1, countIndex: 1 },
      { address: 'lifeboat_backup.b[2]', key: 2, countIndex: 2 },
    ]);
  });

  it('accepts count 0 and a count written as a string', () => {
    expect(expandInstances({ address: 'x.y', count: 0 }, none).instances).toEqual([]);
    expect(expandInstances({ address: 'x.y', count: '${var.n}' }, scopeOf({ 'var.n': '2' })).instances.map((i) => i.key)).toEqual([0, 1]);
  });

  it.each([
    [-1, 'got -1'],
    [2.5, 'got 2.5'],
    [null, 'got null'],
    [['a'], 'got a list'],
    ['three', 'got "three"'],
  ])('refuses count = %j', (value, got) => {
    const { instances, diagnostics } = expandInstances({ address: 'lifeboat_backup.b', constructPath: 'app/b', count: '${var.n}' }, scopeOf({ 'var.n': value }));

    expect(instances).toEqual([]);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        summary: 'Invalid count argument',
        detail: `count of lifeboat_backup.b (app/b) must be a whole number ≥ 0 (${got}); for one instance per element of a list, use for_each = toset(…) instead.`,
        address: 'lifeboat_backup.b',
        constructPath: 'app/b',
        attribute: 'count',
      },
    ]);
  });

  it('refuses a count known only after apply and says to use -target', () => {
    const { instances, diagnostics } = expandInstances({ address: 'lifeboat_backup.b', count: '${length(lifeboat_backup.a.copy_regions)}' }, scopeOf({ 'lifeboat_backup.a': unknown }));

    expect(instances).toEqual([]);
    expect(diagnostics.map((d) => [d.summary, d.detail])).toEqual([
      [
        'Invalid count argument',
        'count of lifeboat_backup.b depends on values known only after apply, so the number of instances cannot be planned; use -target first to apply the resources it depends on, then plan again.',
      ],
    ]);
  });

  it('keys for_each over toset(list) by the strings, each.value being the string', () => {
    const { instances, diagnostics } = expandInstances({ address: 'lifeboat_copy_policy.dr', forEach: '${toset(var.clusters)}' }, scopeOf({ 'var.clusters': ['in01-b', 'in01-a', 'in01-b'] }));

    expect(diagnostics).toEqual([]);
    expect(instances).toEqual([
      { address: 'lifeboat_copy_policy.dr["in01-a"]', key: 'in01-a', each: { key: 'in01-a', value: 'in01-a' } },
      { address: 'lifeboat_copy_policy.dr["in01-b"]', key: 'in01-b', each: { key: 'in01-b', value: 'in01-b' } },
    ]);
  });

  it('keys for_each over a map by its keys in lexical order, each.value being the value (unknown values allowed)', () => {
    const { instances } = expandInstances(
      { address: 'lifeboat_collection_restore.t', forEach: '${var.tables}' },
      scopeOf({ 'var.tables': { orders: { dest: 'orders_2' }, '10': { dest: 'x' }, customers: { dest: unknown } } }),
    );

    expect(instances.map((instance) => [instance.address, instance.each?.value])).toEqual([
      ['lifeboat_collection_restore.t["10"]', { dest: 'x' }],
      ['lifeboat_collection_restore.t["customers"]', { dest: unknown }],
      ['lifeboat_collection_restore.t["orders"]', { dest: 'orders_2' }],
    ]);
  });

  it('accepts a literal map as for_each', () => {
    const { instances } = expandInstances({ address: 'x.y', forEach: { 'local-2': 7, 'local-3': 30 } }, none);

    expect(instances.map((instance) => instance.each)).toEqual([
      { key: 'local-2', value: 7 },
      { key: 'local-3', value: 30 },
    ]);
  });

  it('refuses for_each known only after apply, wholly or in a key', () => {
    for (const value of [unknown, ['a', unknown]]) {
      const { diagnostics } = expandInstances({ address: 'lifeboat_backup.b', forEach: '${var.x}' }, scopeOf({ 'var.x': value }));
      expect(diagnostics.map((d) => d.detail)).toEqual([
        'for_each of lifeboat_backup.b depends on values known only after apply, so the number of instances cannot be planned; use -target first to apply the resources it depends on, then plan again.',
      ]);
    }
  });

  it('refuses for_each over something that is not a map or a set of strings', () => {
    const details = [['a', 1], 'in01-a', null].map((value) => expandInstances({ address: 'lifeboat_backup.b', forEach: '${var.x}' }, scopeOf({ 'var.x': value })).diagnostics[0]?.detail);

    expect(details).toEqual([
      'for_each of lifeboat_backup.b must be a map or a set of strings; element 1 is the number 1. Give strings, e.g. toset(["a", "b"]), or a map.',
      'for_each of lifeboat_backup.b must be a map or a set of strings; got the string "in01-a". Wrap a list in toset(…), or give a map.',
      'for_each of lifeboat_backup.b must be a map or a set of strings; got null. Wrap a list in toset(…), or give a map.',
    ]);
  });

  it('turns evaluation errors into diagnostics', () => {
    const { diagnostics } = expandInstances({ address: 'lifeboat_backup.b', forEach: '${lookup(var.m, "x")}' }, scopeOf({ 'var.m': {} }));

    expect(diagnostics.map((d) => [d.summary, d.attribute])).toEqual([['Invalid for_each argument', 'for_each']]);
    expect(diagnostics[0]?.detail).toMatch(/^for_each of lifeboat_backup\.b cannot be evaluated: /);
  });

  it('refuses count together with for_each', () => {
    expect(expandInstances({ address: 'x.y', count: 1, forEach: ['a'] }, none).diagnostics.map((d) => d.summary)).toEqual(['Invalid combination of "count" and "for_each"']);
  });
});

describe('instanceAddress', () => {
  it('formats keys as Terraform does', () => {
    expect(instanceAddress('lifeboat_backup.b')).toBe('lifeboat_backup.b');
    expect(instanceAddress('lifeboat_backup.b', 0)).toBe('lifeboat_backup.b[0]');
    expect(instanceAddress('data.lifeboat_cluster.c', 'in01-a')).toBe('data.lifeboat_cluster.c["in01-a"]');
    expect(instanceAddress('lifeboat_backup.b', 'eu "west"\\1')).toBe('lifeboat_backup.b["eu \\"west\\"\\\\1"]');
  });

  it('writes every string key so that it reads back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (key) => {
        const address = instanceAddress('lifeboat_backup.b', key);
        expect(JSON.parse(address.slice('lifeboat_backup.b['.length, -1))).toBe(key);
      }),
    );
  });
});
