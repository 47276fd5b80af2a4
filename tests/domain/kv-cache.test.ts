import { describe, expect, it } from 'vitest';
import { estimateKv, kvRowBytes, type KvCacheType } from '../../src/domain/kv-cache';
import type { ModelArch } from '../../src/domain/types';
import { MiB } from '../../src/domain/units';
import {
  DEEPSEEK_R1,
  GEMMA2_9B,
  GPT_OSS_20B,
  LLAMA_2_70B,
  LLAMA_2_7B,
  LLAMA_31_8B,
  QWEN3_NEXT_80B,
} from '../fixtures/archs';

const kv = (
  arch: ModelArch,
  contextTokens: number,
  typeK: KvCacheType = 'f16',
  typeV: KvCacheType = typeK,
  parallel = 1,
) => estimateKv(arch, { contextTokens, parallel, typeK, typeV });

describe('KV cache against llama.cpp logs (calibration.json kv_cache)', () => {
  // Each row: the "KV self size" / "KV buffer size" a llama.cpp build printed.
  it.each([
    {
      name: 'Llama 3 8B, n_ctx 8192, f16 (build 4426e298, RTX 4090: CUDA0 KV buffer 1024.00 MiB)',
      arch: LLAMA_31_8B,
      ctx: 8192,
      type: 'f16' as const,
      mib: 1024.0,
    },
    {
      name: 'Llama 2 7B MHA, n_ctx 512, f16 (build 1680 afefa31, A100: 256.00 MiB)',
      arch: LLAMA_2_7B,
      ctx: 512,
      type: 'f16' as const,
      mib: 256.0,
    },
    {
      name: 'Llama 2 70B GQA, n_ctx 512, f16 (build 1680 afefa31: 160.00 MiB)',
      arch: LLAMA_2_70B,
      ctx: 512,
      type: 'f16' as const,
      mib: 160.0,
    },
    {
      name: 'DeepSeek R1 MLA, n_ctx 32768, q8_0 latent (ik_llama.cpp PR #259: KV self size = 1166.62 MiB)',
      arch: DEEPSEEK_R1,
      ctx: 32768,
      type: 'q8_0' as const,
      mib: 1166.62,
    },
  ])('$name', ({ arch, ctx, type, mib }) => {
    const est = kv(arch, ctx, type);
    expect(Math.abs(est.totalBytes / MiB - mib) / mib).toBeLessThan(0.01);
  });

  it('DeepSeek R1 at 32768 tokens in F16 is 2196 MiB: 244 MiB rope part + 1952 MiB latent (ESTIMATION.md, PR #19067)', () => {
    expect(kv(DEEPSEEK_R1, 32768).totalBytes / MiB).toBeCloseTo(2196, 0);
  });

  it('DeepSeek R1 at its full 163840-token context is about 11.5 GB, not the +283 GB of the naive formula', () => {
    // 61 layers x 163840 tokens x 576 elements x 2 B = 11,513,364,480 B (issue #2 cites "about 11.5 GB").
    expect(kv(DEEPSEEK_R1, 163840).totalBytes).toBe(11_513_364_480);
  });

  it('q8_0 rows carry their block scales: 34 bytes per 32 values, not 1 byte per value', () => {
    expect(kvRowBytes('q8_0', 1024)).toBe(1088);
    expect(kvRowBytes('q4_0', 1024)).toBe(576);
  });
});

describe('KV cache derived by hand from configs', () => {
  it('sliding window: Gemma 2 9B at 32768 tokens keeps only window + ubatch cells on its 21 local layers', () => {
    // google/gemma-2-9b-it config: 42 layers alternating local (window 4096) / global, 8 KV heads x 256.
    // Per layer per cell: 8 x 256 x 2 (K, V) x 2 B = 8192 B.
    // Global: 21 layers x 32768 cells x 8192 B = 5,637,144,576 B.
    // Local: llama.cpp keeps pad(4096 + 512, 256) = 4608 cells: 21 x 4608 x 8192 = 792,723,456 B.
    const est = kv(GEMMA2_9B, 32768);
    expect(est.fullBytes).toBe(5_637_144_576);
    expect(est.slidingBytes).toBe(792_723_456);
    expect(est.slidingCells).toBe(4608);
  });

  it('sliding layers stay F16 when the cache is quantized (llama.cpp PR #21277)', () => {
    const est = kv(GEMMA2_9B, 32768, 'q8_0');
    expect(est.slidingBytes).toBe(792_723_456);
    // Global layers in q8_0: 21 x 32768 x 2 x (2048 / 32 x 34) B
    expect(est.fullBytes).toBe(21 * 32768 * 2 * 2176);
  });

  it('gpt-oss-20b: window-128 layers hold 768 cells whatever the context', () => {
    // openai/gpt-oss-20b config: sliding_window 128 on the 12 even layers; pad(128 + 512, 256) = 768.
    const est = kv(GPT_OSS_20B, 131072);
    expect(est.slidingCells).toBe(768);
    // 12 layers x 768 cells x 8 KV heads x 64 x 2 x 2 B
    expect(est.slidingBytes).toBe(12 * 768 * 8 * 64 * 2 * 2);
  });

  it('hybrid linear attention: Qwen3-Next-80B grows only on its 12 full layers and adds a fixed DeltaNet state', () => {
    // Full layers: 12 x 2 KV heads x 256 x 2 x 2 B = 24,576 B per token.
    // DeltaNet state per layer (F32): conv (4 - 1) x (2 x 16 x 128 + 32 x 128) = 24,576 values
    // + recurrent 32 heads x 128 x 128 = 524,288 values; x 36 layers x 4 B = 79,036,416 B.
    const est = kv(QWEN3_NEXT_80B, 262144);
    expect(est.fullBytes).toBe(262144 * 24576);
    expect(est.stateBytes).toBe(79_036_416);
    const longer = kv(QWEN3_NEXT_80B, 4096);
    expect(longer.stateBytes).toBe(79_036_416);
  });

  it('recurrent state is kept per sequence', () => {
    const one = kv(QWEN3_NEXT_80B, 4096, 'f16', 'f16', 1);
    const four = kv(QWEN3_NEXT_80B, 4096, 'f16', 'f16', 4);
    expect(four.stateBytes).toBe(4 * one.stateBytes);
    expect(four.fullBytes).toBe(4 * one.fullBytes);
  });

  it('the naive 2 x layers x hidden formula overstates the MLA cache about 25x (ESTIMATION.md)', () => {
    const naive = 2 * 61 * 7168 * 2 * 163840;
    expect(naive / kv(DEEPSEEK_R1, 163840).totalBytes).toBeGreaterThan(20);
  });
});
