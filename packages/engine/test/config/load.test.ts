import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors, loadConfiguration, validateConfiguration } from '../../src/config/index.js';
import { brief, fixture, tempDir } from './helpers.js';

describe('loadConfiguration: CDKTF apps', () => {
  it('reads the named stack through cdktf.out/manifest.json, with meta-arguments and construct paths', async () => {
    const { configuration, diagnostics } = await loadConfiguration({ dir: fixture('cdktf-app'), stack: 'primary' });

    expect(diagnostics).toEqual([]);
    expect(configuration.stack).toBe('primary');
    expect(configuration.files).toEqual(['cdktf.out/stacks/primary/cdk.tf.json']);
    expect(configuration.moduleDir).toBe(join(fixture('cdktf-app'), 'cdktf.out', 'stacks', 'primary'));
    expect(configuration.resources.map((block) => block.address)).toEqual([
      'data.lifeboat_cluster.source',
      'lifeboat_backup_policy.nightly',
      'lifeboat_copy_policy.dr_copy_4C1B2A9F',
      'lifeboat_backup.before_migration',
    ]);

    const [source, nightly, copy, migration] = configuration.resources;
    expect(source).toMatchObject({ mode: 'data', type: 'lifeboat_cluster', name: 'source', forEach: '${toset(var.clusters)}', body: { cluster_id: '${each.value}' } });
    expect(nightly).toMatchObject({
      constructPath: 'primary/nightly',
      uniqueId: 'nightly',
      forEach: '${toset(var.clusters)}',
      lifecycle: { preventDestroy: true, ignoreChanges: ['enabled'], createBeforeDestroy: false, replaceTriggeredBy: [] },
    });
    // Meta-arguments and metadata are not attributes.
    expect(Object.keys(nightly?.body ?? {})).toEqual(['cluster_id', 'frequency', 'start_time', 'retention_days']);
    expect(copy).toMatchObject({ constructPath: 'primary/dr/copy', dependsOn: ['lifeboat_backup_policy.nightly'], body: { retention_days: 14, applies_to: 'AUTO' } });
    expect(migration).toMatchObject({
      // `${…}`-wrapped depends_on entries are unwrapped.
      dependsOn: ['lifeboat_copy_policy.dr_copy_4C1B2A9F'],
      timeouts: { create: 5_400_000 },
      lifecycle: { createBeforeDestroy: true, preventDestroy: false },
      file: 'cdktf.out/stacks/primary/cdk.tf.json',
    });

    expect(configuration.variables.get('clusters')).toEqual({ name: 'clusters', type: 'list(string)', description: 'Clusters to protect', file: 'cdktf.out/stacks/primary/cdk.tf.json' });
    expect(configuration.variables.get('retention_days')).toMatchObject({ type: 'number', default: 7 });
    expect([...configuration.locals]).toEqual([
      ['dr_region', 'local-2'],
      ['migration_collections', ['orders', 'customers']],
    ]);
    expect(configuration.outputs.get('migration_backup_id')).toMatchObject({ value: '${lifeboat_backup.before_migration.backup_id}', description: 'Backup taken before the schema migration', dependsOn: [] });
    expect(configuration.providers).toEqual([{ name: 'lifeboat', config: { project_id: '${var.project_id}' }, file: 'cdktf.out/stacks/primary/cdk.tf.json' }]);
    expect(configuration.requiredProviders.get('lifeboat')).toEqual({ source: 'lifeboat/lifeboat', version: '~> 0.1' });
    expect(configuration.imports).toEqual([{ to: 'lifeboat_backup_policy.nightly["in01-a1"]', id: 'in01-a1', file: 'cdktf.out/stacks/primary/cdk.tf.json' }]);
    expect(configuration.moved).toEqual([{ from: 'lifeboat_backup.pre_migration', to: 'lifeboat_backup.before_migration', file: 'cdktf.out/stacks/primary/cdk.tf.json' }]);

    expect(validateConfiguration(configuration)).toEqual([]);
  });

  it('reads the other stack, with provider aliases, for_each over a map variable and construct warnings', async () => {
    const { configuration, diagnostics } = await loadConfiguration({ dir: fixture('cdktf-app'), stack: 'dr' });

    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        summary: 'Reported by a construct',
        detail: 'The standby restores the newest backup in local-2; keep a copy policy to local-2 on the source cluster.',
        constructPath: 'dr/standby',
        file: 'cdktf.out/stacks/dr/cdk.tf.json',
      },
    ]);
    expect(configuration.providers.map((provider) => provider.alias ?? '(default)')).toEqual(['(default)', 'primary_region']);
    expect(configuration.resources.find((block) => block.mode === 'data')).toMatchObject({ address: 'data.lifeboat_latest_backup.newest_in_dr', provider: 'lifeboat.primary_region' });
    expect(configuration.resources.find((block) => block.type === 'lifeboat_collection_restore')).toMatchObject({
      forEach: '${var.restored_tables}',
      lifecycle: { replaceTriggeredBy: ['lifeboat_cluster_restore.standby.id'] },
    });
    expect(configuration.outputs.get('standby_password')).toMatchObject({ sensitive: true });
    expect(validateConfiguration(configuration)).toEqual([]);
  });

  it('asks which stack to read when the app has several, naming them', async () => {
    const { configuration, diagnostics } = await loadConfiguration({ dir: fixture('cdktf-app') });

    expect(diagnostics).toEqual([
      {
        severity: 'error',
        summary: 'Several stacks',
        detail: 'cdktf.out/manifest.json lists 2 stacks (primary or dr); choose one by name, e.g. --stack primary.',
        file: 'cdktf.out/manifest.json',
      },
    ]);
    expect(configuration.resources).toEqual([]);
  });

  it('names the stacks, with a suggestion, when the requested one does not exist', async () => {
    const { diagnostics } = await loadConfiguration({ dir: fixture('cdktf-app'), stack: 'primray' });

    expect(diagnostics[0]?.detail).toBe('There is no stack "primray" in cdktf.out/manifest.json. Did you mean "primary"? The stacks are primary or dr.');
  });

  it('accepts the cdktf.out directory itself', async () => {
    const { configuration, diagnostics } = await loadConfiguration({ dir: join(fixture('cdktf-app'), 'cdktf.out'), stack: 'dr' });

    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(configuration.files).toEqual(['stacks/dr/cdk.tf.json']);
  });

  it('picks the only stack without being told', async () => {
    const dir = await tempDir({
      'cdktf.out/manifest.json': JSON.stringify({
        version: '0.20.11',
        stacks: { app: { name: 'app', constructPath: 'app', workingDirectory: 'stacks/app', synthesizedStackPath: 'stacks/app/cdk.tf.json', annotations: [] } },
      }),
      'cdktf.out/stacks/app/cdk.tf.json': JSON.stringify({ resource: { lifeboat_backup: { b: { cluster_id: 'in01-a1' } } } }),
    });

    const { configuration, diagnostics } = await loadConfiguration({ dir });

    expect(diagnostics).toEqual([]);
    expect(configuration.stack).toBe('app');
    expect(configuration.resources.map((block) => block.address)).toEqual(['lifeboat_backup.b']);
  });

  it('turns construct errors recorded at synth time into error diagnostics', async () => {
    const dir = await tempDir({
      'cdktf.out/manifest.json': JSON.stringify({
        version: '0.20.11',
        stacks: {
          app: {
            name: 'app',
            synthesizedStackPath: 'stacks/app/cdk.tf.json',
            workingDirectory: 'stacks/app',
            annotations: [{ constructPath: 'app/plan', level: '@cdktf/error', message: 'DisasterRecoveryPlan needs a copy region' }],
          },
        },
      }),
      'cdktf.out/stacks/app/cdk.tf.json': '{}',
    });

    const { diagnostics } = await loadConfiguration({ dir });

    expect(brief(diagnostics)).toEqual([{ severity: 'error', summary: 'Reported by a construct' }]);
    expect(diagnostics[0]).toMatchObject({ constructPath: 'app/plan', detail: 'DisasterRecoveryPlan needs a copy region' });
  });

  it('says so when the manifest is not a CDKTF manifest', async () => {
    const dir = await tempDir({ 'cdktf.out/manifest.json': '{ "version": "1" }' });

    const { diagnostics } = await loadConfiguration({ dir });

    expect(diagnostics.map((d) => d.detail)).toEqual(['cdktf.out/manifest.json is not a CDKTF manifest: it has no "stacks" object. Run the synth again (cdktf synth) to regenerate it.']);
  });

  it('reports a stack whose cdk.tf.json is missing', async () => {
    const dir = await tempDir({
      'cdktf.out/manifest.json': JSON.stringify({ version: '0.20.11', stacks: { app: { name: 'app', synthesizedStackPath: 'stacks/app/cdk.tf.json', workingDirectory: 'stacks/app' } } }),
    });

    const { diagnostics } = await loadConfiguration({ dir });

    expect(diagnostics.map((d) => d.detail)).toEqual(['Cannot read cdktf.out/stacks/app/cdk.tf.json: it does not exist.']);
  });
});

describe('loadConfiguration: *.tf.json files', () => {
  it('merges every *.tf.json of the directory in name order, skipping hidden files and warning about override files', async () => {
    const { configuration, diagnostics } = await loadConfiguration({ dir: fixture('tf-json-merge') });

    expect(configuration.files).toEqual(['main.tf.json', 'outputs.tf.json', 'policies.tf.json']);
    expect(configuration.stack).toBeUndefined();
    expect(configuration.resources.map((block) => [block.address, block.file])).toEqual([
      ['lifeboat_backup_policy.nightly', 'policies.tf.json'],
      ['lifeboat_copy_policy.offsite', 'policies.tf.json'],
    ]);
    // `locals` written as a list of objects.
    expect([...configuration.locals.keys()]).toEqual(['retention', 'offsite_regions']);
    expect([...configuration.variables.keys()]).toEqual(['endpoint', 'cluster_id']);
    expect([...configuration.outputs.keys()]).toEqual(['policy_status']);
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        summary: 'Override files are not supported',
        detail: 'nightly_override.tf.json is an override file, which Lifeboat does not merge; it was skipped. Move its settings into the file it overrides.',
        file: 'nightly_override.tf.json',
      },
      {
        severity: 'warning',
        summary: 'Unsupported block type',
        detail: 'outputs.tf.json has a top-level "check", which Lifeboat ignores. It reads resource, data, output, locals, variable, provider, terraform, import, moved.',
        file: 'outputs.tf.json',
      },
    ]);
    expect(validateConfiguration(configuration)).toEqual([]);
  });

  it('reports a resource address declared in two files, and keeps reading the rest', async () => {
    const { configuration, diagnostics } = await loadConfiguration({ dir: fixture('duplicate-address') });

    expect(diagnostics).toEqual([
      {
        severity: 'error',
        summary: 'Duplicate resource configuration',
        detail: 'lifeboat_backup.nightly is declared in both a.tf.json and b.tf.json. A resource name must be unique per type across all files; rename or remove one of them.',
        address: 'lifeboat_backup.nightly',
        file: 'b.tf.json',
      },
    ]);
    expect(configuration.resources.map((block) => [block.address, block.body.cluster_id])).toEqual([
      ['lifeboat_backup.nightly', 'in01-a1'],
      ['lifeboat_backup.weekly', 'in01-b2'],
    ]);
  });

  it('reports invalid JSON with the file, line and column, and still reads the other files', async () => {
    const { configuration, diagnostics } = await loadConfiguration({ dir: fixture('invalid-json') });

    expect(diagnostics).toEqual([
      {
        severity: 'error',
        summary: 'Invalid JSON',
        detail: 'main.tf.json line 6, column 7: expected another property after "," (JSON allows no trailing comma) but found "}". Fix the file (or run the synth again if it was generated) and retry.',
        file: 'main.tf.json',
        line: 6,
        column: 7,
      },
    ]);
    expect(configuration.files).toEqual(['main.tf.json', 'other.tf.json']);
    expect(configuration.resources.map((block) => block.address)).toEqual(['lifeboat_backup.c']);
  });

  it('reads one given file instead of the directory', async () => {
    const { configuration, diagnostics } = await loadConfiguration({ dir: fixture('cdktf-app'), file: 'cdktf.out/stacks/dr/cdk.tf.json' });

    expect(hasErrors(diagnostics)).toBe(false);
    expect(configuration.files).toEqual(['cdktf.out/stacks/dr/cdk.tf.json']);
    expect(configuration.resources).toHaveLength(3);
  });

  it('explains what to do when there is no configuration at all', async () => {
    const dir = await tempDir({ 'README.md': '# infra' });

    const { diagnostics } = await loadConfiguration({ dir });

    expect(diagnostics).toEqual([
      {
        severity: 'error',
        summary: 'No configuration files',
        detail: `There is no cdktf.out/manifest.json and no *.tf.json file in ${dir}. Run the synth first (cdktf synth), or point at the directory holding your *.tf.json files.`,
      },
    ]);
  });

  it('refuses a stack name when there is no CDKTF manifest', async () => {
    const { diagnostics } = await loadConfiguration({ dir: fixture('tf-json-merge'), stack: 'primary' });

    expect(brief(diagnostics)).toEqual([{ severity: 'error', summary: 'No CDKTF manifest' }]);
  });

  it('reads a file that starts with a byte order mark', async () => {
    const dir = await tempDir({ 'main.tf.json': '\uFEFF{ "locals": { "a": 1 } }' });

    const { configuration, diagnostics } = await loadConfiguration({ dir });

    expect(diagnostics).toEqual([]);
    expect(configuration.locals.get('a')).toBe(1);
  });

  it('collects every problem of a file instead of stopping at the first', async () => {
    const { configuration, diagnostics } = await loadConfiguration({ dir: fixture('three-errors') });
    expect(diagnostics).toEqual([]);

    const problems = validateConfiguration(configuration);

    expect(brief(problems)).toEqual([
      { severity: 'error', summary: 'Invalid value', address: 'lifeboat_backup_policy.nightly', attribute: 'retention_days' },
      { severity: 'error', summary: 'Unsupported argument', address: 'lifeboat_backup_policy.nightly', attribute: 'schedule' },
      { severity: 'error', summary: 'Call to unknown function', address: 'lifeboat_backup_policy.nightly', attribute: 'cluster_id' },
    ]);
    expect(problems.every((problem) => problem.constructPath === 'stack/nightly')).toBe(true);
    expect(problems[0]?.detail).toMatch(/^retention_days must be .*1.*30 \(got 45\) in lifeboat_backup_policy\.nightly \(stack\/nightly\)\.$/);
    expect(problems[1]?.detail).toBe(
      'An argument named "schedule" is not expected in lifeboat_backup_policy.nightly (stack/nightly). The arguments of lifeboat_backup_policy are cluster_id, enabled, frequency, start_time, interval_minutes, retention_days.',
    );
    expect(problems[2]?.detail).toMatch(/^Function "upper" is not supported; the supported functions are concat, .*\(column 3 of "\$\{upper\(var\.cluster\)\}"\) in cluster_id of lifeboat_backup_policy\.nightly \(stack\/nightly\)\. Use one of the supported functions, or compute the value in your CDKTF code\.$/);
  });
});
