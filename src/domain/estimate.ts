import { attentionFlopsPerToken } from './decode-model';
import { estimateComputeBuffer, splitInputCopiesBytes } from './compute-buffer';
import {
  fitOnDevice,
  RUNTIME_RESERVE_BYTES,
  type Demand,
  type FitResult,
  type UsableOptions,
} from './fit';
import { estimateKv, KV_CACHE_TYPES, type KvCacheType, type KvEstimate } from './kv-cache';
import type { DeviceSpec, ModelArch } from './types';
import {
  estimateWeights,
  isSafetensorsFormat,
  type WeightsEstimate,
  type WeightsOptions,
} from './weights';

export interface EstimateInput {
  arch: ModelArch;
  quantId: string;
  /** Context length per sequence, tokens. */
  contextTokens: number;
  /** Parallel sequences. */
  parallel: number;
  typeK: KvCacheType;
  typeV: KvCacheType;
  flashAttention: boolean;
  weights?: WeightsOptions;
  /** Weights already computed for this arch and quantization (they do not depend on context). */
  precomputedWeights?: WeightsEstimate;
}

export interface Estimate {
  weights: WeightsEstimate;
  kv: KvEstimate;
  /** Compute buffer on one device, bytes. */
  computeBytes: number;
  /** Runtime reserve on one device, bytes. */
  reserveBytes: number;
  /** Single-device total: weights on the GPU + context memory + compute buffer + reserve, bytes. */
  totalBytes: number;
  /** How the total divides when split across GPUs. */
  demand: Demand;
  /** Configuration problems the runtime would refuse or change, in plain words. */
  warnings: string[];
  /** What decoding one token costs beyond the bytes (speed.ts tokenWork). */
  decode: {
    /** Tokens in the cache per sequence (the context length asked for). */
    contextTokens: number;
    /** Attention arithmetic for one token with that cache, FLOP (decode-model.ts). */
    attentionFlops: number;
    layers: number;
  };
}

/**
 * Memory to run `arch` in `quantId` at a context length, on one device, bytes:
 * weights resident on the GPU + context memory (KV cache and recurrent state) + compute buffer
 * + runtime reserve. Each part is documented where it is computed: {@link estimateWeights},
 * {@link estimateKv}, {@link estimateComputeBuffer}, {@link RUNTIME_RESERVE_BYTES}.
 */
export function estimate(input: EstimateInput): Estimate {
  const weights =
    input.precomputedWeights ?? estimateWeights(input.arch, input.quantId, input.weights);
  const kv = estimateKv(input.arch, {
    contextTokens: input.contextTokens,
    parallel: input.parallel,
    typeK: input.typeK,
    typeV: input.typeV,
  });
  const computeBytes = estimateComputeBuffer(input.arch, {
    cells: kv.cells,
    slidingCells: kv.slidingCells,
    flashAttention: input.flashAttention,
  });
  const reserveBytes = RUNTIME_RESERVE_BYTES;
  const warnings: string[] = [];
  if (KV_CACHE_TYPES[input.typeV].quantized && !input.flashAttention && !input.arch.mla) {
    warnings.push('llama.cpp needs flash attention for a quantized V cache (-fa on).');
  }
  if ((input.typeK === 'fp8' || input.typeV === 'fp8') && !isSafetensorsFormat(input.quantId)) {
    warnings.push('The fp8 KV cache is a vLLM option; llama.cpp offers q8_0 instead.');
  }
  return {
    weights,
    kv,
    computeBytes,
    reserveBytes,
    totalBytes: weights.deviceBytes + kv.totalBytes + computeBytes + reserveBytes,
    demand: {
      splitBytes: weights.deviceBytes + kv.totalBytes,
      perDeviceBytes: computeBytes + reserveBytes,
      splitExtraBytes: splitInputCopiesBytes(input.arch, {
        cells: kv.cells,
        slidingCells: kv.slidingCells,
        flashAttention: input.flashAttention,
      }),
    },
    warnings,
    decode: {
      contextTokens: input.contextTokens,
      attentionFlops: attentionFlopsPerToken(input.arch, input.contextTokens),
      layers: input.arch.layers,
    },
  };
}

/** Fit of an estimate on `count` units of `device`. */
export function fitEstimate(
  e: Estimate,
  device: DeviceSpec,
  count: number,
  o: UsableOptions = {},
): FitResult {
  return fitOnDevice(e.demand, device, count, o);
}
