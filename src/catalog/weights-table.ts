import { queryOptions } from '@tanstack/react-query';
import { seedWeights } from '../domain/estimate-cache';
import { fetchJson, type Catalog } from './catalog';

/**
 * Loads `data/weights.json`, the weights of every catalog model in every quantization computed by
 * the build with the same engine (vite.config.ts), and seeds the engine's cache with it
 * (estimate-cache.ts seedWeights): switching models and sweeping the catalog then need no recipe
 * work. Optional: when it is missing or malformed the app computes weights as it needs them.
 * Resolves to the number of model-quantization pairs seeded.
 */
export function weightsTableQueryOptions(catalog: Catalog, fetchImpl?: typeof fetch) {
  return queryOptions({
    queryKey: ['weights-table', catalog.models.length],
    queryFn: async () =>
      seedWeights(
        catalog.models,
        await fetchJson(`${import.meta.env.BASE_URL}data/weights.json`, fetchImpl),
      ),
    staleTime: Infinity,
    retry: false,
  });
}
