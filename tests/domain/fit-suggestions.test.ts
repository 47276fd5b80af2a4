import { describe, expect, it } from 'vitest';
import { GiB } from '../../src/domain/units';
import type { RunSettings } from '../../src/domain/estimate-cache';
import {
  fitSuggestions,
  type Suggestion,
  type SuggestionInput,
} from '../../src/domain/fit-suggestions';
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

describe('fitSuggestions: only changes that make it fit', () => {
  it('suggests nothing when the configuration already fits', () => {
    // Llama 3.1 8B Q4_K_M at 8K: 4.9 GB file + 1 GiB KV (llama.cpp log) on a 24 GB card.
    expect(fitSuggestions(input({}))).toEqual([]);
  });

  it('DeepSeek R1 on one RTX 4090 with 32 GB of RAM: nothing fits, so nothing is offered', () => {
    // R1 has 671B parameters: even 2-bit weights (~200 GB) exceed 8 x 24 GB = 192 GB of cards
    // and 24 GB + 32 GB of GPU and RAM together.
    expect(fitSuggestions(input({ model: R1, ramBytes: 32 * GiB }))).toEqual([]);
  });

  it('DeepSeek R1 with 512 GB of RAM: offload only where it reaches 5 tokens/s', () => {
    // 37B active parameters at ~4.9 bits are about 20 GB read per token, nearly all experts in
    // RAM: dual-channel DDR5-5600 (89.6 GB/s) gives 1-2 tokens/s, below the floor; 12-channel
    // DDR5-4800 (12 x 8 B x 4800 MT/s = 460.8 GB/s, an EPYC server) gives several times more.
    expect(fitSuggestions(input({ model: R1, ramBytes: 512 * GiB }))).toEqual([]);
    const list = fitSuggestions(input({ model: R1, ramBytes: 512 * GiB, ramBandwidthGbS: 460.8 }));
    expect(list.map((s) => s.kind)).toEqual(['offload']);
    const offload = find(list, 'offload');
    expect(offload.plan.mode).toBe('experts');
    expect(offload.plan.tps).toBeGreaterThanOrEqual(5);
  });

  it('Llama 3.1 8B F16 at 128K on an RTX 3060 12 GB: every suggestion fits', () => {
    const run: RunSettings = { ...RUN, contextTokens: 131072 };
    const list = fitSuggestions(input({ quantId: 'F16', run, device: RTX_3060 }));
    // F16 weights alone are about 16 GB (8.03B parameters x 2 bytes): they exceed 12 GiB, so no
    // context is short enough, but smaller files, quantized caches and more cards are offered.
    expect(list.some((s) => s.kind === 'context')).toBe(false);
    const usable = 12 * GiB;
    for (const s of list) {
      if (s.kind === 'quant' || s.kind === 'kv' || s.kind === 'flash-attention') {
        expect(s.needBytesPerGpu, s.kind).toBeLessThanOrEqual(usable);
        expect(s.verdict).not.toBe('no');
      }
    }
    const cards = find(list, 'cards');
    expect(cards.needed).toBeGreaterThanOrEqual(3);
    expect(cards.needed).toBeLessThanOrEqual(8);
  });

  it('picks the most bits that run great, K/I-quants only: Llama 8B Q8_0 at 64K on 12 GB', () => {
    // At 64K the f16 KV cache is 8 GiB (llama.cpp: 1 GiB per 8K), leaving under 3 GiB for weights
    // on a 12 GiB card below the 90% line: among the fixtures only Q2_K (3.18 GB file, bartowski)
    // comes close, and Llama 8B is under 100B parameters, so no 1-2 bit type is offered.
    const run: RunSettings = { ...RUN, contextTokens: 65536 };
    const list = fitSuggestions(input({ quantId: 'Q8_0', run, device: RTX_3060 }));
    expect(list.some((s) => s.kind === 'quant' && s.quant.id === 'Q2_K')).toBe(false);
    const context = find(list, 'context');
    expect(context.contextTokens).toBeGreaterThan(16384);
    expect(context.contextTokens).toBeLessThan(65536);
    // q8_0 stores 34 bytes per 32 values instead of 64: the 8 GiB cache shrinks to 4.25 GiB, not
    // enough beside 7.9 GiB of Q8_0 weights (8.54 GB file, bartowski); q4_0 (18 per 32: 2.25 GiB)
    // is, so it is the one offered.
    const kv = find(list, 'kv');
    expect(kv.kvType).toBe('q4_0');
  });

  it('offers flash attention when it is off and fixes it, and fp8 KV for a safetensors checkpoint', () => {
    const run: RunSettings = { ...RUN, contextTokens: 65536, flashAttention: false };
    const list = fitSuggestions(input({ quantId: 'Q8_0', run, device: RTX_3060 }));
    const kinds = list.map((s) => s.kind);
    expect(kinds).toContain('kv');
    const st = fitSuggestions(
      input({ quantId: 'ST-BF16', run: { ...RUN, contextTokens: 131072 }, device: RTX_4090 }),
    );
    expect(st.flatMap((s) => (s.kind === 'kv' ? [s.kvType] : []))).toEqual(['fp8']);
  });
});
