import type { Catalog } from '../catalog/catalog';
import type { DeviceSpec, ModelSpec, QuantSpec } from '../domain/types';
import { clampContext } from './store';
import type { Selection, UrlNotice } from './url-codec';

/** The model shown when the URL names none: the page this project started from. */
export const FEATURED_MODEL_ID = 'deepseek-ai/DeepSeek-R1-0528';
/** Default context when none is chosen, tokens (clamped to the model's maximum). */
export const DEFAULT_CONTEXT = 8192;

export interface Resolved {
  model: ModelSpec;
  quant: QuantSpec;
  contextTokens: number;
  device: DeviceSpec | null;
}

/**
 * Resolves the user's selection against the catalog: unknown ids fall back (featured model,
 * recommended quantization, no device) and the context is clamped to the model's maximum.
 * Returns the notices for ids the catalog does not know.
 */
export function resolveSelection(
  s: Selection,
  catalog: Catalog,
): { resolved: Resolved; notices: UrlNotice[] } | null {
  const notices: UrlNotice[] = [];
  const fallbackModel = catalog.models.find((m) => m.id === FEATURED_MODEL_ID) ?? catalog.models[0];
  if (!fallbackModel || catalog.quants.length === 0) return null;
  let model = fallbackModel;
  if (s.modelId) {
    const found = catalog.models.find((m) => m.id === s.modelId);
    if (found) model = found;
    else notices.push({ key: 'model', value: s.modelId, reason: 'not in the catalog' });
  }
  const recommended =
    catalog.quants.find((q) => q.id === model.recommendedQuant) ?? catalog.quants[0];
  let quant = recommended;
  if (s.quantId) {
    const found = catalog.quants.find((q) => q.id === s.quantId);
    if (found) quant = found;
    else notices.push({ key: 'quant', value: s.quantId, reason: 'not a known quantization' });
  }
  let device: DeviceSpec | null = null;
  if (s.gpuId) {
    device = catalog.devices.find((d) => d.id === s.gpuId) ?? null;
    if (!device) notices.push({ key: 'gpu', value: s.gpuId, reason: 'not in the catalog' });
  }
  const contextTokens = clampContext(s.contextTokens ?? DEFAULT_CONTEXT, model);
  if (!quant) return null;
  return { resolved: { model, quant, contextTokens, device }, notices };
}
