import { z } from 'zod';

/**
 * A string that is one of the known values, or any other string. The `Record<never, never>`
 * intersection keeps editor completion for the known values while still admitting new ones.
 */
export type Known<T extends string> = T | (string & Record<never, never>);

/**
 * Enum for response bodies: known values are typed, unknown ones come through as plain strings,
 * because a newer server adding a status must never break an older client.
 */
export function lenientEnum<const T extends readonly [string, ...string[]]>(values: T) {
  // The cast only widens the declared output type; at run time this is an ordinary string schema.
  const other = z.string() as unknown as z.ZodType<string & Record<never, never>, string>;
  return z.union([z.enum(values), other]);
}
