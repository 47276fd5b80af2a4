import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchJson, parseCatalog } from '../../src/catalog/catalog';
import { estimate } from '../../src/domain/estimate';
import { MiB } from '../../src/domain/units';

const dataDir = join(__dirname, '../../public/data');
const read = (f: string): unknown => JSON.parse(readFileSync(join(dataDir, f), 'utf8'));

describe('the shipped catalog (public/data)', () => {
  const catalog = parseCatalog(read('models.json'), read('quantizations.json'), read('gpus.json'));

  it('validates every entry', () => {
    expect(catalog.issues).toEqual([]);
  });

  it('has at least 160 models, 220 devices and the full set of quantizations', () => {
    expect(catalog.models.length).toBeGreaterThanOrEqual(160);
    expect(catalog.devices.length).toBeGreaterThanOrEqual(220);
    const ids = catalog.quants.map((q) => q.id);
    for (const id of [
      'IQ1_S',
      'IQ2_XXS',
      'Q4_K_M',
      'Q8_0',
      'F16',
      'BF16',
      'F32',
      'FP8',
      'INT8',
      'AWQ-INT4',
      'MXFP4',
      'NVFP4',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('includes DeepSeek R1 0528 under its Hugging Face repo id, with its config geometry', () => {
    const r1 = catalog.models.find((m) => m.id === 'deepseek-ai/DeepSeek-R1-0528');
    expect(r1).toBeDefined();
    // config.json: 61 layers, kv_lora_rank 512, qk_rope_head_dim 64, 256 routed experts, 163840 positions.
    expect(r1?.arch.layers).toBe(61);
    expect(r1?.arch.mla?.kvLoraRank).toBe(512);
    expect(r1?.arch.mla?.qkRopeHeadDim).toBe(64);
    expect(r1?.arch.moe?.experts).toBe(256);
    expect(r1?.maxContextTokens).toBe(163840);
  });

  it('gives every entry a source', () => {
    for (const m of catalog.models) expect(m.sources.length, m.id).toBeGreaterThan(0);
    for (const d of catalog.devices) expect(d.sources.length, d.id).toBeGreaterThan(0);
    for (const q of catalog.quants) expect(q.sources.length, q.id).toBeGreaterThan(0);
  });

  it('quality figures are llama.cpp published perplexity increases or nothing (Q4_K_M: +0.1754 on Llama-3-8B)', () => {
    const q4 = catalog.quants.find((q) => q.id === 'Q4_K_M');
    expect(q4?.pplIncrease).toBe(0.1754);
    expect(catalog.quants.find((q) => q.id === 'IQ2_XXS')?.pplIncrease).toBeNull();
  });

  it('computes every model x quantization without NaN', () => {
    for (const m of catalog.models) {
      for (const q of catalog.quants) {
        const e = estimate({
          arch: m.arch,
          quantId: q.id,
          contextTokens: Math.min(8192, m.maxContextTokens),
          parallel: 1,
          typeK: 'f16',
          typeV: 'f16',
          flashAttention: true,
        });
        expect(Number.isFinite(e.totalBytes), `${m.id} ${q.id}`).toBe(true);
        expect(e.totalBytes).toBeGreaterThan(0);
      }
    }
  });

  it("the shipped Llama 3.1 8B entry reproduces llama.cpp's KV log line (1024 MiB at 8192, f16)", () => {
    const m = catalog.models.find((x) => x.id === 'meta-llama/Llama-3.1-8B-Instruct');
    expect(m).toBeDefined();
    if (!m) return;
    const e = estimate({
      arch: m.arch,
      quantId: 'Q4_K_M',
      contextTokens: 8192,
      parallel: 1,
      typeK: 'f16',
      typeV: 'f16',
      flashAttention: true,
    });
    expect(e.kv.totalBytes / MiB).toBe(1024);
    // bartowski Q4_K_M upload: 4,920,739,232 bytes.
    expect(e.weights.fileBytes).toBe(4_920_739_232);
  });

  it('Apple unified memory carries its usable fraction; discrete GPUs do not', () => {
    const mac = catalog.devices.find((d) => d.vendor === 'Apple');
    expect(mac?.unifiedUsableFraction).toBeGreaterThan(0.5);
    expect(
      catalog.devices.find((d) => d.id === 'nvidia-rtx-4090')?.unifiedUsableFraction,
    ).toBeNull();
  });
});

describe('bad catalog input', () => {
  const good = () => ({
    models: read('models.json') as { models: unknown[] },
    quants: read('quantizations.json'),
    gpus: read('gpus.json'),
  });

  it('leaves out an invalid entry, names its JSON path, and keeps the rest', () => {
    const { models, quants, gpus } = good();
    const broken = structuredClone(models.models[3]) as { arch: { kvHeads: unknown } };
    broken.arch.kvHeads = -2;
    const data = { models: [...models.models.slice(0, 3), broken, ...models.models.slice(4)] };
    const c = parseCatalog(data, quants, gpus);
    expect(c.issues).toHaveLength(1);
    expect(c.issues[0]?.path).toBe('models[3].arch.kvHeads');
    expect(c.models.length).toBe(models.models.length - 1);
  });

  it('reports a layer pattern that does not add up to the layer count', () => {
    const { models, quants, gpus } = good();
    const broken = structuredClone(models.models[0]) as { arch: { layers: number } };
    broken.arch.layers += 1;
    const c = parseCatalog({ models: [broken] }, quants, gpus);
    expect(c.issues[0]?.path).toBe('models[0].arch.layerPattern');
  });

  it('rejects a file whose top level is wrong with a clear message', () => {
    const { quants, gpus } = good();
    expect(() => parseCatalog([], quants, gpus)).toThrow(/models\.json/);
  });

  it('throws on a bad HTTP status and on a body that is not JSON', async () => {
    const notFound = (async () => new Response('nope', { status: 404 })) as typeof fetch;
    await expect(fetchJson('data/models.json', notFound)).rejects.toThrow(/HTTP 404/);
    const corrupt = (async () => new Response('{"models": [', { status: 200 })) as typeof fetch;
    await expect(fetchJson('data/models.json', corrupt)).rejects.toThrow(/not valid JSON/);
  });
});
