import { describe, expect, it } from 'vitest';
import {
  buildWeightsTable,
  cachedWeights,
  hasCachedWeights,
  seedWeights,
} from '../../src/domain/estimate-cache';
import type { ModelSpec } from '../../src/domain/types';
import { FIXTURE_MODELS, FIXTURE_QUANTS } from '../fixtures/catalog';

describe('the weights table built with the app', () => {
  it('seeds the cache with what the engine computes: the published Llama 3.1 8B Q4_K_M file to the byte', () => {
    const table = JSON.parse(JSON.stringify(buildWeightsTable(FIXTURE_MODELS, FIXTURE_QUANTS)));
    // Fresh model objects, as a page load gives: nothing cached yet.
    const models: ModelSpec[] = FIXTURE_MODELS.map((m) => ({ ...m }));
    const llama = models[1]!;
    expect(hasCachedWeights(llama, 'Q4_K_M')).toBe(false);
    expect(seedWeights(models, table)).toBe(models.length * FIXTURE_QUANTS.length);
    expect(hasCachedWeights(llama, 'Q4_K_M')).toBe(true);
    const w = cachedWeights(llama, 'Q4_K_M');
    // bartowski's Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf: 4,920,739,232 bytes.
    expect(w.fileBytes).toBe(4_920_739_232);
    expect(w.bitsPerWeight).toBeCloseTo(4.89, 2);
  });

  it('ignores a table of another shape or with bad numbers', () => {
    const models: ModelSpec[] = FIXTURE_MODELS.map((m) => ({ ...m }));
    expect(seedWeights(models, null)).toBe(0);
    expect(seedWeights(models, { version: 1, models: {} })).toBe(0);
    const bad = {
      version: 2,
      models: { [models[1]!.id]: [8e9, 7e9, { Q4_K_M: [1, 2, -3, 4, 5, 6] }] },
    };
    expect(seedWeights(models, bad)).toBe(0);
    expect(hasCachedWeights(models[1]!, 'Q4_K_M')).toBe(false);
  });
});
