import type { ResolveRequest, Scope, Value } from '../../src/expressions/index.js';

/** A scope over fixed values by address; records what it was asked, so tests can check the requests. */
export function scopeOf(values: Readonly<Record<string, Value>>): Scope & { readonly requests: ResolveRequest[] } {
  const requests: ResolveRequest[] = [];
  return {
    requests,
    resolve(ref) {
      requests.push(ref);
      if (!Object.hasOwn(values, ref.address)) throw new Error(`test scope has no value for ${ref.address}`);
      return values[ref.address] as Value;
    },
  };
}

/** A scope that must not be asked anything: for expressions without references. */
export const emptyScope: Scope = {
  resolve(ref) {
    throw new Error(`unexpected reference ${ref.text}`);
  },
};
