import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, browserEnv } from './harness';

const env = browserEnv();

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';

async function bytesOf(page: Page, selector: string): Promise<number> {
  const v = await page.locator(selector).first().getAttribute('data-bytes');
  return Number(v);
}

async function ready(page: Page): Promise<void> {
  await page.locator('[data-testid="breakdown"]').waitFor();
  await page.locator('[data-gpu]').first().waitFor();
}

describe('calculator page in Chromium (production build)', () => {
  it('dragging the context slider changes the figures and the URL', async () => {
    const { page, consoleErrors, externalRequests, close } = await openPage(env.browser());
    try {
      await page.goto(`${env.url()}?model=${LLAMA}&ctx=8192`);
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

  it('clicking a quantization row selects it and changes the grid', async () => {
    const { page, close } = await openPage(env.browser());
    try {
      await page.goto(`${env.url()}?model=${LLAMA}&ctx=32768&quant=Q2_K`);
      await ready(page);
      const summaryBefore = await page.locator('[data-testid="grid-summary"]').textContent();
      const card = page.locator('[data-gpu="nvidia-rtx-3060-12gb"]');
      const verdictBefore = await card.getAttribute('data-verdict');
      await page.locator('tr[data-quant="F16"]').click();
      await expect
        .poll(() => page.locator('tr[data-quant="F16"]').getAttribute('aria-selected'))
        .toBe('true');
      expect(await page.locator('tr[data-quant="Q2_K"]').getAttribute('aria-selected')).toBe(
        'false',
      );
      await expect
        .poll(() => page.locator('[data-testid="grid-summary"]').textContent())
        .not.toBe(summaryBefore);
      // Q2_K (3.2 GB) + 4 GiB of KV at 32K fits a 12 GB card; F16 (16 GB) does not.
      await expect.poll(() => card.getAttribute('data-verdict')).toBe('no');
      expect(verdictBefore).not.toBe('no');
      expect(new URL(page.url()).searchParams.get('quant')).toBe('F16');
    } finally {
      await close();
    }
  });

  it('a copied link reproduces the view after reload, and Back restores the previous choice', async () => {
    const { page, close } = await openPage(env.browser());
    try {
      await page.goto(`${env.url()}?model=${LLAMA}`);
      await ready(page);
      await page.locator('tr[data-quant="Q6_K"]').click();
      await page.locator('[data-gpu="nvidia-rtx-4090"]').getByRole('button').first().click();
      await expect.poll(() => new URL(page.url()).searchParams.get('gpu')).toBe('nvidia-rtx-4090');
      const link = page.url();
      const total = await bytesOf(page, '[data-testid="breakdown"] [data-field="total"]');

      const second = await openPage(env.browser());
      try {
        await second.page.goto(link);
        await ready(second.page);
        expect(await bytesOf(second.page, '[data-testid="breakdown"] [data-field="total"]')).toBe(
          total,
        );
        expect(
          await second.page.locator('tr[data-quant="Q6_K"]').getAttribute('aria-selected'),
        ).toBe('true');
        expect(new URL(second.page.url()).searchParams.get('gpu')).toBe('nvidia-rtx-4090');
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

  it('a hostile link shows a notice, falls back, and never shows NaN', async () => {
    const { page, consoleErrors, close } = await openPage(env.browser());
    try {
      await page.goto(
        `${env.url()}?model=evil/<script>&ctx=banana&kv=q9_9&count=-3&gpu=not-a-gpu&quant=Q4_K_M%00&unit=furlongs`,
      );
      await ready(page);
      const notice = page.getByRole('status').filter({ hasText: 'could not be used' });
      await notice.waitFor();
      const text = (await notice.textContent()) ?? '';
      for (const key of ['model', 'ctx', 'kv', 'count', 'gpu', 'unit']) expect(text).toContain(key);
      const body = (await page.locator('body').innerText()) ?? '';
      expect(body).not.toMatch(/NaN|undefined|Infinity/);
      // Falls back to the featured model (DeepSeek R1 0528).
      await page
        .getByRole('heading', { name: /DeepSeek R1 0528/ })
        .first()
        .waitFor();
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the model picker works with the keyboard', async () => {
    const { page, close } = await openPage(env.browser());
    try {
      await page.goto(env.url());
      await ready(page);
      const combo = page.getByRole('combobox', { name: /model/i });
      await combo.focus();
      await page.keyboard.type('gemma 2 9b');
      await page.getByRole('listbox', { name: 'Models' }).getByRole('option').first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => new URL(page.url()).searchParams.get('model'))
        .toBe('google/gemma-2-9b-it');
      await page
        .getByRole('heading', { name: /Gemma 2 9B/i })
        .first()
        .waitFor();
    } finally {
      await close();
    }
  });

  it('fits a 360 px phone screen without sideways scrolling', async () => {
    const { page, close } = await openPage(env.browser(), {
      viewport: { width: 360, height: 740 },
    });
    try {
      await page.goto(`${env.url()}?model=deepseek-ai/DeepSeek-R1-0528`);
      await ready(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
    } finally {
      await close();
    }
  });
});
