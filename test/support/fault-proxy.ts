import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { count } from './figures.js';
import { Random } from './run-options.js';

/** What the proxy may do to one request. */
export type Fault =
  /** Forwards the request and the answer untouched. */
  | 'pass'
  /** Waits 50–600 ms, then forwards. */
  | 'delay'
  /** Closes the connection without forwarding: the server never sees the request. */
  | 'drop-before'
  /** Forwards, waits for the answer, then closes the connection: the server did the work. */
  | 'drop-after'
  /** Answers 500, 502, 503 or 429 (with or without Retry-After) without forwarding. */
  | 'status-before'
  /** Forwards, throws the server's answer away and answers 500, 502, 503 or 429 instead. */
  | 'status-after'
  /** Forwards, sends the answer's headers and half its body, then closes the connection. */
  | 'cut-body';

/** How often each fault happens, relative to the others. */
export type FaultWeights = Readonly<Partial<Record<Fault, number>>>;

/** A proxy on loopback between a client and a server that breaks requests on purpose. */
export interface FaultProxy {
  readonly url: string;
  /** How many requests got each fault, and each injected status. */
  readonly injected: Readonly<Record<string, number>>;
  close(): Promise<void>;
}

const failureStatuses = [500, 502, 503, 429] as const;

/**
 * Starts a fault proxy in front of `target`. Faults are drawn from a seeded stream in the order
 * requests arrive; with concurrent callers that order varies, so a seed replays the mix of
 * faults rather than which request gets which.
 */
export async function startFaultProxy(options: { readonly target: string; readonly seed: number; readonly weights: FaultWeights }): Promise<FaultProxy> {
  const target = new URL(options.target);
  const r = new Random(options.seed);
  const faults = Object.entries(options.weights).flatMap(([fault, weight]) => Array<Fault>(weight).fill(fault as Fault));
  const injected: Record<string, number> = {};
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();

  const forward = (incoming: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: target.host }, agent },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
          answer.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const fail = (response: ServerResponse): void => {
    const status = r.pick(failureStatuses);
    const retryAfter = r.pick([undefined, '0', '1', new Date(Date.now() + 500).toUTCString()]);
    count(injected, `status ${status}${retryAfter === undefined ? '' : ' with Retry-After'}`);
    // What a load balancer or gateway sends: an HTML page, nothing, or an envelope of its own.
    const body = r.pick(['<html><body>Bad gateway</body></html>', '', JSON.stringify({ code: 99999, message: 'upstream trouble' })]);
    response.writeHead(status, { 'content-type': body.startsWith('<') ? 'text/html' : 'application/json', ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }) });
    response.end(body);
  };

  const handle = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const fault = r.pick(faults);
    count(injected, fault);
    // Drops and failures, before the server saw the request or after it answered.
    const spoil = (): void => void (fault.startsWith('drop-') ? response.socket?.destroy() : fail(response));
    if (fault === 'drop-before' || fault === 'status-before') return spoil();
    if (fault === 'delay') await new Promise((resolve) => setTimeout(resolve, r.int(50, 600)));
    const answer = await forward(incoming, body);
    if (fault === 'drop-after' || fault === 'status-after') return spoil();
    if (fault === 'cut-body') {
      const { 'transfer-encoding': _chunked, ...headers } = answer.headers;
      response.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
      response.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
      // Flushed first, so the client sees the headers and part of the body, then the cut.
      setTimeout(() => response.socket?.destroy(), 5);
      return;
    }
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  };

  const server: Server = createServer((incoming, response) => {
    handle(incoming, response).catch(() => response.socket?.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    injected,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
