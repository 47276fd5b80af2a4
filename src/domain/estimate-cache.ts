import { FILE_QUANT_ID, fileOf } from '../../domain/arch-codec';
import { estimate, type Estimate } from '../../domain/estimate';
import type { KvCacheType } from '../../domain/kv-cache';
import type { ModelSpec } from '../../domain/types';
import { estimateWeights, type WeightsEstimate } from '../../domain/weights';

/** Weights do not depend on context: compute once per model and quantization. */
const weightsCache = new WeakMap<ModelSpec, Map<string, WeightsEstimate>>();

/**
 * Weights of `model` in `quantId`: llama.cpp's recipe or the safetensors layout, or, for a
 * custom model read from a GGUF and quantId GGUF-FILE, the exact sizes from its tensor table.
 */
export function cachedWeights(model: ModelSpec, quantId: string): WeightsEstimate {
  if (quantId === FILE_QUANT_ID) {
    const file = fileOf(model);
    if (!file) throw new Error(`${model.name} was not read from a GGUF file`);
    return file.weights;
  }
  let byQuant = weightsCache.get(model);
  if (!byQuant) {
    byQuant = new Map();
    weightsCache.set(model, byQuant);
  }
  let w = byQuant.get(quantId);
  if (!w) {
    w = estimateWeights(model.arch, quantId);
    byQuant.set(quantId, w);
  }
  return w;
}

export interface RunSettings {
  contextTokens: number;
  parallel: number;
  kvType: KvCacheType;
  flashAttention: boolean;
}

/** Full estimate for a model, quantization and run settings, reusing cached weights. */
export function estimateFor(model: ModelSpec, quantId: string, run: RunSettings): Estimate {
  return estimate({
    arch: model.arch,
    quantId,
    contextTokens: run.contextTokens,
    parallel: run.parallel,
    typeK: run.kvType,
    typeV: run.kvType,
    flashAttention: run.flashAttention,
    precomputedWeights: cachedWeights(model, quantId),
  });
}
