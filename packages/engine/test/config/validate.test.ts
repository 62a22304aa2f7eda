import { describe, expect, it } from 'vitest';
import { validateConfiguration, type ConfigDiagnostic } from '../../src/config/index.js';
import { isComputedOnly } from '../../src/config/internal/attribute-type.js';
import type { JsonValue } from '../../src/expressions/index.js';
import { brief, configOf } from './helpers.js';

/** Validates one document; load problems would hide validation ones, so there must be none. */
function validate(document: JsonValue): ConfigDiagnostic[] {
  const { configuration, diagnostics } = configOf(document);
  expect(diagnostics).toEqual([]);
  return validateConfiguration(configuration);
}

const meta = (path: string): JsonValue => ({ metadata: { path, uniqueId: path.split('/').at(-1) ?? path } });
const policy = (extra: Record<string, JsonValue> = {}): JsonValue => ({
  '//': meta('app/nightly'),
  cluster_id: 'in01-a1',
  frequency: 'daily',
  start_time: '02:00-04:00',
  retention_days: 7,
  ...extra,
});

describe('validateConfiguration: resource types and arguments', () => {
  it('accepts a correct block, with expressions standing in for required values', () => {
    expect(
      validate({
        variable: { cluster: { type: 'string' } },
        resource: { lifeboat_backup_policy: { nightly: policy({ cluster_id: '${var.cluster}', enabled: 'true', retention_days: '14' }) } },
      }),
    ).toEqual([]);
  });

  it('names the known types, with a suggestion, for an unknown resource type', () => {
    const [problem, ...rest] = validate({ resource: { lifeboat_bakup: { b: { '//': meta('app/b'), cluster_id: 'x' } } } });

    expect(rest).toEqual([]);
    expect(problem).toEqual({
      severity: 'error',
      summary: 'Invalid resource type',
      detail:
        'The lifeboat provider has no resource type "lifeboat_bakup" (lifeboat_bakup.b (app/b)). Did you mean "lifeboat_backup"? The resource types are lifeboat_backup_policy, lifeboat_copy_policy, lifeboat_backup, lifeboat_cluster_restore, lifeboat_collection_restore.',
      address: 'lifeboat_bakup.b',
      constructPath: 'app/b',
      file: 'main.tf.json',
    });
  });

  it('says when a data source is declared as a resource, or a type belongs to another provider', () => {
    const problems = validate({
      resource: { lifeboat_latest_backup: { l: { cluster_id: 'x' } }, aws_s3_bucket: { logs: { bucket: 'logs' } } },
      data: { lifeboat_backup: { b: { cluster_id: 'x' } } },
    });

    expect(problems.map((d) => d.detail)).toEqual([
      'lifeboat_latest_backup is a data source, not a resource; declare lifeboat_latest_backup.l under "data" and refer to it as data.lifeboat_latest_backup.l.',
      'aws_s3_bucket.logs belongs to the "aws" provider; Lifeboat plans only the lifeboat provider\'s types. Move it to a stack that Terraform applies, or remove it. The lifeboat resource types are lifeboat_backup_policy, lifeboat_copy_policy, lifeboat_backup, lifeboat_cluster_restore, lifeboat_collection_restore.',
      'lifeboat_backup is a resource, not a data source; declare data.lifeboat_backup.b under "resource" instead of "data".',
    ]);
  });

  it('suggests the nearest argument for a misspelt one', () => {
    const problems = validate({ resource: { lifeboat_backup_policy: { nightly: policy({ retention_dayz: 7 }) } } });

    expect(problems).toEqual([
      {
        severity: 'error',
        summary: 'Unsupported argument',
        detail:
          'An argument named "retention_dayz" is not expected in lifeboat_backup_policy.nightly (app/nightly). Did you mean "retention_days"? The arguments of lifeboat_backup_policy are cluster_id, enabled, frequency, start_time, interval_minutes, retention_days.',
        address: 'lifeboat_backup_policy.nightly',
        constructPath: 'app/nightly',
        attribute: 'retention_dayz',
        file: 'main.tf.json',
      },
    ]);
  });

  it('reports missing required arguments, null counting as missing', () => {
    const problems = validate({ resource: { lifeboat_copy_policy: { dr: { '//': meta('app/dr'), cluster_id: null, retention_days: 7 } } } });

    expect(brief(problems)).toEqual([
      { severity: 'error', summary: 'Missing required argument', address: 'lifeboat_copy_policy.dr', attribute: 'cluster_id' },
      { severity: 'error', summary: 'Missing required argument', address: 'lifeboat_copy_policy.dr', attribute: 'region_id' },
    ]);
    expect(problems[0]?.detail).toBe('The argument "cluster_id" is required in lifeboat_copy_policy.dr (app/dr), but it is null. Add cluster_id: The cluster whose backups are copied.');
    expect(problems[1]?.detail).toMatch(/^The argument "region_id" is required in lifeboat_copy_policy\.dr \(app\/dr\), but it is not set\. Add region_id: /);
  });

  it('refuses values for attributes only Lifeboat sets', () => {
    const problems = validate({ resource: { lifeboat_backup: { b: { '//': meta('app/b'), cluster_id: 'x', backup_id: 'backup-1' } } } });

    expect(problems).toEqual([
      {
        severity: 'error',
        summary: 'Value for unconfigurable attribute',
        detail: 'backup_id of lifeboat_backup.b (app/b) is set by Lifeboat when it applies and cannot be configured; remove it. To use its value elsewhere, refer to lifeboat_backup.b.backup_id.',
        address: 'lifeboat_backup.b',
        constructPath: 'app/b',
        attribute: 'backup_id',
        file: 'main.tf.json',
      },
    ]);
  });

  it('checks literal values against the attribute type and its own rules, and leaves expressions to the planner', () => {
    const problems = validate({
      variable: { days: { type: 'number' } },
      resource: {
        lifeboat_backup_policy: {
          nightly: policy({ retention_days: 45 }),
          weekly: policy({ '//': meta('app/weekly'), retention_days: 'two weeks', enabled: 'yes' }),
          later: policy({ '//': meta('app/later'), retention_days: '${var.days}' }),
        },
      },
    });

    expect(brief(problems)).toEqual([
      { severity: 'error', summary: 'Invalid value', address: 'lifeboat_backup_policy.nightly', attribute: 'retention_days' },
      { severity: 'error', summary: 'Incorrect attribute value type', address: 'lifeboat_backup_policy.weekly', attribute: 'retention_days' },
      { severity: 'error', summary: 'Incorrect attribute value type', address: 'lifeboat_backup_policy.weekly', attribute: 'enabled' },
    ]);
    expect(problems[0]?.detail).toMatch(/^retention_days must be .*\(got 45\) in lifeboat_backup_policy\.nightly \(app\/nightly\)\.$/);
    expect(problems[1]?.detail).toBe('retention_days must be a number (got "two weeks") in lifeboat_backup_policy.weekly (app/weekly).');
    expect(problems[2]?.detail).toBe('enabled must be true or false (got "yes") in lifeboat_backup_policy.weekly (app/weekly).');
  });

  it('checks nested objects: unknown, missing and mistyped arguments', () => {
    const problems = validate({
      resource: {
        lifeboat_backup: {
          b: { '//': meta('app/b'), cluster_id: 'x', collections: [{ db_name: 'default', collection_name: ['orders'] }, { collection_names: 'orders' }] },
        },
      },
    });

    expect(brief(problems)).toEqual([
      { severity: 'error', summary: 'Unsupported argument', address: 'lifeboat_backup.b', attribute: 'collections[0].collection_name' },
      { severity: 'error', summary: 'Missing required argument', address: 'lifeboat_backup.b', attribute: 'collections[0].collection_names' },
      { severity: 'error', summary: 'Incorrect attribute value type', address: 'lifeboat_backup.b', attribute: 'collections[1].collection_names' },
    ]);
    expect(problems[0]?.detail).toBe('An argument named "collection_name" is not expected in collections[0] of lifeboat_backup.b (app/b). Did you mean "collection_names"? It takes db_name, collection_names.');
  });

  it('runs the schema\'s cross-argument rules on literal blocks only', () => {
    const problems = validate({
      variable: { cluster: { type: 'string' } },
      resource: {
        lifeboat_backup_policy: {
          nightly: { '//': meta('app/nightly'), cluster_id: 'x', frequency: 'daily', retention_days: 7 },
          tight: { '//': meta('app/tight'), cluster_id: 'x', interval_minutes: 15, start_time: '02:00-04:00', retention_days: 7 },
          later: { cluster_id: '${var.cluster}', frequency: 'daily', retention_days: 7 },
        },
      },
    });

    expect(problems).toEqual([
      expect.objectContaining({
        summary: 'Invalid combination of arguments',
        address: 'lifeboat_backup_policy.nightly',
        attribute: 'start_time',
        detail: 'start_time is required unless interval_minutes is set in lifeboat_backup_policy.nightly (app/nightly).',
      }),
      expect.objectContaining({ summary: 'Invalid combination of arguments', address: 'lifeboat_backup_policy.tight', attribute: 'start_time' }),
    ]);
  });
});

describe('validateConfiguration: expressions and references', () => {
  it('names the unsupported function and the block', () => {
    const [problem] = validate({ variable: { name: {} }, resource: { lifeboat_backup: { b: { '//': meta('app/b'), cluster_id: 'in01-${upper(var.name)}' } } } });

    expect(problem).toMatchObject({ summary: 'Call to unknown function', address: 'lifeboat_backup.b', constructPath: 'app/b', attribute: 'cluster_id' });
    expect(problem?.detail).toContain('Function "upper" is not supported; the supported functions are concat, element, format, join, length, lookup, merge, tolist, tomap, toset');
    expect(problem?.detail).toContain('in cluster_id of lifeboat_backup.b (app/b). Use one of the supported functions');
  });

  it('reports syntax errors and wrong argument counts', () => {
    const problems = validate({ variable: { ids: {} }, resource: { lifeboat_backup: { b: { cluster_id: '${var.}', copy_regions: '${element(var.ids)}' } } } });

    expect(brief(problems)).toEqual([
      { severity: 'error', summary: 'Invalid expression', address: 'lifeboat_backup.b', attribute: 'cluster_id' },
      { severity: 'error', summary: 'Invalid function argument', address: 'lifeboat_backup.b', attribute: 'copy_regions' },
    ]);
    expect(problems[1]?.detail).toMatch(/^element\(\) takes 2 arguments \(element\(list, index\)\), got 1 .* in copy_regions of lifeboat_backup\.b\.$/);
  });

  it('names undeclared resources, data sources, variables and locals, with suggestions', () => {
    const problems = validate({
      variable: { cluster_id: {} },
      locals: { region: 'local-2' },
      data: { lifeboat_latest_backup: { newest: { cluster_id: '${var.cluster_id}' } } },
      resource: {
        lifeboat_backup_policy: { nightly: policy() },
        lifeboat_copy_policy: {
          dr: {
            '//': meta('app/dr'),
            cluster_id: '${lifeboat_backup_policy.nighty.cluster_id}',
            region_id: '${local.regoin}',
            retention_days: '${var.cluster_ids}',
          },
        },
        lifeboat_cluster_restore: {
          standby: {
            source_cluster_id: '${var.cluster_id}',
            backup_id: '${lifeboat_latest_backup.newest.backup_id}',
            project_id: '${data.lifeboat_cluster.main.project_id}',
            cluster_name: 'standby',
          },
        },
      },
    });

    expect(brief(problems)).toEqual([
      { severity: 'error', summary: 'Reference to undeclared resource', address: 'lifeboat_copy_policy.dr', attribute: 'cluster_id' },
      { severity: 'error', summary: 'Reference to undeclared local value', address: 'lifeboat_copy_policy.dr', attribute: 'region_id' },
      { severity: 'error', summary: 'Reference to undeclared input variable', address: 'lifeboat_copy_policy.dr', attribute: 'retention_days' },
      { severity: 'error', summary: 'Reference to undeclared resource', address: 'lifeboat_cluster_restore.standby', attribute: 'backup_id' },
      { severity: 'error', summary: 'Reference to undeclared resource', address: 'lifeboat_cluster_restore.standby', attribute: 'project_id' },
    ]);
    expect(problems.map((d) => d.detail)).toEqual([
      'cluster_id of lifeboat_copy_policy.dr (app/dr) refers to lifeboat_backup_policy.nighty, but no such resource is declared. Did you mean "lifeboat_backup_policy.nightly"? Declare it, or correct the reference.',
      'region_id of lifeboat_copy_policy.dr (app/dr) refers to local.regoin, but no such local value is declared. Did you mean "local.region"? Declare it under "locals", or correct the reference.',
      'retention_days of lifeboat_copy_policy.dr (app/dr) refers to var.cluster_ids, but no such variable is declared. Did you mean "var.cluster_id"? Declare it with a variable block (in CDKTF: new TerraformVariable(…)), or correct the reference.',
      'backup_id of lifeboat_cluster_restore.standby refers to lifeboat_latest_backup.newest, but no such resource is declared. Did you mean data.lifeboat_latest_backup.newest? Data sources are referred to with "data.". Declare it, or correct the reference.',
      'project_id of lifeboat_cluster_restore.standby refers to data.lifeboat_cluster.main, but no such data source is declared. Declare it, or correct the reference.',
    ]);
  });

  it('allows each.* only with for_each and count.index only with count', () => {
    const problems = validate({
      resource: {
        lifeboat_backup: {
          one: { cluster_id: '${each.value}' },
          many: { count: 2, cluster_id: 'in01-${count.index}', copy_regions: ['${each.key}'] },
          keyed: { for_each: ['a', 'b'], cluster_id: '${each.value}' },
        },
      },
    });

    expect(problems.map((d) => [d.summary, d.address, d.attribute])).toEqual([
      ['Reference to "each" in context without for_each', 'lifeboat_backup.one', 'cluster_id'],
      ['Reference to "each" in context without for_each', 'lifeboat_backup.many', 'copy_regions[0]'],
    ]);
    expect(problems[0]?.detail).toBe(
      'cluster_id of lifeboat_backup.one uses each.value, but each.key and each.value exist only in a resource or data block with for_each. Add for_each to the block, or use a fixed value.',
    );
  });

  it('checks the attribute read from another resource and its instance key', () => {
    const problems = validate({
      resource: {
        lifeboat_backup: {
          single: { cluster_id: 'x' },
          keyed: { for_each: ['a'], cluster_id: '${each.key}' },
        },
        lifeboat_cluster_restore: {
          r: {
            source_cluster_id: '${lifeboat_backup.keyed.cluster_id}',
            backup_id: '${lifeboat_backup.single.backup_idd}',
            project_id: '${lifeboat_backup.single[0].cluster_id}',
            cluster_name: '${lifeboat_backup.keyed["a"].backup_name}',
          },
        },
      },
    });

    expect(problems.map((d) => [d.summary, d.attribute, d.detail])).toEqual([
      [
        'Missing resource instance key',
        'source_cluster_id',
        'source_cluster_id of lifeboat_cluster_restore.r reads lifeboat_backup.keyed.cluster_id, but lifeboat_backup.keyed has for_each set, so its attributes belong to its instances. Pick one, e.g. lifeboat_backup.keyed[each.key].cluster_id.',
      ],
      [
        'Unsupported attribute',
        'backup_id',
        expect.stringMatching(/^backup_id of lifeboat_cluster_restore\.r reads lifeboat_backup\.single\.backup_idd, but lifeboat_backup has no attribute "backup_idd"\. Did you mean "backup_id"\? Its attributes are id, cluster_id, /),
      ],
      [
        'Unexpected resource instance key',
        'project_id',
        'project_id of lifeboat_cluster_restore.r reads lifeboat_backup.single[0].cluster_id, but lifeboat_backup.single has neither count nor for_each, so it has a single instance. Remove the index.',
      ],
    ]);
  });

  it('refuses a block that refers to itself', () => {
    const problems = validate({ resource: { lifeboat_backup: { b: { cluster_id: '${lifeboat_backup.b.region_id}' } } } });

    expect(brief(problems)).toEqual([{ severity: 'error', summary: 'Self-referential block', address: 'lifeboat_backup.b', attribute: 'cluster_id' }]);
  });

  it('checks outputs and locals too', () => {
    const problems = validate({
      locals: { ids: '${concat(var.a, var.b)}' },
      variable: { a: {} },
      output: { id: { value: '${lifeboat_backup.b.backup_id}', depends_on: ['lifeboat_backup.c'] } },
    });

    expect(brief(problems)).toEqual([
      { severity: 'error', summary: 'Reference to undeclared input variable', address: 'local.ids' },
      { severity: 'error', summary: 'Reference to undeclared resource', address: 'output.id', attribute: 'value' },
      { severity: 'error', summary: 'Reference to undeclared resource', address: 'output.id', attribute: 'depends_on' },
    ]);
  });
});

describe('validateConfiguration: meta-arguments', () => {
  it('checks depends_on entries: declared, whole resources, not values', () => {
    const problems = validate({
      variable: { x: {} },
      resource: {
        lifeboat_backup_policy: { nightly: policy() },
        lifeboat_backup: { b: { '//': meta('app/b'), cluster_id: 'x', depends_on: ['lifeboat_backup_policy.nightly', 'lifeboat_backup_policy.nightly.id', 'var.x', 'lifeboat_copy_policy.dr'] } },
      },
    });

    expect(problems.map((d) => [d.summary, d.attribute, d.detail])).toEqual([
      ['Invalid depends_on reference', 'depends_on', 'depends_on of lifeboat_backup.b (app/b) lists "lifeboat_backup_policy.nightly.id"; it takes whole resources, so write lifeboat_backup_policy.nightly.'],
      [
        'Invalid depends_on reference',
        'depends_on',
        'depends_on of lifeboat_backup.b (app/b) lists "var.x"; it takes resource and data source addresses such as lifeboat_backup_policy.nightly. Values (var.*, local.*) need no depends_on: referring to them is enough.',
      ],
      ['Reference to undeclared resource', 'depends_on', 'depends_on of lifeboat_backup.b (app/b) lists lifeboat_copy_policy.dr, which is not declared. Declare it, or remove the entry.'],
    ]);
  });

  it('checks lifecycle.ignore_changes names against the schema', () => {
    const problems = validate({
      resource: { lifeboat_backup_policy: { nightly: policy({ lifecycle: { ignore_changes: ['retention', 'status', 'frequency'] } }) } },
    });

    expect(problems.map((d) => [d.severity, d.summary, d.detail])).toEqual([
      [
        'error',
        'Unsupported attribute',
        'lifecycle.ignore_changes of lifeboat_backup_policy.nightly (app/nightly) lists "retention", but lifeboat_backup_policy has no attribute "retention". List attribute names such as cluster_id, enabled, frequency, or "all".',
      ],
      ['warning', 'Redundant ignore_changes element', 'lifecycle.ignore_changes of lifeboat_backup_policy.nightly (app/nightly) lists status, which Lifeboat sets by itself and configuration never changes; remove it.'],
    ]);
  });

  it('checks lifecycle.replace_triggered_by references', () => {
    const problems = validate({
      variable: { v: {} },
      resource: {
        lifeboat_backup: {
          a: { cluster_id: 'x' },
          b: { cluster_id: 'x', lifecycle: { replace_triggered_by: ['lifeboat_backup.a.backup_id', 'var.v', 'lifeboat_backup.missing'] } },
        },
      },
    });

    expect(brief(problems)).toEqual([
      { severity: 'error', summary: 'Invalid replace_triggered_by expression', address: 'lifeboat_backup.b', attribute: 'lifecycle.replace_triggered_by' },
      { severity: 'error', summary: 'Reference to undeclared resource', address: 'lifeboat_backup.b', attribute: 'lifecycle.replace_triggered_by' },
    ]);
  });

  it('refuses count together with for_each, and literal counts that are not whole numbers', () => {
    const problems = validate({
      resource: {
        lifeboat_backup: {
          both: { '//': meta('app/both'), count: 2, for_each: ['a'], cluster_id: 'x' },
          negative: { count: -1, cluster_id: 'x' },
          fraction: { count: 1.5, cluster_id: 'x' },
          scalar: { for_each: 'in01-a', cluster_id: 'x' },
        },
      },
    });

    expect(problems.map((d) => [d.summary, d.address, d.detail])).toEqual([
      [
        'Invalid combination of "count" and "for_each"',
        'lifeboat_backup.both',
        'lifeboat_backup.both (app/both) sets both count and for_each; use one: count for n alike instances, for_each for one instance per key.',
      ],
      ['Invalid count argument', 'lifeboat_backup.negative', 'count of lifeboat_backup.negative must be a whole number ≥ 0 (got -1); for one instance per element of a list, use for_each = toset(…) instead.'],
      ['Invalid count argument', 'lifeboat_backup.fraction', 'count of lifeboat_backup.fraction must be a whole number ≥ 0 (got 1.5); for one instance per element of a list, use for_each = toset(…) instead.'],
      ['Invalid for_each argument', 'lifeboat_backup.scalar', 'for_each of lifeboat_backup.scalar must be a map or a set of strings; got the string "in01-a". Wrap a list in toset(…), or give a map.'],
    ]);
  });

  it('checks the provider meta-argument against the declared aliases', () => {
    const problems = validate({
      provider: { lifeboat: [{}, { alias: 'dr' }] },
      resource: {
        lifeboat_backup: {
          a: { cluster_id: 'x', provider: 'lifeboat.dr' },
          b: { cluster_id: 'x', provider: 'lifeboat.rd' },
          c: { cluster_id: 'x', provider: 'aws' },
        },
      },
    });

    expect(problems.map((d) => [d.summary, d.address, d.detail])).toEqual([
      [
        'Provider configuration not present',
        'lifeboat_backup.b',
        'lifeboat_backup.b uses provider lifeboat.rd, but no lifeboat provider block has alias "rd". Did you mean "dr"? Add a provider block with "alias": "rd", or correct the provider.',
      ],
      ['Invalid provider reference', 'lifeboat_backup.c', 'provider of lifeboat_backup.c is "aws", but lifeboat_backup belongs to the lifeboat provider; use "lifeboat" or "lifeboat.<alias>".'],
    ]);
  });
});

describe('validateConfiguration: providers, variables, imports and moved blocks', () => {
  it('knows only the lifeboat provider and its arguments', () => {
    const problems = validate({
      terraform: { required_providers: { lifeboat: { source: 'lifeboat/lifeboat' }, random: { source: 'hashicorp/random' } } },
      provider: { lifeboat: { endpoint: 'http://localhost:19530', api_token: 'x', project_id: 7 }, aws: { region: 'eu-west-1' } },
    });

    expect(problems.map((d) => [d.severity, d.summary, d.detail])).toEqual([
      ['error', 'Unsupported argument', 'An argument named "api_token" is not expected in the lifeboat provider (main.tf.json). Did you mean "api_key"? It takes endpoint, api_key, project_id, and alias.'],
      ['error', 'Incorrect attribute value type', 'project_id of the lifeboat provider must be a string (got 7).'],
      ['warning', 'Unsupported provider', 'The configuration uses the "aws" provider, which Lifeboat ignores: it plans only the lifeboat provider. Apply aws resources with Terraform, from a separate stack.'],
      ['warning', 'Unsupported provider', 'The configuration uses the "random" provider, which Lifeboat ignores: it plans only the lifeboat provider. Apply random resources with Terraform, from a separate stack.'],
    ]);
  });

  it('checks variable types and defaults', () => {
    const problems = validate({
      variable: {
        clusters: { type: 'list(strin)' },
        days: { type: 'number', default: 'a week' },
        region: { type: 'string', default: '${local.region}' },
        checked: { type: 'string', validation: [{ condition: '${length(var.checked) > 3}', error_message: 'too short' }] },
      },
    });

    expect(problems.map((d) => [d.severity, d.summary, d.address, d.detail])).toEqual([
      [
        'error',
        'Invalid type specification',
        'var.clusters',
        'The type of var.clusters is invalid: "strin" is not a type; a type is string, number, bool, any, list(…), set(…), map(…), object({…}) or tuple([…]).',
      ],
      ['error', 'Invalid default value for variable', 'var.days', 'The default of var.days must be a number (got "a week"), but the variable is declared as number. Fix the default or the type.'],
      [
        'error',
        'Variables not allowed',
        'var.region',
        'The default of var.region must be a literal value; it cannot use expressions (got "${local.region}"). Use a local value for computed defaults.',
      ],
      ['warning', 'Validation not checked', 'var.checked', 'Lifeboat does not evaluate variable validation rules yet; the ones on var.checked are skipped.'],
    ]);
  });

  it('checks import targets exist and can be imported', () => {
    const problems = validate({
      resource: {
        lifeboat_backup: { b: { cluster_id: 'x' } },
        lifeboat_collection_restore: { r: { source_cluster_id: 'a', backup_id: 'b', dest_cluster_id: 'c', collection_name: 'orders' } },
      },
      import: [
        { to: 'lifeboat_backup.b', id: 'in01-a/backup-1' },
        { to: 'lifeboat_backup.c', id: 'in01-a/backup-2' },
        { to: 'lifeboat_collection_restore.r', id: 'c/default/orders' },
        { to: 'var.x', id: 'x' },
      ],
    });

    expect(problems.map((d) => [d.summary, d.detail])).toEqual([
      [
        'Configuration for import target does not exist',
        'An import block in main.tf.json targets lifeboat_backup.c, but lifeboat_backup.c is not declared. Did you mean "lifeboat_backup.b"? Add the resource block it should be imported into.',
      ],
      ['Resource type does not support import', 'lifeboat_collection_restore cannot be imported (lifeboat_collection_restore.r in main.tf.json); remove the import block and let Lifeboat create it.'],
      ['Invalid import address', 'An import block in main.tf.json has to = "var.x"; it must be a managed resource address such as lifeboat_backup.b or lifeboat_backup.b["key"].'],
    ]);
  });

  it('checks moved blocks: the target is declared, the source is not, the types match', () => {
    const problems = validate({
      resource: { lifeboat_backup: { new: { cluster_id: 'x' }, old: { cluster_id: 'x' } } },
      moved: [
        { from: 'lifeboat_backup.old', to: 'lifeboat_backup.new' },
        { from: 'lifeboat_copy_policy.a', to: 'lifeboat_backup.gone' },
      ],
    });

    expect(problems.map((d) => d.summary)).toEqual(['Moved object still declared', 'Resource type mismatch', 'Moved object target does not exist']);
  });
});

describe('computed-only attributes', () => {
  it('treats an attribute as settable when it is required, defaulted, optional or not computed', () => {
    expect(isComputedOnly({ type: 'string', description: 'id', computed: true })).toBe(true);
    expect(isComputedOnly({ type: 'string', description: 'x', computed: true, required: true })).toBe(false);
    expect(isComputedOnly({ type: 'string', description: 'x', computed: true, default: 'a' })).toBe(false);
    expect(isComputedOnly({ type: 'string', description: 'x', computed: true, optional: true })).toBe(false);
    expect(isComputedOnly({ type: 'string', description: 'x' })).toBe(false);
  });
});
