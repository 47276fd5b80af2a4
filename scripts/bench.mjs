#!/usr/bin/env node
/* global document, HTMLInputElement, requestAnimationFrame -- used inside page.evaluate, which runs in the browser */
// Benchmark (`npm run bench`): builds the app, serves dist/ on 127.0.0.1 and measures in
// headless Chromium with the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate):
//   1. slider latency: time from a context-slider input event to the next rendered frame,
//      over many steps across the range with DeepSeek R1 0528 and the whole catalog on screen;
//   2. first-view JavaScript: gzip size of the scripts index.html loads (lazy chunks excluded);
//   3. the hardware view's full catalog sweep (every model x GGUF quantization), timed in a page.
// Prints median and p95 latency and the gzip size. Needs Chromium (CHROMIUM_PATH or /usr/bin/chromium).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build as viteBuild } from 'vite';
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

/**
 * Runs in the page: steps the first range input `steps` times, one step per frame as a drag
 * does, and records per step (ms): `ready` = from dispatching the input event to the end of the
 * style and layout the next frame needs; `frame` = to the next requestAnimationFrame callback
 * plus a task (vsync-aligned, so it includes waiting for the frame); `longest` = the longest
 * main-thread task (PerformanceObserver longtask, 0 when none over 50 ms... so we time tasks
 * ourselves with a MessageChannel probe).
 */
async function measureDrag(steps) {
  const input = document.querySelector('input[type="range"]');
  if (!(input instanceof HTMLInputElement)) throw new Error('no range input');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const min = Number(input.min);
  const max = Number(input.max);
  const nextFrame = () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(undefined);
        ch.port2.postMessage(null);
      });
    });
  // Probe: a chain of tasks that records the largest gap between them (a blocked main thread).
  let longest = 0;
  let last = performance.now();
  let probing = true;
  const probe = new MessageChannel();
  probe.port1.onmessage = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (probing) setTimeout(() => probe.port2.postMessage(null), 0);
  };
  probe.port2.postMessage(null);
  const ready = [];
  const frame = [];
  const longestPerStep = [];
  let v = Number(input.value);
  let dir = 1;
  for (let i = 0; i < steps; i++) {
    v += dir;
    if (v >= max || v <= min) dir = -dir;
    await nextFrame();
    longest = 0;
    const t0 = performance.now();
    setter.call(input, String(v));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    void document.body.offsetHeight;
    ready.push(performance.now() - t0);
    await nextFrame();
    frame.push(performance.now() - t0);
    longestPerStep.push(longest);
  }
  probing = false;
  return { ready, frame, longest: longestPerStep };
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
  const result = await page.evaluate(measureDrag, STEPS);
  // Let deferred work (table, grid, chart) settle so it is not silently skipped.
  await page.waitForTimeout(500);
  const blank = await browser.newPage();
  await blank.setContent('<input type="range" min="0" max="100" value="0"><output></output>');
  const blankCdp = await blank.context().newCDPSession(blank);
  await blankCdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const base = await blank.evaluate(measureDrag, STEPS);
  const fmt = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms`;
  };
  console.log(
    `Slider drag at ${CPU_SLOWDOWN}x CPU slowdown, ${STEPS} steps, DeepSeek R1 0528 with the whole catalog on screen:`,
  );
  console.log(
    `  input -> frame ready (handlers, React render + commit, style, layout): ${fmt(result.ready)}`,
  );
  console.log(
    `  longest main-thread task per step (what can delay a frame): ${fmt(result.longest)}`,
  );
  console.log(
    `  input -> next rAF frame, vsync-aligned: ${fmt(result.frame)} (a blank page with one slider: ${fmt(base.frame)})`,
  );

  // Hardware view: a full sweep of the catalog (every model x GGUF quantization) in the page.
  const bundle = await viteBuild({
    configFile: false,
    logLevel: 'error',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: path.join(root, 'scripts/bench-sweep-entry.ts'),
        formats: ['iife'],
        name: 'SweepBench',
      },
    },
  });
  const code = (Array.isArray(bundle) ? bundle[0] : bundle).output[0].code;
  const sweepPage = await browser.newPage();
  const sweepCdp = await sweepPage.context().newCDPSession(sweepPage);
  await sweepCdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await sweepPage.addScriptTag({ content: code });
  const data = (f) => JSON.parse(readFileSync(path.join(root, 'public/data', f), 'utf8'));
  const sweep = await sweepPage.evaluate(
    ([m, q, g]) =>
      globalThis.runSweepBench(
        m,
        q,
        g,
        [
          'nvidia-rtx-4090',
          'nvidia-rtx-3060-12gb',
          'apple-mac-studio-m2-max-96gb',
          'nvidia-h100-sxm',
        ],
        30,
      ),
    [data('models.json'), data('quantizations.json'), data('gpus.json')],
  );
  const warm = [...sweep.warmMs].sort((a, b) => a - b);
  console.log(
    `Hardware view sweep (${sweep.rows} models x all GGUF quantizations) at ${CPU_SLOWDOWN}x CPU slowdown: ` +
      `first ${sweep.coldMs.toFixed(0)} ms (cold caches), then median ${percentile(warm, 50).toFixed(1)} ms, p95 ${percentile(warm, 95).toFixed(1)} ms (budget 50 ms)`,
  );
} finally {
  await browser.close();
  await server.close();
}
