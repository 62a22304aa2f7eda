import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidResponseError, Lifeboat, NetworkError } from '../src/index.js';

/**
 * A connection that breaks after the headers, part way through the body, as a proxy or a
 * restarting server does. nock cannot cut an answer mid-body, so a real loopback server does.
 */

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const body = JSON.stringify({ code: 0, data: [{ projectId: 'proj-4f1e2d3c4b5a6978', projectName: 'Default Project', instanceCount: 0, createTime: '2024-08-26T02:27:51Z', regionIds: [] }] });
    if (request.url === '/v2/projects') {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      response.write(body.slice(0, 20));
      setTimeout(() => response.socket?.destroy(), 5);
      return;
    }
    // Whole, but not JSON: a page from something that is not a Lifeboat server.
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<html>not here</html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('an answer cut mid-body', () => {
  it('is a retryable NetworkError, not an invalid answer', async () => {
    const client = new Lifeboat({ baseUrl, apiKey: 'lb_test_key', retry: false });

    const error = await client.projects.list().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ retryable: true, httpStatus: 200, operationId: 'listProjects' });
    expect((error as Error).message).toMatch(/closed while the answer to listProjects was being read/);
  });

  it('while a whole answer that is not JSON stays an InvalidResponseError', async () => {
    const client = new Lifeboat({ baseUrl, apiKey: 'lb_test_key', retry: false });

    await expect(client.regions.list()).rejects.toBeInstanceOf(InvalidResponseError);
  });
});
