import type { UsableOptions } from '../../domain/fit';
import type { KvCacheType } from '../../domain/kv-cache';
import { maxContextThatFits } from '../../domain/max-context';
import type { DeviceSpec, ModelSpec, QuantSpec } from '../../domain/types';
import { cachedWeights } from '../shared/calc';

export interface ContextRowInput {
  model: ModelSpec;
  quants: readonly QuantSpec[];
  device: DeviceSpec;
  count: number;
  parallel: number;
  kvType: KvCacheType;
  flashAttention: boolean;
  usable: UsableOptions;
}

export interface ContextRow {
  quant: QuantSpec;
  /** Longest context per sequence that fits, tokens (0 when not even 512 do). */
  maxContextTokens: number;
  /** Whether the model's full advertised context fits. */
  atFull: boolean;
}

/**
 * For every quantization, the longest context (up to the model's maximum) that fits `count` x
 * `device` with the given KV type, flash attention and parallel sequences (maxContextThatFits).
 */
export function longestContextRows(i: ContextRowInput): ContextRow[] {
  const max = i.model.maxContextTokens;
  return i.quants.map((quant) => {
    const tokens = maxContextThatFits(
      {
        arch: i.model.arch,
        quantId: quant.id,
        parallel: i.parallel,
        typeK: i.kvType,
        typeV: i.kvType,
        flashAttention: i.flashAttention,
        precomputedWeights: cachedWeights(i.model, quant.id),
      },
      max,
      i.device,
      i.count,
      i.usable,
    );
    return { quant, maxContextTokens: tokens, atFull: tokens >= max };
  });
}
