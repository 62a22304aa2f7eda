import type { OutputChange } from '../../plan/types.js';
import type { Palette } from './palette.js';
import { changeSymbol, kindOf } from './symbols.js';
import { diffValue } from './value-diff.js';
import { renderValue } from './value-render.js';

/** Output changes as lines under "Changes to Outputs:", sorted by name and aligned; no-ops are left out. */
export function renderOutputChanges(outputs: readonly OutputChange[], palette: Palette): string[] {
  const sorted = [...outputs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const width = Math.max(0, ...sorted.map((output) => output.name.length));
  const lines: string[] = [];
  for (const output of sorted) {
    const kind = kindOf(output.actions);
    if (kind === undefined) continue;
    const diff = diffValue({
      before: output.before,
      after: output.after,
      afterUnknown: output.afterUnknown,
      sensitive: output.sensitive ? true : undefined,
      type: undefined,
      replacePaths: [],
    });
    lines.push(`${changeSymbol(kind, palette)} ${output.name.padEnd(width)} = ${renderValue(diff, 0, { palette, showUnchanged: false, overrideNullSuffix: false })}`);
  }
  return lines;
}

/** Whether any output changes. */
export const hasOutputChanges = (outputs: readonly OutputChange[]): boolean => outputs.some((output) => kindOf(output.actions) !== undefined);
