import { describe, expect, it } from 'vitest';
import { openPage, browserEnv } from './harness';

describe('built app smoke test', () => {
  const env = browserEnv();

  it('renders a heading with no console errors and no third-party requests', async () => {
    const { page, consoleErrors, externalRequests, close } = await openPage(env.browser());
    try {
      await page.goto(env.url(), { waitUntil: 'networkidle' });
      await page.locator('h1').first().waitFor({ state: 'visible' });
      expect((await page.locator('h1').first().textContent())?.trim()).not.toBe('');

      // Production CSP is present and the build has no inline scripts.
      await expect(
        page.locator('meta[http-equiv="Content-Security-Policy"]').count(),
      ).resolves.toBe(1);
      await expect(page.locator('script:not([src])').count()).resolves.toBe(0);

      expect(consoleErrors).toEqual([]);
      expect(externalRequests).toEqual([]);
    } finally {
      await close();
    }
  });
});
