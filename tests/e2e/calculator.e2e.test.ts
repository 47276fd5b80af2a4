import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, browserEnv } from './harness';

const env = browserEnv();

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';

async function bytesOf(page: Page, selector: string): Promise<number> {
  const v = await page.locator(selector).first().getAttribute('data-bytes');
  return Number(v);
}

/** The answer, the table and the device list have rendered. */
async function ready(page: Page): Promise<void> {
  await page.locator('[data-testid="answer"]').waitFor();
  await page.locator('tr[data-quant]').first().waitFor();
  await page.locator('[data-testid="grid-summary"]').waitFor();
}

describe('calculator page in Chromium (production build)', () => {
  it('dragging the context slider changes the figures and the URL', async () => {
    const { page, consoleErrors, externalRequests, close } = await openPage(env.browser());
    try {
      await page.goto(`${env.url()}?v=2&model=${LLAMA}&ctx=8192`);
      await ready(page);
      const kvBefore = await bytesOf(page, '[data-testid="breakdown"] [data-field="kv"]');
      // llama.cpp logs 1024 MiB of KV for Llama 3 8B at 8192 tokens in f16.
      expect(kvBefore).toBe(1024 * 1024 * 1024);
      const slider = page.getByRole('slider', { name: /context/i });
      const box = await slider.boundingBox();
      if (!box) throw new Error('slider has no box');
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.95, box.y + box.height / 2, { steps: 12 });
      await page.mouse.up();
      await expect
        .poll(() => bytesOf(page, '[data-testid="breakdown"] [data-field="kv"]'))
        .toBeGreaterThan(kvBefore);
      await expect.poll(() => new URL(page.url()).searchParams.get('ctx')).not.toBe('8192');
      expect(consoleErrors).toEqual([]);
      expect(externalRequests).toEqual([]);
    } finally {
      await close();
    }
  });

  it('clicking a quantization row selects it and changes the device list', async () => {
    const { page, close } = await openPage(env.browser());
    try {
      await page.goto(`${env.url()}?v=2&model=${LLAMA}&ctx=32768&quant=Q2_K&quants=all`);
      await ready(page);
      const summaryBefore = await page.locator('[data-testid="grid-summary"]').textContent();
      await page.getByRole('searchbox', { name: 'Find a device' }).fill('3060 12');
      const row3060 = page.locator('[data-gpu="nvidia-rtx-3060-12gb"]');
      expect(await row3060.getAttribute('data-verdict')).not.toBe('no');
      await page.locator('tr[data-quant="BF16"]').click();
      await expect
        .poll(() => page.locator('tr[data-quant="BF16"]').getAttribute('aria-selected'))
        .toBe('true');
      expect(await page.locator('tr[data-quant="Q2_K"]').getAttribute('aria-selected')).toBe(
        'false',
      );
      await expect
        .poll(() => page.locator('[data-testid="grid-summary"]').textContent())
        .not.toBe(summaryBefore);
      // Q2_K (3.2 GB) + 4 GiB of KV at 32K fits a 12 GB card; BF16 (16 GB) needs two.
      await expect.poll(() => row3060.getAttribute('data-verdict')).toBe('no');
      expect(await row3060.getAttribute('data-needed')).toBe('2');
      expect(new URL(page.url()).searchParams.get('quant')).toBe('BF16');
    } finally {
      await close();
    }
  });

  it('a copied link reproduces the view after reload, and Back restores the previous choice', async () => {
    const { page, context, close } = await openPage(env.browser());
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(`${env.url()}?v=2&model=${LLAMA}`);
      await ready(page);
      await page.locator('tr[data-quant="Q6_K"]').click();
      await page.getByRole('searchbox', { name: 'Find a device' }).fill('4090');
      await page
        .locator('[data-gpu="nvidia-rtx-4090"]')
        .getByRole('button', { name: /RTX 4090 \(24 GB\)/ })
        .click();
      await expect.poll(() => new URL(page.url()).searchParams.get('gpu')).toBe('nvidia-rtx-4090');
      const answer = page.locator('[data-testid="answer"]');
      await answer.getByRole('button', { name: 'Copy link' }).click();
      await answer.getByText('✓ Copied').waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link).toBe(page.url());
      const total = await bytesOf(page, '[data-testid="answer"] [data-field="total"]');

      const second = await openPage(env.browser());
      try {
        await second.page.goto(link);
        await ready(second.page);
        expect(await bytesOf(second.page, '[data-testid="answer"] [data-field="total"]')).toBe(
          total,
        );
        expect(
          await second.page.locator('tr[data-quant="Q6_K"]').getAttribute('aria-selected'),
        ).toBe('true');
        expect(await second.page.title()).toMatch(/^Llama 3\.1 8B Instruct: VRAM/);
      } finally {
        await second.close();
      }

      await page.goBack();
      await expect.poll(() => new URL(page.url()).searchParams.get('gpu')).toBeNull();
      expect(await page.locator('tr[data-quant="Q6_K"]').getAttribute('aria-selected')).toBe(
        'true',
      );
    } finally {
      await close();
    }
  });

  it('a hostile link shows a notice, rewrites the URL to what applies, and never shows NaN', async () => {
    const { page, consoleErrors, close } = await openPage(env.browser());
    try {
      await page.goto(
        `${env.url()}?v=2&model=evil/<script>&ctx=banana&kv=q9_9&count=-3&gpu=not-a-gpu&quant=Q4_K_M%00&unit=furlongs`,
      );
      await ready(page);
      const notice = page.getByRole('status').filter({ hasText: 'ignored or changed' });
      await notice.waitFor();
      const text = (await notice.textContent()) ?? '';
      for (const key of ['model', 'ctx', 'kv', 'count', 'gpu', 'unit']) expect(text).toContain(key);
      const body = (await page.locator('body').innerText()) ?? '';
      expect(body).not.toMatch(/NaN|undefined|Infinity/);
      // The address bar now carries only what is applied.
      await expect.poll(() => page.url()).not.toContain('evil');
      const params = new URL(page.url()).searchParams;
      for (const key of ['model', 'ctx', 'kv', 'count', 'gpu', 'unit', 'quant'])
        expect(params.get(key)).toBeNull();
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a context above the model maximum is clamped to it, and the link says so', async () => {
    const { page, close } = await openPage(env.browser());
    try {
      // Gemma 2 9B: max_position_embeddings 8192.
      await page.goto(`${env.url()}?v=2&model=google/gemma-2-9b-it&ctx=99999999`);
      await ready(page);
      await expect.poll(() => new URL(page.url()).searchParams.get('ctx')).toBe('8192');
      await page.getByRole('status').filter({ hasText: 'ctx' }).waitFor();
    } finally {
      await close();
    }
  });

  it('links written before version 2 open what they showed: DeepSeek R1, decimal GB', async () => {
    const { page, close } = await openPage(env.browser());
    try {
      await page.goto(`${env.url()}?gpu=nvidia-rtx-4090&ctx=32768`);
      await ready(page);
      const answer = page.locator('[data-testid="answer"]');
      await expect.poll(() => answer.textContent()).toContain('DeepSeek R1 0528');
      expect(await answer.textContent()).toMatch(/ GB /);
      expect(await answer.textContent()).not.toMatch(/GiB/);
    } finally {
      await close();
    }
  });

  it('the model picker finds "qwen 14" and works with the keyboard; the title names the model', async () => {
    const { page, close } = await openPage(env.browser());
    try {
      await page.goto(`${env.url()}?v=2&model=${LLAMA}`);
      await ready(page);
      const combo = page.getByRole('combobox', { name: 'Model' });
      await combo.focus();
      await page.keyboard.type('qwen 14');
      const first = page.getByRole('listbox', { name: 'Models' }).getByRole('option').first();
      await expect.poll(() => first.textContent()).toMatch(/^Qwen3 14B/);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).searchParams.get('model')).toBe('Qwen/Qwen3-14B');
      await expect.poll(() => page.title()).toMatch(/^Qwen3 14B: VRAM, quantization and GPU/);
    } finally {
      await close();
    }
  });

  it('the keyboard reaches "Run it" in a few stops, through the skip link and section links', async () => {
    const { page, close } = await openPage(env.browser());
    try {
      await page.goto(`${env.url()}?v=2&model=${LLAMA}&gpu=nvidia-rtx-4090`);
      await ready(page);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        'Skip to the answer',
      );
      // Every commands' section link sits before the long tables.
      let stops = 1;
      while (stops < 40) {
        await page.keyboard.press('Tab');
        stops++;
        const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
        if (text === 'Run it') break;
      }
      expect(stops).toBeLessThan(40);
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).hash).toBe('#run');
      await page.locator('[data-command="llama.cpp"]').waitFor();
    } finally {
      await close();
    }
  });

  it('fits a 360 px phone screen without sideways scrolling', async () => {
    const { page, close } = await openPage(env.browser(), {
      viewport: { width: 360, height: 780 },
    });
    try {
      await page.goto(`${env.url()}?v=2&model=deepseek-ai/DeepSeek-R1-0528`);
      await ready(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
    } finally {
      await close();
    }
  });
});
