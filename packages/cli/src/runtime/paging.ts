/** Lists: the first few items of a paged list, how many there are, `--limit`, and how they print. */
import { Option } from 'commander';
import { wholeNumber } from './options.js';
import type { Output } from './output.js';
import type { Column } from './table.js';

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

/** What {@link printList} shows. */
export interface ListView<T> {
  readonly head: ListHead<T>;
  /** `--json`: the items as one JSON array, and nothing else. */
  readonly json: boolean;
  readonly columns: readonly Column<T>[];
  /** Shown instead of an empty table. */
  readonly empty: string;
  /** What the items are, plural: `backups`. */
  readonly what: string;
  /** The list's filter flags, for the note when `--limit` left items out: `--cluster, --status`. */
  readonly filters: string;
}

/** A list as JSON, or as a table with a note on stderr of how many `--limit` left out and how to see them. */
export function printList<T>(output: Output, view: ListView<T>): void {
  const { head } = view;
  if (view.json) return output.json(head.items);
  output.table(head.items, view.columns, { empty: view.empty });
  if (head.count > head.items.length) {
    output.note(`Showing ${head.items.length} of ${head.count} ${view.what}; pass --limit ${Math.min(head.count, maxLimit)} to see more, or filter with ${view.filters}.`);
  }
}
