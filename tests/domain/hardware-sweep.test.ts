import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/domain/estimate';
import {
  evaluateCatalog,
  evaluateModel,
  withWeights,
  type HardwareOptions,
} from '../../src/domain/hardware-sweep';
import { candidateQuants, isRecommendable } from '../../src/domain/recommend';
import type { DeviceSpec, ModelSpec } from '../../src/domain/types';
import { binaryGbToBytes, GiB } from '../../src/domain/units';
import { FIXTURE_DEVICES, FIXTURE_MODELS, FIXTURE_QUANTS } from '../fixtures/catalog';
import { testDevice } from '../fixtures/devices';

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
  extreme: false,
  ...o,
});

describe('evaluateModel: the best quantization that runs well', () => {
  it('Llama 3.1 8B on a 24 GB RTX 4090 at 8K: Q8_0, runs great', () => {
    const r = evaluateModel(model(LLAMA), FIXTURE_QUANTS, opts());
    expect(r.best?.quantId).toBe('Q8_0');
    expect(r.verdict).toBe('great');
    // bartowski's Llama-3.1-8B-Instruct-Q8_0.gguf is published as 8.54 GB; the GPU holds the
    // weights (less the token embedding), the 8K KV cache (1 GiB at f16) and buffers: 9-12 GB.
    expect(r.best?.gpuBytes).toBeGreaterThan(9e9);
    expect(r.best?.gpuBytes).toBeLessThan(12e9);
    expect(r.best?.ramBytes).toBe(0);
    expect(r.maxContextTokens).toBeGreaterThan(32768);
    expect(r.maxContextTokens).toBeLessThanOrEqual(131072);
    expect(r.alternatives).toEqual([]);
  });

  it('prefers a smaller file that runs great over a bigger one that is tight, and offers the tight one', () => {
    // 10 GiB card, Llama 8B at 8K: Q8_0 (8.5 GB file + 1 GiB KV + buffers, about 9.6 GiB) is
    // above 90% of 10 GiB, so it is only tight; Q6_K (6.6 GB file) runs great.
    const r = evaluateModel(model(LLAMA), FIXTURE_QUANTS, opts({ device: testDevice(10) }));
    expect(r.verdict).toBe('great');
    expect(r.best?.quantId).toBe('Q6_K');
    expect(r.alternatives.map((a) => [a.quantId, a.verdict])).toEqual([['Q8_0', 'tight']]);
  });

  it('never recommends a legacy or a 1-2 bit type for a model under 100B, unless asked', () => {
    const ids = candidateQuants(model(LLAMA), FIXTURE_QUANTS, { extreme: false }).map(
      (q) => q.quantId,
    );
    for (const legacy of ['Q4_0', 'Q4_1', 'Q5_0', 'Q5_1']) expect(ids).not.toContain(legacy);
    expect(ids).not.toContain('Q2_K');
    expect(ids).not.toContain('ST-BF16');
    const extreme = candidateQuants(model(LLAMA), FIXTURE_QUANTS, { extreme: true });
    expect(extreme.map((q) => q.quantId)).toContain('Q2_K');
    // DeepSeek R1 (671B) may get one without asking.
    const r1 = candidateQuants(model(R1), FIXTURE_QUANTS, { extreme: false });
    expect(r1.map((q) => q.quantId)).toContain('Q2_K');
    const bits = ids.map(
      (id) =>
        candidateQuants(model(LLAMA), FIXTURE_QUANTS, { extreme: false }).find(
          (q) => q.quantId === id,
        )!.weights.bitsPerWeight,
    );
    expect([...bits].sort((a, b) => b - a)).toEqual(bits);
  });

  it('skips F32, ternary types, and MXFP4_MOE except on models that ship MXFP4 experts', () => {
    const q = (id: string) => ({ ...FIXTURE_QUANTS[0]!, id, format: 'gguf' as const });
    expect(isRecommendable(model(LLAMA), q('F32'), { extreme: true }, 8e9)).toBe(false);
    expect(isRecommendable(model(LLAMA), q('TQ1_0'), { extreme: true }, 8e9)).toBe(false);
    expect(isRecommendable(model(LLAMA), q('MXFP4_MOE'), { extreme: true }, 8e9)).toBe(false);
    // DeepSeek R1 is MoE but ships FP8: no MXFP4_MOE recommendation; gpt-oss ships MXFP4 experts.
    expect(isRecommendable(model(R1), q('MXFP4_MOE'), { extreme: false }, 671e9)).toBe(false);
    const gptOss = {
      ...model(R1),
      arch: { ...model(R1).arch, nativeExpertFormat: 'MXFP4' as const },
    };
    expect(isRecommendable(gptOss, q('MXFP4_MOE'), { extreme: false }, 21e9)).toBe(true);
  });

  it('DeepSeek R1 (671B) does not run on one RTX 4090 with 64 GB of RAM', () => {
    const r = evaluateModel(model(R1), FIXTURE_QUANTS, opts());
    expect(r.verdict).toBe('no');
    expect(r.best).toBeNull();
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
    expect(r.best!.bitsPerWeight).toBeGreaterThanOrEqual(4.8);
  });

  it('offload only on a discrete GPU and only at 5 tokens/s or more', () => {
    // Llama 3.1 8B does not fit a 2 GiB card; 64 GB of RAM takes the rest. With a fast RAM
    // (400 GB/s) part of it runs from RAM at a usable speed; with no RAM it does not run.
    const tiny = testDevice(2, { bandwidthGbS: 500 });
    const off = evaluateModel(
      model(LLAMA),
      FIXTURE_QUANTS,
      opts({ device: tiny, ramBandwidthGbS: 400 }),
    );
    expect(off.verdict).toBe('offload');
    expect(off.best!.tps).toBeGreaterThanOrEqual(5);
    expect(off.best!.ramBytes).toBeGreaterThan(0);
    expect(off.best!.gpuLayers).toBeLessThan(off.layers);
    expect(
      evaluateModel(model(LLAMA), FIXTURE_QUANTS, opts({ device: tiny, ramBytes: 0 })).verdict,
    ).toBe('no');
    // A unified-memory computer of the same size has no separate RAM: no offload.
    const mac = testDevice(2, { vendor: 'Apple', segment: 'apple', unifiedUsableFraction: 0.67 });
    expect(
      evaluateModel(model(LLAMA), FIXTURE_QUANTS, opts({ device: mac, ramBandwidthGbS: 400 }))
        .verdict,
    ).toBe('no');
  });

  it('caps the context at the model maximum and says so', () => {
    const r = evaluateModel(model(GEMMA), FIXTURE_QUANTS, opts({ contextTokens: 32768 }));
    expect(r.contextTokens).toBe(8192);
    expect(r.contextCapped).toBe(true);
    expect(r.maxContextTokens).toBe(8192);
  });

  it('withWeights composes like estimate()', () => {
    const m = model(LLAMA);
    const [a, b] = candidateQuants(m, FIXTURE_QUANTS, { extreme: false });
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

  it('more GPUs fit more: at 128K, one RTX 3060 12GB is not enough, two hold it all', () => {
    // Llama 3.1 8B at 128K: the f16 KV cache alone is 16 GiB (32 layers x 8 heads x 128 x 2 x 2 B
    // per token), more than one 12 GB card; two cards hold it with a quantization of 6+ bits.
    const on3060 = (count: number) =>
      evaluateModel(
        model(LLAMA),
        FIXTURE_QUANTS,
        opts({ device: device('nvidia-rtx-3060-12gb'), count, contextTokens: 131072 }),
      );
    expect(['offload', 'no']).toContain(on3060(1).verdict);
    expect(['great', 'tight']).toContain(on3060(2).verdict);
  });

  it('evaluates every catalog model, in catalog order', () => {
    expect(evaluateCatalog(FIXTURE_MODELS, FIXTURE_QUANTS, opts()).map((r) => r.model.id)).toEqual(
      FIXTURE_MODELS.map((m) => m.id),
    );
  });
});

describe('binaryGbToBytes', () => {
  it('memory is sold in binary sizes: 32 GB = 32 GiB', () => {
    expect(binaryGbToBytes(32)).toBe(32 * 2 ** 30);
    expect(binaryGbToBytes(Number.NaN)).toBe(0);
  });
});
