import { EngineError } from '../errors/engine-error.js';

/** Marks expression errors across copies of the package (ESM and CJS, or two versions). */
const brand = Symbol.for('@lifeboat/engine.expression-error');

/**
 * What kind of problem an {@link ExpressionError} is. Stable: the config loader maps these to
 * diagnostics.
 *
 * - `syntax`: the text does not parse.
 * - `unsupported`: valid HCL this engine does not implement (a function, an operator, a splat).
 * - `reference`: a malformed reference, e.g. `var` without a name or `count.value`.
 * - `call`: a supported function called with the wrong number or kind of arguments.
 * - `type`: a value of the wrong type, e.g. a list inside a string template.
 * - `missing`: an attribute or key that does not exist, or an index out of range.
 */
export type ExpressionErrorCode = 'syntax' | 'unsupported' | 'reference' | 'call' | 'type' | 'missing';

/** Context carried by every {@link ExpressionError}. */
export interface ExpressionErrorDetails {
  readonly code: ExpressionErrorCode;
  /** The text that was parsed or evaluated: the whole JSON string, `${` and all. */
  readonly text: string;
  /** Offset into `text` where the problem is, when it is at one place. */
  readonly position?: number | undefined;
  /** What the parser expected at `position`, e.g. `"}"` or `an attribute name`. */
  readonly expected?: string | undefined;
  /** The function being called, for `unsupported` functions and `call` errors. */
  readonly functionName?: string | undefined;
  /** Where the string sits in the JSON tree given to `evaluate` or `referencesOf`. */
  readonly jsonPath?: readonly (string | number)[] | undefined;
  readonly cause?: unknown;
}

/**
 * A problem with an expression: it does not parse, uses something unsupported, or fails when
 * evaluated (an {@link EngineError}). The message names the position (column, or line and column)
 * and quotes the text; the config loader turns it into a diagnostic, so it carries no `fix`.
 *
 * @example
 * try {
 *   parseTemplate('${var.}');
 * } catch (error) {
 *   if (isExpressionError(error)) console.error(error.message);
 *   // Expected an attribute name after "." but found "}" (column 7 of "${var.}")
 * }
 */
export class ExpressionError extends EngineError {
  override readonly name = 'ExpressionError' as const;
  readonly code: ExpressionErrorCode;
  /** The message without the location, for diagnostics that show the location separately. */
  readonly reason: string;
  readonly text: string;
  readonly position: number | undefined;
  /** 1-based line of `position` in `text`. */
  readonly line: number | undefined;
  /** 1-based column of `position` on its line. */
  readonly column: number | undefined;
  readonly expected: string | undefined;
  readonly functionName: string | undefined;
  readonly jsonPath: readonly (string | number)[] | undefined;

  constructor(reason: string, details: ExpressionErrorDetails) {
    const where = locate(details.text, details.position);
    super(`${reason} (${describeLocation(details, where)})`, { cause: details.cause });
    this.code = details.code;
    this.reason = reason;
    this.text = details.text;
    this.position = details.position;
    this.line = where?.line;
    this.column = where?.column;
    this.expected = details.expected;
    this.functionName = details.functionName;
    this.jsonPath = details.jsonPath;
    Object.defineProperty(this, brand, { value: true });
  }

  /** The same error, placed at `jsonPath` in the JSON tree (the walker knows it, the parser does not). */
  withJsonPath(jsonPath: readonly (string | number)[]): ExpressionError {
    return new ExpressionError(this.reason, {
      code: this.code,
      text: this.text,
      position: this.position,
      expected: this.expected,
      functionName: this.functionName,
      jsonPath,
      cause: this.cause,
    });
  }
}

/** True for errors thrown by any copy of the expressions module. */
export function isExpressionError(error: unknown): error is ExpressionError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true;
}

/** Throws a `syntax` error at `position`, saying what was expected and what was found. */
export function syntaxError(text: string, position: number, expected: string, found: string): never {
  throw new ExpressionError(`Expected ${expected} but found ${found}`, { code: 'syntax', text, position, expected });
}

interface Location {
  readonly line: number;
  readonly column: number;
}

function locate(text: string, position: number | undefined): Location | undefined {
  if (position === undefined) return undefined;
  const before = text.slice(0, position);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: position - lineStart + 1 };
}

/** Long strings are cut around the position so the message stays readable. */
const excerptRadius = 60;

function describeLocation(details: ExpressionErrorDetails, where: Location | undefined): string {
  const { text, position } = details;
  let quoted = text;
  if (text.length > excerptRadius * 2) {
    const center = position ?? 0;
    const from = Math.max(0, center - excerptRadius);
    const to = Math.min(text.length, center + excerptRadius);
    quoted = `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  }
  const at = where === undefined ? 'in' : text.includes('\n') ? `line ${where.line}, column ${where.column} of` : `column ${where.column} of`;
  const path = details.jsonPath === undefined || details.jsonPath.length === 0 ? '' : ` at ${formatJsonPath(details.jsonPath)}`;
  return `${at} ${JSON.stringify(quoted)}${path}`;
}

/** `['tags', 'env']` → `tags.env`; `['items', 0]` → `items[0]`; odd keys are quoted: `tags["a b"]`. */
export function formatJsonPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(step)) out += out === '' ? step : `.${step}`;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}
