import { describe, expect, it } from 'vitest';
import type { DeviceSpec, ModelSpec } from '../../src/domain/types';
import { GiB } from '../../src/domain/units';
import {
  evaluateCatalog,
  evaluateModel,
  filterRows,
  isCandidateQuant,
  quantsByBits,
  ramGbToBytes,
  sortRows,
  summarize,
  withWeights,
  type HardwareOptions,
} from '../../src/features/hardware/hardware-model';
import { estimate } from '../../src/domain/estimate';
import { sweepCatalog } from '../../src/features/hardware/sweep-bench';
import {
  FIXTURE_CATALOG,
  FIXTURE_DEVICES,
  FIXTURE_MODELS,
  FIXTURE_QUANTS,
} from '../fixtures/catalog';

const device = (id: string): DeviceSpec => {
  const d = FIXTURE_DEVICES.find((x) => x.id === id);
  if (!d) throw new Error(id);
  return d;
};
const model = (id: string): ModelSpec => {
  const m = FIXTURE_MODELS.find((x) => x.id === id);
  if (!m) throw new Error(id);
  return m;
};
const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const R1 = 'deepseek-ai/DeepSeek-R1-0528';
const GEMMA = 'google/gemma-2-9b-it';

const opts = (o: Partial<HardwareOptions> = {}): HardwareOptions => ({
  device: device('nvidia-rtx-4090'),
  count: 1,
  raisedLimit: false,
  ramBytes: 64 * GiB,
  ramBandwidthGbS: 89.6,
  contextTokens: 8192,
  kvType: 'f16',
  flashAttention: true,
  ...o,
});

describe('evaluateModel', () => {
  it('Llama 3.1 8B on a 24 GB RTX 4090 at 8K: Q8_0, runs great', () => {
    const r = evaluateModel(model(LLAMA), FIXTURE_QUANTS, opts());
    expect(r.quantId).toBe('Q8_0');
    expect(r.verdict).toBe('great');
    // bartowski's Llama-3.1-8B-Instruct-Q8_0.gguf is published as 8.54 GB; the GPU holds the
    // weights (less the token embedding), the 8K KV cache (1 GiB at f16) and buffers: 9-12 GB.
    expect(r.gpuBytes).toBeGreaterThan(9e9);
    expect(r.gpuBytes).toBeLessThan(12e9);
    // 24 GiB holds far more than 8K of context, up to the model's 128K maximum or close.
    expect(r.maxContextTokens).toBeGreaterThan(32768);
    expect(r.maxContextTokens).toBeLessThanOrEqual(131072);
    expect(r.tps).toBeGreaterThan(0);
    expect(r.tpsLow).toBeLessThanOrEqual(r.tps);
    expect(r.tpsHigh).toBeGreaterThanOrEqual(r.tps);
  });

  it('the chosen Q8_0 file matches the published 8.54 GB size', () => {
    const q = quantsByBits(model(LLAMA), FIXTURE_QUANTS).find((x) => x.quantId === 'Q8_0');
    expect(q?.weights.fileBytes).toBeGreaterThan(8.5e9);
    expect(q?.weights.fileBytes).toBeLessThan(8.58e9);
  });

  it('DeepSeek R1 (671B) does not run on one RTX 4090 with 64 GB of RAM', () => {
    const r = evaluateModel(model(R1), FIXTURE_QUANTS, opts());
    expect(r.verdict).toBe('no');
    expect(r.quantId).toBeNull();
    expect(r.maxContextTokens).toBe(0);
  });

  it('DeepSeek R1 runs on a 512 GB Mac Studio at Q4_K_M or better with the raised limit', () => {
    // Q4_K_M R1 files are about 404 GB (unsloth / bartowski uploads); 512 GB less 8 GiB fits it.
    const r = evaluateModel(
      model(R1),
      FIXTURE_QUANTS,
      opts({ device: device('apple-mac-studio-m3-ultra-512gb'), raisedLimit: true }),
    );
    expect(['great', 'tight']).toContain(r.verdict);
    expect(r.bitsPerWeight).toBeGreaterThanOrEqual(4.8);
    expect(['Q4_K_M', 'Q6_K', 'Q8_0']).toContain(r.quantId);
  });

  it('a model that does not fit the GPU runs with offload when RAM holds the rest', () => {
    // Llama 3.1 8B Q8_0 (8.5 GB) does not fit a 6 GiB budget; 64 GB of RAM takes the rest.
    const small: DeviceSpec = { ...device('nvidia-rtx-3060-12gb'), memoryGb: 6 };
    const r = evaluateModel(model(LLAMA), FIXTURE_QUANTS, opts({ device: small }));
    expect(r.verdict === 'offload' || r.verdict === 'great' || r.verdict === 'tight').toBe(true);
    const tiny: DeviceSpec = { ...small, memoryGb: 2 };
    const off = evaluateModel(model(LLAMA), FIXTURE_QUANTS, opts({ device: tiny }));
    expect(off.verdict).toBe('offload');
    expect(off.quantId).toBe('Q8_0');
    expect(off.maxContextTokens).toBe(8192);
    expect(off.ramBytes).toBeGreaterThan(0);
    expect(off.gpuLayers).toBeLessThan(off.layers);
    // No RAM to offload to: it does not run at all.
    const none = evaluateModel(model(LLAMA), FIXTURE_QUANTS, opts({ device: tiny, ramBytes: 0 }));
    expect(none.verdict).toBe('no');
  });

  it('caps the context at the model maximum and says so', () => {
    const r = evaluateModel(model(GEMMA), FIXTURE_QUANTS, opts({ contextTokens: 32768 }));
    expect(r.contextTokens).toBe(8192);
    expect(r.contextCapped).toBe(true);
    expect(r.maxContextTokens).toBe(8192);
  });

  it('considers only GGUF quantizations', () => {
    const ids = quantsByBits(model(LLAMA), FIXTURE_QUANTS).map((q) => q.quantId);
    expect(ids).not.toContain('ST-BF16');
    expect(ids[0]).toBe('Q8_0');
    const bits = quantsByBits(model(LLAMA), FIXTURE_QUANTS).map((q) => q.weights.bitsPerWeight);
    expect([...bits].sort((a, b) => b - a)).toEqual(bits);
  });

  it('skips F32, ternary types, and MXFP4_MOE on dense models', () => {
    const q = (id: string) => ({ ...FIXTURE_QUANTS[0]!, id });
    expect(isCandidateQuant(model(LLAMA), q('F32'))).toBe(false);
    expect(isCandidateQuant(model(LLAMA), q('TQ1_0'))).toBe(false);
    expect(isCandidateQuant(model(LLAMA), q('MXFP4_MOE'))).toBe(false);
    expect(isCandidateQuant(model(R1), q('MXFP4_MOE'))).toBe(true);
  });

  it('withWeights composes like estimate()', () => {
    const m = model(LLAMA);
    const [a, b] = quantsByBits(m, FIXTURE_QUANTS);
    const run = {
      arch: m.arch,
      contextTokens: 8192,
      parallel: 1,
      typeK: 'f16' as const,
      typeV: 'f16' as const,
      flashAttention: true,
    };
    const ea = estimate({ ...run, quantId: a!.quantId, precomputedWeights: a!.weights });
    const eb = estimate({ ...run, quantId: b!.quantId, precomputedWeights: b!.weights });
    const swapped = withWeights(ea, b!.weights);
    expect(swapped.totalBytes).toBe(eb.totalBytes);
    expect(swapped.demand).toEqual(eb.demand);
  });

  it('more GPUs fit more: at 128K, one RTX 3060 12GB needs offload, two hold it all', () => {
    // Llama 3.1 8B at 128K: the f16 KV cache alone is 16 GiB (32 layers x 8 heads x 128 x 2 x 2 B
    // per token), more than one 12 GB card; two cards hold it with a quantization of 6+ bits.
    const on3060 = (count: number) =>
      evaluateModel(
        model(LLAMA),
        FIXTURE_QUANTS,
        opts({ device: device('nvidia-rtx-3060-12gb'), count, contextTokens: 131072 }),
      );
    expect(on3060(1).verdict).toBe('offload');
    expect(['great', 'tight']).toContain(on3060(2).verdict);
  });
});

describe('filters and sorts', () => {
  const rows = evaluateCatalog(FIXTURE_MODELS, FIXTURE_QUANTS, opts());
  const all = { family: null, moe: 'all' as const, license: null, maxParamsB: null, showNo: true };

  it('hides models that do not run unless asked', () => {
    expect(filterRows(rows, { ...all, showNo: false }).map((r) => r.model.id)).not.toContain(R1);
    expect(filterRows(rows, all)).toHaveLength(3);
  });

  it('filters by family, MoE/dense, licence and size', () => {
    expect(filterRows(rows, { ...all, family: 'Gemma 2' }).map((r) => r.model.id)).toEqual([GEMMA]);
    expect(filterRows(rows, { ...all, moe: 'moe' }).map((r) => r.model.id)).toEqual([R1]);
    expect(filterRows(rows, { ...all, moe: 'dense' }).map((r) => r.model.id)).toEqual([
      LLAMA,
      GEMMA,
    ]);
    expect(filterRows(rows, { ...all, license: 'MIT' }).map((r) => r.model.id)).toEqual([R1]);
    // Llama 3.1 8B has 8.03B parameters, Gemma 2 9B 9.24B.
    expect(filterRows(rows, { ...all, maxParamsB: 9 }).map((r) => r.model.id)).toEqual([LLAMA]);
  });

  it('sorts, with models that do not run last', () => {
    const ids = (s: Parameters<typeof sortRows>[1]) => sortRows(rows, s).map((r) => r.model.id);
    expect(ids('name')).toEqual([GEMMA, LLAMA, R1]);
    expect(ids('size')).toEqual([GEMMA, LLAMA, R1]);
    // Release dates: Llama 3.1 2024-07-23, Gemma 2 2024-06-27.
    expect(ids('release')).toEqual([LLAMA, GEMMA, R1]);
    expect(ids('quality').at(-1)).toBe(R1);
    const bySpeed = sortRows(rows, 'speed').filter((r) => r.verdict !== 'no');
    expect(bySpeed[0]!.tps).toBeGreaterThanOrEqual(bySpeed[1]!.tps);
    const byCtx = sortRows(rows, 'context');
    // Llama (128K maximum) before Gemma 2 (8K maximum).
    expect(byCtx.map((r) => r.model.id)).toEqual([LLAMA, GEMMA, R1]);
  });

  it('summarizes', () => {
    expect(summarize(rows)).toEqual({ gpu: 2, offload: 0, no: 1 });
  });
});

describe('helpers', () => {
  it('RAM sticks are binary: 32 GB = 32 GiB', () => {
    expect(ramGbToBytes(32)).toBe(32 * 2 ** 30);
    expect(ramGbToBytes(Number.NaN)).toBe(0);
  });

  it('sweepCatalog evaluates every catalog model', () => {
    expect(sweepCatalog(FIXTURE_CATALOG, opts()).map((r) => r.model.id)).toEqual(
      FIXTURE_MODELS.map((m) => m.id),
    );
  });
});
