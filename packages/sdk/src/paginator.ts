import { ValidationError } from './errors/validation-error.js';

/** One page of a list. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Total number of items across all pages. */
  readonly count: number;
  readonly currentPage: number;
  readonly pageSize: number;
  /**
   * Opaque cursor of the next page, or `null` on the last one. Pass it as `cursor` to the same
   * list method (same filters) to continue, even in another process.
   */
  readonly nextCursor: string | null;
}

/** Where a page starts. */
export interface PagePosition {
  readonly currentPage: number;
  readonly pageSize: number;
}

/** Fetches one page; the list methods supply it. */
export type PageFetcher<T> = (position: PagePosition, signal: AbortSignal | undefined) => Promise<{
  readonly items: readonly T[];
  readonly count: number;
  readonly currentPage: number;
  readonly pageSize: number;
}>;

const cursorPrefix = 'lbc1.';

/** Encodes a page position as an opaque, URL-safe cursor. */
export function encodeCursor(position: PagePosition): string {
  return `${cursorPrefix}${position.currentPage}.${position.pageSize}`;
}

/** Decodes a cursor from `encodeCursor`; a clear error for anything else. */
export function decodeCursor(cursor: string): PagePosition {
  const match = /^lbc1\.(\d{1,9})\.(\d{1,3})$/.exec(cursor);
  const currentPage = Number(match?.[1]);
  const pageSize = Number(match?.[2]);
  if (!match || currentPage < 1 || pageSize < 1 || pageSize > 100) {
    throw new ValidationError(`Invalid cursor "${cursor}": pass a nextCursor from a page of the same list. Nothing was sent.`, {
      source: 'client',
      issues: [{ path: 'cursor', message: 'is not a Lifeboat page cursor' }],
    });
  }
  return { currentPage, pageSize };
}

/**
 * A list that fetches lazily. Iterate it for items (`for await (const backup of list)`), or call
 * `pages()` for a page at a time with a resumable `nextCursor`. Nothing is fetched until then.
 *
 * @example
 * for await (const backup of client.backups.list({ clusterId })) console.log(backup.backupId);
 *
 * for await (const page of client.backups.list({ clusterId, pageSize: 50 }).pages()) {
 *   save(page.items, page.nextCursor); // resume later with list({ clusterId, cursor })
 * }
 */
export class Paginator<T> implements AsyncIterable<T> {
  readonly #fetchPage: PageFetcher<T>;
  readonly #start: PagePosition;
  readonly #signal: AbortSignal | undefined;

  constructor(fetchPage: PageFetcher<T>, start: PagePosition, signal?: AbortSignal) {
    this.#fetchPage = fetchPage;
    this.#start = start;
    this.#signal = signal;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Pages from the start position to the last one. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let position: PagePosition | null = this.#start;
    while (position !== null) {
      const page = await this.#fetchPage(position, this.#signal);
      const pageSize: number = page.pageSize > 0 ? page.pageSize : position.pageSize;
      const currentPage: number = page.currentPage > 0 ? page.currentPage : position.currentPage;
      const more: boolean = page.items.length > 0 && currentPage * pageSize < page.count;
      position = more ? { currentPage: currentPage + 1, pageSize } : null;
      yield {
        items: page.items,
        count: page.count,
        currentPage,
        pageSize,
        nextCursor: position === null ? null : encodeCursor(position),
      };
    }
  }

  /** The first page only. */
  async first(): Promise<Page<T>> {
    for await (const page of this.pages()) return page;
    /* c8 ignore next: pages() always yields at least one page */
    throw new Error('unreachable: a list always has a first page');
  }

  /** Every item of every page, in order. Mind the size of what you ask for. */
  async toArray(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}
