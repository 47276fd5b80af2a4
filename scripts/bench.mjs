#!/usr/bin/env node
/* global document, window, HTMLInputElement, KeyboardEvent, requestAnimationFrame -- used inside page.evaluate, which runs in the browser */
// Benchmark (`npm run bench`): builds the app, serves dist/ on 127.0.0.1 and measures in
// headless Chromium, the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate) unless stated:
//   1. a context-slider step (a key press on the slider): from the keydown to the frame in which the
//      answer's total (data-bytes) shows the new value, with the answer, table, chart and device
//      list on the page;
//   2. choosing another model in the picker: from Enter to the frame in which the answer shows it;
//   3. first-view JavaScript (gzip), whether the chart's code waits for the chart to near the
//      viewport, whether the catalog is requested before the app's code has run, layout shift;
//   4. the hardware view: a cold ?view=hardware link to its first rows (CPU not slowed), and the
//      sweep of the whole catalog.
// Prints medians and 95th percentiles against the budgets of issue 8 / 9. Needs Chromium.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { CHROMIUM_ARGS, DIST_DIR, startServer } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STEPS = Number(process.env.BENCH_STEPS ?? 60);
const SWITCHES = Number(process.env.BENCH_SWITCHES ?? 16);
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
 * Installs, in the page, a watcher of the answer's total: every requestAnimationFrame callback
 * checks its data-bytes, and the time of the first frame that shows a new value is kept; with the
 * time of the latest keydown (its event.timeStamp: when the key was pressed, in the page's clock).
 */
function installWatcher() {
  const w = { keyAt: 0, shownAt: 0, last: null };
  window.__bench = w;
  document.addEventListener('keydown', (e) => (w.keyAt = e.timeStamp), { capture: true });
  const tick = () => {
    const now = performance.now();
    const v = document
      .querySelector('[data-testid="answer"] [data-field="total"]')
      ?.getAttribute('data-bytes');
    if (v !== w.last) {
      w.last = v;
      w.shownAt = now;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Steps the context slider with the keyboard (real key events through the DevTools protocol, at a
 * random moment of the frame, as a person's key presses arrive) and returns, per step, the ms from
 * the keydown to the frame that shows the answer's new total.
 */
async function measureSlider(page, steps) {
  await page.evaluate(installWatcher);
  await page.getByRole('slider', { name: /context/i }).focus();
  const out = [];
  let dir = 'ArrowRight';
  for (let i = 0; i < steps; i++) {
    if (i % 8 === 0 && i > 0) dir = dir === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
    await page.waitForTimeout(40 + Math.random() * 17);
    const before = await page.evaluate(() => window.__bench.shownAt);
    await page.keyboard.press(dir);
    const ms = await page.waitForFunction(
      (prev) => {
        const w = window.__bench;
        return w.shownAt !== prev && w.shownAt >= w.keyAt ? w.shownAt - w.keyAt : false;
      },
      before,
      { polling: 'raf', timeout: 10000 },
    );
    out.push(await ms.jsonValue());
  }
  return out;
}

/**
 * Runs in the page: picks `names` in turn in the model picker (types the name, presses Enter),
 * one choice every second or so, and returns, per choice, the ms from the Enter key to the frame
 * in which the answer names the model.
 */
async function measureModelSwitch(names) {
  const box = document.getElementById('model-picker');
  const answer = () => document.querySelector('[data-testid="answer"]')?.textContent ?? '';
  if (!(box instanceof HTMLInputElement)) throw new Error('no model picker');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const out = [];
  for (const name of names) {
    box.focus();
    await frame();
    setter.call(box, name);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await frame();
    await frame();
    const t0 = performance.now();
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    for (;;) {
      await frame();
      if (answer().includes(name)) break;
      if (performance.now() - t0 > 10000) throw new Error(`the answer did not show ${name}`);
    }
    out.push(performance.now() - t0);
    box.blur();
    // A person looks at the result before choosing again (and the chart redraws meanwhile).
    await new Promise((resolve) => setTimeout(resolve, 800));
  }
  return out;
}

function percentile(sorted, p) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const fmt = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms`;
};
const p95 = (xs) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    95,
  );

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
  { cwd: root, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const js = firstViewGzipBytes();
console.log(
  `First-view JavaScript: ${(js.total / 1024).toFixed(1)} KiB gzip (${js.files.length} files; budget 150 KiB)`,
);

const executablePath = findChromium();
if (!executablePath) {
  console.log(
    'Browser benchmarks skipped: no Chromium (apt-get install -y chromium, or set CHROMIUM_PATH)',
  );
  process.exit(0);
}

const server = await startServer();
const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
const results = {};
try {
  // 3. Load: what is requested when, and whether anything moves.
  {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}?v=2&model=Qwen/Qwen3-14B&gpu=nvidia-rtx-4070`);
    await page.locator('tr[data-quant]').first().waitFor();
    await page.locator('[data-testid="grid-summary"]').waitFor();
    const load = await page.evaluate(async () => {
      const shifts = await new Promise((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 1000);
      });
      const entries = performance.getEntriesByType('resource');
      const script = entries.find((e) => /\/assets\/index-[^/]+\.js$/.test(e.name));
      const models = entries.find((e) => e.name.endsWith('/data/models.json'));
      return {
        shifts,
        modelsStart: models?.startTime ?? null,
        scriptEnd: script?.responseEnd ?? null,
      };
    });
    const chartAtLoad = requested.some((p) => /quant-chart/.test(p));
    results.cls = load.shifts;
    console.log(
      `Load: layout shift ${load.shifts.toFixed(3)}; catalog requested at ${load.modelsStart?.toFixed(0)} ms, ` +
        `the app's script received at ${load.scriptEnd?.toFixed(0)} ms (${load.modelsStart !== null && load.scriptEnd !== null && load.modelsStart <= load.scriptEnd ? 'catalog first: preloaded' : 'catalog after the script'}); ` +
        `chart code ${chartAtLoad ? 'LOADED at start' : 'not loaded until the chart nears the viewport'}`,
    );
    await page.close();
  }

  // 1 and 2. Interactions at 4x, with every section on the page (scrolled through once).
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}?v=2&model=Qwen/Qwen3-14B&gpu=nvidia-rtx-4070`, {
    waitUntil: 'networkidle',
  });
  await page.locator('[data-testid="grid-summary"]').waitFor();
  for (let y = 0; y < 6000; y += 500) await page.evaluate((top) => window.scrollTo(0, top), y);
  await page.locator('.recharts-surface').first().waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const slider = await measureSlider(page, STEPS);
  results.slider = slider;
  console.log(
    `Context slider at ${CPU_SLOWDOWN}x CPU slowdown, ${STEPS} steps (Qwen3 14B, RTX 4070; answer, table, chart and device list on the page): input -> answer's new total on screen ${fmt(slider)} (budget p95 20 ms)`,
  );
  const names = [];
  for (let i = 0; i < SWITCHES; i++)
    names.push(['Llama 3.1 8B Instruct', 'Qwen3 14B', 'gpt-oss-20b', 'Gemma 3 27B IT'][i % 4]);
  const switches = await page.evaluate(measureModelSwitch, names);
  results.switch = switches;
  console.log(
    `Model switch in the picker at ${CPU_SLOWDOWN}x, ${SWITCHES} choices: Enter -> the answer shows the new model ${fmt(switches)} (budget p95 150 ms)`,
  );
  await page.close();

  // 4. Hardware view: a cold link, CPU not slowed, then the sweep.
  const hw = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const t0 = Date.now();
  await hw.goto(`${server.url}?v=2&view=hardware&gpu=nvidia-rtx-4070`);
  await hw.locator('[data-model]').first().waitFor();
  const coldRows = Date.now() - t0;
  results.coldRows = coldRows;
  console.log(
    `Hardware view, cold link to its first rows (CPU not slowed): ${coldRows} ms (budget 1500 ms)`,
  );
  await hw.close();

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
  console.log(
    `Hardware view sweep (${sweep.rows} models, weights from the built table) at ${CPU_SLOWDOWN}x: first ${sweep.coldMs.toFixed(0)} ms, then ${fmt(sweep.warmMs)} (budget 50 ms)`,
  );
  const ok =
    js.total <= 150 * 1024 &&
    p95(results.slider) <= 20 &&
    p95(results.switch) <= 150 &&
    results.coldRows <= 1500 &&
    results.cls < 0.01;
  console.log(ok ? 'All budgets met.' : 'Some budgets are NOT met (see above).');
} finally {
  await browser.close();
  await server.close();
}
