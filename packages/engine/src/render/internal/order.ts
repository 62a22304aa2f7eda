/**
 * Changes in address order, as Terraform lists them, except that count indexes compare as
 * numbers (`[2]` before `[10]`) so a long list reads in order.
 */
export function compareInstances(
  a: { readonly resourceAddress: string; readonly index?: string | number },
  b: { readonly resourceAddress: string; readonly index?: string | number },
): number {
  if (a.resourceAddress !== b.resourceAddress) return a.resourceAddress < b.resourceAddress ? -1 : 1;
  if (a.index === b.index) return 0;
  if (a.index === undefined) return -1;
  if (b.index === undefined) return 1;
  if (typeof a.index === 'number' && typeof b.index === 'number') return a.index - b.index;
  if (typeof a.index === 'number') return -1;
  if (typeof b.index === 'number') return 1;
  return a.index < b.index ? -1 : 1;
}
