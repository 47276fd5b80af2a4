import { estimate, type Estimate } from '../../domain/estimate';
import { bytesPerGpu, usableBytesPerGpu, verdictFor, type UsableOptions } from '../../domain/fit';
import type { KvCacheType } from '../../domain/kv-cache';
import { maxContextThatFits } from '../../domain/max-context';
import { planOffload } from '../../domain/offload';
import { decodeSpeed } from '../../domain/speed';
import type { DeviceSpec, ModelSpec, QuantSpec } from '../../domain/types';
import { GiB } from '../../domain/units';
import type { WeightsEstimate } from '../../domain/weights';
import type { HwMoeFilter, HwSort } from '../../state/url-codec';
import { cachedWeights } from '../shared/calc';

/** How a model runs on the chosen hardware. */
export type HardwareVerdict = 'great' | 'tight' | 'offload' | 'no';

/**
 * GGUF quantizations the hardware view never proposes:
 * - F32: a 32-bit copy of weights trained in 16 bits is no better than BF16 and twice the size;
 * - TQ1_0 / TQ2_0: ternary formats meant for ternary-trained models (BitNet); llama.cpp's
 *   quantize help marks them as such, and on an ordinary model they destroy it.
 */
export const EXCLUDED_QUANTS: ReadonlySet<string> = new Set(['F32', 'TQ1_0', 'TQ2_0']);

/** The hardware and run settings every catalog model is evaluated against. */
export interface HardwareOptions {
  device: DeviceSpec;
  /** Units of the device (cards, or systems of device.gpuCount GPUs). */
  count: number;
  /** Unified memory: assume the raised GPU limit. */
  raisedLimit: boolean;
  /** System RAM available for offload, bytes. */
  ramBytes: number;
  /** System RAM bandwidth, GB/s. */
  ramBandwidthGbS: number;
  /** Context the user needs, tokens (capped at each model's maximum). */
  contextTokens: number;
  kvType: KvCacheType;
  flashAttention: boolean;
}

/** One catalog model on the chosen hardware. */
export interface HardwareRow {
  model: ModelSpec;
  /** Best GGUF quantization that runs (most bits per weight), null when none does. */
  quantId: string | null;
  verdict: HardwareVerdict;
  /** Bits per weight of that quantization (engine figure), 0 when none runs. */
  bitsPerWeight: number;
  /** GPU rows: longest context that fits; offload rows: the context evaluated; 0 when none runs. */
  maxContextTokens: number;
  /** Context evaluated: the target, or the model's maximum when that is shorter. */
  contextTokens: number;
  /** The model's maximum context is shorter than the target context. */
  contextCapped: boolean;
  /** Decode speed, tokens/s (central estimate and range); 0 when none runs. */
  tps: number;
  tpsLow: number;
  tpsHigh: number;
  /** Memory on all GPUs together, bytes. */
  gpuBytes: number;
  /** Memory in system RAM (offloaded weights and KV, token embedding), bytes. */
  ramBytes: number;
  /** gpuBytes + ramBytes. */
  totalBytes: number;
  /** Offload rows: layers kept on the GPU(s) out of all layers (equal when only experts move). */
  gpuLayers: number;
  layers: number;
  /** Total parameters (catalog figure, else counted from the architecture). */
  params: number;
  /** The model has routed experts. */
  moe: boolean;
}

/** A quantization with its precomputed weights for one model. */
export interface QuantWeights {
  quantId: string;
  weights: WeightsEstimate;
}

/**
 * Whether the hardware view considers `quant` for `model`: GGUF only (llama.cpp-style local use),
 * minus {@link EXCLUDED_QUANTS}, and MXFP4_MOE only for models with routed experts (it changes only
 * expert tensors; on a dense model it is a Q8_0 file under another name).
 */
export function isCandidateQuant(model: ModelSpec, quant: QuantSpec): boolean {
  if (quant.format !== 'gguf' || EXCLUDED_QUANTS.has(quant.id)) return false;
  return quant.id !== 'MXFP4_MOE' || Boolean(model.arch.moe);
}

const orderCache = new WeakMap<ModelSpec, WeakMap<readonly QuantSpec[], QuantWeights[]>>();

/**
 * Candidate quantizations of `quants` ({@link isCandidateQuant}) for `model`, most bits per weight
 * first, by the engine's bits per weight for this model: recipes keep embeddings, output and
 * attention at higher types, so a nominally smaller type can hold more bits on some models
 * (Q3_K_L above IQ4_NL on Gemma 3 1B). Equal bits keep catalog order. Cached per model and list.
 */
/** Whether {@link quantsByBits} has already been computed for this model and quantization list. */
export function isOrdered(model: ModelSpec, quants: readonly QuantSpec[]): boolean {
  return orderCache.get(model)?.has(quants) ?? false;
}

export function quantsByBits(model: ModelSpec, quants: readonly QuantSpec[]): QuantWeights[] {
  let byList = orderCache.get(model);
  if (!byList) {
    byList = new WeakMap();
    orderCache.set(model, byList);
  }
  let list = byList.get(quants);
  if (!list) {
    list = quants
      .filter((q) => isCandidateQuant(model, q))
      .map((q) => ({ quantId: q.id, weights: cachedWeights(model, q.id) }))
      .sort((a, b) => b.weights.bitsPerWeight - a.weights.bitsPerWeight);
    byList.set(quants, list);
  }
  return list;
}

/**
 * `e` with its weights swapped for `w`, composed as estimate() composes them (estimate.ts):
 * context memory, compute buffer and reserve do not depend on the quantization, so one estimate
 * per model at the target context serves every quantization.
 */
export function withWeights(e: Estimate, w: WeightsEstimate): Estimate {
  return {
    ...e,
    weights: w,
    totalBytes: w.deviceBytes + e.kv.totalBytes + e.computeBytes + e.reserveBytes,
    demand: {
      splitBytes: w.deviceBytes + e.kv.totalBytes,
      perDeviceBytes: e.demand.perDeviceBytes,
    },
  };
}

/**
 * Evaluates one model on the hardware in `o`, llama.cpp-style (candidate GGUF quantizations only,
 * {@link isCandidateQuant}):
 * 1. at the target context (capped at the model's maximum), the quantization with the most bits
 *    per weight whose verdict on the GPU(s) is "great" or "tight" (fit.ts thresholds), searched
 *    from the most bits down and stopping at the first that fits; for it, the longest context that
 *    still fits (maxContextThatFits up to the model's maximum) and the decode speed (speed.ts);
 * 2. otherwise the quantization with the most bits that runs with part of the model in system RAM
 *    (offload.ts: routed experts or whole layers), at the target context, with its offload speed;
 * 3. otherwise "no".
 */
export function evaluateModel(
  model: ModelSpec,
  quants: readonly QuantSpec[],
  o: HardwareOptions,
): HardwareRow {
  const ordered = quantsByBits(model, quants);
  const first = ordered[0];
  const contextTokens = Math.min(o.contextTokens, model.maxContextTokens);
  const none: HardwareRow = {
    model,
    quantId: null,
    verdict: 'no',
    bitsPerWeight: 0,
    maxContextTokens: 0,
    contextTokens,
    contextCapped: contextTokens < o.contextTokens,
    tps: 0,
    tpsLow: 0,
    tpsHigh: 0,
    gpuBytes: 0,
    ramBytes: 0,
    totalBytes: 0,
    gpuLayers: 0,
    layers: model.arch.layers,
    params: model.totalParams ?? first?.weights.params ?? 0,
    moe: Boolean(model.arch.moe),
  };
  if (!first) return none;
  const usableOpts: UsableOptions = { raisedUnifiedLimit: o.raisedLimit };
  const usable = usableBytesPerGpu(o.device, usableOpts);
  const gpus = Math.max(1, Math.floor(o.count)) * Math.max(1, o.device.gpuCount);
  const run = {
    arch: model.arch,
    parallel: 1,
    typeK: o.kvType,
    typeV: o.kvType,
    flashAttention: o.flashAttention,
  };
  const e0 = estimate({
    ...run,
    quantId: first.quantId,
    contextTokens,
    precomputedWeights: first.weights,
  });
  for (const q of ordered) {
    const e = withWeights(e0, q.weights);
    const verdict = verdictFor(bytesPerGpu(e.demand, gpus), usable);
    if (verdict === 'no') continue;
    const maxContextTokens = maxContextThatFits(
      { ...run, quantId: q.quantId, precomputedWeights: q.weights },
      model.maxContextTokens,
      o.device,
      o.count,
      usableOpts,
    );
    const speed = decodeSpeed(e, o.device);
    const gpuBytes = e.demand.splitBytes + e.demand.perDeviceBytes * gpus;
    return {
      ...none,
      quantId: q.quantId,
      verdict,
      bitsPerWeight: q.weights.bitsPerWeight,
      maxContextTokens: Math.max(maxContextTokens, contextTokens),
      tps: speed.tps,
      tpsLow: speed.low,
      tpsHigh: speed.high,
      gpuBytes,
      ramBytes: e.weights.hostBytes,
      totalBytes: gpuBytes + e.weights.hostBytes,
      gpuLayers: model.arch.layers,
    };
  }
  for (const q of ordered) {
    const plan = planOffload({
      estimate: withWeights(e0, q.weights),
      arch: model.arch,
      device: o.device,
      count: o.count,
      ramBytes: o.ramBytes,
      ramBandwidthGbS: o.ramBandwidthGbS,
      usable: usableOpts,
    });
    if (plan.mode !== 'experts' && plan.mode !== 'layers') continue;
    const gpuBytes = plan.gpuBytesPerGpu * gpus;
    return {
      ...none,
      quantId: q.quantId,
      verdict: 'offload',
      bitsPerWeight: q.weights.bitsPerWeight,
      maxContextTokens: contextTokens,
      tps: plan.tps,
      tpsLow: plan.tpsLow,
      tpsHigh: plan.tpsHigh,
      gpuBytes,
      ramBytes: plan.ramBytes,
      totalBytes: gpuBytes + plan.ramBytes,
      gpuLayers: plan.gpuLayers,
    };
  }
  return none;
}

/** Evaluates every catalog model on the hardware in `o` (see {@link evaluateModel}), in catalog order. */
export function evaluateCatalog(
  models: readonly ModelSpec[],
  quants: readonly QuantSpec[],
  o: HardwareOptions,
): HardwareRow[] {
  return models.map((m) => evaluateModel(m, quants, o));
}

/** Filters chosen in the hardware view. */
export interface HardwareFilters {
  family: string | null;
  moe: HwMoeFilter;
  license: string | null;
  /** Largest total parameter count, billions (1e9); null = no limit. */
  maxParamsB: number | null;
  /** Keep models that do not run at all. */
  showNo: boolean;
}

/** Rows that pass the filters, in their input order. */
export function filterRows(rows: readonly HardwareRow[], f: HardwareFilters): HardwareRow[] {
  return rows.filter(
    (r) =>
      (f.showNo || r.verdict !== 'no') &&
      (f.family === null || r.model.family === f.family) &&
      (f.moe === 'all' || (f.moe === 'moe') === r.moe) &&
      (f.license === null || r.model.license === f.license) &&
      (f.maxParamsB === null || r.params <= f.maxParamsB * 1e9),
  );
}

const VERDICT_RANK: Record<HardwareVerdict, number> = { great: 0, tight: 0, offload: 0, no: 1 };

const byName = (a: HardwareRow, b: HardwareRow) => a.model.name.localeCompare(b.model.name, 'en');

const SORTERS: Record<HwSort, (a: HardwareRow, b: HardwareRow) => number> = {
  quality: (a, b) => b.bitsPerWeight - a.bitsPerWeight,
  speed: (a, b) => b.tps - a.tps,
  context: (a, b) => b.maxContextTokens - a.maxContextTokens,
  size: (a, b) => b.params - a.params,
  name: () => 0,
  release: (a, b) => (b.model.releaseDate ?? '').localeCompare(a.model.releaseDate ?? ''),
};

/**
 * Rows sorted by `sort`, models that do not run always last, ties by name (A-Z):
 * quality = bits per weight of the best quantization (most first), speed = decode tokens/s
 * (fastest first), context = longest context (longest first), size = total parameters (largest
 * first), name = A-Z, release = release date (newest first, unknown last).
 */
export function sortRows(rows: readonly HardwareRow[], sort: HwSort): HardwareRow[] {
  const cmp = SORTERS[sort];
  return [...rows].sort(
    (a, b) => VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] || cmp(a, b) || byName(a, b),
  );
}

/** Counts for the summary line. */
export interface HardwareSummary {
  gpu: number;
  offload: number;
  no: number;
}

/** How many rows run fully on the GPU(s), with offload, or not at all. */
export function summarize(rows: readonly HardwareRow[]): HardwareSummary {
  const s: HardwareSummary = { gpu: 0, offload: 0, no: 0 };
  for (const r of rows) {
    if (r.verdict === 'great' || r.verdict === 'tight') s.gpu++;
    else if (r.verdict === 'offload') s.offload++;
    else s.no++;
  }
  return s;
}

/**
 * System RAM in bytes from the "GB" figure the user typed. RAM is sold in binary sizes labelled
 * GB (a "32 GB" kit holds 32 GiB), as GPU memory is (fit.ts), so GB x 2^30.
 */
export function ramGbToBytes(gb: number): number {
  return Number.isFinite(gb) ? Math.max(0, gb) * GiB : 0;
}
