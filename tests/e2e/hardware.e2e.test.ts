import { describe, expect, it } from 'vitest';
import { openPage, browserEnv } from './harness';

const env = browserEnv();

describe('hardware view in Chromium (production build)', () => {
  it('a 24 GB GPU lists models with fitting quantizations; opening one keeps the hardware; the link reproduces the view', async () => {
    const { page, consoleErrors, externalRequests, close } = await openPage(env.browser());
    try {
      await page.goto(env.url());
      await page.getByRole('button', { name: /Hardware → models/ }).click();
      const picker = page.getByRole('combobox', { name: 'Your GPU or computer' });
      await picker.click();
      await picker.fill('rtx 4090');
      await page
        .getByRole('listbox', { name: 'GPUs and computers' })
        .getByRole('option', { name: /NVIDIA GeForce RTX 4090 \(24 GB\)/ })
        .first()
        .click();
      const llama = page.locator('[data-model="meta-llama/Llama-3.1-8B-Instruct"]');
      await llama.waitFor();
      // Llama 3.1 8B fits a 24 GB card at the best GGUF quant short of F16 (Q8_0 file: 8.54 GB).
      expect(await llama.getAttribute('data-verdict')).toMatch(/great|tight/);
      expect(await llama.getAttribute('data-quant')).toBeTruthy();
      expect(Number(await llama.getAttribute('data-max-ctx'))).toBeGreaterThanOrEqual(8192);
      const url = new URL(page.url());
      expect(url.searchParams.get('view')).toBe('hardware');
      expect(url.searchParams.get('gpu')).toBe('nvidia-rtx-4090');

      // The link reproduces the view.
      const second = await openPage(env.browser());
      try {
        await second.page.goto(page.url());
        const again = second.page.locator('[data-model="meta-llama/Llama-3.1-8B-Instruct"]');
        await again.waitFor();
        expect(await again.getAttribute('data-quant')).toBe(await llama.getAttribute('data-quant'));
      } finally {
        await second.close();
      }

      const quant = await llama.getAttribute('data-quant');
      await llama.getByRole('button', { name: /Open/ }).click();
      await page.locator('[data-testid="answer"]').waitFor();
      const after = new URL(page.url());
      expect(after.searchParams.get('view')).toBeNull();
      expect(after.searchParams.get('model')).toBe('meta-llama/Llama-3.1-8B-Instruct');
      expect(after.searchParams.get('gpu')).toBe('nvidia-rtx-4090');
      expect(await page.locator(`tr[data-quant="${quant}"]`).getAttribute('aria-selected')).toBe(
        'true',
      );
      expect(consoleErrors).toEqual([]);
      expect(externalRequests).toEqual([]);
    } finally {
      await close();
    }
  });
});
