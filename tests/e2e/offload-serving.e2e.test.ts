import { describe, expect, it } from 'vitest';
import { browserEnv, openPage } from './harness';

const env = browserEnv();

describe('offload and serving panels in Chromium (production build)', () => {
  it('offload follows the system RAM input; serving follows users and vLLM utilization', async () => {
    const { page, consoleErrors, close } = await openPage(env.browser());
    try {
      // Mixtral 8x7B Q4_K_M (a 28.4 GB file) on a 12 GB card: its experts need ~25 GB of RAM
      // (read at 400 GB/s, fast enough to be usable).
      await page.goto(
        `${env.url()}?v=2&model=mistralai/Mixtral-8x7B-Instruct-v0.1&gpu=nvidia-rtx-3060-12gb&ram=16&rambw=400`,
      );
      const mode = page.locator('[data-offload-mode]');
      await mode.waitFor();
      expect(await mode.getAttribute('data-offload-mode')).toBe('none');
      const ram = page.getByLabel('System RAM (GB)');
      await ram.fill('64');
      await ram.press('Enter');
      await expect.poll(() => mode.getAttribute('data-offload-mode')).toBe('experts');
      expect(new URL(page.url()).searchParams.get('ram')).toBe('64');
      expect(await mode.textContent()).toMatch(/offload/i);

      // Serving: Llama 3.1 8B Q4_K_M at 8K on a 24 GB card (1 GiB of KV per 8K sequence).
      await page.goto(
        `${env.url()}?v=2&model=meta-llama/Llama-3.1-8B-Instruct&gpu=nvidia-rtx-4090&ctx=8192`,
      );
      const users = page.locator('[data-max-parallel]');
      await users.waitFor();
      const maxUsers = Number(await users.getAttribute('data-max-parallel'));
      expect(maxUsers).toBeGreaterThanOrEqual(17);
      expect(maxUsers).toBeLessThanOrEqual(19);

      const kvTokens = page.locator('[data-kv-tokens]');
      const before = Number(await kvTokens.getAttribute('data-kv-tokens'));
      const util = page.getByLabel('GPU memory utilization');
      await util.fill('0.5');
      await util.press('Enter');
      await expect
        .poll(async () => Number(await kvTokens.getAttribute('data-kv-tokens')))
        .toBeLessThan(before);

      const kvBefore = Number(
        await page
          .locator('[data-testid="breakdown"] [data-field="kv"]')
          .getAttribute('data-bytes'),
      );
      const parallel = page.getByLabel('Parallel users');
      await parallel.fill('4');
      await parallel.press('Enter');
      await expect
        .poll(async () =>
          Number(
            await page
              .locator('[data-testid="breakdown"] [data-field="kv"]')
              .getAttribute('data-bytes'),
          ),
        )
        .toBe(4 * kvBefore);
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});
