/**
 * One object for people: `Label:  value` lines with the values aligned, as `kubectl describe`
 * prints them. Empty values show as `-`, like table cells.
 */
import { displayWidth } from './table.js';

/** A label and its value; `undefined` entries are left out (fields that do not apply). */
export type Field = readonly [label: string, value: string | number | boolean | null | undefined] | undefined;

/** The text of the fields, one line each, ending in a newline. */
export function formatFields(fields: readonly Field[]): string {
  const present = fields.filter((field): field is Exclude<Field, undefined> => field !== undefined);
  const width = Math.max(0, ...present.map(([label]) => displayWidth(label)));
  return present
    .map(([label, value]) => `${`${label}:`.padEnd(width + 1)}  ${value === null || value === undefined || value === '' ? '-' : String(value)}\n`)
    .join('');
}
