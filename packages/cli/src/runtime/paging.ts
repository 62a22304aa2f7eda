/** Lists for people: the first few items of a paged list, how many there are, and `--limit`. */
import { Option } from 'commander';
import { wholeNumber } from './options.js';
import type { Output } from './output.js';

/** One page as the SDK's `Paginator.pages()` yields it. */
export interface CountedPage<T> {
  readonly items: readonly T[];
  /** Items across all pages. */
  readonly count: number;
}

/** The first items of a list and how many it has in all. */
export interface ListHead<T> {
  readonly items: T[];
  readonly count: number;
}

const maxLimit = 10_000;

/** `--limit <n>` of list commands (default 50). */
export const limitOption = (): Option => new Option('--limit <n>', `show at most this many (1–${maxLimit})`).argParser(wholeNumber('--limit', 1, maxLimit)).default(50);

/**
 * The first `limit` items, fetching no more pages than needed (up to 100 items a page), and the
 * total count, so a command can say "showing 50 of 1204".
 *
 * @example
 * const head = await firstItems((pageSize) => client.jobs.list({ pageSize }).pages(), options.limit);
 */
export async function firstItems<T>(pages: (pageSize: number) => AsyncIterable<CountedPage<T>>, limit: number): Promise<ListHead<T>> {
  const items: T[] = [];
  let count = 0;
  for await (const page of pages(Math.min(100, limit))) {
    count = page.count;
    items.push(...page.items.slice(0, limit - items.length));
    if (items.length >= limit) break;
  }
  return { items, count };
}

/** Notes on stderr how many items `--limit` left out, and how to see them (`filters`: the list's filter flags). */
export function noteLeftOut(output: Output, head: ListHead<unknown>, what: string, filters: string): void {
  if (head.count <= head.items.length) return;
  output.note(`Showing ${head.items.length} of ${head.count} ${what}; pass --limit ${Math.min(head.count, maxLimit)} to see more, or filter with ${filters}.`);
}
