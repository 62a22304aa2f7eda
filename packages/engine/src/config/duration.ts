/**
 * Go-style durations, as Terraform's `timeouts` blocks take them: `30m`, `1h30m`, `90s`, `1.5h`,
 * `500ms`.
 */

const unitMs: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Milliseconds in a Go duration string (rounded to a whole millisecond), or `undefined` when the
 * text is not one. Negative durations are refused: a time limit cannot be negative.
 *
 * @example
 * parseDuration('1h30m'); // 5_400_000
 * parseDuration('90'); // undefined: a unit is required
 */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  if (text === '') return undefined;
  part.lastIndex = 0;
  let total = 0;
  while (part.lastIndex < text.length) {
    const start = part.lastIndex;
    const match = part.exec(text);
    if (match === null || match.index !== start) return undefined;
    total += Number(match[1]) * (unitMs[match[2] as string] ?? Number.NaN);
  }
  return Number.isFinite(total) ? Math.round(total) : undefined;
}
