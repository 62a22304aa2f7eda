/**
 * `format(spec, args...)`: Terraform's printf. Supported verbs: `%v` (any value; lists and maps
 * as JSON), `%s`, `%q` (quoted string), `%d`, `%f`, `%t`, `%x`/`%X` and `%%`, with the flags
 * `-` (left-align), `0` (zero-pad), `+` and space (sign), a width and a precision (`%05.2f`).
 * Extra arguments are an error, as in Terraform, so a forgotten verb does not go unnoticed.
 */
import { toNumberArg, toStringArg, toWholeNumberArg, type Fail } from './internal/convert.js';
import { canonicalKey, describeType } from './internal/values.js';
import { containsUnknown, unknown } from './unknown.js';
import type { Value } from './value.js';

/** Verbs `format` understands, for the error that lists them. */
export const formatVerbs = ['%v', '%s', '%q', '%d', '%f', '%t', '%x', '%X', '%%'] as const;

interface Verb {
  readonly flags: string;
  readonly width: number | undefined;
  readonly precision: number | undefined;
  readonly letter: string;
  /** The verb as written, e.g. `%02d`, for messages. */
  readonly written: string;
}

const verbPattern = /%([-+ 0#]*)(\d+)?(?:\.(\d+))?(.)?/suy;

/** Formats `args` by `spec`; unknown when a value it must print is unknown. */
export function formatValues(spec: string, args: readonly Value[], fail: Fail): Value {
  let out = '';
  let next = 0;
  let sawUnknown = false;
  let position = 0;
  while (position < spec.length) {
    const percent = spec.indexOf('%', position);
    if (percent === -1) {
      out += spec.slice(position);
      break;
    }
    out += spec.slice(position, percent);
    verbPattern.lastIndex = percent;
    const match = verbPattern.exec(spec) as RegExpExecArray;
    position = verbPattern.lastIndex;
    const [written, flags = '', width, precision, letter] = match;
    if (letter === undefined) fail(`the format string ends in the middle of a verb (${JSON.stringify(written)})`);
    if (letter === '%') {
      out += '%';
      continue;
    }
    const verb: Verb = { flags, width: width === undefined ? undefined : Number(width), precision: precision === undefined ? undefined : Number(precision), letter, written };
    if (!formatVerbs.includes(`%${verb.letter}` as (typeof formatVerbs)[number])) {
      fail(`unsupported verb ${JSON.stringify(written)} at offset ${percent}; the supported verbs are ${formatVerbs.join(' ')}`);
    }
    if (next >= args.length) fail(`${JSON.stringify(written)} at offset ${percent} has no argument: there are ${verbCount(spec)} verbs but only ${args.length} arguments`);
    const arg = args[next] as Value;
    next += 1;
    if (containsUnknown(arg)) {
      sawUnknown = true;
      continue;
    }
    out += formatOne(verb, arg, next, fail);
  }
  if (next < args.length) fail(`${args.length - next} more argument(s) than verbs in the format string ${JSON.stringify(spec)}`);
  return sawUnknown ? unknown : out;
}

function formatOne(verb: Verb, arg: Value, argNumber: number, fail: Fail): string {
  const what = `the argument for ${verb.written} (argument ${argNumber + 1})`;
  switch (verb.letter) {
    case 'v':
      if (arg === null) return pad(verb, 'null', false);
      if (typeof arg === 'object') return pad(verb, canonicalKey(arg), false);
      return pad(verb, toStringArg(arg, what, fail), false);
    case 's':
      return pad(verb, truncate(toStringArg(arg, what, fail), verb.precision), false);
    case 'q':
      return pad(verb, JSON.stringify(toStringArg(arg, what, fail)), false);
    case 't':
      if (typeof arg === 'boolean') return pad(verb, String(arg), false);
      if (arg === 'true' || arg === 'false') return pad(verb, arg, false);
      return fail(`${what} must be a bool, got ${describeType(arg)}`);
    case 'd':
      return signed(verb, toWholeNumberArg(arg, what, fail), (n) => integerDigits(n, 10));
    case 'x':
    case 'X': {
      const digits = signed(verb, toWholeNumberArg(arg, what, fail), (n) => integerDigits(n, 16));
      return verb.letter === 'X' ? digits.toUpperCase() : digits;
    }
    default:
      // 'f': the verb list above admits nothing else.
      return signed(verb, toNumberArg(arg, what, fail), (n) => n.toFixed(Math.min(verb.precision ?? 6, 100)));
  }
}

/** Digits of a whole number in `radix`, exact beyond 2^53 through BigInt. */
function integerDigits(magnitude: number, radix: number): string {
  return Number.isSafeInteger(magnitude) ? magnitude.toString(radix) : BigInt(magnitude).toString(radix);
}

function signed(verb: Verb, value: number, digitsOf: (magnitude: number) => string): string {
  const sign = value < 0 ? '-' : verb.flags.includes('+') ? '+' : verb.flags.includes(' ') ? ' ' : '';
  const digits = digitsOf(Math.abs(value));
  return pad(verb, sign + digits, true, sign.length);
}

/** Pads to the verb's width: spaces on the left, on the right with `-`, zeros after the sign with `0`. */
function pad(verb: Verb, text: string, numeric: boolean, signLength = 0): string {
  const length = [...text].length;
  if (verb.width === undefined || length >= verb.width) return text;
  const fill = verb.width - length;
  if (verb.flags.includes('-')) return text + ' '.repeat(fill);
  if (numeric && verb.flags.includes('0')) return text.slice(0, signLength) + '0'.repeat(fill) + text.slice(signLength);
  return ' '.repeat(fill) + text;
}

function truncate(text: string, precision: number | undefined): string {
  return precision === undefined ? text : [...text].slice(0, precision).join('');
}

function verbCount(spec: string): number {
  return spec.replaceAll('%%', '').split('%').length - 1;
}
