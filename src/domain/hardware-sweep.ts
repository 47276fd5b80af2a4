import { estimate, type Estimate } from './estimate';
import { kvTypesFor } from './estimate-cache';
import {
  bytesPerGpu,
  perDeviceBytes,
  gpusInUse,
  isUnified,
  usableBytesPerGpu,
  verdictFor,
  type UsableOptions,
} from './fit';
import type { KvCacheType } from './kv-cache';
import { maxContextThatFits } from './max-context';
import { MIN_OFFLOAD_TPS, planOffload } from './offload';
import { candidateQuants, modelParams, type QuantWeights } from './recommend';
import { decodeSpeed } from './speed';
import type { DeviceSpec, ModelSpec, QuantSpec } from './types';
import type { WeightsEstimate } from './weights';

/** How a model runs on the chosen hardware (one vocabulary with the calculator's answer). */
export type HardwareVerdict = 'great' | 'tight' | 'offload' | 'no';

/** The hardware and run settings every catalog model is evaluated against. */
export interface HardwareOptions {
  device: DeviceSpec;
  /** Units of the device (cards, or systems of device.gpuCount GPUs; a unified computer is one). */
  count: number;
  /** Unified memory: assume the raised GPU limit. */
  raisedLimit: boolean;
  /** System RAM available for offload, bytes (ignored on unified memory: one pool). */
  ramBytes: number;
  /** System RAM bandwidth, GB/s. */
  ramBandwidthGbS: number;
  /** Context the user needs, tokens (capped at each model's maximum). */
  contextTokens: number;
  kvType: KvCacheType;
  flashAttention: boolean;
  /** Allow 1-2 bit quantizations for models under 100B parameters (recommend.ts). */
  extreme: boolean;
}

/** A way to run a model: which quantization, where its bytes go, how fast. */
export interface RunOption {
  quantId: string;
  verdict: HardwareVerdict;
  bitsPerWeight: number;
  /** Decode speed, tokens/s (central estimate and range). */
  tps: number;
  tpsLow: number;
  tpsHigh: number;
  /** Memory on all GPUs together, bytes. */
  gpuBytes: number;
  /** Memory offloaded to system RAM (weights and KV moved off the GPU, token embedding), bytes; 0 when nothing is offloaded. */
  ramBytes: number;
  /** Offload: layers kept on the GPU(s) out of all layers (equal when only experts move). */
  gpuLayers: number;
}

/** One catalog model on the chosen hardware. */
export interface HardwareRow {
  model: ModelSpec;
  /** The recommendation: the best way that runs great, else tight, else offload; null when none runs. */
  best: RunOption | null;
  /** Alternatives with more bits than the recommendation: tight on the GPU(s), or with offload. */
  alternatives: RunOption[];
  verdict: HardwareVerdict;
  /** Longest context that fits at the recommended quantization (GPU rows), else the context evaluated; 0 when none runs. */
  maxContextTokens: number;
  /** Context evaluated: the target, or the model's maximum when that is shorter. */
  contextTokens: number;
  /** The model's maximum context is shorter than the target context. */
  contextCapped: boolean;
  layers: number;
  /** Total parameters (catalog figure, else counted from the architecture). */
  params: number;
  /** The model has routed experts. */
  moe: boolean;
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
      splitExtraBytes: e.demand.splitExtraBytes,
    },
  };
}

/**
 * Evaluates one model on the hardware in `o`, llama.cpp-style, over the quantizations that may be
 * recommended (recommend.ts: GGUF K/I-quants, no legacy types, 1-2 bit only for 100B+ models
 * unless asked), most bits first, at the target context (capped at the model's maximum):
 * 1. the recommendation is the quantization with the most bits that runs great (at most 90% of
 *    usable memory, fit.ts); failing that the one with the most bits that is tight; failing that
 *    the one with the most bits that runs with offload to system RAM (discrete GPUs only: a
 *    unified-memory computer has one pool) at MIN_OFFLOAD_TPS or faster (offload.ts);
 * 2. the alternatives are the tight and offload options with more bits than the recommendation;
 * 3. the longest context at the recommended quantization (maxContextThatFits) and its decode speed
 *    (speed.ts).
 */
export function evaluateModel(
  model: ModelSpec,
  quants: readonly QuantSpec[],
  o: HardwareOptions,
): HardwareRow {
  const ordered = candidateQuants(model, quants, { extreme: o.extreme });
  const first = ordered[0];
  const contextTokens = Math.min(o.contextTokens, model.maxContextTokens);
  const row: HardwareRow = {
    model,
    best: null,
    alternatives: [],
    verdict: 'no',
    maxContextTokens: 0,
    contextTokens,
    contextCapped: contextTokens < o.contextTokens,
    layers: model.arch.layers,
    params: modelParams(model, first?.weights),
    moe: Boolean(model.arch.moe),
  };
  if (!first) return row;
  const usableOpts: UsableOptions = { raisedUnifiedLimit: o.raisedLimit };
  const usable = usableBytesPerGpu(o.device, usableOpts);
  const gpus = gpusInUse(o.device, o.count);
  const { typeK, typeV } = kvTypesFor(o, model);
  const run = {
    arch: model.arch,
    parallel: 1,
    typeK,
    typeV,
    flashAttention: o.flashAttention,
  };
  const e0 = estimate({
    ...run,
    quantId: first.quantId,
    contextTokens,
    precomputedWeights: first.weights,
  });

  const onGpu = (q: QuantWeights, verdict: 'great' | 'tight'): RunOption => {
    const e = withWeights(e0, q.weights);
    const speed = decodeSpeed(e, o.device);
    return {
      quantId: q.quantId,
      verdict,
      bitsPerWeight: q.weights.bitsPerWeight,
      tps: speed.tps,
      tpsLow: speed.low,
      tpsHigh: speed.high,
      gpuBytes: e.demand.splitBytes + perDeviceBytes(e.demand, gpus) * gpus,
      ramBytes: 0,
      gpuLayers: model.arch.layers,
    };
  };

  let great: RunOption | null = null;
  let tight: RunOption | null = null;
  for (const q of ordered) {
    const verdict = verdictFor(bytesPerGpu(withWeights(e0, q.weights).demand, gpus), usable);
    if (verdict === 'great') {
      great = onGpu(q, 'great');
      break;
    }
    if (verdict === 'tight') tight ??= onGpu(q, 'tight');
  }

  let offload: RunOption | null = null;
  if (!isUnified(o.device)) {
    for (const q of ordered) {
      if (great && q.weights.bitsPerWeight <= great.bitsPerWeight) break;
      if (tight && q.weights.bitsPerWeight <= tight.bitsPerWeight) break;
      const plan = planOffload({
        estimate: withWeights(e0, q.weights),
        arch: model.arch,
        device: o.device,
        count: o.count,
        ramBytes: o.ramBytes,
        ramBandwidthGbS: o.ramBandwidthGbS,
        usable: usableOpts,
      });
      if ((plan.mode !== 'experts' && plan.mode !== 'layers') || plan.tps < MIN_OFFLOAD_TPS)
        continue;
      offload = {
        quantId: q.quantId,
        verdict: 'offload',
        bitsPerWeight: q.weights.bitsPerWeight,
        tps: plan.tps,
        tpsLow: plan.tpsLow,
        tpsHigh: plan.tpsHigh,
        gpuBytes: plan.gpuBytesPerGpu * gpus,
        ramBytes: plan.ramBytes,
        gpuLayers: plan.gpuLayers,
      };
      break;
    }
  }

  const best = great ?? tight ?? offload;
  if (!best) return row;
  const alternatives = [tight, offload].filter(
    (x): x is RunOption => x !== null && x !== best && x.bitsPerWeight > best.bitsPerWeight,
  );
  const maxContextTokens =
    best.verdict === 'offload'
      ? contextTokens
      : Math.max(
          contextTokens,
          maxContextThatFits(
            {
              ...run,
              quantId: best.quantId,
              precomputedWeights: ordered.find((q) => q.quantId === best.quantId)?.weights,
            },
            model.maxContextTokens,
            o.device,
            o.count,
            usableOpts,
          ),
        );
  return { ...row, best, alternatives, verdict: best.verdict, maxContextTokens };
}

/** Evaluates every catalog model on the hardware in `o` (see {@link evaluateModel}), in catalog order. */
export function evaluateCatalog(
  models: readonly ModelSpec[],
  quants: readonly QuantSpec[],
  o: HardwareOptions,
): HardwareRow[] {
  return models.map((m) => evaluateModel(m, quants, o));
}
