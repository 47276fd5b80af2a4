import { fitEstimate } from '../../domain/estimate';
import type { UsableOptions, Verdict } from '../../domain/fit';
import { KV_CACHE_TYPES, type KvCacheType } from '../../domain/kv-cache';
import { maxContextThatFits } from '../../domain/max-context';
import { planOffload, type OffloadPlan } from '../../domain/offload';
import type { DeviceSpec, ModelSpec, QuantSpec } from '../../domain/types';
import { cachedWeights, estimateFor, type RunSettings } from '../shared/calc';

export interface SuggestionInput {
  model: ModelSpec;
  /** Catalog quantizations (candidates for a smaller one). */
  quants: readonly QuantSpec[];
  quantId: string;
  run: RunSettings;
  device: DeviceSpec;
  count: number;
  usable?: UsableOptions;
  /** System RAM available for offload, bytes, and its bandwidth, GB/s. */
  ramBytes: number;
  ramBandwidthGbS: number;
}

/** A change that would make the configuration fit, with what the engine says it gives. */
export type Suggestion =
  /** The largest-bits smaller quantization that fits at the current context; `verdict` 'no' when none does (then the smallest). */
  | { kind: 'quant'; quant: QuantSpec; needBytesPerGpu: number; verdict: Verdict }
  /** A quantized KV cache (with flash attention on, which llama.cpp needs for a quantized V cache). */
  | { kind: 'kv'; kvType: KvCacheType; needBytesPerGpu: number; verdict: Verdict }
  /** The longest context that fits at the current quantization; 0 when not even 512 tokens do. */
  | { kind: 'context'; contextTokens: number }
  | { kind: 'flash-attention'; needBytesPerGpu: number; verdict: Verdict }
  /** Units of the device needed; 0 when more than the supported maximum (8). */
  | { kind: 'cards'; needed: number }
  /** planOffload with the user's RAM (mode 'none' when even that is not enough). */
  | { kind: 'offload'; plan: OffloadPlan };

function bytesPerElement(t: KvCacheType): number {
  return KV_CACHE_TYPES[t].bytesPerBlock / KV_CACHE_TYPES[t].blockSize;
}

/**
 * What would make a configuration that does not fit `count` x `device` fit, each computed by the
 * engine at the current settings: a smaller quantization of the same format (the most bits that
 * fit, by estimated bits per weight), a quantized KV cache (q8_0 and q4_0 with flash attention for
 * GGUF; vLLM's fp8 for safetensors), a shorter context (maxContextThatFits), flash attention,
 * more units (fitOnDevice's `needed`, up to MAX_DEVICE_COUNT) and offload to system RAM
 * (planOffload). Returns [] when the configuration already fits.
 */
export function fitSuggestions(i: SuggestionInput): Suggestion[] {
  const { model, run, device, count, usable } = i;
  const current = estimateFor(model, i.quantId, run);
  const fit = fitEstimate(current, device, count, usable);
  if (fit.verdict !== 'no') return [];
  const fitOf = (quantId: string, r: RunSettings) =>
    fitEstimate(estimateFor(model, quantId, r), device, count, usable);
  const out: Suggestion[] = [];

  const quant = smallerQuant(i, current.weights.bitsPerWeight, fitOf);
  if (quant) out.push(quant);

  const safetensors = i.quants.find((q) => q.id === i.quantId)?.format === 'safetensors';
  const kvCandidates: KvCacheType[] = safetensors ? ['fp8'] : ['q8_0', 'q4_0'];
  for (const kvType of kvCandidates) {
    if (bytesPerElement(kvType) >= bytesPerElement(run.kvType)) continue;
    const f = fitOf(i.quantId, { ...run, kvType, flashAttention: true });
    out.push({ kind: 'kv', kvType, needBytesPerGpu: f.needBytesPerGpu, verdict: f.verdict });
  }

  out.push({
    kind: 'context',
    contextTokens: maxContextThatFits(
      {
        arch: model.arch,
        quantId: i.quantId,
        parallel: run.parallel,
        typeK: run.kvType,
        typeV: run.kvType,
        flashAttention: run.flashAttention,
        precomputedWeights: cachedWeights(model, i.quantId),
      },
      run.contextTokens,
      device,
      count,
      usable,
    ),
  });

  if (!run.flashAttention) {
    const f = fitOf(i.quantId, { ...run, flashAttention: true });
    out.push({ kind: 'flash-attention', needBytesPerGpu: f.needBytesPerGpu, verdict: f.verdict });
  }

  if (fit.needed === 0 || fit.needed > count) out.push({ kind: 'cards', needed: fit.needed });

  out.push({
    kind: 'offload',
    plan: planOffload({
      estimate: current,
      arch: model.arch,
      device,
      count,
      ramBytes: i.ramBytes,
      ramBandwidthGbS: i.ramBandwidthGbS,
      usable,
    }),
  });
  return out;
}

function smallerQuant(
  i: SuggestionInput,
  currentBits: number,
  fitOf: (quantId: string, r: RunSettings) => { needBytesPerGpu: number; verdict: Verdict },
): Suggestion | null {
  const format = i.quants.find((q) => q.id === i.quantId)?.format ?? 'gguf';
  const candidates = i.quants
    .filter((q) => q.format === format && q.id !== i.quantId)
    .map((q) => ({ quant: q, bits: cachedWeights(i.model, q.id).bitsPerWeight }))
    .filter((c) => c.bits < currentBits)
    .sort((a, b) => b.bits - a.bits);
  let smallest: Suggestion | null = null;
  for (const c of candidates) {
    const f = fitOf(c.quant.id, i.run);
    const s: Suggestion = {
      kind: 'quant',
      quant: c.quant,
      needBytesPerGpu: f.needBytesPerGpu,
      verdict: f.verdict,
    };
    if (f.verdict !== 'no') return s;
    smallest = s;
  }
  return smallest;
}
