// @web/test-runner (browser tests; test/server/ runs under node --test instead): modules served by Vite (TS + legacy decorators via Oxc; CommonJS deps such as
// card-validator and Storybook's testing-library pre-bundled by Vite's optimizer).
// Browsers: Debian's /usr/bin/chromium (default) and Debian's firefox-esr (WTR_BROWSERS=chromium,firefox).
import { createServer } from 'vite';
import { chromeLauncher } from '@web/test-runner-chrome';

let vite;
const viteLifecycle = {
  name: 'vite-lifecycle',
  async serverStart() {
    vite = await createServer({
      server: { middlewareMode: true, hmr: false, ws: false },
      appType: 'custom', clearScreen: false, logLevel: 'warn',
      // scan test files up front so all deps are pre-bundled once (avoids mid-run re-optimisation / duplicate Lit)
      optimizeDeps: { entries: ['test/**/*.test.ts', '!test/server/**', 'stories/**/*.stories.ts', '.storybook/preview.ts'] },
      plugins: [{
        // wtr's browser-side commands import its websocket module by URL; leave that to wtr
        name: 'wtr-websocket-external', enforce: 'pre',
        resolveId: (id) => id.endsWith('__web-dev-server__web-socket.js')
          ? { id: '/__web-dev-server__web-socket.js', external: true } : undefined,
      }],
    });
  },
  async serverStop() { await vite?.close(); },
};

// koa middleware: config.middleware runs before wtr's static-file serving. (A plugin's app.use() in
// serverStart would come after it, and koa-compose 4.2 copies the stack anyway -- which is why
// @remcovaes/web-test-runner-vite-plugin serves raw .ts here.)
async function viteMiddleware(ctx, next) {
  const p = ctx.path;
  if (!vite || p === '/' || p.startsWith('/__web-dev-server') || p.startsWith('/__wds')) return next();
  await new Promise((resolve) => {
    ctx.respond = false; // Vite writes the raw response
    ctx.res.once('finish', resolve);
    vite.middlewares(ctx.req, ctx.res, () => { ctx.respond = true; resolve(); });
  });
  if (ctx.respond !== false) return next(); // Vite passed: fall back to wtr
}

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const wanted = (process.env.WTR_BROWSERS ?? 'chromium').split(',');
const browsers = [];
if (wanted.includes('chromium')) {
  // chrome-launcher finds /usr/bin/chromium by itself (or $CHROME_PATH); --no-sandbox is required as root
  browsers.push(chromeLauncher({ launchOptions: { headless: true, args: chromiumArgs } }));
}
if (wanted.includes('firefox')) {
  const { puppeteerLauncher } = await import('@web/test-runner-puppeteer');
  browsers.push(puppeteerLauncher({
    launchOptions: { browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true },
  }));
}

export default {
  files: ['test/**/*.test.ts', '!test/server/**'],
  plugins: [viteLifecycle],
  middleware: [viteMiddleware],
  browsers,
  concurrency: 1, // 2-core machine
  testFramework: { config: { timeout: 20000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 600000,
};
