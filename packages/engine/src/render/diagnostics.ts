import type { Diagnostic } from '../plan/types.js';
import { normalizeHumanRenderOptions, type HumanRenderOptions } from './options.js';
import { paletteFor } from './internal/palette.js';
import { wordWrap } from './internal/text.js';

/**
 * Renders diagnostics as Terraform prints them: `Error: <summary>`, where (`on <address>
 * (construct <path>)`), then the detail. Without colour each starts with a blank line, as
 * Terraform's plain form does; with colour each is framed by the red (or yellow) `╷ │ ╵` rule.
 *
 * @example
 * renderDiagnostics([{ severity: 'error', summary: 'Invalid retention_days', detail: 'retention_days must be 1–30 (got 45).', address: 'lifeboat_backup_policy.nightly' }]);
 * // "\nError: Invalid retention_days\n\n  on lifeboat_backup_policy.nightly:\n\nretention_days must be 1–30 (got 45).\n"
 */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: HumanRenderOptions = {}): string {
  const { color, width } = normalizeHumanRenderOptions(options);
  return diagnostics.map((diagnostic) => (color ? framed(diagnostic, width) : plain(diagnostic, width))).join('');
}

function plain(diagnostic: Diagnostic, width: number): string {
  const label = diagnostic.severity === 'error' ? 'Error: ' : 'Warning: ';
  return `\n${[`${label}${diagnostic.summary}`, ...rest(diagnostic, width)].join('\n')}\n`;
}

function framed(diagnostic: Diagnostic, width: number): string {
  const palette = paletteFor(true);
  const error = diagnostic.severity === 'error';
  const rule = error ? palette.red : palette.yellow;
  const label = error ? palette.boldRed('Error: ') : palette.boldYellow('Warning: ');
  // The rule takes two columns, so the detail wraps two columns earlier.
  const lines = [`${label}${palette.bold(diagnostic.summary)}`, ...rest(diagnostic, width === 0 ? 0 : Math.max(width - 1, 2))];
  return [rule('╷'), ...lines.map((line) => (line === '' ? rule('│') : `${rule('│')} ${line}`)), rule('╵')].join('\n') + '\n';
}

/** Everything after the summary line: where, then the detail, separated by blank lines. */
function rest(diagnostic: Diagnostic, width: number): string[] {
  const lines: string[] = [];
  const where = location(diagnostic);
  if (where !== undefined) lines.push('', `  on ${where}:`);
  if (diagnostic.detail !== '') lines.push('', ...wordWrap(diagnostic.detail, width).split('\n'));
  return lines;
}

function location({ address, constructPath, attribute }: Diagnostic): string | undefined {
  const construct = constructPath === undefined ? undefined : address === undefined ? `construct ${constructPath}` : `(construct ${constructPath})`;
  const subject = [address, construct].filter((part) => part !== undefined).join(' ');
  if (attribute === undefined) return subject === '' ? undefined : subject;
  return subject === '' ? `attribute ${JSON.stringify(attribute)}` : `${subject}, attribute ${JSON.stringify(attribute)}`;
}
