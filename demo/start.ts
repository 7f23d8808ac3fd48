/**
 * `npm start`: the sandbox gateway and the demo portal, each on its own origin.
 *
 *   node --import tsx demo/start.ts [--reset]
 *
 * PORT (default 8080) and GATEWAY_PORT (default 8081) choose the ports; both listen on 127.0.0.1.
 * GATEWAY_EXTRA_ORIGINS (comma-separated, default http://localhost:8090, the examples/html page)
 * lists other page origins the sandbox gateway accepts card posts from.
 * Data lives in demo/data/ and survives a restart; `--reset` wipes it and seeds the demo data again.
 * Ctrl-C or SIGTERM closes both servers and the databases.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { createSandboxGateway } from './gateway/index.js';
import { createLogger } from './lib/logger.js';
import { createHostServer, DEMO_ACCOUNTS } from './server/index.js';

const HOST = '127.0.0.1';
const port = Number(process.env.PORT ?? 8080);
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 8081);
const reset = process.argv.includes('--reset');
const dataDir = resolve(import.meta.dirname, 'data');

const publicOrigin = `http://localhost:${port}`;
const gatewayPublicUrl = `http://localhost:${gatewayPort}`;
// a fresh secret per run: nothing outside this process needs it
const secretKey = `sk_sandbox_${randomBytes(18).toString('base64url')}`;
const publishableKey = process.env.SANDBOX_PUBLISHABLE_KEY || undefined;
// Stripe mode needs both keys; its cards live at Stripe, so it keeps its own database
const stripe =
  process.env.STRIPE_SECRET_KEY && process.env.STRIPE_PUBLISHABLE_KEY
    ? { secretKey: process.env.STRIPE_SECRET_KEY, publishableKey: process.env.STRIPE_PUBLISHABLE_KEY }
    : undefined;

// pages other than the demo portal that tokenize against this gateway (examples/html/serve.mjs)
const extraOrigins = (process.env.GATEWAY_EXTRA_ORIGINS ?? 'http://localhost:8090')
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);

const gateway = createSandboxGateway({
  // the page may be opened as localhost or 127.0.0.1
  allowedOrigins: [publicOrigin, `http://${HOST}:${port}`, ...extraOrigins],
  secretKey,
  publishableKey,
  dbUrl: `file:${resolve(dataDir, 'gateway.db')}`,
  logger: createLogger('gateway'),
});
const host = createHostServer({
  dbUrl: `file:${resolve(dataDir, stripe ? 'demo-stripe.db' : 'demo.db')}`,
  stripe,
  gatewayUrl: `http://${HOST}:${gatewayPort}`,
  gatewayPublicUrl,
  gatewaySecretKey: secretKey,
  gatewayPublishableKey: publishableKey,
  publicOrigin,
  reset,
  logger: createLogger('server'),
});

function listen(fetchHandler: Parameters<typeof serve>[0]['fetch'], listenPort: number): Promise<ServerType> {
  return new Promise((resolveListen, reject) => {
    const server = serve({ fetch: fetchHandler, port: listenPort, hostname: HOST }, () => resolveListen(server));
    server.once('error', reject);
  });
}

async function main(): Promise<void> {
  await gateway.ready;
  if (reset) await gateway.reset();
  await host.ready;
  const servers = [await listen(gateway.app.fetch, gatewayPort), await listen(host.app.fetch, port)];

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    let open = servers.length;
    for (const server of servers) {
      server.close(() => {
        open -= 1;
        if (open === 0) {
          void Promise.all([host.close(), gateway.close()]).then(() => process.exit(0));
        }
      });
      // keep-alive connections would hold close() open
      if ('closeAllConnections' in server) server.closeAllConnections();
    }
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const address = servers[1].address() as AddressInfo;
  const lines = [
    '',
    `  Demo portal:     ${publicOrigin}  (listening on ${address.address}:${address.port})`,
    stripe ? '  Cards:           Stripe mode (STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY are set)' : `  Sandbox gateway: ${gatewayPublicUrl}`,
    `  Data:            ${dataDir}${reset ? ' (reset)' : ''}`,
    '',
    '  Sign in as:',
    ...DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(18)} password: ${a.password}   ${a.description}`),
    '',
    // the test card numbers are in demo/README.md: this output is a log, and logs never carry one
    '  Test cards: see demo/README.md (the Visa test card ending 4242 succeeds; the one ending 3155',
    '              asks for a one-time code, shown in the Demo phone panel on the page).',
    '  Ctrl-C stops.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start the demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
