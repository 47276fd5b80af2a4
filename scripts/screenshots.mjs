#!/usr/bin/env node
/* global document -- used inside page.evaluate, which runs in the browser */
// Takes full-page screenshots of the built app (dist/) in headless Chromium for a visual check:
// desktop (1280) and phone (360) widths, light and dark, for the URLs given (default: DeepSeek R1
// 0528 and Llama 3.2 1B). Usage: npm run build && node scripts/screenshots.mjs [outDir] [query...]
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, startServer } from './static-server.mjs';

const outDir = process.argv[2] ?? 'screenshots';
const queries = process.argv.slice(3);
const pages = queries.length
  ? queries
  : [
      '?model=deepseek-ai/DeepSeek-R1-0528&gpu=nvidia-rtx-4090',
      '?model=meta-llama/Llama-3.2-1B-Instruct&gpu=apple-macbook-air-m1-16gb',
    ];
mkdirSync(outDir, { recursive: true });
const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  for (const [i, q] of pages.entries()) {
    for (const width of [1280, 360]) {
      for (const scheme of ['light', 'dark']) {
        const page = await browser.newPage({
          viewport: { width, height: 900 },
          colorScheme: scheme,
        });
        await page.goto(`${server.url}${q}`, { waitUntil: 'networkidle' });
        await page
          .locator('[data-testid="breakdown"], [data-model]')
          .first()
          .waitFor({ timeout: 15000 })
          .catch(() => {});
        await page.waitForTimeout(600);
        const file = path.join(outDir, `page${i}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        // Also in screen-sized parts, which are easier to look at than one very tall image.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const part = width > 600 ? 1100 : 1400;
        for (let y = 0, n = 0; y < height && n < 12; y += part, n++) {
          const clip = { x: 0, y, width, height: Math.min(part, height - y) };
          await page.screenshot({
            path: file.replace('.png', `-part${n}.png`),
            fullPage: true,
            clip,
          });
        }
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
