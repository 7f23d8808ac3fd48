/**
 * Chromium through playwright-core and Firefox ESR through puppeteer (WebDriver BiDi), behind one
 * small interface, for the end-to-end attack run. Pages are driven with real key presses; page-side
 * code is passed as strings (tsx would decorate functions with helpers the page does not have).
 */
import { existsSync } from 'node:fs';

/** A page, whichever browser drives it. */
export interface E2ePage {
  goto(url: string): Promise<void>;
  /** Evaluates an expression in the page (a promise is awaited). */
  evaluate<T>(expression: string): Promise<T>;
  /** Types with real key presses into whatever has focus. */
  type(text: string): Promise<void>;
  press(key: string): Promise<void>;
  close(): Promise<void>;
}

/** A browser that opens pages with `initScript` run before any of the page's own scripts. */
export interface E2eBrowser {
  name: 'chromium' | 'firefox';
  newPage(initScript: string): Promise<E2ePage>;
  close(): Promise<void>;
}

const CHROMIUM = '/usr/bin/chromium';
const FIREFOX = '/usr/bin/firefox-esr';

/** Whether a browser's executable is installed (scripts/ensure-browsers.mjs installs both for npm test). */
export function installed(name: E2eBrowser['name']): boolean {
  return existsSync(name === 'chromium' ? CHROMIUM : FIREFOX);
}

/** Launches a headless browser. */
export async function launch(name: E2eBrowser['name']): Promise<E2eBrowser> {
  if (name === 'chromium') {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return {
      name,
      async newPage(initScript) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.addInitScript({ content: initScript });
        return {
          goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
          evaluate: (expression) => page.evaluate(expression),
          type: (text) => page.keyboard.type(text),
          press: (key) => page.keyboard.press(key),
          close: () => context.close(),
        };
      },
      close: () => browser.close(),
    };
  }
  // puppeteer comes with @web/test-runner-puppeteer; it must never download a browser of its own
  process.env.PUPPETEER_SKIP_DOWNLOAD = '1';
  const { default: puppeteer } = await import('puppeteer');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  return {
    name,
    async newPage(initScript) {
      const page = await browser.newPage();
      await page.evaluateOnNewDocument(initScript);
      return {
        goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
        evaluate: (expression) => page.evaluate(expression) as never,
        type: (text) => page.keyboard.type(text),
        press: (key) => page.keyboard.press(key as never),
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}
