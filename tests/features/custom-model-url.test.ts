// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGgufUrl } from '../../src/features/custom-model/read-gguf';
import { fileBytes, tinyLlama } from './custom-model-gguf';

const FILE = fileBytes(tinyLlama());
let server: Server;
let base: string;
let rangeRequests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    if (url.startsWith('/hang')) return; // never answers
    if (url.startsWith('/missing')) {
      res.writeHead(404).end('not found');
      return;
    }
    const m = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
    if (url.startsWith('/ranged') && m) {
      rangeRequests += 1;
      const start = Number(m[1]);
      if (start >= FILE.length) {
        res.writeHead(416, { 'content-range': `bytes */${FILE.length}` }).end();
        return;
      }
      const end = Math.min(Number(m[2]), FILE.length - 1);
      res.writeHead(206, { 'content-range': `bytes ${start}-${end}/${FILE.length}` });
      res.end(Buffer.from(FILE.subarray(start, end + 1)));
      return;
    }
    res.writeHead(200, { 'content-length': FILE.length }).end(Buffer.from(FILE));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('reading a GGUF header by URL', () => {
  it('reads only the header with range requests and reports progress', async () => {
    const seen: number[] = [];
    const m = await readGgufUrl(`${base}/ranged/tiny.gguf`, { onProgress: (n) => seen.push(n) });
    expect(m.arch.layers).toBe(2);
    expect(m.weights.fileBytes).toBe(FILE.length);
    // Q8_0 tensors, 34 B per 32 weights; F32 norms (see custom-model.test.tsx).
    expect(m.weights.byType).toEqual({ Q8_0: 1_740_800, F32: 5_120 });
    expect(rangeRequests).toBeGreaterThan(0);
    expect(seen.at(-1)).toBeGreaterThan(0);
  });

  it('says so when the server ignores ranges', async () => {
    await expect(readGgufUrl(`${base}/plain/tiny.gguf`)).rejects.toThrow(
      /does not support range requests/,
    );
  });

  it('says so when there is no file', async () => {
    await expect(readGgufUrl(`${base}/missing/x.gguf`)).rejects.toThrow(/HTTP 404/);
  });

  it('gives up on a server that never answers', async () => {
    await expect(readGgufUrl(`${base}/hang/x.gguf`, { timeoutMs: 300 })).rejects.toThrow(
      /did not answer within 0.3 s/,
    );
  });

  it('stops when asked', async () => {
    const ctl = new AbortController();
    const p = readGgufUrl(`${base}/hang/x.gguf`, { signal: ctl.signal, timeoutMs: 5_000 });
    setTimeout(() => ctl.abort(), 50);
    await expect(p).rejects.toThrow(/stopped|abort/i);
  });

  it('explains an unreachable server and a bad URL', async () => {
    // Nothing listens on port 1: both the read and the no-CORS probe fail, so the cause is the network.
    await expect(readGgufUrl('http://127.0.0.1:1/x.gguf', { timeoutMs: 2_000 })).rejects.toThrow(
      /127\.0\.0\.1:1 could not be reached \(network error or wrong address\)/,
    );
    await expect(readGgufUrl('not a url')).rejects.toThrow(/not a URL/);
  });
});
