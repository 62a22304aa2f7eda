import type { Scope } from '../../expressions/index.js';

/** A scope for values known to hold no references: asking it anything is a bug. */
export const literalScope: Scope = {
  resolve(reference) {
    throw new Error(`A literal value has no references, but ${reference.text} was resolved`);
  },
};
