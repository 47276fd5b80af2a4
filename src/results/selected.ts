import type { Catalog } from '../catalog/catalog';
import type { Estimate } from '../domain/estimate';
import { estimateFor, kvTypesFor, type RunSettings } from '../domain/estimate-cache';
import {
  fitOnDevice,
  maxUnits,
  type AnswerVerdict,
  type FitResult,
  type UsableOptions,
} from '../domain/fit';
import { MIN_OFFLOAD_TPS, planOffload, type OffloadPlan } from '../domain/offload';
import { decodeSpeed, prefillSpeed, type SpeedEstimate } from '../domain/speed';
import type { KvCacheType } from '../domain/kv-cache';
import { binaryGbToBytes } from '../domain/units';
import { resolveSelection, type Resolved } from '../state/resolve';
import type { Selection, UrlNotice } from '../state/selection';

/** Hardware settings as the engine takes them. */
export interface HardwareSettings {
  /** Units of the device in use (capped: a unified-memory computer is one). */
  count: number;
  usable: UsableOptions;
  /** System RAM for offload, bytes (0 on unified memory: one pool). */
  ramBytes: number;
  ramBandwidthGbS: number;
}

/** The selected configuration and everything computed for it. */
export interface Selected {
  resolved: Resolved;
  notices: UrlNotice[];
  run: RunSettings;
  /** Cache types as llama.cpp runs them (a quantized V needs flash attention). */
  kv: { typeK: KvCacheType; typeV: KvCacheType; vKeptF16: boolean };
  hardware: HardwareSettings;
  estimate: Estimate;
  /** Fit on the selected device and count; null without a device. */
  fit: FitResult | null;
  /** Offload plan when the device cannot hold everything (discrete GPUs only); null otherwise. */
  offload: OffloadPlan | null;
  /** Decode speed where it runs (on the GPU(s), or with offload); null without a device or when it cannot run. */
  /** Decode speed: the engine's full estimate on the GPU, or the offload plan's figures. */
  speed: (Pick<SpeedEstimate, 'tps' | 'low' | 'high'> & Partial<SpeedEstimate>) | null;
  /** Prompt processing speed, tokens/s, when the device has an FP16 figure and it runs on the GPU(s). */
  prefillTps: number | null;
  verdict: AnswerVerdict;
}

const cache = new WeakMap<Catalog, WeakMap<Selection, Selected | null>>();

/**
 * Resolves a selection against the catalog and computes its figures: the estimate
 * (estimate-cache.ts), the fit on the chosen device (fit.ts), the offload plan when it does not
 * fit a discrete GPU (offload.ts), decode and prefill speed (speed.ts) and the answer's verdict.
 * Cached per catalog and selection object, so the same selection is computed once. Null when the
 * catalog has no usable model.
 */
export function selectedFigures(catalog: Catalog, s: Selection): Selected | null {
  let byCatalog = cache.get(catalog);
  if (!byCatalog) {
    byCatalog = new WeakMap();
    cache.set(catalog, byCatalog);
  }
  const hit = byCatalog.get(s);
  if (hit !== undefined) return hit;
  const result = compute(catalog, s);
  byCatalog.set(s, result);
  return result;
}

function compute(catalog: Catalog, s: Selection): Selected | null {
  const r = resolveSelection(s, catalog);
  if (!r) return null;
  const { resolved, notices } = r;
  const { model, quant, device } = resolved;
  const run: RunSettings = {
    contextTokens: resolved.contextTokens,
    parallel: s.parallel,
    kvType: s.kvType,
    flashAttention: s.flashAttention,
  };
  const unified = device ? maxUnits(device) === 1 : false;
  const hardware: HardwareSettings = {
    count: device ? Math.min(Math.max(1, s.count), maxUnits(device)) : 1,
    usable: { raisedUnifiedLimit: s.raisedLimit },
    ramBytes: unified ? 0 : binaryGbToBytes(s.ramGb),
    ramBandwidthGbS: s.ramBandwidthGbS,
  };
  const estimate = estimateFor(model, quant.id, run);
  const base = { resolved, notices, run, kv: kvTypesFor(run, model), hardware, estimate };
  if (!device) {
    return { ...base, fit: null, offload: null, speed: null, prefillTps: null, verdict: 'none' };
  }
  const fit = fitOnDevice(estimate.demand, device, hardware.count, hardware.usable);
  if (fit.verdict !== 'no') {
    const speed = decodeSpeed(estimate, device);
    return {
      ...base,
      fit,
      offload: null,
      speed,
      prefillTps: prefillSpeed(estimate, device),
      verdict: fit.verdict,
    };
  }
  const plan = unified
    ? null
    : planOffload({
        estimate,
        arch: model.arch,
        device,
        count: hardware.count,
        ramBytes: hardware.ramBytes,
        ramBandwidthGbS: hardware.ramBandwidthGbS,
        usable: hardware.usable,
      });
  const usableOffload =
    plan && (plan.mode === 'experts' || plan.mode === 'layers') && plan.tps >= MIN_OFFLOAD_TPS;
  return {
    ...base,
    fit,
    offload: plan,
    speed: usableOffload ? { tps: plan.tps, low: plan.tpsLow, high: plan.tpsHigh } : null,
    prefillTps: null,
    verdict: usableOffload ? 'offload' : 'no',
  };
}
