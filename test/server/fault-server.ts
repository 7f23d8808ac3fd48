/**
 * A tiny HTTP server for testing the endpoint client against real sockets. Each test scripts what
 * the next requests get (a status and body, a delay past the client's timeout, a connection reset, a
 * stalled body…) and then asserts on what the client SENT: every request is recorded with its
 * method, path, headers and body.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the server does with one request. */
export type Fault =
  /** Answer `status` with `body` serialised as JSON. */
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  /** Answer `status` with `body` as text (`text/html` unless `contentType` says otherwise). */
  | { kind: 'text'; status: number; body: string; contentType?: string; headers?: Record<string, string> }
  /** Wait `ms`, then do `then` (default: an empty 200) if the socket is still open. */
  | { kind: 'delay'; ms: number; then?: Fault }
  /** Send the status line and headers, then never finish the body. */
  | { kind: 'stall-body'; status: number }
  /** Destroy the connection without answering (the client sees a network error). */
  | { kind: 'reset' };

/** One request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body text ('' when none). */
  body: string;
}

/** A running fault server. */
export interface FaultServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Every request received since the last `reset()`, in order. */
  readonly requests: RecordedRequest[];
  /** Queues what the next requests get, in order; once the queue is empty, `fallback` answers. */
  script(...faults: Fault[]): void;
  /** What requests get once the script runs out (default: 500 `{"error":{"code":"unscripted"}}`). */
  fallback: Fault;
  /** Clears the script and the recorded requests. */
  reset(): void;
  /** Stops the server and drops every open connection. */
  close(): Promise<void>;
}

/** Shorthand for a JSON answer. */
export const json = (status: number, body: unknown, headers?: Record<string, string>): Fault => ({ kind: 'json', status, body, headers });

/** Shorthand for a text answer. */
export const text = (status: number, body: string, contentType?: string): Fault => ({ kind: 'text', status, body, contentType });

/** Starts a fault server on 127.0.0.1 and a free port. */
export async function startFaultServer(): Promise<FaultServer> {
  const queue: Fault[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const respond = (fault: Fault, req: IncomingMessage, res: ServerResponse): void => {
    // a fresh connection per request, so a reset never lands on a pooled socket the client reuses
    res.setHeader('Connection', 'close');
    switch (fault.kind) {
      case 'json':
        res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers });
        res.end(JSON.stringify(fault.body));
        return;
      case 'text':
        res.writeHead(fault.status, { 'Content-Type': fault.contentType ?? 'text/html', ...fault.headers });
        res.end(fault.body);
        return;
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!req.socket.destroyed) respond(fault.then ?? json(200, {}), req, res);
        }, fault.ms);
        timers.add(timer);
        return;
      }
      case 'stall-body':
        res.writeHead(fault.status, { 'Content-Type': 'application/json' });
        res.write('{"cards": [');
        return;
      case 'reset':
        req.socket.destroy();
        return;
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      respond(queue.shift() ?? api.fallback, req, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // writes to a socket the client already dropped (after its timeout) are expected here
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const api: FaultServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    fallback: json(500, { error: { code: 'unscripted', message: 'no fault scripted for this request' } }),
    script(...faults) {
      queue.push(...faults);
    },
    reset() {
      queue.length = 0;
      requests.length = 0;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
  return api;
}
