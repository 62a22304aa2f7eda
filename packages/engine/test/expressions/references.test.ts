import { describe, expect, it } from 'vitest';
import { ExpressionError, referencesOf } from '../../src/expressions/index.js';

describe('referencesOf', () => {
  it('finds a resource attribute reference', () => {
    expect(referencesOf('${lifeboat_backup_policy.nightly.cluster_id}')).toEqual([
      { root: 'resource', address: 'lifeboat_backup_policy.nightly', attribute: 'cluster_id', text: 'lifeboat_backup_policy.nightly.cluster_id', jsonPath: [] },
    ]);
  });

  it('names every root kind with its address', () => {
    const found = referencesOf([
      '${data.lifeboat_latest_backup.dr.backup_id}',
      '${var.name}',
      '${local.ids}',
      '${module.network.vpc_id}',
      '${each.value.id}',
      '${each.key}',
      '${count.index}',
      '${path.module}',
      '${self.id}',
      '${terraform.workspace}',
    ]);
    expect(found.map(({ root, address, attribute }) => ({ root, address, attribute }))).toEqual([
      { root: 'data', address: 'data.lifeboat_latest_backup.dr', attribute: 'backup_id' },
      { root: 'var', address: 'var.name', attribute: undefined },
      { root: 'local', address: 'local.ids', attribute: undefined },
      { root: 'module', address: 'module.network', attribute: 'vpc_id' },
      { root: 'each', address: 'each.value', attribute: 'id' },
      { root: 'each', address: 'each.key', attribute: undefined },
      { root: 'count', address: 'count.index', attribute: undefined },
      { root: 'path', address: 'path.module', attribute: undefined },
      { root: 'self', address: 'self', attribute: 'id' },
      { root: 'terraform', address: 'terraform.workspace', attribute: undefined },
    ]);
  });

  it('records a literal instance key and the attribute after it', () => {
    expect(referencesOf('${lifeboat_backup.b["x"].backup_id}')).toEqual([
      { root: 'resource', address: 'lifeboat_backup.b', instanceKey: 'x', attribute: 'backup_id', text: 'lifeboat_backup.b["x"].backup_id', jsonPath: [] },
    ]);
    expect(referencesOf('${lifeboat_backup.b[0].backup_id}')[0]).toMatchObject({ instanceKey: 0, attribute: 'backup_id' });
    expect(referencesOf('${lifeboat_backup.b.0.backup_id}')[0]).toMatchObject({ instanceKey: 0, attribute: 'backup_id' });
  });

  it('finds the references inside a dynamic instance key too', () => {
    const found = referencesOf('${lifeboat_backup.b[each.key].backup_id}');
    expect(found).toEqual([
      { root: 'resource', address: 'lifeboat_backup.b', attribute: 'backup_id', text: 'lifeboat_backup.b[each.key].backup_id', jsonPath: [] },
      { root: 'each', address: 'each.key', text: 'each.key', jsonPath: [] },
    ]);
  });

  it('does not take index steps on variables for attributes', () => {
    expect(referencesOf('${var.map["k"]}')).toEqual([{ root: 'var', address: 'var.map', text: 'var.map["k"]', jsonPath: [] }]);
    expect(referencesOf('${local.list[0].name}')[0]).toMatchObject({ address: 'local.list' });
    expect(referencesOf('${local.list[0].name}')[0]).not.toHaveProperty('attribute');
  });

  it('walks nested JSON, function arguments, object and list literals, conditionals and quoted templates', () => {
    const config = {
      resource: {
        lifeboat_restore: {
          dr: {
            source_backup_id: '${data.lifeboat_latest_backup.dr.backup_id}',
            tags: {
              merged: '${merge(local.base_tags, {owner = var.owner, ids = [lifeboat_cluster.main.id]})}',
              name: 'restore-${format("%s-%02d", var.name, count.index)}',
            },
            targets: ['${element(local.ids, 0)}', 42, null, { deep: ['${var.env == "prod" ? var.big : var.small}'] }],
            note: '${join(",", ["x-${var.suffix}"])}',
          },
        },
      },
    };
    const found = referencesOf(config);
    expect(found.map((reference) => [reference.address, reference.jsonPath.join('/')])).toEqual([
      ['data.lifeboat_latest_backup.dr', 'resource/lifeboat_restore/dr/source_backup_id'],
      ['local.base_tags', 'resource/lifeboat_restore/dr/tags/merged'],
      ['var.owner', 'resource/lifeboat_restore/dr/tags/merged'],
      ['lifeboat_cluster.main', 'resource/lifeboat_restore/dr/tags/merged'],
      ['var.name', 'resource/lifeboat_restore/dr/tags/name'],
      ['count.index', 'resource/lifeboat_restore/dr/tags/name'],
      ['local.ids', 'resource/lifeboat_restore/dr/targets/0'],
      ['var.env', 'resource/lifeboat_restore/dr/targets/3/deep/0'],
      ['var.big', 'resource/lifeboat_restore/dr/targets/3/deep/0'],
      ['var.small', 'resource/lifeboat_restore/dr/targets/3/deep/0'],
      ['var.suffix', 'resource/lifeboat_restore/dr/note'],
    ]);
  });

  it('finds references in JSON object keys', () => {
    expect(referencesOf({ tags: { '${var.key}': 'v' } })).toEqual([{ root: 'var', address: 'var.key', text: 'var.key', jsonPath: ['tags', '${var.key}'] }]);
  });

  it('keeps duplicates, in document order', () => {
    expect(referencesOf('${var.a}-${var.a}').map((reference) => reference.address)).toEqual(['var.a', 'var.a']);
  });

  it('treats a bare object key as a name, not a reference', () => {
    expect(referencesOf('${{owner = 1}}')).toEqual([]);
    expect(referencesOf('${{(var.k) = 1}}').map((reference) => reference.address)).toEqual(['var.k']);
  });

  it('finds nothing in literal strings, escapes and non-strings', () => {
    expect(referencesOf({ a: 'plain', b: '$${var.x}', c: 1, d: [true, null] })).toEqual([]);
  });

  it('throws the first problem with its place in the JSON tree', () => {
    let error: unknown;
    try {
      referencesOf({ ok: '${var.a}', bad: ['${var.}'] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExpressionError);
    expect(error).toMatchObject({ code: 'syntax', jsonPath: ['bad', 0] });
    expect(() => referencesOf('${count.value}')).toThrow(/"count" has only count.index/);
  });
});
