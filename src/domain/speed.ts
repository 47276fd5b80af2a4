import type { Estimate } from './estimate';
import type { DeviceSpec } from './types';

import fit from './decode-fit.json';
import {
  decodeClassOf,
  decodeSecondsPerToken,
  prefillTokensPerSecond,
  weightKindOf,
  type Backend,
  type DecodeClass,
  type DecodeConstants,
  type PrefillConstants,
  type TokenWork,
} from './decode-model';

/**
 * Decode-speed constants fitted on published llama-bench tg results (catalog/measurements/
 * llama-bench.json, mapped by bench-setups.json) by scripts/fit-decode.mjs; the held-out errors
 * are in the same file and in the README.
 */
export const DECODE_CONSTANTS: DecodeConstants = fit.constants as DecodeConstants;

/** Held-out errors of {@link DECODE_CONSTANTS} (leave one row out; leave one device out). */
export const DECODE_HELD_OUT = fit.heldOut;

/**
 * Bytes read from GPU memory to generate one token at the estimate's context: the weights of the
 * active parameters (all dense weights, only the routed experts in use for MoE) plus the whole KV
 * cache and state in use (decode attends over every cached token). ESTIMATION.md "Decode speed".
 */
export function bytesReadPerToken(e: Estimate): number {
  return e.weights.activeBytes + e.kv.totalBytes;
}

/** What one token costs at the estimate's context: bytes read, attention FLOP, layers, weight kind. */
export function tokenWork(e: Estimate): TokenWork {
  return {
    bytes: bytesReadPerToken(e),
    attentionFlops: e.decode.attentionFlops,
    layers: e.decode.layers,
    kind: weightKindOf(e.weights.byType),
  };
}

export interface SpeedEstimate {
  /** Tokens per second, central estimate. */
  tps: number;
  /** Range that held 90% of the published measurements (5th-95th percentile of measured / fitted). */
  low: number;
  high: number;
  bytesPerToken: number;
  /** Bandwidth efficiency on these weights (class efficiency x weight-kind factor). */
  efficiency: number;
  /** Fixed per-token time (launch overhead of every layer), seconds. */
  overheadS: number;
  /** Tokens in the cache the figure applies to. */
  contextTokens: number;
  /** The constants class used (e.g. cuda, metal-m3). */
  deviceClass: DecodeClass;
}

export interface SpeedOptions {
  /** Back end; default by vendor (decode-model.ts defaultBackend). */
  backend?: Backend;
  /**
   * GPUs the model is spread over. llama.cpp splits by layers: each GPU reads its share in turn,
   * so time per token is that of one card reading everything (ESTIMATION.md "Several GPUs").
   * Tensor parallelism (vLLM) divides every layer: see {@link ALL_REDUCE_SECONDS}.
   */
  gpus?: number;
  parallelism?: 'layers' | 'tensor';
}

/**
 * Latency of one small all-reduce (a token's hidden state, about 16 KB) between GPUs, seconds:
 * over PCIe 17.11 us (nccl-tests all_reduce_perf, 16 KB, 2 GPUs without peer access:
 * github.com/Anthony-Hoo/Anthony-Hoo.github.io posts/AutoDL_Multi-GPU_Interconnection_Test.md);
 * over NVLink/NVSwitch about 6 us (2 H100 on an HGX board, CUDA graphs: NVIDIA/nccl#1259).
 * Tensor parallelism does two per layer (after attention and after the MLP).
 */
export const ALL_REDUCE_SECONDS = { pcie: 17.11e-6, nvlink: 6e-6 } as const;

/** Whether the GPUs of this catalog device talk over NVLink (SXM and NVL parts, DGX/HGX systems). */
export function hasNvlink(device: DeviceSpec): boolean {
  return device.vendor === 'NVIDIA' && /sxm|nvl|dgx|hgx/i.test(`${device.id} ${device.name}`);
}

/**
 * Decode speed on `device`, tokens/s, at the estimate's context: time per token = bytes read /
 * (efficiency x bandwidth) + attention arithmetic / (FLOP-per-byte x bandwidth) + layers x
 * per-layer overhead ({@link decodeSecondsPerToken}), constants by device class
 * ({@link DECODE_CONSTANTS}). With a layer split over several identical GPUs the cards work one
 * after another, so the figure is that of one card holding every layer; with tensor parallelism
 * each card reads its share at the same time and two all-reduces per layer are added.
 */
export function decodeSpeed(e: Estimate, device: DeviceSpec, o: SpeedOptions = {}): SpeedEstimate {
  const cls = decodeClassOf(device, o.backend);
  const work = tokenWork(e);
  const n = Math.max(1, Math.floor(o.gpus ?? 1));
  let t: number;
  if (o.parallelism === 'tensor' && n > 1) {
    // Every GPU reads 1/n of the bytes and does 1/n of the attention at once, then they all-reduce.
    const share = { ...work, bytes: work.bytes / n, attentionFlops: work.attentionFlops / n };
    const allReduce = hasNvlink(device) ? ALL_REDUCE_SECONDS.nvlink : ALL_REDUCE_SECONDS.pcie;
    t =
      decodeSecondsPerToken(share, device.bandwidthGbS, cls, DECODE_CONSTANTS) +
      2 * work.layers * allReduce;
  } else {
    t = decodeSecondsPerToken(work, device.bandwidthGbS, cls, DECODE_CONSTANTS);
  }
  const tps = 1 / t;
  const c = DECODE_CONSTANTS.classes[cls];
  return {
    tps,
    low: tps * DECODE_CONSTANTS.range.low,
    high: tps * DECODE_CONSTANTS.range.high,
    bytesPerToken: work.bytes,
    efficiency: c.efficiency * DECODE_CONSTANTS.kinds[work.kind],
    overheadS: work.layers * c.overheadPerLayerS,
    contextTokens: e.decode.contextTokens,
    deviceClass: cls,
  };
}

/** Prefill constants fitted with the decode ones (scripts/fit-decode.mjs, pp512 rows). */
export const PREFILL_CONSTANTS: PrefillConstants = fit.prefill as PrefillConstants;

/** Prompt tokens per llama.cpp batch (llama-bench pp512, the default n_batch of 512 tokens). */
export const PREFILL_BATCH_TOKENS = 512;

/**
 * Prompt-processing speed, tokens/s, in 512-token batches: fitted efficiency x the device's FP16
 * peak / (2 FLOP per active parameter + attention over the batch), {@link prefillTokensPerSecond}
 * with {@link PREFILL_CONSTANTS}. Null when the catalog has no FP16 figure for the device.
 */
export function prefillSpeed(e: Estimate, device: DeviceSpec, o: SpeedOptions = {}): number | null {
  if (!device.fp16Tflops) return null;
  const active =
    e.weights.activeParams ??
    e.weights.params * (e.weights.activeBytes / Math.max(1, e.weights.deviceBytes));
  if (!(active > 0)) return null;
  const attention =
    e.decode.contextTokens > 0
      ? (e.decode.attentionFlops * (PREFILL_BATCH_TOKENS / 2)) / e.decode.contextTokens
      : 0;
  return prefillTokensPerSecond(
    2 * active + attention,
    device.fp16Tflops,
    decodeClassOf(device, o.backend),
    weightKindOf(e.weights.byType),
    PREFILL_CONSTANTS,
  );
}
