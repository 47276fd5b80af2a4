import { describe, expect, it } from 'vitest';
import { GiB } from '../../src/domain/units';
import { suggestionText } from '../../src/features/fit-advice/suggestion-text';
import {
  fitSuggestions,
  type Suggestion,
  type SuggestionInput,
} from '../../src/features/fit-advice/suggestions';
import type { RunSettings } from '../../src/features/shared/calc';
import { FIXTURE_DEVICES, FIXTURE_MODELS, FIXTURE_QUANTS } from '../fixtures/catalog';

function byId<T extends { id: string }>(list: T[], id: string): T {
  const found = list.find((x) => x.id === id);
  if (!found) throw new Error(`fixture ${id} missing`);
  return found;
}

const LLAMA = byId(FIXTURE_MODELS, 'meta-llama/Llama-3.1-8B-Instruct');
const R1 = byId(FIXTURE_MODELS, 'deepseek-ai/DeepSeek-R1-0528');
const RTX_4090 = byId(FIXTURE_DEVICES, 'nvidia-rtx-4090');
const RTX_3060 = byId(FIXTURE_DEVICES, 'nvidia-rtx-3060-12gb');

const RUN: RunSettings = { contextTokens: 8192, parallel: 1, kvType: 'f16', flashAttention: true };

function input(o: Partial<SuggestionInput>): SuggestionInput {
  return {
    model: LLAMA,
    quants: FIXTURE_QUANTS,
    quantId: 'Q4_K_M',
    run: RUN,
    device: RTX_4090,
    count: 1,
    ramBytes: 32 * GiB,
    ramBandwidthGbS: 89.6,
    ...o,
  };
}

function find<K extends Suggestion['kind']>(
  list: Suggestion[],
  kind: K,
): Extract<Suggestion, { kind: K }> {
  const s = list.find((x) => x.kind === kind);
  if (!s) throw new Error(`no ${kind} suggestion`);
  return s as Extract<Suggestion, { kind: K }>;
}

const TEXT = { unit: 'GB' as const, gpus: 1, ramGb: 512 };

describe('fitSuggestions', () => {
  it('suggests nothing when the configuration already fits', () => {
    // Llama 3.1 8B Q4_K_M at 8K: 4.9 GB file + 1 GiB KV (llama.cpp log) on a 24 GB card.
    expect(fitSuggestions(input({}))).toEqual([]);
  });

  it('DeepSeek R1 on one RTX 4090: no quantization fits, more than 8 cards, offload with 512 GB', () => {
    // R1 has 671B parameters: even 2-bit weights (~250 GB) exceed 8 x 24 GB = 192 GB.
    const list = fitSuggestions(input({ model: R1, ramBytes: 512 * GiB }));
    const quant = find(list, 'quant');
    expect(quant.verdict).toBe('no');
    const ctx = { ...TEXT, deviceName: RTX_4090.name, quantLabel: 'Q4_K_M' };
    expect(suggestionText(quant, ctx).detail).toContain('no quantization fits');
    expect(suggestionText(quant, ctx).action).toBeNull();

    const cards = find(list, 'cards');
    expect(cards.needed).toBe(0);
    expect(suggestionText(cards, ctx).detail).toBe(
      'It needs more than 8 × NVIDIA GeForce RTX 4090.',
    );

    const offload = find(list, 'offload');
    expect(offload.plan.mode).toBe('experts');
    const text = suggestionText(offload, ctx).detail;
    expect(text).toMatch(/^experts in RAM: [\d.]+ GB on the GPU \+ [\d.]+ GB RAM, ≈ [\d.]+ t\/s$/);
  });

  it('DeepSeek R1 with 32 GB of RAM: offload is not enough, and says so', () => {
    const list = fitSuggestions(input({ model: R1, ramBytes: 32 * GiB }));
    const offload = find(list, 'offload');
    expect(offload.plan.mode).toBe('none');
    const ctx = { ...TEXT, ramGb: 32, deviceName: RTX_4090.name, quantLabel: 'Q4_K_M' };
    expect(suggestionText(offload, ctx).detail).toMatch(/^Not enough with 32 GB of RAM/);
  });

  it('Llama 3.1 8B F16 at 128K on an RTX 3060 12 GB: a smaller quant and q8_0 KV, each smaller', () => {
    const run: RunSettings = { ...RUN, contextTokens: 131072 };
    const list = fitSuggestions(input({ quantId: 'F16', run, device: RTX_3060 }));
    // F16 weights alone are about 16 GB (8.03B parameters x 2 bytes), KV at 128K
    // in f16 is 16 GiB (llama.cpp: 1 GiB per 8K tokens): the current need is above 30 GiB.
    const currentAtLeast = 30 * GiB;

    const quant = find(list, 'quant');
    expect(FIXTURE_QUANTS.map((q) => q.id)).toContain(quant.quant.id);
    expect(quant.quant.format).toBe('gguf');
    expect(quant.needBytesPerGpu).toBeLessThan(currentAtLeast);

    // q8_0 stores 34 bytes per 32 values instead of 64: the 16 GiB cache shrinks by ≥ 7.5 GiB.
    const q8 = list.find((s) => s.kind === 'kv' && s.kvType === 'q8_0');
    expect(q8).toBeDefined();
    const q4 = list.find((s) => s.kind === 'kv' && s.kvType === 'q4_0');
    expect(q4).toBeDefined();
    if (q8?.kind !== 'kv' || q4?.kind !== 'kv') throw new Error('unreachable');
    expect(q8.needBytesPerGpu).toBeLessThan(currentAtLeast);
    expect(q4.needBytesPerGpu).toBeLessThan(q8.needBytesPerGpu);

    // 16 GB of F16 weights alone exceed 12 GiB: no context helps, more cards do.
    expect(find(list, 'context').contextTokens).toBe(0);
    const cards = find(list, 'cards');
    expect(cards.needed).toBeGreaterThanOrEqual(3);
    expect(cards.needed).toBeLessThanOrEqual(8);
    const ctx = { ...TEXT, deviceName: RTX_3060.name, quantLabel: 'F16' };
    expect(suggestionText(cards, ctx).action).toBe(
      `Use ${cards.needed} × NVIDIA GeForce RTX 3060 12GB`,
    );
    expect(suggestionText(q8, ctx).detail).toMatch(/^q8_0 with flash attention: [\d.]+ GB, /);
  });

  it('picks the most bits that fit: Llama 8B Q8_0 at 64K on 12 GB needs 2-bit', () => {
    // At 64K the f16 KV cache is 8 GiB (llama.cpp: 1 GiB per 8K), leaving under 4 GiB for weights
    // on a 12 GiB card: only Q2_K (3.18 GB file, bartowski) is small enough among the fixtures.
    const run: RunSettings = { ...RUN, contextTokens: 65536 };
    const list = fitSuggestions(input({ quantId: 'Q8_0', run, device: RTX_3060 }));
    const quant = find(list, 'quant');
    expect(quant.quant.id).toBe('Q2_K');
    expect(quant.verdict).not.toBe('no');
    const ctx = { ...TEXT, deviceName: RTX_3060.name, quantLabel: 'Q8_0' };
    expect(suggestionText(quant, ctx)).toMatchObject({
      title: 'Smaller quantization',
      action: 'Use Q2_K',
    });
    expect(suggestionText(quant, ctx).detail).toMatch(/^Q2_K: [\d.]+ GB, (runs great|tight)$/);
    const context = find(list, 'context');
    expect(context.contextTokens).toBeGreaterThan(16384);
    expect(context.contextTokens).toBeLessThan(65536);
  });

  it('offers flash attention when it is off, and fp8 KV for a safetensors checkpoint', () => {
    const run: RunSettings = { ...RUN, contextTokens: 131072, flashAttention: false };
    const list = fitSuggestions(input({ quantId: 'ST-BF16', run, device: RTX_3060 }));
    expect(list.some((s) => s.kind === 'flash-attention')).toBe(true);
    const kvTypes = list.flatMap((s) => (s.kind === 'kv' ? [s.kvType] : []));
    expect(kvTypes).toEqual(['fp8']);
  });
});
