import type { Catalog } from '../catalog/catalog';
import { modelSchema } from '../catalog/schema';
import {
  customModelSpec,
  decodeCustomModel,
  FILE_QUANT_ID,
  fileQuantOf,
} from '../domain/arch-codec';
import type { DeviceSpec, ModelSpec, QuantSpec } from '../domain/types';
import { clampContext } from './store';
import type { Selection, UrlNotice } from './selection';

/**
 * The model shown when the URL names none: a popular mid-size model that a common 12-16 GB GPU
 * runs, so a first visit answers for most visitors (links written before URL version 2 keep
 * DeepSeek R1 0528, their default: selection.ts LEGACY_DEFAULTS).
 */
export const FEATURED_MODEL_ID = 'Qwen/Qwen3-14B';
/** Default context when none is chosen, tokens (clamped to the model's maximum). */
export const DEFAULT_CONTEXT = 8192;

export interface Resolved {
  model: ModelSpec;
  quant: QuantSpec;
  contextTokens: number;
  device: DeviceSpec | null;
}

const customCache = new Map<string, ModelSpec | string>();

/**
 * The custom model of a `custom` URL value (decoded by domain/arch-codec, validated with the
 * catalog's model schema), or the reason it cannot be used. Cached by value, so the same link
 * always gives the same ModelSpec object (weights caches are keyed by it).
 */
export function resolveCustomModel(encoded: string): ModelSpec | string {
  let hit = customCache.get(encoded);
  if (hit === undefined) {
    try {
      const spec = customModelSpec(decodeCustomModel(encoded));
      const check = modelSchema.safeParse(spec);
      const issue = check.success ? undefined : check.error.issues[0];
      hit = issue ? `invalid custom model (${issue.path.join('.')}: ${issue.message})` : spec;
    } catch {
      hit = 'not a custom model link';
    }
    if (customCache.size > 20) customCache.clear();
    customCache.set(encoded, hit);
  }
  return hit;
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
  const custom = s.custom ? resolveCustomModel(s.custom) : null;
  if (s.custom && typeof custom === 'string') {
    notices.push({ key: 'custom', value: s.custom.slice(0, 40), reason: custom });
  }
  if (custom && typeof custom !== 'string') {
    model = custom;
  } else if (s.modelId) {
    const found = catalog.models.find((m) => m.id === s.modelId);
    if (found) model = found;
    else notices.push({ key: 'model', value: s.modelId, reason: 'not in the catalog' });
  }
  const fileQuant = fileQuantOf(model);
  const recommended =
    fileQuant ?? catalog.quants.find((q) => q.id === model.recommendedQuant) ?? catalog.quants[0];
  let quant = recommended;
  if (s.quantId) {
    const found =
      s.quantId === FILE_QUANT_ID && fileQuant
        ? fileQuant
        : catalog.quants.find((q) => q.id === s.quantId);
    if (found) quant = found;
    else notices.push({ key: 'quant', value: s.quantId, reason: 'not a known quantization' });
  }
  let device: DeviceSpec | null = null;
  if (s.gpuId) {
    device = catalog.devices.find((d) => d.id === s.gpuId) ?? null;
    if (!device) notices.push({ key: 'gpu', value: s.gpuId, reason: 'not in the catalog' });
  }
  const contextTokens = clampContext(s.contextTokens ?? DEFAULT_CONTEXT, model);
  if (s.contextTokens !== null && s.contextTokens > model.maxContextTokens) {
    notices.push({
      key: 'ctx',
      value: String(s.contextTokens),
      reason: `clamped to the model\u2019s maximum, ${model.maxContextTokens}`,
    });
  }
  if (!quant) return null;
  return { resolved: { model, quant, contextTokens, device }, notices };
}
