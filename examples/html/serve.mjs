// Serves examples/html/ on http://localhost:8090 and forwards the host endpoint (/api/…) and the
// drop-in bundle (/saved-cards.js) to the reference server that `npm start` runs on :8080, so the
// plain page runs against it as if both were one portal.
//
//   npm start                        # in one terminal: reference server :8080, gateway :8081
//   node examples/html/serve.mjs     # in another: this page on :8090
//
// REFERENCE (default http://localhost:8080) and PORT (default 8090) change the two ends.
// Trial only: a portal serves its own page and its own /api from one origin, with no proxy.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { extname, join, normalize } from 'node:path';
import process from 'node:process';

const reference = new URL(process.env.REFERENCE ?? 'http://localhost:8080');
const port = Number(process.env.PORT ?? 8090);
const root = import.meta.dirname;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
// the same strict policy the demo portal uses: no inline script, Trusted Types, one gateway origin
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' http://localhost:8081",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

function forward(req, res) {
  const headers = { ...req.headers, host: reference.host };
  // the reference server accepts changes from its own origin only: this page stands in for it
  if (headers.origin) headers.origin = reference.origin;
  delete headers.referer;
  const upstream = request(reference, { method: req.method, path: req.url, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    res.writeHead(502, { 'content-type': 'text/plain' }).end(`Cannot reach the reference server at ${reference.origin}: is \`npm start\` running?\n`);
  });
  req.pipe(upstream);
}

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path.startsWith('/api/') || /^\/saved-cards[\w.-]*\.js(\.map)?$/.test(path)) return forward(req, res);
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  if (!file.startsWith(root) || !TYPES[extname(file)] || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)], 'content-security-policy': CSP, 'cache-control': 'no-cache' });
  createReadStream(file).pipe(res);
});

server.listen(port, '127.0.0.1', () => {
  // eslint-disable-next-line no-console -- the one line that says where to go
  console.log(`Plain-HTML example: http://localhost:${port}  (API and bundle from ${reference.origin})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
