/**
 * Helpers for browser (end-to-end) tests. They run against the production
 * build in dist/ (built by `npm test`) using a system Chromium driven by
 * playwright-core. CHROMIUM_PATH must point to the browser executable; the test
 * runner (scripts/run-tests.mjs) sets it.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  CHROMIUM_ARGS,
  DIST_DIR,
  startServer,
  type StaticServer,
} from '../../scripts/static-server.mjs';

export { DIST_DIR, startServer, type StaticServer };

/** Launches the system Chromium (CHROMIUM_PATH) headless. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath) {
    throw new Error('CHROMIUM_PATH is not set; run browser tests via `npm test`.');
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export interface RecordedPage {
  page: Page;
  context: BrowserContext;
  /** console.error messages, uncaught page errors, and CSP violations. */
  consoleErrors: string[];
  /** URLs of every request to a host other than 127.0.0.1 (these are aborted). */
  externalRequests: string[];
  close: () => Promise<void>;
}

function isLocal(rawUrl: string): boolean {
  if (rawUrl.startsWith('data:') || rawUrl.startsWith('blob:') || rawUrl === 'about:blank') {
    return true;
  }
  try {
    return new URL(rawUrl).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/**
 * Opens a fresh browser context + page that records console errors and
 * blocks/records any request leaving 127.0.0.1. Navigate with `page.goto(url)`.
 */
export async function openPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<RecordedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  const consoleErrors: string[] = [];
  const externalRequests: string[] = [];

  await context.route(
    (url) => !isLocal(url.href),
    async (route) => {
      externalRequests.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  context.on('request', (request) => {
    const url = request.url();
    if (!isLocal(url) && !externalRequests.includes(url)) externalRequests.push(url);
  });

  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => {
    consoleErrors.push(`pageerror: ${error.message}`);
  });

  return {
    page,
    context,
    consoleErrors,
    externalRequests,
    close: () => context.close(),
  };
}

/**
 * Starts the static server and Chromium before the file's tests and stops them after. Returns
 * getters, valid inside tests: `const env = browserEnv(); ... env.browser(), env.url()`.
 */
export function browserEnv(): { browser: () => Browser; url: () => string } {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    browser: () => {
      if (!browser) throw new Error('browser not started');
      return browser;
    },
    url: () => {
      if (!server) throw new Error('server not started');
      return server.url;
    },
  };
}
