import { estimate, type EstimateInput } from './estimate';
import { bytesPerGpu, usableBytesPerGpu, type UsableOptions, gpusInUse } from './fit';
import type { DeviceSpec } from './types';

/** Smallest context the app considers, tokens. */
export const MIN_CONTEXT_TOKENS = 512;

/**
 * Longest context (tokens, per sequence) at which the configuration still fits `count` units of
 * `device` (verdict at least "tight"), by bisection between 512 and `maxTokens`; memory grows
 * monotonically with context (KV cells and, without flash attention, the score buffer).
 * Returns 0 when even 512 tokens do not fit.
 */
export function maxContextThatFits(
  input: Omit<EstimateInput, 'contextTokens'>,
  maxTokens: number,
  device: DeviceSpec,
  count: number,
  o: UsableOptions = {},
): number {
  const usable = usableBytesPerGpu(device, o);
  const gpus = gpusInUse(device, count);
  const fits = (ctx: number) =>
    bytesPerGpu(estimate({ ...input, contextTokens: ctx }).demand, gpus) <= usable;
  if (!fits(MIN_CONTEXT_TOKENS)) return 0;
  if (fits(maxTokens)) return maxTokens;
  let lo = MIN_CONTEXT_TOKENS;
  let hi = maxTokens;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
