import type { Estimate } from './estimate';
import { isUnified } from './fit';
import type { DeviceSpec } from './types';
import { GB } from './units';

/**
 * Published llama-bench token-generation speeds (tg512, all layers on the GPU, flash attention
 * off) for Llama 3 8B, from shared/reference/calibration.json decode_tps (XiongjieDai
 * GPU-Benchmarks-on-LLM-Inference, llama.cpp builds 2795-2833), with the bytes the engine says
 * are read per token (GPU-resident weights: Q4_K_M 4,617,396,480 B; F16 15,010,382,080 B).
 * Efficiency = tokens/s x bytes per token / peak bandwidth.
 */
export const DECODE_CALIBRATION = [
  {
    gpu: 'RTX 3090',
    unified: false,
    sixteenBit: false,
    tps: 115.42,
    bandwidthGbS: 936,
    bytesPerToken: 4_617_396_480,
  },
  {
    gpu: 'RTX 4090',
    unified: false,
    sixteenBit: false,
    tps: 130.58,
    bandwidthGbS: 1008,
    bytesPerToken: 4_617_396_480,
  },
  {
    gpu: 'M2 Ultra',
    unified: true,
    sixteenBit: false,
    tps: 78.81,
    bandwidthGbS: 800,
    bytesPerToken: 4_617_396_480,
  },
  {
    gpu: 'RTX 3090',
    unified: false,
    sixteenBit: true,
    tps: 47.4,
    bandwidthGbS: 936,
    bytesPerToken: 15_010_382_080,
  },
  {
    gpu: 'RTX 4090',
    unified: false,
    sixteenBit: true,
    tps: 54.84,
    bandwidthGbS: 1008,
    bytesPerToken: 15_010_382_080,
  },
  {
    gpu: 'M2 Ultra',
    unified: true,
    sixteenBit: true,
    tps: 36.9,
    bandwidthGbS: 800,
    bytesPerToken: 15_010_382_080,
  },
] as const;

function efficiencyOf(c: (typeof DECODE_CALIBRATION)[number]): number {
  return (c.tps * c.bytesPerToken) / (c.bandwidthGbS * GB);
}

export interface Efficiency {
  /** Central efficiency for this kind of device and weight type. */
  mid: number;
  /** Lowest and highest efficiency seen for this weight type on any calibrated device. */
  low: number;
  high: number;
}

/**
 * Fraction of peak memory bandwidth that decoding achieves, from {@link DECODE_CALIBRATION}:
 * quantized weights (dequantisation costs compute) reach 0.45-0.60 of peak, 16-bit weights
 * 0.69-0.82; discrete GPUs use the mean of the RTX 3090 and 4090 figures, unified-memory
 * devices the M2 Ultra figure.
 */
export function decodeEfficiency(unified: boolean, sixteenBit: boolean): Efficiency {
  const same = DECODE_CALIBRATION.filter((c) => c.sixteenBit === sixteenBit);
  const effs = same.map(efficiencyOf);
  const kind = same.filter((c) => c.unified === unified).map(efficiencyOf);
  const mid = kind.reduce((a, b) => a + b, 0) / kind.length;
  return { mid, low: Math.min(...effs), high: Math.max(...effs) };
}

/**
 * Bytes read from GPU memory to generate one token at `contextTokens`: the weights of the active
 * parameters (all dense weights, only the routed experts in use for MoE) plus the whole KV cache
 * and state in use (decode attends over every cached token). ESTIMATION.md "Decode speed".
 */
export function bytesReadPerToken(e: Estimate): number {
  return e.weights.activeBytes + e.kv.totalBytes;
}

export interface SpeedEstimate {
  /** Tokens per second, central estimate. */
  tps: number;
  /** Range from the lowest and highest calibrated efficiency. */
  low: number;
  high: number;
  bytesPerToken: number;
  efficiency: number;
}

/**
 * Decode speed on `device`, tokens/s: efficiency x bandwidth / bytes read per token. With a layer
 * split over several GPUs the cards work one after another, so speed does not add up
 * (ESTIMATION.md "Several GPUs"): the figure is that of one card holding every layer.
 */
export function decodeSpeed(e: Estimate, device: DeviceSpec): SpeedEstimate {
  const sixteenBit = e.weights.bitsPerWeight >= 15;
  const eff = decodeEfficiency(isUnified(device), sixteenBit);
  const bytes = bytesReadPerToken(e);
  const bw = device.bandwidthGbS * GB;
  return {
    tps: (eff.mid * bw) / bytes,
    low: (eff.low * bw) / bytes,
    high: (eff.high * bw) / bytes,
    bytesPerToken: bytes,
    efficiency: eff.mid,
  };
}

/**
 * Published llama-bench prompt processing (pp512) for Llama 3 8B on an RTX 4090, build 4426e298:
 * Q4_K_M 7138.99 t/s, F16 9382.00 t/s (XiongjieDai/GPU-Benchmarks-on-LLM-Inference,
 * "LLaMA 3/Gaming GPUs/4090_v3.ipynb" @ 9232c8d5). With 2 FLOPs per active parameter per token
 * (8.03B parameters less the 0.53B embedding lookup) and the catalog's 330 TFLOPS (FP16 tensor,
 * FP16 accumulate), llama.cpp reached about 0.18 (Q4_K_M) and 0.21 (F16) of that peak.
 */
export const PREFILL_CALIBRATION = [
  { quant: 'Q4_K_M', sixteenBit: false, tps: 7138.99, tflops: 330, activeParams: 7_504_924_672 },
  { quant: 'F16', sixteenBit: true, tps: 9382.0, tflops: 330, activeParams: 7_504_924_672 },
] as const;

/** Prefill (prompt processing) efficiency: achieved FLOPs / catalog FP16 peak, from {@link PREFILL_CALIBRATION}. */
export function prefillEfficiency(sixteenBit: boolean): number {
  const c = PREFILL_CALIBRATION.find((x) => x.sixteenBit === sixteenBit) ?? PREFILL_CALIBRATION[0];
  return (c.tps * 2 * c.activeParams) / (c.tflops * 1e12);
}

/**
 * Prompt-processing speed, tokens/s: efficiency x FP16 peak FLOPS / (2 x active parameters).
 * Compute-bound (ESTIMATION.md "Decode speed" for the memory-bound counterpart); calibrated on one
 * GPU only, and catalog FP16 figures differ in kind between vendors, so this is a rough figure.
 * Null when the device has no FP16 figure.
 */
export function prefillSpeed(e: Estimate, device: DeviceSpec): number | null {
  if (!device.fp16Tflops) return null;
  const active =
    e.weights.activeParams ??
    e.weights.params * (e.weights.activeBytes / Math.max(1, e.weights.deviceBytes));
  if (!(active > 0)) return null;
  const eff = prefillEfficiency(e.weights.bitsPerWeight >= 15);
  return (eff * device.fp16Tflops * 1e12) / (2 * active);
}
