/**
 * Request objects from optional flags. With `exactOptionalPropertyTypes`, an absent flag must be
 * an absent field, not `undefined`: `definedFields({ clusterId: options.cluster })` is `{}` when
 * the flag was not given.
 */

/** `fields` without the ones whose value is `undefined`. */
export function definedFields<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
