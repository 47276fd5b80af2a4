import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fileBytes, tinyLlama } from '../features/custom-model-gguf';
import { openPage, browserEnv } from './harness';

const env = browserEnv();

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const BREAKDOWN = '[data-testid="breakdown"]';

async function bytesOf(page: Page, field: string): Promise<number> {
  const v = await page
    .locator(`${BREAKDOWN} [data-field="${field}"]`)
    .first()
    .getAttribute('data-bytes');
  return Number(v);
}

async function openCard(page: Page): Promise<void> {
  await page.locator(BREAKDOWN).waitFor();
  await page.getByText('Bring your own model').click();
}

describe('bring your own model in Chromium (production build)', () => {
  it('a generated GGUF shows its exact breakdown, and its share link reproduces it', async () => {
    const { page, consoleErrors, externalRequests, close } = await openPage(env.browser());
    try {
      await page.goto(`${env.url()}?model=${LLAMA}`);
      await openCard(page);
      await page.locator('input[type="file"]').setInputFiles({
        name: 'tiny-llama-Q8_0.gguf',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(fileBytes(tinyLlama())),
      });
      // Q8_0 weights on the GPU (token_embd stays in RAM): 1,467,392 bytes (see custom-model.test.tsx).
      await expect.poll(() => bytesOf(page, 'weights')).toBe(1_467_392);
      await page.getByRole('button', { name: 'Back to catalog' }).waitFor();
      expect(await page.locator('tr[data-quant="GGUF-FILE"]').getAttribute('aria-selected')).toBe(
        'true',
      );
      await expect.poll(() => new URL(page.url()).searchParams.get('custom')).toBeTruthy();
      const total = await bytesOf(page, 'total');

      await page.reload();
      await page.locator(BREAKDOWN).waitFor();
      await expect.poll(() => bytesOf(page, 'total')).toBe(total);
      expect(await bytesOf(page, 'weights')).toBe(1_467_392);
      expect(consoleErrors).toEqual([]);
      expect(externalRequests).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a GGUF dropped on the card is read the same way', async () => {
    const { page, close } = await openPage(env.browser());
    try {
      await page.goto(`${env.url()}?model=${LLAMA}`);
      await page.locator(BREAKDOWN).waitFor();
      const bytes = [...fileBytes(tinyLlama())];
      // A real drop: a DataTransfer holding the file, dispatched as dragover + drop on the card.
      const dataTransfer = await page.evaluateHandle((data) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(data)], 'tiny-llama-Q8_0.gguf'));
        return dt;
      }, bytes);
      const card = page.locator('details.custom-model');
      await card.dispatchEvent('dragover', { dataTransfer });
      await card.dispatchEvent('drop', { dataTransfer });
      await expect.poll(() => bytesOf(page, 'weights')).toBe(1_467_392);
    } finally {
      await close();
    }
  });

  it('a pasted config.json is used with the chosen quantization', async () => {
    const { page, close } = await openPage(env.browser());
    try {
      await page.goto(`${env.url()}?model=deepseek-ai/DeepSeek-R1-0528&quant=Q4_K_M`);
      await openCard(page);
      await page.getByLabel(/config\.json/).fill(
        JSON.stringify({
          model_type: 'llama',
          hidden_size: 4096,
          intermediate_size: 14336,
          max_position_embeddings: 131072,
          num_attention_heads: 32,
          num_hidden_layers: 32,
          num_key_value_heads: 8,
          rope_scaling: { rope_type: 'llama3' },
          tie_word_embeddings: false,
          vocab_size: 128256,
        }),
      );
      await page.getByRole('button', { name: 'Use config' }).click();
      // Llama 3.1 8B Q4_K_M: 4,920,739,232 B file (bartowski) - 7,840,928 B metadata
      // - 295,501,824 B token_embd kept in RAM.
      await expect.poll(() => bytesOf(page, 'weights')).toBe(4_617_396_480);
      await page.getByRole('button', { name: 'Back to catalog' }).waitFor();
    } finally {
      await close();
    }
  });

  it('a custom link that does not decode falls back with a notice', async () => {
    const { page, consoleErrors, close } = await openPage(env.browser());
    try {
      await page.goto(`${env.url()}?model=${LLAMA}&custom=bm90LWEtbW9kZWw`);
      await page.locator(BREAKDOWN).waitFor();
      await page.getByRole('status').filter({ hasText: 'custom' }).first().waitFor();
      await expect.poll(() => new URL(page.url()).searchParams.get('custom')).toBeNull();
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});
