import { describe, expect, it } from 'vitest';
import { buildStops, nearestStopIndex } from '../../src/features/controls/context-stops';

// Expected stops: powers of two and 1.5x powers of two from 512, then the model's maximum
// (the rule in the controls brief). Maxima are the models' published max_position_embeddings.
describe('buildStops', () => {
  it('starts with the round values 512, 768, 1K, 1.5K ... 12K', () => {
    expect(buildStops(131072).slice(0, 10)).toEqual([
      512, 768, 1024, 1536, 2048, 3072, 4096, 6144, 8192, 12288,
    ]);
  });

  it.each([
    ['Llama 3.1 (131,072)', 131072, [65536, 98304, 131072]],
    ['DeepSeek R1 (163,840)', 163840, [98304, 131072, 163840]],
    ['Gemma 2 (8,192)', 8192, [4096, 6144, 8192]],
    ['an odd maximum (100,000)', 100000, [65536, 98304, 100000]],
  ])('ends at the maximum for %s without passing it', (_name, max, tail) => {
    const stops = buildStops(max);
    expect(stops.slice(-3)).toEqual(tail);
    expect(Math.max(...stops)).toBe(max);
  });

  it('is strictly increasing', () => {
    const stops = buildStops(1_048_576);
    stops.slice(1).forEach((s, i) => expect(s).toBeGreaterThan(stops[i] ?? Infinity));
  });

  it('has a single stop when the maximum is at or below 512', () => {
    expect(buildStops(512)).toEqual([512]);
    expect(buildStops(100)).toEqual([512]);
    expect(buildStops(NaN)).toEqual([512]);
  });
});

describe('nearestStopIndex', () => {
  const stops = [512, 768, 1024, 1536, 2048, 3072, 4096, 6144, 8192, 12288, 16384, 24576, 32768];

  it.each([
    [512, 0],
    [8192, 8],
    [32768, 12],
    [40000, 12],
    [22000, 11],
    // Log scale: 20,000 is nearer 16K (ratio 1.22) than 24K (ratio 1.23).
    [20000, 10],
    [1, 0],
  ])('puts %i tokens on stop %i', (tokens, index) => {
    expect(nearestStopIndex(stops, tokens)).toBe(index);
  });

  it('returns 0 for bad input', () => {
    expect(nearestStopIndex([], 8192)).toBe(0);
    expect(nearestStopIndex(stops, NaN)).toBe(0);
    expect(nearestStopIndex(stops, -5)).toBe(0);
  });
});
