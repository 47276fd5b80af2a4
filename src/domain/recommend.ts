import { cachedWeights } from './estimate-cache';
import { NEVER_LISTED } from './quant-list';
import type { ModelSpec, QuantSpec } from './types';
import type { WeightsEstimate } from './weights';

/**
 * llama.cpp's legacy file types. K- and I-quants of similar size lose less (llama.cpp
 * tools/quantize/quantize.cpp QUANT_OPTIONS, Llama-3-8B: Q4_0 4.64 bpw +0.4685 ppl vs Q4_K_M 4.89 bpw
 * +0.1754; Q5_1 6.04 bpw +0.1062 vs Q5_K_M 5.70 bpw +0.0569; catalog/quantizations.json), so they
 * are never recommended: a K/I-quant of similar size always exists.
 */
export const LEGACY_QUANTS: ReadonlySet<string> = new Set(['Q4_0', 'Q4_1', 'Q5_0', 'Q5_1']);

/**
 * 1- and 2-bit file types (about 2-3.2 bits per weight on real models). They cost so much quality
 * (quantize.cpp, Llama-3-8B: Q2_K +3.5199 ppl, twenty times Q4_K_M's +0.1754) that they are
 * proposed only for very large models, which lose less to them, or when the user asks ("show
 * extreme quantizations").
 */
export const EXTREME_QUANTS: ReadonlySet<string> = new Set([
  'IQ1_S',
  'IQ1_M',
  'IQ2_XXS',
  'IQ2_XS',
  'IQ2_S',
  'IQ2_M',
  'Q2_K',
  'Q2_K_S',
]);

/** Models with at least this many parameters may be recommended a 1-2 bit type (our threshold). */
export const EXTREME_MIN_PARAMS = 100e9;

export interface CandidateOptions {
  /** Allow 1-2 bit types for models under {@link EXTREME_MIN_PARAMS}. */
  extreme: boolean;
}

/** A quantization with its weights for one model. */
export interface QuantWeights {
  quantId: string;
  weights: WeightsEstimate;
}

/** Total parameters of a model: the catalog figure, or counted from the architecture. */
export function modelParams(model: ModelSpec, w?: WeightsEstimate): number {
  return model.totalParams ?? w?.params ?? 0;
}

/**
 * Whether `quant` may be recommended for `model` to run locally (llama.cpp, GGUF): GGUF types
 * only, never F32 / TQ1_0 / TQ2_0 (quant-list.ts), never a legacy type ({@link LEGACY_QUANTS}),
 * MXFP4_MOE only for models that ship their experts in MXFP4 (gpt-oss: for others it is a
 * 4-bit type without the k-quants' finer scales, and nobody publishes such files), and 1-2 bit
 * types only for models of 100B parameters and more unless `extreme` is set.
 */
export function isRecommendable(
  model: ModelSpec,
  quant: QuantSpec,
  o: CandidateOptions,
  params: number,
): boolean {
  if (quant.format !== 'gguf' || NEVER_LISTED.has(quant.id) || LEGACY_QUANTS.has(quant.id))
    return false;
  if (quant.id === 'MXFP4_MOE' && model.arch.nativeExpertFormat !== 'MXFP4') return false;
  if (EXTREME_QUANTS.has(quant.id) && !o.extreme && params < EXTREME_MIN_PARAMS) return false;
  return true;
}

const orderCache = new WeakMap<ModelSpec, Map<string, QuantWeights[]>>();

/**
 * Quantizations that may be recommended for `model` ({@link isRecommendable}), most bits per
 * weight first (the engine's figure for this model: recipes keep some tensors at higher types, so
 * nominal order is not always real order). Equal bits keep catalog order. Cached per model.
 */
export function candidateQuants(
  model: ModelSpec,
  quants: readonly QuantSpec[],
  o: CandidateOptions,
): QuantWeights[] {
  let byKey = orderCache.get(model);
  if (!byKey) {
    byKey = new Map();
    orderCache.set(model, byKey);
  }
  const key = `${o.extreme ? 1 : 0}|${quants.length}|${quants[0]?.id ?? ''}`;
  let list = byKey.get(key);
  if (!list) {
    const params = modelParams(model);
    list = quants
      .filter((q) => isRecommendable(model, q, o, params || cachedWeights(model, q.id).params))
      .map((q) => ({ quantId: q.id, weights: cachedWeights(model, q.id) }))
      .sort((a, b) => b.weights.bitsPerWeight - a.weights.bitsPerWeight);
    byKey.set(key, list);
  }
  return list;
}
