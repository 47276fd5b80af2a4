import type { Catalog } from '../../catalog/catalog';
import { evaluateCatalog, type HardwareOptions, type HardwareRow } from './hardware-model';

/**
 * The hardware view's full sweep, for `npm run bench` to time in the browser: every catalog model
 * evaluated on one hardware configuration (best GGUF quantization, longest context, speed).
 * Pure: the same catalog and options always give the same rows.
 */
export function sweepCatalog(catalog: Catalog, opts: HardwareOptions): HardwareRow[] {
  return evaluateCatalog(catalog.models, catalog.quants, opts);
}
