import { describe, expect, it } from 'vitest';
import { estimateComputeBuffer } from '../../src/domain/compute-buffer';
import { estimate } from '../../src/domain/estimate';
import { bytesPerGpu } from '../../src/domain/fit';
import { estimateKv } from '../../src/domain/kv-cache';
import type { ModelArch } from '../../src/domain/types';
import { MiB } from '../../src/domain/units';
import { DEEPSEEK_R1, LLAMA_31_8B } from '../fixtures/archs';
import { shippedModel } from '../fixtures/shipped-catalog';

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

describe('llama.cpp compute buffer with layers split over several GPUs (llama-cpp-multigpu.json)', () => {
  const perGpuCompute = (arch: ModelArch, ctx: number, gpus: number) => {
    const e = estimate({
      arch,
      quantId: 'Q4_K_M',
      contextTokens: ctx,
      parallel: 1,
      typeK: 'f16',
      typeV: 'f16',
      flashAttention: false,
    });
    return e.computeBytes + (gpus > 1 ? (e.demand.splitExtraBytes ?? 0) : 0);
  };

  it('2 GPUs, 64-layer Qwen2.5-32B-shape model at 2048 tokens: within 5% of the 363.02 MiB logged on the output GPU', () => {
    // ollama/ollama#9068 (2025-03-04): n_layer 64, KV 8 MiB per layer at 2048 cells (8 KV heads
    // of 128), n_ctx_train 131072, rope base 1e6: DeepSeek-R1-Distill-Qwen-32B (every
    // Qwen2.5-32B derivative has the same compute shapes). "pipeline parallelism enabled
    // (n_copies=4)"; CUDA0 256.01 MiB, CUDA1 (holds the output layer) 363.02 MiB.
    const arch = shippedModel('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B').arch;
    const mib = perGpuCompute(arch, 2048, 2) / MiB;
    expect(Math.abs(mib - 363.02) / 363.02).toBeLessThan(0.05);
    // One GPU would need less: the split adds the copies.
    expect(perGpuCompute(arch, 2048, 1) / MiB).toBeLessThan(363.02 * 0.9);
  });

  it('2 GPUs, Command-R 35B at 4096 tokens: within 5% of the 672.01 MiB logged on CUDA0', () => {
    // ggml-org/llama.cpp PR #6122 (RTX 4070 Ti + RTX 3090 Ti): 40 layers, 128 MiB of f16 KV per
    // layer at 4096 cells (64 KV heads of 128), rope base 8e6: c4ai-command-r-v01.
    const arch = shippedModel('CohereForAI/c4ai-command-r-v01').arch;
    const mib = perGpuCompute(arch, 4096, 2) / MiB;
    expect(Math.abs(mib - 672.01) / 672.01).toBeLessThan(0.05);
  });

  it('Llama 3 8B at 8192 tokens: about 640 MiB on each of 2 GPUs against 560 on one (ESTIMATION.md)', () => {
    const two = perGpuCompute(LLAMA_31_8B, 8192, 2) / MiB;
    expect(Math.abs(two - 640) / 640).toBeLessThan(0.05);
  });

  it('the fit of a split counts the copies on every GPU', () => {
    const e = estimate({
      arch: LLAMA_31_8B,
      quantId: 'Q4_K_M',
      contextTokens: 8192,
      parallel: 1,
      typeK: 'f16',
      typeV: 'f16',
      flashAttention: false,
    });
    const extra = e.demand.splitExtraBytes ?? 0;
    expect(extra).toBeGreaterThan(0);
    expect(bytesPerGpu(e.demand, 2) - (e.demand.splitBytes / 2 + e.demand.perDeviceBytes)).toBe(
      extra,
    );
    expect(bytesPerGpu(e.demand, 1)).toBe(e.demand.splitBytes + e.demand.perDeviceBytes);
  });
});
