import { describe, expect, it } from 'vitest';
import { checkInstanceValues, configurationFromJson, configurationToJson, loadConfiguration, type ResourceBlock } from '../../src/config/index.js';
import { evaluate, unknown, type JsonValue } from '../../src/expressions/index.js';
import { configOf, fixture, scopeOf } from './helpers.js';

function blockOf(body: JsonValue): ResourceBlock {
  const block = configOf({ resource: { lifeboat_backup_policy: { nightly: body } } }).configuration.resources[0];
  if (block === undefined) throw new Error('no block');
  return block;
}

describe('checkInstanceValues', () => {
  const block = blockOf({
    '//': { metadata: { path: 'app/nightly' } },
    for_each: '${toset(var.clusters)}',
    cluster_id: '${each.value}',
    frequency: 'daily',
    start_time: '${var.window}',
    retention_days: '${var.days}',
  });
  const check = (values: Record<string, JsonValue | typeof unknown>) =>
    checkInstanceValues({ block, address: 'lifeboat_backup_policy.nightly["in01-a"]', values: evaluate(block.body, scopeOf({ 'each.value': 'in01-a', ...values })) as Record<string, never> });

  it('converts evaluated values to the attribute types, so the diff compares like with like', () => {
    const { values, diagnostics } = check({ 'var.window': '02:00-04:00', 'var.days': '14' });

    expect(diagnostics).toEqual([]);
    expect(values).toEqual({ cluster_id: 'in01-a', frequency: 'daily', start_time: '02:00-04:00', retention_days: 14 });
  });

  it('checks what came from expressions against the attribute rules, naming the instance', () => {
    const { diagnostics } = check({ 'var.window': '2am', 'var.days': 45 });

    expect(diagnostics.map((d) => [d.summary, d.address, d.constructPath, d.attribute])).toEqual([
      ['Invalid value', 'lifeboat_backup_policy.nightly["in01-a"]', 'app/nightly', 'start_time'],
      ['Invalid value', 'lifeboat_backup_policy.nightly["in01-a"]', 'app/nightly', 'retention_days'],
    ]);
    expect(diagnostics[1]?.detail).toMatch(/^retention_days must be .*\(got 45\) in lifeboat_backup_policy\.nightly\["in01-a"\] \(app\/nightly\)\.$/);
  });

  it('reports a type mismatch with the expression it came from', () => {
    const { diagnostics } = check({ 'var.window': '02:00-04:00', 'var.days': 'two weeks' });

    expect(diagnostics.map((d) => d.detail)).toEqual(['retention_days must be a number (got "two weeks") in lifeboat_backup_policy.nightly["in01-a"] (app/nightly) (from "${var.days}").']);
  });

  it('reports a required argument whose expression evaluated to null', () => {
    const required = blockOf({ cluster_id: '${var.cluster}', frequency: 'daily', start_time: '02:00-04:00', retention_days: 7 });

    const { diagnostics } = checkInstanceValues({ block: required, values: evaluate(required.body, scopeOf({ 'var.cluster': null })) as Record<string, never> });

    expect(diagnostics.map((d) => [d.summary, d.detail])).toEqual([
      ['Missing required argument', 'The argument "cluster_id" is required in lifeboat_backup_policy.nightly, but its expression "${var.cluster}" evaluated to null. Give it a value.'],
    ]);
  });

  it('leaves unknown values for apply, and runs cross-argument rules once all is known', () => {
    expect(check({ 'var.window': unknown, 'var.days': unknown }).diagnostics).toEqual([]);

    const { diagnostics } = check({ 'var.window': null, 'var.days': 7 });
    expect(diagnostics.map((d) => [d.summary, d.attribute])).toEqual([['Invalid combination of arguments', 'start_time']]);
  });

  it('does not repeat problems with literal arguments, which validateConfiguration reports', () => {
    const literal = blockOf({ cluster_id: '${var.cluster}', frequency: 'daily', start_time: '02:00-04:00', retention_days: 45 });

    const { values, diagnostics } = checkInstanceValues({ block: literal, values: evaluate(literal.body, scopeOf({ 'var.cluster': 'in01-a' })) as Record<string, never> });

    expect(diagnostics).toEqual([]);
    expect(values.retention_days).toBe(45);
  });
});

describe('configurationToJson', () => {
  it('survives JSON and comes back equal, maps and all', async () => {
    const { configuration } = await loadConfiguration({ dir: fixture('cdktf-app'), stack: 'primary' });

    const restored = configurationFromJson(JSON.parse(JSON.stringify(configurationToJson(configuration))));

    expect(restored).toEqual(configuration);
    expect(restored.variables.get('clusters')?.type).toBe('list(string)');
  });
});
