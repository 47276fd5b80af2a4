// Bundled by scripts/catalog-derive.mjs (with Vite's library build) so that plain Node scripts and
// the Vite config can validate the catalog and compute the weights table with the app's own code.
import { parseCatalog } from '../src/catalog/catalog';
import { buildWeightsTable } from '../src/domain/estimate-cache';

/** Validates the three catalog files (zod schemas) and computes the weights table of the valid entries. */
export function deriveCatalog(models: unknown, quants: unknown, gpus: unknown) {
  const catalog = parseCatalog(models, quants, gpus);
  return {
    issues: catalog.issues,
    weights: buildWeightsTable(catalog.models, catalog.quants),
  };
}
