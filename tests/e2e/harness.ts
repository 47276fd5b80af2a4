/**
 * Helpers for browser (end-to-end) tests. They run against the production
 * build in dist/ (built by `npm test`) using a system Chromium driven by
 * playwright-core. CHROMIUM_PATH must point to the browser executable; the test
 * runner (scripts/run-tests.mjs) sets it.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServer {
  /** Base URL with trailing slash, e.g. http://127.0.0.1:43121/ */
  url: string;
  close: () => Promise<void>;
}

/** Serves `root` (default: dist/) on 127.0.0.1 on a free port. */
export async function startServer(root: string = DIST_DIR): Promise<StaticServer> {
  const rootDir = path.resolve(root);
  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.writeHead(405).end();
          return;
        }
        const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
        const relative = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
        const filePath = path.resolve(rootDir, `.${relative}`);
        if (filePath !== rootDir && !filePath.startsWith(rootDir + path.sep)) {
          res.writeHead(404).end('Not found');
          return;
        }
        const info = await stat(filePath).catch(() => null);
        if (!info?.isFile()) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
          return;
        }
        res.writeHead(200, {
          'content-type':
            CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream',
          'content-length': info.size,
          'cache-control': 'no-store',
        });
        if (req.method === 'HEAD') {
          res.end();
          return;
        }
        createReadStream(filePath).pipe(res);
      } catch {
        if (!res.headersSent) res.writeHead(400);
        res.end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Launches the system Chromium (CHROMIUM_PATH) headless. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath) {
    throw new Error('CHROMIUM_PATH is not set; run browser tests via `npm test`.');
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
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
