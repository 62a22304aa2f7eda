import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoVarFiles, loadConfiguration, parseTfvars, parseVarFlag, resolveVariables } from '../../src/config/index.js';
import { brief, configOf, fixture, tempDir } from './helpers.js';

const declared = configOf({
  variable: {
    retention_days: { type: 'number', default: 7 },
    region: { type: 'string', default: 'local-1' },
    enabled: { type: 'bool', default: true },
    clusters: { type: 'list(string)', default: [] },
    labels: { type: 'map(string)', default: {} },
    zones: { type: 'set(string)', default: [] },
    anything: { default: 'x' },
  },
}).configuration;

describe('resolveVariables: precedence', () => {
  it('takes defaults, then TF_VAR_, then var files in order, then -var in order', async () => {
    const dir = await tempDir({
      'first.tfvars': 'region = "local-2"\nretention_days = 10\nenabled = false\n',
      'second.tfvars.json': JSON.stringify({ region: 'local-3', clusters: ['in01-a'] }),
    });

    const { values, sources, diagnostics } = await resolveVariables(declared, {
      env: { TF_VAR_region: 'local-9', TF_VAR_retention_days: '12', TF_VAR_labels: '{ team = "dr" }', PATH: '/bin' },
      varFiles: [join(dir, 'first.tfvars'), join(dir, 'second.tfvars.json')],
      vars: { retention_days: '14' },
    });

    expect(diagnostics).toEqual([]);
    expect(Object.fromEntries(values)).toEqual({
      retention_days: 14,
      region: 'local-3',
      enabled: false,
      clusters: ['in01-a'],
      labels: { team: 'dr' },
      zones: [],
      anything: 'x',
    });
    expect(sources.get('retention_days')).toEqual({ kind: 'cli' });
    expect(sources.get('region')).toEqual({ kind: 'file', file: join(dir, 'second.tfvars.json') });
    expect(sources.get('enabled')).toEqual({ kind: 'file', file: join(dir, 'first.tfvars'), line: 3 });
    expect(sources.get('labels')).toEqual({ kind: 'environment', name: 'TF_VAR_labels' });
    expect(sources.get('zones')).toEqual({ kind: 'default' });
  });

  it('uses the environment over a default', async () => {
    const { values } = await resolveVariables(declared, { env: { TF_VAR_region: 'local-2' } });

    expect(values.get('region')).toBe('local-2');
  });

  it('lets a later var file win over an earlier one', async () => {
    const dir = await tempDir({ 'a.tfvars': 'region = "local-2"', 'b.tfvars': 'region = "local-3"' });

    const { values } = await resolveVariables(declared, { env: {}, varFiles: [join(dir, 'b.tfvars'), join(dir, 'a.tfvars')] });

    expect(values.get('region')).toBe('local-2');
  });
});

describe('resolveVariables: types', () => {
  it('converts -var and TF_VAR_ text by the declared type; complex types are written in HCL', async () => {
    const { values, diagnostics } = await resolveVariables(declared, {
      env: { TF_VAR_clusters: '["in01-b", "in01-a"]', TF_VAR_zones: '["b", "a", "b"]' },
      vars: { enabled: 'false', retention_days: '30', anything: '[1]', labels: '{ "owner" = "sre", tier = 1 }' },
    });

    expect(diagnostics).toEqual([]);
    expect(values.get('clusters')).toEqual(['in01-b', 'in01-a']);
    // A set drops duplicates and is ordered, as toset() orders it.
    expect(values.get('zones')).toEqual(['a', 'b']);
    expect(values.get('enabled')).toBe(false);
    expect(values.get('retention_days')).toBe(30);
    expect(values.get('labels')).toEqual({ owner: 'sre', tier: '1' });
    // Without a type, command-line values are strings, as in Terraform.
    expect(values.get('anything')).toBe('[1]');
  });

  it('reads the variables of a CDKTF stack, list(string) included', async () => {
    const { configuration } = await loadConfiguration({ dir: fixture('cdktf-app'), stack: 'primary' });

    const { values, diagnostics } = await resolveVariables(configuration, { env: { TF_VAR_clusters: '["in01-a1","in01-b2"]' } });

    expect(diagnostics).toEqual([]);
    expect(Object.fromEntries(values)).toEqual({ clusters: ['in01-a1', 'in01-b2'], retention_days: 7, project_id: 'proj-main' });
  });

  it('says which value does not fit which type, and where it came from', async () => {
    const { values, diagnostics } = await resolveVariables(declared, {
      env: { TF_VAR_clusters: 'in01-a' },
      vars: { retention_days: 'a week', enabled: 'yes' },
    });

    expect(values.has('retention_days')).toBe(false);
    expect(diagnostics.map((d) => [d.summary, d.address, d.detail])).toEqual([
      [
        'Invalid value for input variable',
        'var.retention_days',
        'The value of "retention_days" from -var must be a number (got "a week"); the variable is declared as number in var.retention_days.',
      ],
      ['Invalid value for input variable', 'var.enabled', 'The value of "enabled" from -var must be true or false (got "yes"); the variable is declared as bool in var.enabled.'],
      [
        'Invalid value for input variable',
        'var.clusters',
        'The value of "clusters" from the environment variable TF_VAR_clusters is not a list(string) written in HCL (got "in01-a"). Write it like ["…"].',
      ],
    ]);
  });

  it('points at the element that does not fit', async () => {
    const dir = await tempDir({ 'prod.tfvars.json': JSON.stringify({ clusters: ['in01-a', ['nested']] }) });

    const { diagnostics } = await resolveVariables(declared, { env: {}, varFiles: [join(dir, 'prod.tfvars.json')] });

    expect(diagnostics.map((d) => d.detail)).toEqual([
      `The value of "clusters" from ${join(dir, 'prod.tfvars.json')} at [1] must be a string (got ["nested"]); the variable is declared as list(string) in var.clusters.`,
    ]);
  });

  it('never shows the value of a sensitive variable', async () => {
    const { configuration } = configOf({ variable: { api_key: { type: 'number', sensitive: true } } });

    const { diagnostics } = await resolveVariables(configuration, { env: { TF_VAR_api_key: 'sk-secret' } });

    expect(diagnostics[0]?.detail).toBe('The value of "api_key" from the environment variable TF_VAR_api_key must be a number; the variable is declared as number in var.api_key.');
  });

  it('refuses null for a variable declared nullable = false', async () => {
    const { configuration } = configOf({ variable: { region: { type: 'string', default: null, nullable: false }, note: { type: 'string', default: null } } });

    const { values, diagnostics } = await resolveVariables(configuration, { env: {} });

    expect(values.get('note')).toBeNull();
    expect(diagnostics.map((d) => d.detail)).toEqual(['The value of "region" from its default is null, but the variable is declared with nullable = false. Give it a value.']);
  });
});

describe('resolveVariables: missing and undeclared', () => {
  it('says how to set a required variable that has no value', async () => {
    const { configuration } = configOf({ variable: { clusters: { '//': { metadata: { path: 'app/clusters' } }, type: 'list(string)' }, name: {} } });

    const { values, diagnostics } = await resolveVariables(configuration, { env: {} });

    expect(values.size).toBe(0);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        summary: 'No value for required variable',
        detail:
          'Variable "clusters" (list(string)) is required and has no default. Set it with -var \'clusters=["…"]\', the environment variable TF_VAR_clusters, or a variable file (-var-file) containing clusters = ["…"].',
        address: 'var.clusters',
        constructPath: 'app/clusters',
        file: 'main.tf.json',
      },
      {
        severity: 'error',
        summary: 'No value for required variable',
        detail: 'Variable "name" is required and has no default. Set it with -var \'name=…\', the environment variable TF_VAR_name, or a variable file (-var-file) containing name = ….',
        address: 'var.name',
        file: 'main.tf.json',
      },
    ]);
  });

  it('refuses -var for an undeclared variable, warns for var files, ignores the environment', async () => {
    const dir = await tempDir({ 'shared.tfvars': 'regoin = "local-2"\n' });

    const { diagnostics } = await resolveVariables(declared, { env: { TF_VAR_other: 'x' }, varFiles: [join(dir, 'shared.tfvars')], vars: { retention_day: '7' } });

    expect(diagnostics.map((d) => [d.severity, d.summary, d.detail])).toEqual([
      ['warning', 'Value for undeclared variable', `${join(dir, 'shared.tfvars')} sets "regoin", but the configuration declares no such variable, so the value is ignored. Did you mean "region"?`],
      ['error', 'Value for undeclared variable', '-var sets "retention_day", but the configuration declares no such variable. Did you mean "retention_days"? Declare it, or remove the -var.'],
    ]);
  });

  it('reports a var file that does not exist', async () => {
    const { diagnostics } = await resolveVariables(declared, { env: {}, varFiles: ['/nonexistent/prod.tfvars'] });

    expect(brief(diagnostics)).toEqual([{ severity: 'error', summary: 'Cannot read variable file' }]);
  });
});

describe('variable files', () => {
  it('reads the HCL people write in .tfvars: comments, lists over several lines, maps, escapes', () => {
    const { entries, diagnostics } = parseTfvars(
      [
        '# production',
        'region         = "local-2" // trailing comment',
        'retention_days = 14',
        'ratio          = -0.5',
        'enabled        = true',
        'clusters = [',
        '  "in01-a", # primary',
        '  "in01-b",',
        ']',
        '/* a block',
        '   comment */',
        'labels = { team = "dr", "cost-center" = "42" }',
        'note = "say \\"hi\\" # not a comment"',
        'nothing = null',
      ].join('\n'),
      'prod.tfvars',
    );

    expect(diagnostics).toEqual([]);
    expect(entries).toEqual([
      { name: 'region', value: 'local-2', line: 2 },
      { name: 'retention_days', value: 14, line: 3 },
      { name: 'ratio', value: -0.5, line: 4 },
      { name: 'enabled', value: true, line: 5 },
      { name: 'clusters', value: ['in01-a', 'in01-b'], line: 6 },
      { name: 'labels', value: { team: 'dr', 'cost-center': '42' }, line: 12 },
      { name: 'note', value: 'say "hi" # not a comment', line: 13 },
      { name: 'nothing', value: null, line: 14 },
    ]);
  });

  it('reports each bad line with its number, and keeps the good ones', () => {
    const { entries, diagnostics } = parseTfvars(['region = var.default_region', 'retention_days = 7', 'clusters = ["a",', 'oops', 'retention_days = 8', 'key = <<EOT'].join('\n'), 'bad.tfvars');

    expect(entries.map((entry) => entry.name)).toEqual(['retention_days']);
    expect(diagnostics.map((d) => [d.summary, d.line])).toEqual([
      ['Variables not allowed', 1],
      ['Invalid value', 3],
      ['Attribute redefined', 5],
      ['Unsupported syntax', 6],
    ]);
    expect(diagnostics[0]?.detail).toBe(
      'bad.tfvars line 1: the value of region must be a literal (a string, number, bool, list or map); variable files cannot use references, interpolation or function calls.',
    );
    expect(diagnostics[2]?.detail).toBe('bad.tfvars line 5: retention_days was already set on line 2; set each variable once per file.');
  });

  it('finds the files Terraform loads by itself, in its order', async () => {
    const dir = await tempDir({ 'z.auto.tfvars': '', 'terraform.tfvars.json': '{}', 'a.auto.tfvars.json': '{}', 'terraform.tfvars': '', 'prod.tfvars': '' });

    expect(await autoVarFiles(dir)).toEqual(['terraform.tfvars', 'terraform.tfvars.json', 'a.auto.tfvars.json', 'z.auto.tfvars'].map((name) => join(dir, name)));
  });

  it('splits -var flags at the first "="', () => {
    expect(parseVarFlag('filter=a=b')).toEqual(['filter', 'a=b']);
    expect(parseVarFlag('novalue')).toBeUndefined();
  });
});
