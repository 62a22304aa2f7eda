import { Token } from '../cdktf.js';

/**
 * Checks of construct props at synth time, as `check(value)` → problem or `undefined`. Values
 * that are tokens (a variable, another resource's attribute) are not known until plan, where the
 * engine checks them against the schema; these only judge literal values.
 */

export const isToken = (value: unknown): boolean => Token.isUnresolved(value);

/** Retention in whole days, 1–30, as the server keeps backups. */
export function checkRetention(value: number): string | undefined {
  if (isToken(value)) return undefined;
  return Number.isInteger(value) && value >= 1 && value <= 30 ? undefined : `must be a whole number of days from 1 to 30 (got ${value})`;
}

/** A UTC window `HH:mm-HH:mm`. */
export function checkWindow(value: string): string | undefined {
  if (isToken(value)) return undefined;
  return /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/.test(value) ? undefined : `must be a UTC window "HH:mm-HH:mm" such as "02:00-04:00" (got ${JSON.stringify(value)})`;
}

/** The same region twice would be one copy policy declared twice. */
export function duplicateRegions(regionIds: readonly string[]): string[] {
  const literal = regionIds.filter((regionId) => !isToken(regionId));
  return [...new Set(literal.filter((regionId, i) => literal.indexOf(regionId) !== i))];
}
