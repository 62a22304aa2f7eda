import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/index.js';
import { backupSummary } from './fixtures.js';
import { clusterId, expectServer, interceptHttp, makeClient, ok, recordHeaders, thrownBy } from './helpers.js';

const http = interceptHttp();
const client = makeClient();

/** Five backups served two to a page: pages 1, 2 and 3. */
const all = [1, 2, 3, 4, 5].map((n) => backupSummary(n));

function servePages(pages: readonly number[], { pageSize = 2, count = all.length } = {}) {
  const scope = expectServer.bodiless();
  for (const currentPage of pages) {
    const items = all.slice((currentPage - 1) * pageSize, currentPage * pageSize);
    scope
      .get('/v2/backups')
      .query({ clusterId, pageSize: String(pageSize), currentPage: String(currentPage) })
      .reply(200, ok({ count, currentPage, pageSize, backups: items }));
  }
  return { scope, requests: recordHeaders(scope) };
}

describe('iterating a list', () => {
  it('yields every item of every page in order, one request per page', async () => {
    const { scope, requests } = servePages([1, 2, 3]);

    const ids: string[] = [];
    for await (const backup of client.backups.list({ clusterId, pageSize: 2 })) ids.push(backup.backupId);

    expect(ids).toEqual(all.map((backup) => backup.backupId));
    expect(requests).toHaveLength(3);
    expect(scope.isDone()).toBe(true);
  });

  it('asks for 100 items a page when the caller does not choose a size', async () => {
    const scope = expectServer
      .bodiless()
      .get('/v2/backups')
      .query({ clusterId, pageSize: '100', currentPage: '1' })
      .reply(200, ok({ count: 5, currentPage: 1, pageSize: 100, backups: all }));

    await expect(client.backups.list({ clusterId }).toArray()).resolves.toEqual(all);
    expect(scope.isDone()).toBe(true);
  });

  it('stops at an empty page even when the count promises more', async () => {
    const scope = expectServer
      .bodiless()
      .get('/v2/backups')
      .query({ clusterId, pageSize: '2', currentPage: '1' })
      .reply(200, ok({ count: 10, currentPage: 1, pageSize: 2, backups: all.slice(0, 2) }))
      .get('/v2/backups')
      .query({ clusterId, pageSize: '2', currentPage: '2' })
      .reply(200, ok({ count: 10, currentPage: 2, pageSize: 2, backups: [] }));

    await expect(client.backups.list({ clusterId, pageSize: 2 }).toArray()).resolves.toEqual(all.slice(0, 2));
    expect(scope.isDone()).toBe(true);
    expect(http.unmatched).toEqual([]);
  });

  it('sends nothing until the list is iterated', async () => {
    client.backups.list({ clusterId, pageSize: 2 });
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(http.unmatched).toEqual([]);
  });
});

describe('pages and cursors', () => {
  it('pages() yields each page with a cursor to the next one and null on the last', async () => {
    servePages([1, 2, 3]);

    const pages = [];
    for await (const page of client.backups.list({ clusterId, pageSize: 2 }).pages()) pages.push(page);

    expect(pages.map((page) => page.currentPage)).toEqual([1, 2, 3]);
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    expect(pages.map((page) => page.count)).toEqual([5, 5, 5]);
    expect(pages[0]?.nextCursor).toEqual(expect.any(String));
    expect(pages[1]?.nextCursor).toEqual(expect.any(String));
    expect(pages[2]?.nextCursor).toBeNull();
  });

  it('resumes from a nextCursor at the page it points to, in a new list call', async () => {
    const first = servePages([1]);
    const page1 = await client.backups.list({ clusterId, pageSize: 2 }).first();
    expect(first.scope.isDone()).toBe(true);
    const cursor = page1.nextCursor;
    expect(cursor).not.toBeNull();

    const rest = servePages([2, 3]);
    const resumed = await client.backups.list({ clusterId, pageSize: 2, cursor: cursor! }).toArray();

    expect(resumed.map((backup) => backup.backupId)).toEqual(all.slice(2).map((backup) => backup.backupId));
    expect(rest.requests).toHaveLength(2);
    expect(rest.scope.isDone()).toBe(true);
  });

  it('refuses a cursor it did not make, before any I/O', () => {
    const error = thrownBy(() => client.backups.list({ clusterId, cursor: 'page=2' }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ source: 'client', field: 'cursor', code: 98003 });
    expect(http.unmatched).toEqual([]);
  });

  it('refuses an invalid page size at the call, before any I/O', () => {
    const error = thrownBy(() => client.backups.list({ clusterId, pageSize: 500 }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ source: 'client', field: 'pageSize' });
    expect(http.unmatched).toEqual([]);
  });
});
