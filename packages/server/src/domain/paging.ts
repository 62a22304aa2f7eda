import type { Paging } from './model.js';

/** `pageSize`/`currentPage` of a list query → offset and limit (defaults as the API says). */
export function pagingOf(query: { pageSize?: number | undefined; currentPage?: number | undefined } | undefined): Paging & { pageSize: number; currentPage: number } {
  const pageSize = query?.pageSize ?? 10;
  const currentPage = query?.currentPage ?? 1;
  return { pageSize, currentPage, limit: pageSize, offset: (currentPage - 1) * pageSize };
}
