/**
 * Changes in address order, as Terraform lists them, except that count indexes compare as
 * numbers (`[2]` before `[10]`) so a long list reads in order. An instance's deposed objects
 * follow its current one, by key.
 */
export function compareInstances(
  a: { readonly resourceAddress: string; readonly index?: string | number; readonly deposed?: string },
  b: { readonly resourceAddress: string; readonly index?: string | number; readonly deposed?: string },
): number {
  if (a.resourceAddress !== b.resourceAddress) return a.resourceAddress < b.resourceAddress ? -1 : 1;
  if (a.index === b.index) return a.deposed === b.deposed ? 0 : a.deposed === undefined ? -1 : b.deposed === undefined ? 1 : a.deposed < b.deposed ? -1 : 1;
  if (a.index === undefined) return -1;
  if (b.index === undefined) return 1;
  if (typeof a.index === 'number' && typeof b.index === 'number') return a.index - b.index;
  if (typeof a.index === 'number') return -1;
  if (typeof b.index === 'number') return 1;
  return a.index < b.index ? -1 : 1;
}
