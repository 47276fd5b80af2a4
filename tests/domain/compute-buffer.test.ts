import { describe, expect, it } from 'vitest';
import { estimateComputeBuffer } from '../../src/domain/compute-buffer';
import { estimateKv } from '../../src/domain/kv-cache';
import type { ModelArch } from '../../src/domain/types';
import { MiB } from '../../src/domain/units';
import { DEEPSEEK_R1, LLAMA_31_8B } from '../fixtures/archs';

function compute(arch: ModelArch, ctx: number, flashAttention: boolean): number {
  const kv = estimateKv(arch, { contextTokens: ctx, parallel: 1, typeK: 'f16', typeV: 'f16' });
  return estimateComputeBuffer(arch, {
    cells: kv.cells,
    slidingCells: kv.slidingCells,
    flashAttention,
  });
}

describe('llama.cpp compute buffer (calibration.json compute_buffers)', () => {
  it('Llama 3 8B at n_ctx 8192 without flash attention: 560 MiB (CUDA0 compute buffer, build ~2824)', () => {
    expect(Math.abs(compute(LLAMA_31_8B, 8192, false) / MiB - 560) / 560).toBeLessThan(0.1);
  });

  it('grows with context without flash attention like the Log Detective log (164 MiB at 2048, 2144 MiB at 32768)', () => {
    // fedora-copr/logdetective PR #106, a 32-head model: the buffer grew by 1980 MiB over 30720 tokens.
    const growth = (compute(LLAMA_31_8B, 32768, false) - compute(LLAMA_31_8B, 2048, false)) / MiB;
    expect(Math.abs(growth - 1980) / 1980).toBeLessThan(0.1);
  });

  it('stays in the hundreds of MiB with flash attention (ESTIMATION.md)', () => {
    const fa = compute(LLAMA_31_8B, 32768, true) / MiB;
    expect(fa).toBeGreaterThan(100);
    expect(fa).toBeLessThan(1000);
  });

  it('DeepSeek R1 (128 heads) at 32K without flash attention: 8470 MiB in ik_llama.cpp (ESTIMATION.md)', () => {
    expect(Math.abs(compute(DEEPSEEK_R1, 32768, false) / MiB - 8470) / 8470).toBeLessThan(0.1);
  });
});
