import { describe, expect, it } from 'vitest';
import { normalizeHumanRenderOptions, renderPlan, type ProviderSchemas } from '../../src/render/index.js';
import { change, output, plan as makePlan } from '../fixtures/render/builders.js';
import { fixtureNames, loadFixture } from './golden.js';

const textOf = async (name: string): Promise<string> => renderPlan((await loadFixture(name)).plan, { color: false });
const escapeCharacter = String.fromCharCode(27);
const hasAnsi = (text: string): boolean => text.includes(`${escapeCharacter}[`);
const stripAnsi = (text: string): string => text.replace(new RegExp(`${escapeCharacter}\\[[0-9;]*m`, 'g'), '');

describe('renderPlan', () => {
  it('lists only the symbols the plan uses in the legend', async () => {
    const create = await textOf('create');
    expect(create).toContain('symbols:\n  + create\n\nLifeboat will perform the following actions:');
    const replace = await textOf('replace');
    expect(replace).toContain('symbols:\n-/+ destroy and then create replacement\n+/- create replacement and then destroy\n\n');
    expect(replace).not.toContain('  + create\n');
    expect(await textOf('data-read')).toContain('  + create\n <= read (data resources)\n');
  });

  it('shows an in-place update with unchanged attributes hidden behind a count, and id kept for orientation', async () => {
    expect(await textOf('update')).toContain(
      [
        '  # lifeboat_backup_policy.nightly will be updated in-place',
        '  # (construct: stack/nightly/policy)',
        '  ~ resource "lifeboat_backup_policy" "nightly" {',
        '        id             = "in01-7f3a9c"',
        '      ~ retention_days = 7 -> 14',
        '        # (5 unchanged attributes hidden)',
        '    }',
      ].join('\n'),
    );
  });

  it('puts # forces replacement after the attribute that forces it and counts a replacement as an add and a destroy', async () => {
    const text = await textOf('replace');
    expect(text).toContain('+/- resource "lifeboat_cluster_restore" "standby" {\n      ~ backup_id         = "bk-0001" -> "bk-0002" # forces replacement\n');
    expect(text).toContain('      ~ copy_regions = [ # forces replacement\n            # (3 unchanged elements hidden)\n            "ap-northeast-1",\n          - "sa-east-1",\n          + "ca-central-1",\n        ]');
    expect(text).toContain('      ~ id                = "in02-standby" -> (known after apply)\n');
    expect(text).toContain('Plan: 2 to add, 0 to change, 2 to destroy.');
  });

  it('says why each instance is destroyed, on a line of its own', async () => {
    const text = await textOf('delete');
    expect(text).toContain('  # lifeboat_backup_policy.legacy will be destroyed\n  # (because lifeboat_backup_policy.legacy is not in configuration)\n');
    expect(text).toContain('  # lifeboat_copy_policy.dr["ap-south-1"] will be destroyed\n  # (because key ["ap-south-1"] is not in for_each map)\n  # (construct: stack/dr/copies)\n');
    expect(text).toContain('  # lifeboat_backup.snapshot[2] will be destroyed\n  # (because index [2] is out of range for count)\n');
    expect(text).toContain('      - retention_days = 7 -> null\n');
    expect(text).toContain('Plan: 0 to add, 0 to change, 3 to destroy.');
  });

  it('reads a data source during apply when its configuration is not known yet', async () => {
    const text = await textOf('data-read');
    expect(text).toContain('  # data.lifeboat_latest_backup.dr_copy will be read during apply\n  # (config refers to values not yet known)\n  # (construct: stack/dr/latest)\n <= data "lifeboat_latest_backup" "dr_copy" {\n');
    expect(text).toContain('      + cluster_id      = (known after apply)\n');
    expect(text).toContain('Plan: 2 to add, 0 to change, 0 to destroy.');
  });

  it('says a tainted object must be replaced', async () => {
    expect(await textOf('tainted')).toContain('  # lifeboat_backup.before_migration is tainted, so must be replaced\n-/+ resource "lifeboat_backup" "before_migration" {\n');
  });

  it('words the other replacement and read reasons as Terraform does', () => {
    const replaced = (actionReason: 'replace_by_triggers' | 'replace_by_request') =>
      change({ address: 'lifeboat_backup.b', actions: ['delete', 'create'], actionReason, before: { cluster_id: 'in01' }, after: { cluster_id: 'in01' } });
    expect(renderPlan(makePlan({ resourceChanges: [replaced('replace_by_triggers')] }))).toContain('  # lifeboat_backup.b will be replaced due to changes in replace_triggered_by\n');
    expect(renderPlan(makePlan({ resourceChanges: [replaced('replace_by_request')] }))).toContain('  # lifeboat_backup.b will be replaced, as requested\n');
    const pending = change({ address: 'data.lifeboat_cluster.c', actions: ['read'], actionReason: 'read_because_dependency_pending', after: { cluster_id: 'in01' }, afterUnknown: { id: true } });
    expect(renderPlan(makePlan({ resourceChanges: [pending] }))).toContain('  # (depends on a resource or a module with changes pending)\n <= data "lifeboat_cluster" "c" {\n');
  });

  it('shows drift only for instances that also have a planned change', async () => {
    const text = await textOf('drift');
    const drift = text.slice(0, text.indexOf('─'));
    expect(drift).toContain('# lifeboat_backup_policy.nightly has changed');
    expect(drift).toContain('# lifeboat_backup.before_migration has been deleted');
    expect(text).not.toContain('lifeboat_copy_policy.dr');
    expect(await textOf('no-changes')).not.toContain('Objects have changed outside of Lifeboat');
  });

  it('shows all drift in a refresh-only plan, with the refresh-only wording and no summary line', async () => {
    const text = await textOf('refresh-only');
    expect(text).toContain('# lifeboat_backup_policy.nightly has changed');
    expect(text).toContain('# lifeboat_copy_policy.dr has been deleted');
    expect(text).toContain('This is a refresh-only plan, so Lifeboat will not take any actions to undo\nthese.');
    expect(text).not.toContain('Plan:');
    expect(await textOf('refresh-only-clean')).toMatch(/^No changes\. Your infrastructure still matches the configuration\./);
  });

  it('says No changes when nothing changes, in the words of each mode', async () => {
    expect(await textOf('no-changes')).toMatch(/^No changes\. Your infrastructure matches the configuration\.\n\nLifeboat has compared/);
    expect(await textOf('destroy-nothing')).toMatch(/^No changes\. No objects need to be destroyed\./);
  });

  it('lists output changes aligned and sorted, and says applying only saves them when nothing else changes', async () => {
    const text = await textOf('outputs');
    expect(text.startsWith('Changes to Outputs:\n  ~ dr_regions       = [\n')).toBe(true);
    expect(text).toContain('  ~ latest_backup_id = "bk-0001" -> (known after apply)\n  - legacy_cluster   = "in01-legacy" -> null\n');
    expect(text).toContain('  + standby_password = (sensitive value)\n');
    expect(text).not.toContain('cluster_id');
    expect(text).toContain('You can apply this plan to save these new output values to the Lifeboat\nstate');
    expect(await textOf('sensitive')).toMatch(/Plan: 1 to add, 1 to change, 1 to destroy\.\n\nChanges to Outputs:\n {2}~ standby_password = \(sensitive value\)\n$/);
  });

  it('shows a partial plan and then the diagnostics when planning failed part way', async () => {
    const text = await textOf('diagnostics');
    expect(text).toContain('Lifeboat planned the following actions, but then encountered a problem:');
    expect(text).toContain('Plan: 1 to add, 0 to change, 0 to destroy.\n\nError: Invalid retention_days\n');
    expect(renderPlan(makePlan({ errored: true, diagnostics: [{ severity: 'error', summary: 'Cycle', detail: '' }] }))).toBe(
      'Planning failed. Lifeboat encountered an error while generating this plan.\n\nError: Cycle\n',
    );
  });

  it('colours symbols and headings only when asked, and the text is otherwise the same', async () => {
    for (const name of fixtureNames()) {
      const { plan } = await loadFixture(name);
      const plain = renderPlan(plan, { color: false });
      expect(hasAnsi(plain)).toBe(false);
      if (plan.diagnostics.length === 0) expect(stripAnsi(renderPlan(plan, { color: true }))).toBe(plain);
    }
    const colored = renderPlan((await loadFixture('replace')).plan, { color: true });
    expect(colored).toContain('\u001b[31m-\u001b[0m/\u001b[32m+\u001b[0m resource');
    expect(colored).toContain('\u001b[32m+\u001b[0m/\u001b[31m-\u001b[0m resource');
    expect(colored).toContain('\u001b[31m# forces replacement\u001b[0m');
    expect(colored).toContain('must be \u001b[1m\u001b[31mreplaced\u001b[0m');
    expect(renderPlan((await loadFixture('data-read')).plan, { color: true })).toContain(' \u001b[36m<=\u001b[0m data');
    expect(renderPlan((await loadFixture('update')).plan, { color: true })).toContain('  \u001b[33m~\u001b[0m resource');
  });

  it('wraps prose to the width and leaves attribute lines alone', async () => {
    const { plan } = await loadFixture('create');
    const narrow = renderPlan(plan, { width: 40 });
    expect(narrow).toContain('Lifeboat used the selected providers to\ngenerate the following execution plan.\n');
    expect(narrow).toContain('      + collections  = [\n');
    expect(renderPlan(plan, { width: 0 })).toContain('Lifeboat used the selected providers to generate the following execution plan. Resource actions are indicated with the following symbols:\n');
    expect(() => normalizeHumanRenderOptions({ width: -1 })).toThrow(RangeError);
  });

  it('quotes map keys, leaves object keys bare, and shows nested changes in place', () => {
    const schemas: ProviderSchemas = {
      managed: {
        lifeboat_widget: {
          description: 'test type',
          attributes: {
            labels: { type: { map: 'string' }, description: 'labels' },
            settings: { type: { object: { mode: { type: 'string', description: 'm' }, level: { type: 'number', description: 'l' } } }, description: 's' },
          },
        },
      },
      data: {},
    };
    const plan = makePlan({
      resourceChanges: [
        change({
          address: 'lifeboat_widget.w',
          actions: ['update'],
          before: { id: 'w', labels: { team: 'dr', 'cost-center': '42' }, settings: { mode: 'fast', level: 1 } },
          after: { id: 'w', labels: { team: 'platform', 'cost-center': '42', tier: 'gold' }, settings: { mode: 'fast', level: 2 } },
        }),
      ],
    });
    expect(renderPlan(plan, { schemas })).toContain(
      [
        '  ~ resource "lifeboat_widget" "w" {',
        '        id       = "w"',
        '      ~ labels   = {',
        // Padded to the hidden "cost-center", as Terraform pads to every key of the map.
        '          ~ "team"        = "dr" -> "platform"',
        '          + "tier"        = "gold"',
        '            # (1 unchanged element hidden)',
        '        }',
        '      ~ settings = {',
        '          ~ level = 1 -> 2',
        '            # (1 unchanged attribute hidden)',
        '        }',
        '    }',
      ].join('\n'),
    );
  });

  it('shows a multi-line string as a heredoc with changed lines marked', () => {
    const plan = makePlan({
      resourceChanges: [change({ address: 'lifeboat_widget.w', actions: ['update'], before: { id: 'w', note: 'first\nsecond\nthird' }, after: { id: 'w', note: 'first\n2nd\nthird' } })],
    });
    expect(renderPlan(plan)).toContain(
      ['      ~ note = <<-EOT', '            first', '          - second', '          + 2nd', '            third', '        EOT'].join('\n'),
    );
  });

  it('draws a value that changes type as the old value, an arrow, and the new one', () => {
    const plan = makePlan({
      resourceChanges: [change({ address: 'lifeboat_widget.w', actions: ['update'], before: { id: 'w', target: 'eu' }, after: { id: 'w', target: ['eu', 'us'] } })],
    });
    expect(renderPlan(plan)).toContain('      ~ target = "eu" -> [\n          + "eu",\n          + "us",\n        ]\n');
  });

  it('lists changes in address order with count indexes in numeric order', () => {
    const plan = makePlan({
      resourceChanges: [10, 2, 1].map((index) => change({ address: `lifeboat_backup.b[${index}]`, actions: ['create'], after: { cluster_id: 'in01' } })),
    });
    const text = renderPlan(plan);
    expect([...text.matchAll(/# (lifeboat_backup\.b\[\d+\])/g)].map((match) => match[1])).toEqual(['lifeboat_backup.b[1]', 'lifeboat_backup.b[2]', 'lifeboat_backup.b[10]']);
  });

  it('leaves no-op outputs and resources out entirely', () => {
    const plan = makePlan({
      resourceChanges: [change({ address: 'lifeboat_copy_policy.dr', actions: ['no-op'], before: { id: 'x' }, after: { id: 'x' } })],
      outputChanges: [output({ name: 'same', actions: ['no-op'], before: 1, after: 1 })],
    });
    expect(renderPlan(plan)).toMatch(/^No changes\./);
  });
});
