/** Lists for people: the first few items of a paged list, and how many there are in all. */

/** One page as the SDK's `Paginator.pages()` yields it. */
export interface CountedPage<T> {
  readonly items: readonly T[];
  /** Items across all pages. */
  readonly count: number;
}

/**
 * The first `limit` items, fetching no more pages than needed, and the total count, so a
 * command can say "showing 50 of 1,204".
 */
export async function firstItems<T>(pages: AsyncIterable<CountedPage<T>>, limit: number): Promise<{ items: T[]; count: number }> {
  const items: T[] = [];
  let count = 0;
  for await (const page of pages) {
    count = page.count;
    items.push(...page.items.slice(0, limit - items.length));
    if (items.length >= limit) break;
  }
  return { items, count };
}
