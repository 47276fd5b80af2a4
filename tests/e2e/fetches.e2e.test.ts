import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileBytes, tinyLlama } from '../features/custom-model-gguf';
import { browserEnv, openPage } from './harness';

const env = browserEnv();

const LLAMA_CONFIG = JSON.stringify({
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
});
const GGUF = Buffer.from(fileBytes(tinyLlama()));

/**
 * A local stand-in for Hugging Face and a file host, on 127.0.0.1: config.json files (one gated),
 * and a GGUF served with range requests, without them, and without CORS headers.
 */
function standIn(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'content-range, content-length',
  };
  if (path === '/meta-llama/Llama-3.1-8B-Instruct/resolve/main/config.json') {
    res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(LLAMA_CONFIG);
  } else if (path === '/meta-llama/Gated/resolve/main/config.json') {
    res.writeHead(401, cors).end('gated');
  } else if (path === '/files/tiny.gguf' || path === '/nocors/tiny.gguf') {
    // "No CORS": the file is for another site only (Playwright would add a permissive header to a
    // response that has none).
    const headers = path.startsWith('/nocors')
      ? { 'access-control-allow-origin': 'https://another-site.example' }
      : cors;
    const m = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
    if (!m) {
      res.writeHead(200, headers).end(GGUF);
      return;
    }
    const start = Number(m[1]);
    const end = Math.min(Number(m[2]), GGUF.length - 1);
    res
      .writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${GGUF.length}` })
      .end(GGUF.subarray(start, end + 1));
  } else if (path === '/norange/tiny.gguf') {
    res.writeHead(200, cors).end(GGUF);
  } else {
    res.writeHead(404, cors).end('not found');
  }
}

let server: ReturnType<typeof createServer>;
let standInUrl = '';
beforeAll(async () => {
  server = createServer(standIn);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standInUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * Sends the page's requests for huggingface.co and files.example.org to the stand-in. Playwright
 * routes see a request only after the page's Content-Security-Policy let it go, so a request the
 * CSP blocks never arrives here and the test fails.
 */
async function routeToStandIn(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.route(/^https:\/\/(huggingface\.co|files\.example\.org)\//, async (route) => {
    const url = new URL(route.request().url());
    seen.push(url.href);
    const response = await route.fetch({ url: `${standInUrl}${url.pathname}` });
    await route.fulfill({ response });
  });
  return seen;
}

async function openCard(page: Page): Promise<void> {
  await page.locator('[data-testid="answer"]').waitFor();
  await page.getByText('Bring your own model').click();
}

describe('fetches the page makes on request pass its CSP (Chromium, production build)', () => {
  it('"Fetch config from Hugging Face" loads a config; a gated repo says it is gated', async () => {
    const { page, consoleErrors, close } = await openPage(env.browser());
    try {
      const seen = await routeToStandIn(page);
      await page.goto(`${env.url()}?v=2&model=Qwen/Qwen3-14B&quant=Q4_K_M`);
      await openCard(page);
      await page.getByLabel('or a Hugging Face repo id').fill('meta-llama/Llama-3.1-8B-Instruct');
      await page.getByRole('button', { name: 'Fetch config from Hugging Face' }).click();
      // The config's Llama 3.1 8B in Q4_K_M: 4,920,739,232 B file (bartowski) less the metadata
      // block (7,840,928 B) and the token embedding kept in RAM (295,501,824 B).
      await expect
        .poll(async () =>
          Number(
            await page
              .locator('[data-testid="breakdown"] [data-field="weights"]')
              .getAttribute('data-bytes'),
          ),
        )
        .toBe(4_617_396_480);
      expect(seen).toEqual([
        'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/resolve/main/config.json',
      ]);
      await page.getByLabel('or a Hugging Face repo id').fill('meta-llama/Gated');
      await page.getByRole('button', { name: 'Fetch config from Hugging Face' }).click();
      await page.getByRole('alert').filter({ hasText: 'is gated or private' }).waitFor();
      expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a GGUF URL is read with range requests; no range support and no CORS are named as such', async () => {
    const { page, consoleErrors, close } = await openPage(env.browser());
    try {
      await routeToStandIn(page);
      await page.goto(`${env.url()}?v=2&model=Qwen/Qwen3-14B`);
      await openCard(page);
      const urlBox = page.getByLabel(/GGUF URL/);
      const read = page.getByRole('button', { name: 'Read header' });

      await urlBox.fill('https://files.example.org/files/tiny.gguf');
      await read.click();
      // Q8_0 weights on the GPU (token_embd stays in RAM): 1,467,392 bytes (custom-model.test.tsx).
      await expect
        .poll(async () =>
          Number(
            await page
              .locator('[data-testid="breakdown"] [data-field="weights"]')
              .getAttribute('data-bytes'),
          ),
        )
        .toBe(1_467_392);

      await urlBox.fill('https://files.example.org/norange/tiny.gguf');
      await read.click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'does not support range requests' })
        .waitFor();

      await urlBox.fill('https://files.example.org/nocors/tiny.gguf');
      await read.click();
      await page.getByRole('alert').filter({ hasText: 'no CORS header' }).waitFor();

      await urlBox.fill('https://files.example.org/files/missing.gguf');
      await read.click();
      await page.getByRole('alert').filter({ hasText: 'HTTP 404' }).waitFor();
      expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    } finally {
      await close();
    }
  });
});
