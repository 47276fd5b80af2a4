import { describe, expect, it } from 'vitest';
import { vllmCapacity, type VllmOptions } from '../../src/domain/serving';
import { estimateWeights } from '../../src/domain/weights';
import { GiB } from '../../src/domain/units';
import { shippedDevice, shippedModel } from '../fixtures/shipped-catalog';

interface Case {
  name: string;
  model: string;
  format: 'ST-BF16' | 'FP8' | 'MXFP4';
  device: string;
  gpus: number;
  options: VllmOptions;
  /** Published "Available KV cache memory" (or kv_cache_size) per GPU, GiB. */
  availableGiB?: number;
  /** Published "GPU KV cache size", tokens. */
  tokens?: number;
  source: string;
}

/**
 * Published vLLM startup logs (catalog/measurements/vllm-logs.json, each with its source). The
 * engine's own weights are used, not the logged ones, so each case checks the whole chain.
 */
const CASES: Case[] = [
  {
    name: 'Qwen3-8B on a 24 GB GPU, vLLM >= 0.21 (CUDA-graph estimate subtracted), utilization 0.9764',
    model: 'Qwen/Qwen3-8B',
    format: 'ST-BF16',
    device: 'nvidia-rtx-3090',
    gpus: 1,
    options: { utilization: 0.9764 },
    availableGiB: 6.37,
    tokens: 46_368,
    source: 'https://github.com/LMCache/LMCache/issues/3430',
  },
  {
    name: 'gpt-oss-20b (MoE) on an 80 GB A100, vLLM 0.19, utilization 0.65',
    model: 'openai/gpt-oss-20b',
    format: 'MXFP4',
    device: 'nvidia-a100-80gb-sxm',
    gpus: 1,
    options: { utilization: 0.65, cudaGraphProfiling: false },
    availableGiB: 36.56,
    source: 'vllm-logs.json case gpt-oss-20b-a100-v0.19',
  },
  {
    name: 'DeepSeek-R1-Distill-Qwen-14B, tensor parallel over 2 RTX 4090, vLLM V0, utilization 0.98',
    model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-14B',
    format: 'ST-BF16',
    device: 'nvidia-rtx-4090',
    gpus: 2,
    // max_model_len 131072: V0 chunks prefill for long contexts (logged activation peak 0.19 GiB).
    options: {
      utilization: 0.98,
      cudaGraphProfiling: false,
      maxNumBatchedTokens: 2048,
      accounting: 'v0',
    },
    availableGiB: 8.69,
    source: 'https://github.com/vllm-project/vllm/issues/13061',
  },
  {
    name: 'Llama 3.1 8B on an RTX 3090, vLLM V0, max_model_len 20000 (profiled in one batch)',
    model: 'meta-llama/Llama-3.1-8B-Instruct',
    format: 'ST-BF16',
    device: 'nvidia-rtx-3090',
    gpus: 1,
    options: {
      utilization: 0.9,
      cudaGraphProfiling: false,
      maxNumBatchedTokens: 20000,
      accounting: 'v0',
    },
    availableGiB: 3.81,
    source: 'https://github.com/vllm-project/vllm/issues/10517',
  },
  {
    name: 'Llama 3.1 8B on an RTX 3090, vLLM V0, max_model_len 29000',
    model: 'meta-llama/Llama-3.1-8B-Instruct',
    format: 'ST-BF16',
    device: 'nvidia-rtx-3090',
    gpus: 1,
    options: {
      utilization: 0.9,
      cudaGraphProfiling: false,
      maxNumBatchedTokens: 29000,
      accounting: 'v0',
    },
    availableGiB: 2.89,
    source: 'https://github.com/vllm-project/vllm/issues/10517',
  },
  {
    name: 'Qwen3-30B-A3B (MoE), tensor parallel over 4 A10, vLLM 0.8.5 (V1), max_model_len 8192',
    model: 'Qwen/Qwen3-30B-A3B',
    format: 'ST-BF16',
    device: 'nvidia-a10',
    gpus: 4,
    // An A10 reports 24,146,608,128 bytes in all to CUDA (NVML, driver 535; mayooot/detect-gpu#3).
    options: { cudaGraphProfiling: false, totalGpuBytes: 24_146_608_128 },
    tokens: 198_784,
    source: 'https://github.com/vllm-project/vllm/issues/17469',
  },
];

describe('vLLM KV capacity against published startup logs (within 15%)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const m = shippedModel(c.model);
    const w = estimateWeights(m.arch, c.format);
    const cap = vllmCapacity(
      m.arch,
      w.deviceBytes,
      'bf16',
      shippedDevice(c.device),
      c.gpus,
      4096,
      c.options,
    );
    if (c.availableGiB !== undefined)
      expect(Math.abs(cap.kvPoolBytesPerGpu / GiB - c.availableGiB) / c.availableGiB).toBeLessThan(
        0.15,
      );
    if (c.tokens !== undefined)
      expect(Math.abs(cap.kvTokens - c.tokens) / c.tokens).toBeLessThan(0.15);
  });
});

describe('vLLM accounting', () => {
  it('more batched tokens leave less for the KV cache; MoE layers count their routed copies', () => {
    const m = shippedModel('Qwen/Qwen3-30B-A3B');
    const w = estimateWeights(m.arch, 'ST-BF16').deviceBytes;
    const d = shippedDevice('nvidia-h100-sxm');
    const small = vllmCapacity(m.arch, w, 'bf16', d, 1, 4096, { maxNumBatchedTokens: 2048 });
    const big = vllmCapacity(m.arch, w, 'bf16', d, 1, 4096, { maxNumBatchedTokens: 16384 });
    expect(big.activationBytesPerGpu).toBeGreaterThan(small.activationBytesPerGpu);
    expect(big.kvTokens).toBeLessThan(small.kvTokens);
  });

  it('uses the published defaults: 8192 batched tokens on an H100, 2048 on an A100 or a 24 GB card', () => {
    const m = shippedModel('Qwen/Qwen3-8B');
    const w = estimateWeights(m.arch, 'ST-BF16').deviceBytes;
    const at = (id: string) => vllmCapacity(m.arch, w, 'bf16', shippedDevice(id), 1, 4096);
    expect(at('nvidia-h100-sxm').maxNumBatchedTokens).toBe(8192);
    expect(at('nvidia-a100-80gb-sxm').maxNumBatchedTokens).toBe(2048);
    expect(at('nvidia-rtx-4090').maxNumBatchedTokens).toBe(2048);
  });

  it('says nothing fits rather than a negative pool when the weights alone are too big', () => {
    const m = shippedModel('Qwen/Qwen3-32B');
    const w = estimateWeights(m.arch, 'ST-BF16').deviceBytes;
    const cap = vllmCapacity(m.arch, w, 'bf16', shippedDevice('nvidia-rtx-4090'), 1, 4096);
    expect(cap.kvPoolBytesPerGpu).toBe(0);
    expect(cap.kvTokens).toBe(0);
  });
});
