#!/usr/bin/env node
/* global document, HTMLInputElement, requestAnimationFrame -- used inside page.evaluate, which runs in the browser */
// Benchmark (`npm run bench`): builds the app, serves dist/ on 127.0.0.1 and measures in
// headless Chromium with the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate):
//   1. slider latency: time from a context-slider input event to the next rendered frame,
//      over many steps across the range with DeepSeek R1 0528 and the whole catalog on screen;
//   2. first-view JavaScript: gzip size of the scripts index.html loads (lazy chunks excluded).
// Prints median and p95 latency and the gzip size. Needs Chromium (CHROMIUM_PATH or /usr/bin/chromium).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, DIST_DIR, startServer } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STEPS = Number(process.env.BENCH_STEPS ?? 120);
const CPU_SLOWDOWN = 4;

function findChromium() {
  for (const c of [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]) {
    if (!c) continue;
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // next
    }
  }
  return null;
}

function percentile(sorted, p) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function firstViewGzipBytes() {
  const html = readFileSync(path.join(DIST_DIR, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  let total = 0;
  for (const src of new Set(srcs)) {
    total += gzipSync(readFileSync(path.join(DIST_DIR, src.replace(/^\.\//, '')))).length;
  }
  return { total, files: [...new Set(srcs)] };
}

const build = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const js = firstViewGzipBytes();
console.log(
  `First-view JavaScript: ${(js.total / 1024).toFixed(1)} KiB gzip (${js.files.length} file(s); budget 150 KiB)`,
);

const executablePath = findChromium();
if (!executablePath) {
  console.log(
    'Slider benchmark skipped: no Chromium found (install: apt-get install -y chromium, or set CHROMIUM_PATH)',
  );
  process.exit(0);
}

const server = await startServer();
const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}?model=deepseek-ai/DeepSeek-R1-0528&gpu=nvidia-rtx-4090`, {
    waitUntil: 'networkidle',
  });
  const slider = page.getByRole('slider', { name: /context/i });
  await slider.waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const timings = await page.evaluate(async (steps) => {
    const input = document.querySelector('input[type="range"]');
    if (!(input instanceof HTMLInputElement)) throw new Error('no range input');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const min = Number(input.min);
    const max = Number(input.max);
    const afterNextFrame = () =>
      new Promise((resolve) => {
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(undefined);
          ch.port2.postMessage(null);
        });
      });
    const out = [];
    let v = min;
    let dir = 1;
    for (let i = 0; i < steps; i++) {
      v += dir;
      if (v >= max || v <= min) dir = -dir;
      await afterNextFrame();
      const t0 = performance.now();
      setter.call(input, String(v));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await afterNextFrame();
      out.push(performance.now() - t0);
    }
    return out;
  }, STEPS);
  // Let deferred work (chart, grid) settle so it is not silently skipped.
  await page.waitForTimeout(500);
  const sorted = [...timings].sort((a, b) => a - b);
  console.log(
    `Slider input -> next frame at ${CPU_SLOWDOWN}x CPU slowdown (${STEPS} steps, DeepSeek R1 0528, full catalog): ` +
      `median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms`,
  );
} finally {
  await browser.close();
  await server.close();
}
