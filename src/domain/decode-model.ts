import { expandLayers } from './tensors';
import type { DeviceSpec, ModelArch } from './types';
import { GB } from './units';

/**
 * The llama.cpp back end a device runs decode on by default: CUDA on NVIDIA, Metal on Apple,
 * ROCm (HIP) on AMD, Vulkan on Intel GPUs, the CPU elsewhere (llama.cpp docs/build.md lists these
 * back ends; ROCm is the one it documents for AMD GPUs, Vulkan the portable one for Intel Arc).
 */
export type Backend = 'CUDA' | 'Metal' | 'ROCm' | 'Vulkan' | 'SYCL' | 'CPU';

/**
 * Device classes with their own decode constants: CUDA on consumer, workstation and unified
 * NVIDIA parts; CUDA on datacenter cards; Metal per Apple chip generation; ROCm; Vulkan (and
 * Intel's SYCL); the CPU.
 */
export const DECODE_CLASSES = [
  'cuda',
  'cuda-datacenter',
  'metal-m1',
  'metal-m2',
  'metal-m3',
  'metal-m4',
  'metal-m5',
  'rocm',
  'vulkan',
  'cpu',
] as const;
export type DecodeClass = (typeof DECODE_CLASSES)[number];

/**
 * How the weights are stored, which sets how much arithmetic each byte read costs: 16-bit, 8-bit
 * (Q8_0), the legacy 4/5-bit blocks (Q4_0, Q4_1, Q5_0, Q5_1), k- and i-quants, MXFP4.
 */
export const WEIGHT_KINDS = ['16-bit', 'q8', 'legacy', 'k-quant', 'mxfp4'] as const;
export type WeightKind = (typeof WEIGHT_KINDS)[number];

export interface ClassConstants {
  /** Fraction of peak memory bandwidth reached on the weight bytes of a k-quant file. */
  efficiency: number;
  /** Fixed time per layer per token (kernel launches, synchronisation), seconds. */
  overheadPerLayerS: number;
  /**
   * Attention arithmetic done per byte/s of peak bandwidth, FLOP per byte: attention over a long
   * cache costs compute beyond reading it, and a device's compute grows with its bandwidth.
   */
  attentionFlopPerByte: number;
}

/** Fitted constants of the decode model (src/domain/decode-fit.json, written by scripts/fit-decode.mjs). */
export interface DecodeConstants {
  classes: Record<DecodeClass, ClassConstants>;
  /** Efficiency multiplier per weight kind (k-quant = 1). */
  kinds: Record<WeightKind, number>;
  /**
   * Measured / predicted speed quantiles over the fitting data: the range shown around a figure
   * ("low" is the 5th percentile of the ratio, "high" the 95th).
   */
  range: { low: number; high: number };
}

/** Catalog `vendor` and `segment` decide the back end; see {@link Backend}. */
export function defaultBackend(device: Pick<DeviceSpec, 'vendor' | 'segment'>): Backend {
  const v = device.vendor.toLowerCase();
  if (v === 'nvidia' || v === 'asus') return 'CUDA';
  if (v === 'apple') return 'Metal';
  if (v === 'amd') return 'ROCm';
  if (v === 'intel') return 'Vulkan';
  return 'CPU';
}

/** Apple chip generation (M1..M5) from a catalog `chip` or name, or null. */
export function appleGeneration(text: string): 1 | 2 | 3 | 4 | 5 | null {
  const m = /\bM([1-5])\b/.exec(text);
  return m ? (Number(m[1]) as 1 | 2 | 3 | 4 | 5) : null;
}

/** The constants class of a device running `backend` (default: its {@link defaultBackend}). */
export function decodeClassOf(
  device: Pick<DeviceSpec, 'vendor' | 'segment' | 'name'> & { chip?: string },
  backend: Backend = defaultBackend(device),
): DecodeClass {
  switch (backend) {
    case 'CUDA':
      return device.segment === 'datacenter' ? 'cuda-datacenter' : 'cuda';
    case 'Metal': {
      const g = appleGeneration(device.chip ?? device.name) ?? 4;
      return `metal-m${g}`;
    }
    case 'ROCm':
      return 'rocm';
    case 'Vulkan':
    case 'SYCL':
      return 'vulkan';
    case 'CPU':
      return 'cpu';
  }
}

const LEGACY = new Set(['Q4_0', 'Q4_1', 'Q5_0', 'Q5_1']);

/**
 * The kind of the weights, from the bytes per ggml type (GGUF) or storage class (safetensors):
 * the type holding the most bytes decides. Safetensors 16-bit counts as 16-bit, FP8 and INT8 as
 * q8, INT4 and FP4 formats as k-quant (4-bit with per-group scales).
 */
export function weightKindOf(byType: Record<string, number>): WeightKind {
  let top = '';
  let most = -1;
  for (const [t, b] of Object.entries(byType)) {
    if (b > most) {
      most = b;
      top = t;
    }
  }
  const t = top.toUpperCase();
  if (t === 'F16' || t === 'BF16' || t === 'F32' || t === '16-BIT') return '16-bit';
  if (t === 'Q8_0' || t === 'FP8' || t === 'INT8' || t === '8-BIT') return 'q8';
  if (LEGACY.has(t)) return 'legacy';
  if (t === 'MXFP4') return 'mxfp4';
  return 'k-quant';
}

/**
 * Attention arithmetic for one generated token with `contextTokens` in the cache, FLOP: per
 * attention layer 2 x heads x (key width + value width) x attended tokens (scores, then the
 * weighted sum of values). Sliding layers attend to at most their window; MLA layers, as
 * llama.cpp runs them, score against the latent row (kv_lora_rank + rope dims) and sum over the
 * kv_lora_rank part; recurrent layers do no attention.
 */
export function attentionFlopsPerToken(arch: ModelArch, contextTokens: number): number {
  const ctx = Math.max(0, contextTokens);
  const c = attentionSlopes(arch);
  return c.full * ctx + c.sliding * Math.min(ctx, arch.slidingWindow ?? ctx);
}

const slopesCache = new WeakMap<ModelArch, { full: number; sliding: number }>();

/** FLOP per attended token, summed over full/MLA layers and over sliding layers (cached per arch). */
function attentionSlopes(arch: ModelArch): { full: number; sliding: number } {
  const cached = slopesCache.get(arch);
  if (cached) return cached;
  let full = 0;
  let sliding = 0;
  for (const layer of expandLayers(arch.layerPattern)) {
    if (layer.mixer === 'full') {
      const g = arch.global ?? arch;
      full += 2 * arch.heads * (g.headDim + (arch.headDimV ?? g.headDim));
    } else if (layer.mixer === 'sliding') {
      const g = arch.sliding ?? arch;
      sliding += 2 * arch.heads * (g.headDim + (arch.headDimV ?? g.headDim));
    } else if (layer.mixer === 'mla' && arch.mla) {
      full += 2 * arch.heads * (2 * arch.mla.kvLoraRank + arch.mla.qkRopeHeadDim);
    }
  }
  const out = { full, sliding };
  slopesCache.set(arch, out);
  return out;
}

/** What one generated token costs, as the decode model sees it. */
export interface TokenWork {
  /** Bytes read per token: active weights on the device + the cache in use, bytes. */
  bytes: number;
  /** Attention arithmetic per token, FLOP ({@link attentionFlopsPerToken}). */
  attentionFlops: number;
  /** Decoder layers (each costs a fixed launch overhead). */
  layers: number;
  kind: WeightKind;
}

/**
 * Seconds to generate one token on a device of `bandwidthGbS` (GB/s, 10^9 B/s):
 * bytes / (efficiency x kind factor x bandwidth) + attention FLOP / (FLOP-per-byte x bandwidth)
 * + layers x per-layer overhead, with constants fitted on published llama-bench tg results
 * (catalog/measurements/llama-bench.json, fitted by scripts/fit-decode.mjs).
 */
export function decodeSecondsPerToken(
  work: TokenWork,
  bandwidthGbS: number,
  cls: DecodeClass,
  k: DecodeConstants,
): number {
  const c = k.classes[cls];
  const bw = bandwidthGbS * GB;
  return (
    work.bytes / (c.efficiency * k.kinds[work.kind] * bw) +
    work.attentionFlops / (c.attentionFlopPerByte * bw) +
    work.layers * c.overheadPerLayerS
  );
}

/** Fitted prefill constants: achieved fraction of the device's FP16 peak, per class and weight kind. */
export interface PrefillConstants {
  classes: Record<DecodeClass, number>;
  /** Efficiency multiplier per weight kind (k-quant = 1). */
  kinds: Record<WeightKind, number>;
  /** 5th and 95th percentile of measured / fitted speed over the fitting data. */
  range: { low: number; high: number };
}

/**
 * Prompt-processing speed, tokens/s: efficiency x kind factor x FP16 peak (TFLOPS x 10^12) /
 * FLOP per token (2 per active parameter plus attention), constants fitted on published
 * llama-bench pp512 results (scripts/fit-decode.mjs).
 */
export function prefillTokensPerSecond(
  flopsPerToken: number,
  fp16Tflops: number,
  cls: DecodeClass,
  kind: WeightKind,
  k: PrefillConstants,
): number {
  return (k.classes[cls] * k.kinds[kind] * fp16Tflops * 1e12) / flopsPerToken;
}
