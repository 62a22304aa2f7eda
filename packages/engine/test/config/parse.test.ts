import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/config/duration.js';
import { parseJsonText } from '../../src/config/json-file.js';
import { brief, configOf } from './helpers.js';

describe('parseDocument', () => {
  it('separates meta-arguments from attributes and fills lifecycle defaults', () => {
    const { configuration, diagnostics } = configOf({
      resource: {
        lifeboat_backup: {
          b: {
            '//': { metadata: { path: 'app/b', uniqueId: 'b' } },
            cluster_id: 'in01-a1',
            count: '${length(var.ids)}',
            provider: '${lifeboat.dr}',
            timeouts: { create: '30m', delete: '90s' },
          },
        },
      },
    });

    expect(diagnostics).toEqual([]);
    expect(configuration.resources[0]).toEqual({
      mode: 'managed',
      type: 'lifeboat_backup',
      name: 'b',
      address: 'lifeboat_backup.b',
      body: { cluster_id: 'in01-a1' },
      count: '${length(var.ids)}',
      dependsOn: [],
      lifecycle: { preventDestroy: false, ignoreChanges: [], createBeforeDestroy: false, replaceTriggeredBy: [] },
      timeouts: { create: 1_800_000, delete: 90_000 },
      provider: 'lifeboat.dr',
      constructPath: 'app/b',
      uniqueId: 'b',
      file: 'main.tf.json',
    });
  });

  it('reads blocks written as lists of objects, as some generators write them', () => {
    const { configuration, diagnostics } = configOf({
      resource: [{ lifeboat_backup: [{ a: [{ cluster_id: 'x', lifecycle: [{ ignore_changes: 'all' }] }] }] }, { lifeboat_backup: { b: { cluster_id: 'y' } } }],
      output: { id: [{ value: '${lifeboat_backup.a.id}', sensitive: false }] },
      import: { to: 'lifeboat_backup.a', id: 'in01/b1' },
    });

    expect(diagnostics).toEqual([]);
    expect(configuration.resources.map((block) => block.address)).toEqual(['lifeboat_backup.a', 'lifeboat_backup.b']);
    expect(configuration.resources[0]?.lifecycle.ignoreChanges).toBe('all');
    expect(configuration.outputs.get('id')).toMatchObject({ value: '${lifeboat_backup.a.id}', sensitive: false });
    expect(configuration.imports).toEqual([{ to: 'lifeboat_backup.a', id: 'in01/b1', file: 'main.tf.json' }]);
  });

  it('reports a block declared twice in one file', () => {
    const { diagnostics } = configOf({ resource: [{ lifeboat_backup: { a: { cluster_id: 'x' } } }, { lifeboat_backup: { a: { cluster_id: 'y' } } }] });

    expect(diagnostics.map((d) => d.detail)).toEqual([
      'lifeboat_backup.a is declared twice in main.tf.json. A resource name must be unique per type across all files; rename or remove one of them.',
    ]);
  });

  it('warns about unknown top-level keys with a suggestion, and refuses modules', () => {
    const { diagnostics } = configOf({ resources: {}, module: { net: { source: './net' } } });

    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        summary: 'Unsupported block type',
        detail: 'main.tf.json has a top-level "resources", which Lifeboat ignores. Did you mean "resource"? It reads resource, data, output, locals, variable, provider, terraform, import, moved.',
        file: 'main.tf.json',
      },
      {
        severity: 'error',
        summary: 'Modules are not supported',
        detail: 'main.tf.json declares module blocks; Lifeboat plans flat configurations (CDKTF stacks) only. Declare the resources directly, or use constructs instead of modules.',
        file: 'main.tf.json',
      },
    ]);
  });

  it('collects every problem of a block: lifecycle, timeouts, depends_on and provisioners', () => {
    const { configuration, diagnostics } = configOf({
      resource: {
        lifeboat_backup: {
          b: {
            '//': { metadata: { path: 'app/b' } },
            cluster_id: 'x',
            depends_on: 'lifeboat_backup.a',
            lifecycle: { prevent_destroy: '${var.protect}', ignore_change: ['tags'] },
            timeouts: { create: '30 minutes', updat: '1h' },
            provisioner: { 'local-exec': { command: 'echo hi' } },
          },
        },
      },
    });

    expect(brief(diagnostics)).toEqual([
      { severity: 'error', summary: 'Invalid depends_on', address: 'lifeboat_backup.b', attribute: 'depends_on' },
      { severity: 'error', summary: 'Invalid lifecycle value', address: 'lifeboat_backup.b', attribute: 'lifecycle.prevent_destroy' },
      { severity: 'error', summary: 'Unsupported argument', address: 'lifeboat_backup.b', attribute: 'lifecycle.ignore_change' },
      { severity: 'error', summary: 'Invalid timeout', address: 'lifeboat_backup.b', attribute: 'timeouts.create' },
      { severity: 'error', summary: 'Unsupported argument', address: 'lifeboat_backup.b', attribute: 'timeouts.updat' },
      { severity: 'error', summary: 'Unsupported block type', address: 'lifeboat_backup.b', attribute: 'provisioner' },
    ]);
    expect(diagnostics.map((d) => d.detail)).toEqual([
      'depends_on in lifeboat_backup.b (app/b) must be a list of resource addresses such as ["lifeboat_backup_policy.nightly"] (got "lifeboat_backup.a").',
      'lifecycle.prevent_destroy in lifeboat_backup.b (app/b) must be true or false, written literally (got "${var.protect}"); lifecycle settings cannot come from expressions.',
      'lifecycle in lifeboat_backup.b (app/b) has no argument "ignore_change". Did you mean "ignore_changes"? The arguments are prevent_destroy, ignore_changes, create_before_destroy, replace_triggered_by.',
      'timeouts.create in lifeboat_backup.b (app/b) must be a duration such as "30m", "1h30m" or "90s" (got "30 minutes").',
      'timeouts in lifeboat_backup.b (app/b) has no argument "updat". Did you mean "update"? The arguments are create, read, update, delete.',
      'lifeboat_backup.b (app/b) has a provisioner block; Lifeboat does not run provisioners. Remove it and run the commands from your pipeline after apply instead.',
    ]);
    // The block is still there, so its attributes get validated too.
    expect(configuration.resources.map((block) => block.address)).toEqual(['lifeboat_backup.b']);
  });

  it('refuses managed-only lifecycle settings on a data source', () => {
    const { diagnostics } = configOf({ data: { lifeboat_cluster: { c: { cluster_id: 'x', lifecycle: { prevent_destroy: true } } } } });

    expect(diagnostics.map((d) => d.detail)).toEqual(['lifecycle.prevent_destroy is for managed resources; data sources are only read, so remove it from data.lifeboat_cluster.c.']);
  });

  it('reads variables with CDKTF type strings and keeps null defaults apart from no default', () => {
    const { configuration, diagnostics } = configOf({
      variable: {
        clusters: { type: 'list(string)', description: 'ids', sensitive: false },
        note: { type: '${string}', default: null, nullable: true },
        bad: { type: 'string', defualt: 'x' },
      },
    });

    expect(configuration.variables.get('clusters')).toEqual({ name: 'clusters', type: 'list(string)', description: 'ids', sensitive: false, file: 'main.tf.json' });
    expect(configuration.variables.get('note')).toEqual({ name: 'note', type: 'string', default: null, nullable: true, file: 'main.tf.json' });
    expect(diagnostics.map((d) => d.detail)).toEqual(['An argument named "defualt" is not expected in var.bad. Did you mean "default"? A variable block takes type, default, description, sensitive, nullable, validation, ephemeral.']);
  });

  it('requires a value in outputs and an id in imports', () => {
    const { diagnostics } = configOf({ output: { id: { description: 'x' } }, import: [{ to: 'lifeboat_backup.a' }], moved: [{ from: 'lifeboat_backup.a' }] });

    expect(brief(diagnostics)).toEqual([
      { severity: 'error', summary: 'Missing required argument', address: 'output.id', attribute: 'value' },
      { severity: 'error', summary: 'Invalid import block', address: 'lifeboat_backup.a' },
      { severity: 'error', summary: 'Invalid moved block' },
    ]);
  });

  it('refuses invalid resource names', () => {
    const { diagnostics } = configOf({ resource: { lifeboat_backup: { '1st': { cluster_id: 'x' } } } });

    expect(diagnostics.map((d) => d.detail)).toEqual([
      '"1st" in lifeboat_backup.1st is not a valid name: a name starts with a letter or underscore and holds only letters, digits, underscores and dashes.',
    ]);
  });
});

describe('parseJsonText', () => {
  it.each([
    ['{\n  "a": 1,\n  "b": }', 3, 8, 'expected a value (a string in double quotes, a number, true, false, null, an object or a list) but found "}"'],
    ['{ "a": 1', 1, 9, 'expected "," or "}" after a property value but found the end of the file'],
    ['{ "a" 1 }', 1, 7, 'expected ":" after the property name but found "1"'],
    ['[1, 2,]', 1, 7, 'expected another value after "," (JSON allows no trailing comma) but found "]"'],
    ['{ "a": "x\ny" }', 1, 10, 'a control character (such as a line break) inside a string must be escaped, e.g. \\n'],
    ["{ 'a': 1 }", 1, 3, 'expected a property name in double quotes but found "\'"'],
    ['{} x', 1, 4, 'expected the end of the file after the top-level value but found "x"'],
    ['', 1, 1, 'expected a value (a string in double quotes, a number, true, false, null, an object or a list) but found the end of the file'],
  ])('locates the error in %j', (text, line, column, message) => {
    const result = parseJsonText(text, 'x.tf.json');

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic).toMatchObject({ line, column, file: 'x.tf.json' });
    expect(result.diagnostic.detail).toBe(`x.tf.json line ${line}, column ${column}: ${message}. Fix the file (or run the synth again if it was generated) and retry.`);
  });

  it('refuses a file nested deeper than any configuration needs with a diagnostic, not a stack overflow', () => {
    const deep = `{"locals":{"x":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`;
    const result = parseJsonText(deep, 'deep.tf.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic).toMatchObject({ severity: 'error', summary: 'Configuration nested too deeply', file: 'deep.tf.json' });
    // Realistic depth is fine.
    expect(parseJsonText(`{"locals":{"x":${'['.repeat(200)}${']'.repeat(200)}}}`, 'ok.tf.json').ok).toBe(true);
  });

  it('finds no error in anything JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseJsonText(JSON.stringify(value, null, 2), 'x.json');
        expect(result.ok).toBe(true);
      }),
    );
  });
});

describe('parseDuration', () => {
  it.each([
    ['30m', 1_800_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    ['2h45m30s', 9_930_000],
    ['0', 0],
    ['1500us', 2],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '30', 'm', '30 m', '-5m', '1d', '1h 30m', 'h1'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('adds up its parts', () => {
    fc.assert(
      fc.property(fc.nat(48), fc.nat(59), fc.nat(59), (h, m, s) => {
        expect(parseDuration(`${h}h${m}m${s}s`)).toBe(((h * 60 + m) * 60 + s) * 1000);
      }),
    );
  });
});
