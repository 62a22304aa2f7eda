import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/plan/types.js';
import { renderDiagnostics } from '../../src/render/index.js';

const retention: Diagnostic = {
  severity: 'error',
  summary: 'Invalid retention_days',
  detail: 'retention_days must be 1–30 (got 45) in lifeboat_backup_policy.nightly (stack/nightly).',
  address: 'lifeboat_backup_policy.nightly',
  constructPath: 'stack/nightly/policy',
  attribute: 'retention_days',
};

describe('renderDiagnostics', () => {
  it('writes an error as Terraform does without colour: summary, where, then the detail', () => {
    expect(renderDiagnostics([retention])).toBe(
      [
        '',
        'Error: Invalid retention_days',
        '',
        '  on lifeboat_backup_policy.nightly (construct stack/nightly/policy), attribute "retention_days":',
        '',
        'retention_days must be 1–30 (got 45) in lifeboat_backup_policy.nightly',
        '(stack/nightly).',
        '',
      ].join('\n'),
    );
  });

  it('names the construct alone when there is no address, and leaves the line out when there is neither', () => {
    expect(renderDiagnostics([{ severity: 'warning', summary: 'Unused variable', detail: 'Remove it.', constructPath: 'stack/vars' }])).toBe(
      '\nWarning: Unused variable\n\n  on construct stack/vars:\n\nRemove it.\n',
    );
    expect(renderDiagnostics([{ severity: 'error', summary: 'Cycle', detail: 'a → b → a' }])).toBe('\nError: Cycle\n\na → b → a\n');
    expect(renderDiagnostics([{ severity: 'error', summary: 'No detail', detail: '', address: 'lifeboat_backup.b' }])).toBe('\nError: No detail\n\n  on lifeboat_backup.b:\n');
  });

  it('keeps indented detail lines as written and wraps the rest', () => {
    const text = renderDiagnostics([{ severity: 'error', summary: 'S', detail: `${'word '.repeat(20).trim()}\n    keep   this   line   exactly   as   it   is   even   though   it   is   long`, address: 'a.b' }], { width: 40 });
    expect(text).toContain('word word word word word word word\nword word word word word word word word\n');
    expect(text).toContain('\n    keep   this   line   exactly   as   it   is   even   though   it   is   long\n');
  });

  it('frames each diagnostic in a red (error) or yellow (warning) rule with colour on', () => {
    const text = renderDiagnostics([retention, { severity: 'warning', summary: 'Deprecated', detail: 'Use x.' }], { color: true, width: 0 });
    const red = (s: string): string => `\u001b[31m${s}\u001b[0m`;
    const yellow = (s: string): string => `\u001b[33m${s}\u001b[0m`;
    expect(text).toBe(
      [
        red('╷'),
        `${red('│')} \u001b[1m\u001b[31mError: \u001b[0m\u001b[1mInvalid retention_days\u001b[0m`,
        red('│'),
        `${red('│')}   on lifeboat_backup_policy.nightly (construct stack/nightly/policy), attribute "retention_days":`,
        red('│'),
        `${red('│')} ${retention.detail}`,
        red('╵'),
        yellow('╷'),
        `${yellow('│')} \u001b[1m\u001b[33mWarning: \u001b[0m\u001b[1mDeprecated\u001b[0m`,
        yellow('│'),
        `${yellow('│')} Use x.`,
        yellow('╵'),
        '',
      ].join('\n'),
    );
  });

  it('renders nothing for no diagnostics', () => {
    expect(renderDiagnostics([])).toBe('');
  });
});
