import { estimate, type EstimateInput } from './estimate';
import { bytesPerGpu, usableBytesPerGpu, type UsableOptions, gpusInUse } from './fit';
import { kvBytesPerToken } from './kv-cache';
import type { DeviceSpec, ModelArch } from './types';
import { GiB } from './units';

/** vLLM's default `--gpu-memory-utilization` (ESTIMATION.md "Cells"). */
export const VLLM_DEFAULT_GPU_MEMORY_UTILIZATION = 0.9;

/** vLLM activation peak from its profiling pass: 1.42 GiB measured for Qwen2.5-7B at 4096 tokens on an RTX 4060 (ESTIMATION.md). */
export const VLLM_ACTIVATION_PEAK_BYTES = 1.42 * GiB;

/** vLLM CUDA graphs: about 2.4 GiB per card measured on 4x RTX 4090 (ESTIMATION.md). */
export const VLLM_CUDA_GRAPH_BYTES = 2.4 * GiB;

/** vLLM allocates KV in blocks of 16 tokens (default `--block-size`). */
export const VLLM_BLOCK_TOKENS = 16;

/**
 * Most parallel sequences (users) of `contextTokens` each that fit on `count` units of `device`
 * with llama.cpp (`-np N -c N x ctx`): bisection on N in [1, maxUsers]. 0 when one does not fit.
 */
export function maxParallelThatFits(
  input: Omit<EstimateInput, 'parallel'>,
  device: DeviceSpec,
  count: number,
  maxUsers = 256,
  o: UsableOptions = {},
): number {
  const usable = usableBytesPerGpu(device, o);
  const gpus = gpusInUse(device, count);
  const fits = (n: number) =>
    bytesPerGpu(estimate({ ...input, parallel: n }).demand, gpus) <= usable;
  if (!fits(1)) return 0;
  if (fits(maxUsers)) return maxUsers;
  let lo = 1;
  let hi = maxUsers;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Whether vLLM tensor parallelism over `gpus` cards divides the model's KV heads (MLA caches one latent row and always divides). */
export function tensorParallelOk(arch: ModelArch, gpus: number): boolean {
  if (gpus <= 1 || arch.mla) return true;
  return arch.kvHeads % gpus === 0 || gpus % arch.kvHeads === 0;
}

export interface VllmCapacity {
  /** KV-cache tokens vLLM can hold across all sequences (whole 16-token blocks). */
  kvTokens: number;
  /** Concurrent sequences of `contextTokens` that fit in that pool. */
  sequences: number;
  /** Bytes per GPU: weights share, activation peak, CUDA graphs, KV pool. */
  weightsBytesPerGpu: number;
  kvPoolBytesPerGpu: number;
  tensorParallelOk: boolean;
}

/**
 * vLLM KV capacity: per GPU, utilization x usable memory minus the weights' share (weights / tp),
 * the activation peak and the CUDA graphs; what is left holds KV blocks. Tokens = pool x tp /
 * bytes per token (the full-attention / MLA slope of the engine's KV model), rounded down to
 * 16-token blocks. Sources: ESTIMATION.md "Compute buffers" (vLLM) and "Several GPUs".
 */
export function vllmCapacity(
  arch: ModelArch,
  weightsBytes: number,
  kvType: 'f16' | 'bf16' | 'fp8',
  device: DeviceSpec,
  count: number,
  contextTokens: number,
  utilization = VLLM_DEFAULT_GPU_MEMORY_UTILIZATION,
  o: UsableOptions = {},
): VllmCapacity {
  const tp = gpusInUse(device, count);
  const usable = usableBytesPerGpu(device, o) * utilization;
  const weightsPerGpu = weightsBytes / tp;
  const pool = Math.max(
    0,
    usable - weightsPerGpu - VLLM_ACTIVATION_PEAK_BYTES - VLLM_CUDA_GRAPH_BYTES,
  );
  const perToken = kvBytesPerToken(arch, kvType, kvType);
  const rawTokens = perToken > 0 ? (pool * tp) / perToken : 0;
  const kvTokens = Math.floor(rawTokens / VLLM_BLOCK_TOKENS) * VLLM_BLOCK_TOKENS;
  return {
    kvTokens,
    sequences: contextTokens > 0 ? Math.floor(kvTokens / contextTokens) : 0,
    weightsBytesPerGpu: weightsPerGpu,
    kvPoolBytesPerGpu: pool,
    tensorParallelOk: tensorParallelOk(arch, tp),
  };
}
