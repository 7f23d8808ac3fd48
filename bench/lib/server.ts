/**
 * A tiny static server for the bench pages, on 127.0.0.1 at a free port.
 *
 * Every answer carries COOP/COEP so the pages are cross-origin isolated: only then does Chromium give
 * `performance.now()` 5 µs resolution (100 µs otherwise, too coarse for one keystroke). `no-store`
 * makes each fresh page fetch and compile the modules again, which start-up measures.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/** A running server. */
export interface StaticServer {
  /** Base URL, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves the files under `dir`. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const headers = {
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cache-control': 'no-store',
    };
    const path = resolve(root, `.${decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)}`);
    if (!path.startsWith(root + sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    readFile(path).then(
      (body) => res.writeHead(200, { ...headers, 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404, headers).end(),
    );
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
