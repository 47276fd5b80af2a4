import { estimate, type EstimateInput } from './estimate';
import { bytesPerGpu, isUnified, usableBytesPerGpu, type UsableOptions, gpusInUse } from './fit';
import { kvBytesPerToken } from './kv-cache';
import type { DeviceSpec, ModelArch } from './types';
import { GiB } from './units';

/** vLLM's default `--gpu-memory-utilization` (ESTIMATION.md "Cells"). */
export const VLLM_DEFAULT_GPU_MEMORY_UTILIZATION = 0.9;

/** vLLM allocates KV in blocks of 16 tokens (default `--block-size`). */
export const VLLM_BLOCK_TOKENS = 16;

/**
 * Memory CUDA reports as total that is less than the card's nominal size: the logs show
 * total_gpu_memory 23.58 GiB on a 24 GiB RTX 3090 (vllm #10517) and 79.22 GiB on an 80 GiB H100
 * (vllm V0 log in catalog/measurements/vllm-logs.json), i.e. about 0.42 GiB or 1%, whichever is
 * more.
 */
export function vllmTotalGpuBytes(device: DeviceSpec, o: UsableOptions = {}): number {
  const usable = usableBytesPerGpu(device, o);
  if (isUnified(device)) return usable;
  return usable - Math.max(0.42 * GiB, 0.01 * usable);
}

/**
 * vLLM's defaults when the user sets neither (vllm/engine/arg_utils.py, OpenAI server): GPUs with
 * at least 70 GiB whose name does not contain "A100" get max_num_batched_tokens 8192 and
 * max_num_seqs 1024; every other GPU 2048 and 256.
 */
export function vllmDefaultBatch(device: DeviceSpec): {
  maxNumBatchedTokens: number;
  maxNumSeqs: number;
} {
  const big = device.memoryGb >= 70 && !/a100/i.test(device.name);
  return big
    ? { maxNumBatchedTokens: 8192, maxNumSeqs: 1024 }
    : { maxNumBatchedTokens: 2048, maxNumSeqs: 256 };
}

/**
 * Non-torch memory vLLM measures during profiling (NCCL, cuBLAS workspaces, attention-backend
 * buffers): the logs show 0.16-0.35 GiB (vllm-logs.json: 0.16 H100, 0.20 and 0.25 on 24 GB cards
 * with tensor parallelism, 0.35 on an RTX 3090); the middle of that range.
 */
export const VLLM_NON_TORCH_BYTES = 0.25 * GiB;

/**
 * CUDA-graph memory vLLM estimates and subtracts before sizing the KV pool (on by default since
 * v0.21.0): 0.52 GiB logged for Qwen3-8B on one 24 GB GPU with the default capture sizes
 * (LMCache #3430, "Estimated CUDA graph memory: 0.52 GiB total"). Earlier versions took the graphs
 * from the memory left outside --gpu-memory-utilization instead.
 */
export const VLLM_CUDA_GRAPH_BYTES = 0.52 * GiB;

/** vLLM's fused-MoE kernels work on at most this many tokens at once (VLLM_FUSED_MOE_CHUNK_SIZE). */
export const VLLM_FUSED_MOE_CHUNK_TOKENS = 32768;

/**
 * Bytes per vocabulary entry per sampled row in vLLM's sampler pass (V1, PyTorch sampler): the
 * logits in bf16 and fp32, the top-k/top-p sort (fp32 values and int64 indices), the softmax and
 * its cumulative sum, and the exponential draw: 2 + 4 + 4 + 8 + 4 + 4 + 4 + 2 (masks) = 32 bytes.
 */
export const VLLM_SAMPLER_BYTES_PER_LOGIT = 32;

/**
 * Peak of torch memory in vLLM's profiling pass, bytes per GPU:
 * - the forward pass over max_num_batched_tokens tokens, at its MLP peak: the residual and the
 *   normalised input (2 x hidden) plus, for a dense FFN, gate_up and its activation
 *   (3 x ffn / tp); for a MoE layer the fused-MoE intermediate caches per routed copy
 *   (top-k x (1.5 x 2 x expert_ffn / tp + hidden), at most 32768 tokens at a time) plus the shared
 *   experts; bf16, 2 bytes each;
 * - the sampler pass over max_num_seqs rows of the whole vocabulary
 *   ({@link VLLM_SAMPLER_BYTES_PER_LOGIT}).
 * The V1 engine (every release since 0.8 by default) counts both in one peak; the old V0 engine
 * profiled them apart and sampled in fp32 only (8 bytes per entry), so its peak is the larger.
 * Checked with the KV pools of published logs (tests/domain/vllm-capacity.test.ts): Llama 3.1 8B
 * on an RTX 3090 logged 2.07 GiB at 20,000 tokens and 2.99 GiB at 29,000 (vllm #10517, V0).
 */
export function vllmActivationBytes(
  arch: ModelArch,
  tp: number,
  maxNumBatchedTokens: number,
  maxNumSeqs: number,
  accounting: 'v1' | 'v0' = 'v1',
): number {
  const bf16 = 2;
  let perToken = 2 * arch.hidden;
  let moeBytes = 0;
  if (arch.moe) {
    const m = arch.moe;
    const perCopy = 1.5 * ((2 * m.expertFfn) / tp) + arch.hidden;
    moeBytes =
      Math.min(maxNumBatchedTokens, VLLM_FUSED_MOE_CHUNK_TOKENS) *
      m.expertsPerToken *
      perCopy *
      bf16;
    perToken += (3 * (m.sharedExperts > 0 ? m.sharedFfn * Math.max(1, m.sharedExperts) : 0)) / tp;
  } else {
    perToken += (3 * arch.ffn) / tp;
  }
  const forward = maxNumBatchedTokens * perToken * bf16 + moeBytes;
  if (accounting === 'v0') return Math.max(forward, maxNumSeqs * arch.vocab * 8);
  return forward + maxNumSeqs * arch.vocab * VLLM_SAMPLER_BYTES_PER_LOGIT;
}

export interface VllmOptions {
  utilization?: number;
  /** Memory CUDA reports for the GPU, bytes, when known (default from the catalog size). */
  totalGpuBytes?: number;
  /** Profiling of vLLM's V1 engine (default) or the old V0 engine. */
  accounting?: 'v1' | 'v0';
  maxNumBatchedTokens?: number;
  maxNumSeqs?: number;
  /** Whether vLLM subtracts its CUDA-graph estimate (v0.21.0 and later; default true). */
  cudaGraphProfiling?: boolean;
  /** Eager mode captures no graphs. */
  enforceEager?: boolean;
  usable?: UsableOptions;
}

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
  /** Per GPU, bytes: what CUDA reports, the share vLLM may use, and what it subtracts. */
  totalBytesPerGpu: number;
  requestedBytesPerGpu: number;
  weightsBytesPerGpu: number;
  activationBytesPerGpu: number;
  nonTorchBytesPerGpu: number;
  cudaGraphBytesPerGpu: number;
  /** "Available KV cache memory" per GPU, bytes (0 when negative: vLLM refuses to start). */
  kvPoolBytesPerGpu: number;
  maxNumBatchedTokens: number;
  maxNumSeqs: number;
  tensorParallelOk: boolean;
}

/**
 * vLLM's KV capacity, per its current accounting (vllm/v1/worker/gpu_worker.py,
 * determine_available_memory): per GPU, requested = total GPU memory x utilization; the pool is
 * what is left after the weights' share (weights / tp), the profiling pass's activation peak
 * ({@link vllmActivationBytes}, which grows with max_num_batched_tokens and differs for dense and
 * MoE layers), non-torch memory and, since v0.21.0, the CUDA-graph estimate. Tokens = pool x tp /
 * bytes per token (the engine's KV slope), in whole 16-token blocks. Checked against published
 * "Available KV cache memory" and "GPU KV cache size" lines (tests/domain/vllm-capacity.test.ts).
 */
export function vllmCapacity(
  arch: ModelArch,
  weightsBytes: number,
  kvType: 'f16' | 'bf16' | 'fp8',
  device: DeviceSpec,
  count: number,
  contextTokens: number,
  o: VllmOptions = {},
): VllmCapacity {
  const tp = gpusInUse(device, count);
  const defaults = vllmDefaultBatch(device);
  const maxNumBatchedTokens = o.maxNumBatchedTokens ?? defaults.maxNumBatchedTokens;
  const maxNumSeqs = o.maxNumSeqs ?? defaults.maxNumSeqs;
  const total = o.totalGpuBytes ?? vllmTotalGpuBytes(device, o.usable);
  const requested = total * (o.utilization ?? VLLM_DEFAULT_GPU_MEMORY_UTILIZATION);
  const weightsPerGpu = weightsBytes / tp;
  const activation = vllmActivationBytes(
    arch,
    tp,
    maxNumBatchedTokens,
    maxNumSeqs,
    o.accounting ?? 'v1',
  );
  const graphs = (o.cudaGraphProfiling ?? true) && !o.enforceEager ? VLLM_CUDA_GRAPH_BYTES : 0;
  const pool = Math.max(0, requested - weightsPerGpu - activation - VLLM_NON_TORCH_BYTES - graphs);
  const perToken = kvBytesPerToken(arch, kvType, kvType);
  const rawTokens = perToken > 0 ? (pool * tp) / perToken : 0;
  const kvTokens = Math.floor(rawTokens / VLLM_BLOCK_TOKENS) * VLLM_BLOCK_TOKENS;
  return {
    kvTokens,
    sequences: contextTokens > 0 ? Math.floor(kvTokens / contextTokens) : 0,
    totalBytesPerGpu: total,
    requestedBytesPerGpu: requested,
    weightsBytesPerGpu: weightsPerGpu,
    activationBytesPerGpu: activation,
    nonTorchBytesPerGpu: VLLM_NON_TORCH_BYTES,
    cudaGraphBytesPerGpu: graphs,
    kvPoolBytesPerGpu: pool,
    maxNumBatchedTokens,
    maxNumSeqs,
    tensorParallelOk: tensorParallelOk(arch, tp),
  };
}
