import { alignElements } from './list-alignment.js';
import type { Palette } from './palette.js';
import { attributeKey, indent, mapKey, plural } from './text.js';
import type { DiffAction, ListDiff, ObjectDiff, PrimitiveDiff, ValueDiff } from './value-diff.js';

/**
 * Draws a {@link ValueDiff} the way Terraform's `computed/renderers` do. A value rendered at
 * `level` returns its first line bare (it follows `key = `) and indents the lines after it;
 * nested lines are `indent(level + 1)` plus a two-column action symbol, and a closing bracket
 * lines up with the key it belongs to.
 */

export interface RenderOptions {
  readonly palette: Palette;
  /** Show unchanged children instead of counting them (list context, unchanged context elements). */
  readonly showUnchanged: boolean;
  /** Leave out ` -> null`: list elements, object attributes, the old side of `x -> (known after apply)`. */
  readonly overrideNullSuffix: boolean;
}

/** The marker that starts a line inside a body: `  + `, `  ~ `, `  - ` or four spaces. */
export function lineSymbol(action: DiffAction, palette: Palette): string {
  switch (action) {
    case 'create':
      return `  ${palette.green('+')} `;
    case 'update':
      return `  ${palette.yellow('~')} `;
    case 'delete':
      return `  ${palette.red('-')} `;
    case 'no-op':
      return '    ';
  }
}

/** Blocks and objects always show these, changed or not, so the reader knows which object it is (Terraform's rule). */
const importantAttributes = new Set(['id', 'name', 'tags']);

/** A resource's attributes: an object drawn as a block (`{` … `    }`, no `-> null`, `id` always shown). */
export const renderBlock = (diff: ValueDiff, options: RenderOptions): string =>
  diff.kind === 'object' ? renderObject(diff, 0, options, true) : `{}${replaceSuffix(diff.replace, options.palette)}`;

export function renderValue(diff: ValueDiff, level: number, options: RenderOptions): string {
  const { palette } = options;
  switch (diff.kind) {
    case 'primitive':
      return renderPrimitive(diff, level, options);
    case 'sensitive':
      return `(sensitive value)${nullSuffix(diff.action, options)}${replaceSuffix(diff.replace, palette)}`;
    case 'unknown':
      if (diff.before === undefined) return `(known after apply)${replaceSuffix(diff.replace, palette)}`;
      return `${renderValue(diff.before, level, { ...options, overrideNullSuffix: true })} -> (known after apply)${replaceSuffix(diff.replace, palette)}`;
    case 'type-change':
      return `${renderValue(diff.before, level, { ...options, overrideNullSuffix: true })} ${palette.yellow('->')} ${renderValue(diff.after, level, options)}${replaceSuffix(diff.replace, palette)}`;
    case 'list':
      return renderList(diff, level, options);
    case 'object':
      return renderObject(diff, level, options, false);
  }
}

function renderPrimitive(diff: PrimitiveDiff, level: number, options: RenderOptions): string {
  const { palette } = options;
  if (isMultiline(diff.before) || isMultiline(diff.after)) return renderHeredoc(diff, level, options);
  const literal = (value: PrimitiveDiff['before']): string => (value === null ? palette.darkGray('null') : typeof value === 'string' ? JSON.stringify(value) : String(value));
  const replace = replaceSuffix(diff.replace, palette);
  switch (diff.action) {
    case 'create':
      return `${literal(diff.after)}${replace}`;
    case 'no-op':
      return `${literal(diff.before)}${replace}`;
    case 'delete':
      return `${literal(diff.before)}${nullSuffix(diff.action, options)}${replace}`;
    case 'update':
      return `${literal(diff.before)} ${palette.yellow('->')} ${literal(diff.after)}${replace}`;
  }
}

const isMultiline = (value: PrimitiveDiff['before']): value is string => typeof value === 'string' && value.includes('\n');

/** Multi-line strings as Terraform shows them: a `<<-EOT` heredoc, changed lines marked `+` / `-`. */
function renderHeredoc(diff: PrimitiveDiff, level: number, options: RenderOptions): string {
  const { palette } = options;
  const split = (value: PrimitiveDiff['before']): string[] => (typeof value === 'string' ? value.split('\n') : value === null ? [] : [String(value)]);
  const before = diff.action === 'create' ? [] : split(diff.before);
  const after = diff.action === 'delete' ? [] : diff.action === 'no-op' ? before : split(diff.after);
  const lines =
    diff.action === 'update'
      ? alignElements({ beforeLength: before.length, afterLength: after.length, equal: (b, a) => before[b] === after[a], bothObjects: () => false }).map((pair) => {
          if (pair.before === undefined) return `${lineSymbol('create', palette)}${after[pair.after ?? 0] ?? ''}`;
          if (pair.after === undefined) return `${lineSymbol('delete', palette)}${before[pair.before] ?? ''}`;
          return `${lineSymbol('no-op', palette)}${before[pair.before] ?? ''}`;
        })
      : (diff.action === 'create' ? after : before).map((line) => `${lineSymbol('no-op', palette)}${line}`);
  const body = lines.map((line) => `${indent(level + 1)}${line}`).join('\n');
  return `<<-EOT${replaceSuffix(diff.replace, palette)}\n${body}\n${indent(level)}    EOT${nullSuffix(diff.action, options)}`;
}

/**
 * Lists show their changes with one unchanged element of context on each side, as Terraform
 * does, because order matters in a list; longer unchanged runs become a count.
 */
function renderList(diff: ListDiff, level: number, options: RenderOptions): string {
  const { palette } = options;
  if (diff.elements.length === 0) return `[]${nullSuffix(diff.action, options)}${replaceSuffix(diff.replace, palette)}`;
  const elementOptions: RenderOptions = { ...options, overrideNullSuffix: true };
  const contextOptions: RenderOptions = { ...elementOptions, showUnchanged: true };
  const lines: string[] = [];
  const line = (element: ValueDiff, lineOptions: RenderOptions): void => {
    lines.push(`${indent(level + 1)}${lineSymbol(element.action, palette)}${renderValue(element, level + 1, lineOptions)},`);
  };
  const hidden = (count: number): void => {
    lines.push(`${indent(level + 1)}    ${palette.darkGray(`# (${plural(count, 'unchanged element')} hidden)`)}`);
  };
  let unchanged: ValueDiff[] = [];
  let showNext = false;
  for (const element of diff.elements) {
    if (element.action === 'no-op' && !showNext && !options.showUnchanged) {
      unchanged.push(element);
      continue;
    }
    if (unchanged.length > 1) hidden(unchanged.length - 1);
    const previous = unchanged.at(-1);
    if (previous !== undefined) line(previous, contextOptions);
    unchanged = [];
    showNext = element.action !== 'no-op';
    line(element, element.action === 'no-op' ? contextOptions : elementOptions);
  }
  if (unchanged.length > 0) hidden(unchanged.length);
  return `[${replaceSuffix(diff.replace, palette)}\n${lines.join('\n')}\n${indent(level)}    ]${nullSuffix(diff.action, options)}`;
}

/**
 * Objects, maps and resource blocks, with Terraform's rules for each: a block's attributes and a
 * changed map's removed keys say `-> null`, object attributes never do (the object's own line
 * does); `id`, `name` and `tags` are shown even when unchanged; map keys are quoted.
 */
function renderObject(diff: ObjectDiff, level: number, options: RenderOptions, block: boolean): string {
  const { palette } = options;
  const closingSuffix = block ? '' : nullSuffix(diff.action, options);
  if (diff.entries.length === 0) return `{}${closingSuffix}${replaceSuffix(diff.replace, palette)}`;
  const map = diff.keys === 'map';
  const keyText = (key: string): string => (map ? mapKey(key) : attributeKey(key));
  // Terraform pads to the longest key of the object, hidden ones included, so columns stay put between plans.
  const width = Math.max(...diff.entries.map(({ key }) => keyText(key).length));
  const childOptions: RenderOptions = { ...options, overrideNullSuffix: block ? options.overrideNullSuffix : map ? diff.action === 'delete' : true };
  const lines: string[] = [];
  let hidden = 0;
  for (const { key, diff: child } of diff.entries) {
    const important = !map && importantAttributes.has(key);
    if (child.action === 'no-op' && !options.showUnchanged && !important) {
      hidden += 1;
      continue;
    }
    const rendered = renderValue(child, level + 1, important ? { ...childOptions, showUnchanged: true } : childOptions);
    const comma = map && child.kind === 'object' ? ',' : '';
    lines.push(`${indent(level + 1)}${lineSymbol(child.action, palette)}${keyText(key).padEnd(width)} = ${rendered}${comma}`);
  }
  if (hidden > 0) {
    const noun = map ? 'unchanged element' : 'unchanged attribute';
    lines.push(`${indent(level + 1)}    ${palette.darkGray(`# (${plural(hidden, noun)} hidden)`)}`);
  }
  return `{${replaceSuffix(diff.replace, palette)}\n${lines.join('\n')}\n${indent(level)}    }${closingSuffix}`;
}

const nullSuffix = (action: DiffAction, options: RenderOptions): string =>
  action === 'delete' && !options.overrideNullSuffix ? ` ${options.palette.darkGray('-> null')}` : '';

const replaceSuffix = (replace: boolean, palette: Palette): string => (replace ? ` ${palette.red('# forces replacement')}` : '');
