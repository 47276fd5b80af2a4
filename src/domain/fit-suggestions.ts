import { maxContextForQuant } from './context-rows';
import { estimateFor, type RunSettings } from './estimate-cache';
import { fitOnDevice, type UsableOptions, type Verdict } from './fit';
import { KV_CACHE_TYPES, type KvCacheType } from './kv-cache';
import { MIN_OFFLOAD_TPS, planOffload, type OffloadPlan } from './offload';
import { candidateQuants } from './recommend';
import type { DeviceSpec, ModelSpec, QuantSpec } from './types';

export interface SuggestionInput {
  model: ModelSpec;
  /** Catalog quantizations (candidates for a smaller one). */
  quants: readonly QuantSpec[];
  quantId: string;
  run: RunSettings;
  device: DeviceSpec;
  count: number;
  usable?: UsableOptions;
  /** System RAM available for offload, bytes (0 on a unified-memory computer), and its bandwidth, GB/s. */
  ramBytes: number;
  ramBandwidthGbS: number;
  /** Allow 1-2 bit quantizations for models under 100B parameters (recommend.ts). */
  extreme?: boolean;
}

/** A change that makes the configuration fit, with what the engine says it gives. */
export type Suggestion =
  /** The quantization with the most bits that fits at the current context (runs great if one does). */
  | { kind: 'quant'; quant: QuantSpec; needBytesPerGpu: number; verdict: Exclude<Verdict, 'no'> }
  /** A quantized KV cache, with flash attention on (llama.cpp needs it to quantize V). */
  | {
      kind: 'kv';
      kvType: KvCacheType;
      needBytesPerGpu: number;
      verdict: Exclude<Verdict, 'no'>;
    }
  /** The longest context that fits at the current quantization (at least 512 tokens). */
  | { kind: 'context'; contextTokens: number }
  | { kind: 'flash-attention'; needBytesPerGpu: number; verdict: Exclude<Verdict, 'no'> }
  /** Units of the device that fit (a layer split over 2..8 cards or systems). */
  | { kind: 'cards'; needed: number }
  /** Offload to system RAM at a usable speed (at least MIN_OFFLOAD_TPS). */
  | { kind: 'offload'; plan: OffloadPlan };

function bytesPerElement(t: KvCacheType): number {
  return KV_CACHE_TYPES[t].bytesPerBlock / KV_CACHE_TYPES[t].blockSize;
}

/**
 * What would make a configuration that does not fit `count` x `device` fit, each computed by the
 * engine at the current settings, and only changes that do make it fit: the recommendable
 * quantization with the most bits that runs great, else the one with the most bits that is tight
 * (recommend.ts; same format family), a quantized KV cache (q8_0 and q4_0 with flash attention for
 * GGUF; vLLM's fp8 for safetensors), the longest context that fits, flash attention, more units of
 * the device (fitOnDevice's `needed`), and offload to system RAM at a usable speed
 * (planOffload, MIN_OFFLOAD_TPS). Returns [] when the configuration already fits.
 */
export function fitSuggestions(i: SuggestionInput): Suggestion[] {
  const { model, run, device, count, usable } = i;
  const current = estimateFor(model, i.quantId, run);
  const fit = fitOnDevice(current.demand, device, count, usable);
  if (fit.verdict !== 'no') return [];
  const fitOf = (quantId: string, r: RunSettings) =>
    fitOnDevice(estimateFor(model, quantId, r).demand, device, count, usable);
  const out: Suggestion[] = [];
  const format = i.quants.find((q) => q.id === i.quantId)?.format ?? 'gguf';

  if (format === 'gguf') {
    let tight: Suggestion | null = null;
    for (const c of candidateQuants(model, i.quants, { extreme: i.extreme ?? false })) {
      if (c.quantId === i.quantId) continue;
      const f = fitOf(c.quantId, run);
      const quant = i.quants.find((q) => q.id === c.quantId);
      if (!quant || f.verdict === 'no') continue;
      const s: Suggestion = {
        kind: 'quant',
        quant,
        needBytesPerGpu: f.needBytesPerGpu,
        verdict: f.verdict,
      };
      if (f.verdict === 'great') {
        out.push(s);
        tight = null;
        break;
      }
      tight ??= s;
    }
    if (tight) out.push(tight);
  }

  const kvCandidates: KvCacheType[] = format === 'safetensors' ? ['fp8'] : ['q8_0', 'q4_0'];
  for (const kvType of kvCandidates) {
    if (bytesPerElement(kvType) >= bytesPerElement(run.kvType)) continue;
    const f = fitOf(i.quantId, { ...run, kvType, flashAttention: true });
    if (f.verdict === 'no') continue;
    out.push({ kind: 'kv', kvType, needBytesPerGpu: f.needBytesPerGpu, verdict: f.verdict });
    break;
  }

  const contextTokens = maxContextForQuant(model, i.quantId, run, device, count, usable ?? {});
  if (contextTokens > 0 && contextTokens < run.contextTokens)
    out.push({ kind: 'context', contextTokens });

  if (!run.flashAttention) {
    const f = fitOf(i.quantId, { ...run, flashAttention: true });
    if (f.verdict !== 'no')
      out.push({
        kind: 'flash-attention',
        needBytesPerGpu: f.needBytesPerGpu,
        verdict: f.verdict,
      });
  }

  if (fit.needed > count) out.push({ kind: 'cards', needed: fit.needed });

  if (i.ramBytes > 0) {
    const plan = planOffload({
      estimate: current,
      arch: model.arch,
      device,
      count,
      ramBytes: i.ramBytes,
      ramBandwidthGbS: i.ramBandwidthGbS,
      usable,
    });
    if ((plan.mode === 'experts' || plan.mode === 'layers') && plan.tps >= MIN_OFFLOAD_TPS)
      out.push({ kind: 'offload', plan });
  }
  return out;
}
