import { useMemo } from 'react';
import { fileQuantOf } from '../../domain/arch-codec';
import type { Estimate } from '../../domain/estimate';
import { fitEstimate } from '../../domain/estimate';
import type { FitResult } from '../../domain/fit';
import type { QuantSpec } from '../../domain/types';
import { DEFAULT_CONTEXT, resolveSelection, type Resolved } from '../../state/resolve';
import { clampContext, useAppStore } from '../../state/store';
import { DEFAULT_SELECTION, type UrlNotice } from '../../state/url-codec';
import { useCatalog, useDeferredContextTokens } from './catalog-context';
import { estimateFor, type RunSettings } from './calc';

/**
 * Model, quantization and device resolved against the catalog (fallbacks applied). Does not
 * follow the context slider, so views that use only this do not re-render while it moves.
 */
export function useResolvedModel(): {
  resolved: Omit<Resolved, 'contextTokens'>;
  notices: UrlNotice[];
} {
  const catalog = useCatalog();
  // Atomic selectors: cheap to run on every store change (this hook is used by many views).
  const modelId = useAppStore((s) => s.modelId);
  const custom = useAppStore((s) => s.custom);
  const quantId = useAppStore((s) => s.quantId);
  const gpuId = useAppStore((s) => s.gpuId);
  const result = useMemo(
    () => resolveSelection({ ...DEFAULT_SELECTION, modelId, custom, quantId, gpuId }, catalog),
    [modelId, custom, quantId, gpuId, catalog],
  );
  if (!result) throw new Error('The catalog has no usable model or quantization');
  return result;
}

/**
 * The context length as the slider shows it right now (clamped to the model's maximum). Only
 * the slider itself should use this; results use the deferred value of {@link useResolved}.
 */
export function useImmediateContext(): number {
  const { resolved } = useResolvedModel();
  const raw = useAppStore((s) => s.contextTokens);
  return clampContext(raw ?? DEFAULT_CONTEXT, resolved.model);
}

/**
 * The selection resolved against the catalog, with the context clamped to the model's maximum.
 * The context is a deferred value: while the slider moves, React first paints the slider and
 * then recomputes the figures in an interruptible render, so dragging stays smooth.
 */
export function useResolved(): { resolved: Resolved; notices: UrlNotice[] } {
  const base = useResolvedModel();
  const raw = useDeferredContextTokens();
  const model = base.resolved.model;
  return useMemo(
    () => ({
      resolved: { ...base.resolved, contextTokens: clampContext(raw ?? DEFAULT_CONTEXT, model) },
      notices: base.notices,
    }),
    [base, raw, model],
  );
}

/** Run settings (context, sequences, KV type, flash attention) after resolution. */
export function useRunSettings(): RunSettings {
  const { resolved } = useResolved();
  const parallel = useAppStore((s) => s.parallel);
  const kvType = useAppStore((s) => s.kvType);
  const flashAttention = useAppStore((s) => s.flashAttention);
  const contextTokens = resolved.contextTokens;
  return useMemo(
    () => ({ contextTokens, parallel, kvType, flashAttention }),
    [contextTokens, parallel, kvType, flashAttention],
  );
}

/** Estimate of the selected configuration, and its fit on the selected device (if any). */
export function useSelectedEstimate(): { estimate: Estimate; fit: FitResult | null } {
  const { resolved } = useResolved();
  const run = useRunSettings();
  const count = useAppStore((s) => s.count);
  const raisedLimit = useAppStore((s) => s.raisedLimit);
  return useMemo(() => {
    const e = estimateFor(resolved.model, resolved.quant.id, run);
    const fit = resolved.device
      ? fitEstimate(e, resolved.device, count, { raisedUnifiedLimit: raisedLimit })
      : null;
    return { estimate: e, fit };
  }, [resolved.model, resolved.quant.id, resolved.device, run, count, raisedLimit]);
}

export interface QuantRow {
  quant: QuantSpec;
  atContext: Estimate;
  atFull: Estimate;
}

/**
 * One row per catalog quantization (plus "This file" first for a model read from a GGUF):
 * estimate at the chosen context and at the model's maximum.
 */
export function useQuantRows(run: RunSettings): QuantRow[] {
  const catalog = useCatalog();
  const { resolved } = useResolved();
  const model = resolved.model;
  return useMemo(() => {
    const full: RunSettings = { ...run, contextTokens: model.maxContextTokens };
    const fileQuant = fileQuantOf(model);
    const quants = fileQuant ? [fileQuant, ...catalog.quants] : catalog.quants;
    return quants.map((quant) => ({
      quant,
      atContext: estimateFor(model, quant.id, run),
      atFull: estimateFor(model, quant.id, full),
    }));
  }, [catalog.quants, model, run]);
}
