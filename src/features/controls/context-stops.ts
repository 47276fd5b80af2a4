import { MIN_CONTEXT } from '../../state/selection';

/**
 * Slider stops for a context length from {@link MIN_CONTEXT} (512) to `maxTokens`: every power of
 * two and every 1.5 x power of two (512, 768, 1K, 1.5K, 2K, 3K, 4K, ...) below the maximum, then
 * the maximum itself. Because the stops grow geometrically, an index into this list is a log
 * scale that always lands on a round value. A maximum at or below 512 gives the single stop [512].
 */
export function buildStops(maxTokens: number): number[] {
  const max = Number.isFinite(maxTokens)
    ? Math.max(MIN_CONTEXT, Math.floor(maxTokens))
    : MIN_CONTEXT;
  const stops: number[] = [];
  for (let p = MIN_CONTEXT; p < max; p *= 2) {
    stops.push(p);
    const half = p * 1.5;
    if (half < max) stops.push(half);
  }
  stops.push(max);
  return stops;
}

/**
 * Index of the stop closest to `tokens` on a log scale (ties go to the lower stop), so that a
 * typed value such as 40,000 shows the slider at 32K. Returns 0 for an empty list or a
 * non-finite value.
 */
export function nearestStopIndex(stops: readonly number[], tokens: number): number {
  if (stops.length === 0 || !Number.isFinite(tokens) || tokens <= 0) return 0;
  const target = Math.log(tokens);
  let best = 0;
  let bestDist = Infinity;
  stops.forEach((s, i) => {
    const dist = Math.abs(Math.log(s) - target);
    if (dist < bestDist) {
      best = i;
      bestDist = dist;
    }
  });
  return best;
}
