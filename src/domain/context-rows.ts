import { cachedWeights, kvTypesFor, type RunSettings } from './estimate-cache';
import type { UsableOptions } from './fit';
import { maxContextThatFits } from './max-context';
import type { DeviceSpec, ModelSpec } from './types';

/**
 * Longest context per sequence (tokens, up to the model's maximum) at which `model` in `quantId`
 * still fits `count` x `device` with the run's KV type, flash attention and parallel sequences
 * (maxContextThatFits); 0 when not even 512 tokens fit.
 */
export function maxContextForQuant(
  model: ModelSpec,
  quantId: string,
  run: Omit<RunSettings, 'contextTokens'>,
  device: DeviceSpec,
  count: number,
  usable: UsableOptions,
): number {
  const { typeK, typeV } = kvTypesFor(run, model);
  return maxContextThatFits(
    {
      arch: model.arch,
      quantId,
      parallel: run.parallel,
      typeK,
      typeV,
      flashAttention: run.flashAttention,
      precomputedWeights: cachedWeights(model, quantId),
    },
    model.maxContextTokens,
    device,
    count,
    usable,
  );
}
