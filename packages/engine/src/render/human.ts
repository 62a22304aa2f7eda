import { isMoved, type Plan, type ResourceChange } from '../plan/types.js';
import { renderDiagnostics } from './diagnostics.js';
import { normalizeHumanRenderOptions, type HumanRenderOptions } from './options.js';
import { compareInstances } from './internal/order.js';
import { renderOutputChanges } from './internal/outputs.js';
import { paletteFor, type Palette } from './internal/palette.js';
import { renderResourceChange, type ChangeCause } from './internal/resource-change.js';
import { changeSymbol, kindOf, legendOrder, legendText } from './internal/symbols.js';
import { horizontalRule, wordWrap } from './internal/text.js';
import { countChanges } from './summary.js';

/**
 * Renders a plan for people, the way `terraform plan` prints it: drift that matters, the legend
 * of the symbols used, each change with its reasons and construct path, the summary line,
 * output changes, then diagnostics. Sensitive attributes (from the plan and the schemas) show
 * as `(sensitive value)`; their values are never read.
 *
 * Returns the text; the engine never prints (the CLI's views do).
 *
 * @example
 * process.stdout.write(renderPlan(plan, { color: process.stdout.isTTY, width: process.stdout.columns }));
 */
export function renderPlan(plan: Plan, options: HumanRenderOptions = {}): string {
  const normalized = normalizeHumanRenderOptions(options);
  const palette = paletteFor(normalized.color);
  const wrap = (text: string): string => wordWrap(text, normalized.width);
  const render = (change: ResourceChange, cause: ChangeCause): string => renderResourceChange({ change, cause, palette, schemas: normalized.schemas });

  const changes = plan.resourceChanges.filter(isShown).sort(compareInstances);
  // Moves alone need no legend and count nowhere in the summary line, as in Terraform.
  const acting = changes.some((change) => kindOf(change.actions) !== undefined);
  const drift = driftWorthShowing(plan, changes).sort(compareInstances);
  const outputLines = renderOutputChanges(plan.outputChanges, palette);

  const blocks: string[] = [];
  if (drift.length > 0) {
    const intro =
      plan.mode === 'refresh-only'
        ? 'Lifeboat detected the following changes made outside of Lifeboat since the last "lifeboat apply":'
        : 'Lifeboat detected the following changes made outside of Lifeboat since the last "lifeboat apply" which may have affected this plan:';
    const outro =
      plan.mode === 'refresh-only'
        ? 'This is a refresh-only plan, so Lifeboat will not take any actions to undo these. If you were expecting these changes then you can apply this plan to record the updated values in the Lifeboat state without changing any remote objects.'
        : 'Unless you have made equivalent changes to your configuration, or ignored the relevant attributes using ignore_changes, the following plan may include actions to undo or respond to these changes.';
    const section = [`${palette.boldCyan('Note:')}${palette.bold(' Objects have changed outside of Lifeboat')}`, wrap(intro), ...drift.map((change) => render(change, 'drift'))];
    // Terraform leaves two blank lines before the closing paragraph, setting it apart from the last object.
    blocks.push(`${section.join('\n\n')}\n\n\n${wrap(outro)}`);
    if (plan.mode !== 'refresh-only') blocks.push(palette.darkGray(horizontalRule(normalized.width || 78)));
  }

  if (changes.length === 0 && outputLines.length === 0) {
    blocks.push(noChanges(plan, drift.length > 0, palette, wrap));
  } else {
    if (changes.length > 0) {
      if (acting) blocks.push(legend(changes, palette, wrap));
      blocks.push(plan.errored ? 'Lifeboat planned the following actions, but then encountered a problem:' : 'Lifeboat will perform the following actions:');
      blocks.push(...changes.map((change) => render(change, 'planned')));
      const counts = countChanges(changes);
      blocks.push(`${palette.bold('Plan:')} ${counts.add} to add, ${counts.change} to change, ${counts.destroy} to destroy.`);
    }
    if (outputLines.length > 0) {
      blocks.push(`${palette.bold('Changes to Outputs:')}\n${outputLines.join('\n')}`);
      if (!acting && !plan.errored) {
        blocks.push(wrap('You can apply this plan to save these new output values to the Lifeboat state, without changing any real infrastructure.'));
      }
    }
  }
  const text = blocks.filter((block) => block !== '').join('\n\n');
  return `${text === '' ? '' : `${text}\n`}${renderDiagnostics(plan.diagnostics, normalized)}`;
}

/**
 * Terraform shows drift only where it bears on the plan, so a busy account does not bury the
 * plan under noise: here, drift of instances that also have a planned change. A refresh-only
 * plan is about drift, so it shows all of it. The JSON keeps all drift either way.
 */
function driftWorthShowing(plan: Plan, changes: readonly ResourceChange[]): ResourceChange[] {
  // A refresh-only plan has no changes to show moves in, so its drift shows them (Terraform's rule).
  if (plan.mode === 'refresh-only') return plan.resourceDrift.filter(isShown);
  const changed = new Set(changes.map((change) => change.address));
  return plan.resourceDrift.filter((change) => kindOf(change.actions) !== undefined && changed.has(change.address));
}

/** Changes that do something, and moves that do nothing else (applying them rewrites the state). */
const isShown = (change: ResourceChange): boolean => kindOf(change.actions) !== undefined || isMoved(change);

function legend(changes: readonly ResourceChange[], palette: Palette, wrap: (text: string) => string): string {
  const used = new Set(changes.map((change) => kindOf(change.actions)));
  const symbols = legendOrder.filter((kind) => used.has(kind)).map((kind) => `${changeSymbol(kind, palette)} ${legendText[kind]}`);
  return [wrap('Lifeboat used the selected providers to generate the following execution plan. Resource actions are indicated with the following symbols:'), ...symbols].join('\n');
}

function noChanges(plan: Plan, driftShown: boolean, palette: Palette, wrap: (text: string) => string): string {
  const headline = (first: string, rest: string): string => `${palette.boldGreen(first)}${palette.bold(` ${rest}`)}`;
  if (plan.errored) return `${palette.boldRed('Planning failed.')}${palette.bold(' Lifeboat encountered an error while generating this plan.')}`;
  switch (plan.mode) {
    case 'refresh-only':
      // The drift section already said what applying this plan would do.
      if (driftShown) return '';
      return `${headline('No changes.', 'Your infrastructure still matches the configuration.')}\n\n${wrap('Lifeboat has checked that the real remote objects still match the result of your most recent changes, and found no differences.')}`;
    case 'destroy':
      return `${headline('No changes.', 'No objects need to be destroyed.')}\n\n${wrap('Either you have not created any objects yet or the existing objects were already deleted outside of Lifeboat.')}`;
    case 'normal':
      return `${headline('No changes.', 'Your infrastructure matches the configuration.')}\n\n${wrap('Lifeboat has compared your real infrastructure against your configuration and found no differences, so no changes are needed.')}`;
  }
}
