/**
 * The reference server and the sandbox gateway as a browser meets them, for the end-to-end attack
 * run: each behind a recording proxy on its own origin (the page's origin and the tokenizer's),
 * so every request the browser makes is seen whole, whatever the browser. The page origin's proxy
 * can also inject faults: a reset connection, an answer lost after the server acted, a status.
 *
 * `close()` scans both databases and every log line for card numbers, like the harness does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { createSandboxGateway } from '../../demo/gateway/index.js';
import type { SandboxGateway } from '../../demo/gateway/index.js';
import { memoryLogger } from '../../demo/lib/logger.js';
import type { MemoryLogger } from '../../demo/lib/logger.js';
import { createHostServer } from '../../demo/server/index.js';
import type { HostServer } from '../../demo/server/index.js';
import { RELAXED_LIMITS, cardNumbersIn, dataFiles } from './harness.js';

/** One request that went through a proxy, with the answer's status and headers. */
export interface ProxiedRequest {
  origin: 'page' | 'tokenizer';
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  responseHeaders: IncomingHttpHeaders;
}

/** What the page origin's proxy does to the next matching request. */
export type ProxyFault =
  /** The connection is dropped before the server sees the request. */
  | { kind: 'reset' }
  /** The server handles the request; the answer is dropped on the way back. */
  | { kind: 'lost-response' }
  /** The proxy answers itself with this status and the contract's error shape. */
  | { kind: 'status'; status: number; headers?: Record<string, string> };

interface ScriptedFault {
  method: string;
  path: string | RegExp;
  fault: ProxyFault;
  remaining: number;
}

/** A running pair of servers behind their proxies. */
export interface E2eEnv {
  /** The page origin: `http://127.0.0.1:<port>` (the host server behind its proxy). */
  pageUrl: string;
  /** The tokenizer origin (the gateway behind its proxy). */
  tokenizerUrl: string;
  /** Every request the browser made, in order. */
  requests: ProxiedRequest[];
  /** Fails the next `times` requests matching `method` and `path` on the page origin. */
  fail(method: string, path: string | RegExp, fault: ProxyFault, times?: number): void;
  /**
   * Serves `html` at `path` on the page origin, from the proxy itself and without the server's
   * headers (a test page of our own, next to the server's real files).
   */
  servePage(path: string, html: string): void;
  /** The newest one-time code on the demo phone. */
  latestCode(): Promise<string>;
  serverLog: MemoryLogger;
  gatewayLog: MemoryLogger;
  dataDir: string;
  /** Card numbers found in the databases and logs (an empty list is the goal). */
  leaks(): string[];
  close(): Promise<void>;
}

function listen(server: Server | ServerType): Promise<number> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)));
}

function closeServer(server: Server | ServerType, sockets?: Set<Socket>): Promise<void> {
  return new Promise((done) => {
    for (const socket of sockets ?? []) socket.destroy();
    server.close(() => done());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

/** A proxy to `target` that records every request and can inject faults. */
function recordingProxy(
  origin: ProxiedRequest['origin'],
  target: string,
  requests: ProxiedRequest[],
  faults: ScriptedFault[],
  pages: Map<string, string> = new Map(),
): { server: Server; sockets: Set<Socket> } {
  const targetUrl = new URL(target);
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = (req.url ?? '/').split('?')[0];
      const entry = faults.find((f) => f.remaining > 0 && f.method === req.method && (typeof f.path === 'string' ? f.path === path : f.path.test(path)));
      if (entry) entry.remaining -= 1;
      const fault = entry?.fault;
      const record: ProxiedRequest = {
        origin,
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: body.toString('utf8'),
        status: 0,
        responseHeaders: {},
      };
      requests.push(record);
      const own = req.method === 'GET' ? pages.get(req.url ?? '') : undefined;
      if (own !== undefined) {
        record.status = 200;
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
        res.end(own);
        return;
      }
      if (fault?.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'status') {
        record.status = fault.status;
        res.writeHead(fault.status, { 'Content-Type': 'application/json', Connection: 'close', ...fault.headers });
        res.end(JSON.stringify({ error: { code: fault.status === 429 ? 'rate_limited' : 'server_error', message: 'Injected by the test proxy.' } }));
        return;
      }
      // the Host header stays the page's, so the server's same-origin checks see what a browser sent
      const upstream = httpRequest(
        { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          record.status = answer.statusCode ?? 0;
          record.responseHeaders = answer.headers;
          if (fault?.kind === 'lost-response') {
            answer.resume();
            answer.on('end', () => req.socket.destroy());
            return;
          }
          // a fresh connection per request: a browser resends a request (a POST too) by itself when a
          // reused keep-alive connection fails, which would hide the fault from the page
          res.writeHead(answer.statusCode ?? 502, { ...answer.headers, connection: 'close' });
          answer.pipe(res);
        },
      );
      upstream.on('error', () => req.socket.destroy());
      upstream.end(body);
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  return { server, sockets };
}

/** Boots the gateway and the host server behind their proxies. */
export async function startE2eEnv(): Promise<E2eEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), 'saved-cards-e2e-'));
  const serverLog = memoryLogger('server');
  const gatewayLog = memoryLogger('gateway');
  const requests: ProxiedRequest[] = [];
  const faults: ScriptedFault[] = [];
  const pages = new Map<string, string>();

  const apps: { gateway?: SandboxGateway; host?: HostServer } = {};
  const gatewayServer = createAdaptorServer({ fetch: (request, env) => (apps.gateway as SandboxGateway).app.fetch(request, env) });
  const hostServer = createAdaptorServer({ fetch: (request, env) => (apps.host as HostServer).app.fetch(request, env) });
  const [gatewayPort, hostPort] = await Promise.all([listen(gatewayServer), listen(hostServer)]);
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  const hostUrl = `http://127.0.0.1:${hostPort}`;
  const pageProxy = recordingProxy('page', hostUrl, requests, faults, pages);
  const tokenizerProxy = recordingProxy('tokenizer', gatewayUrl, requests, []);
  const [pagePort, tokenizerPort] = await Promise.all([listen(pageProxy.server), listen(tokenizerProxy.server)]);
  const pageUrl = `http://127.0.0.1:${pagePort}`;
  // another host name for the tokenizer: its own origin, as a real gateway's is
  const tokenizerUrl = `http://localhost:${tokenizerPort}`;

  const secretKey = 'sk_test_e2e_secret';
  apps.gateway = createSandboxGateway({ allowedOrigins: [pageUrl], secretKey, dbUrl: `file:${join(dataDir, 'gateway.db')}`, logger: gatewayLog });
  apps.host = createHostServer({
    dbUrl: `file:${join(dataDir, 'demo.db')}`,
    gatewayUrl,
    gatewayPublicUrl: tokenizerUrl,
    gatewaySecretKey: secretKey,
    publicOrigin: pageUrl,
    limits: RELAXED_LIMITS,
    logger: serverLog,
    distDir: resolve(import.meta.dirname, '../../dist'),
  });
  await Promise.all([apps.gateway.ready, apps.host.ready]);

  const leaks = (): string[] =>
    cardNumbersIn({
      ...dataFiles(dataDir),
      'server log': serverLog.lines.join('\n'),
      'server log before redaction': serverLog.unredacted.join('\n'),
      'gateway log': gatewayLog.lines.join('\n'),
      'gateway log before redaction': gatewayLog.unredacted.join('\n'),
    });

  return {
    pageUrl,
    tokenizerUrl,
    requests,
    fail(method, path, fault, times = 1) {
      faults.push({ method, path, fault, remaining: times });
    },
    servePage(path, html) {
      pages.set(path, html);
    },
    async latestCode() {
      const response = await fetch(`${gatewayUrl}/demo/messages`);
      const { messages } = (await response.json()) as { messages: { code: string }[] };
      if (!messages.length) throw new Error('no code on the demo phone');
      return messages[0].code;
    },
    serverLog,
    gatewayLog,
    dataDir,
    leaks,
    async close() {
      await Promise.all([
        closeServer(pageProxy.server, pageProxy.sockets),
        closeServer(tokenizerProxy.server, tokenizerProxy.sockets),
        closeServer(hostServer),
        closeServer(gatewayServer),
      ]);
      await Promise.all([apps.host?.close(), apps.gateway?.close()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
