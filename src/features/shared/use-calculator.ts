import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Estimate } from '../../domain/estimate';
import { fitEstimate } from '../../domain/estimate';
import type { FitResult } from '../../domain/fit';
import type { QuantSpec } from '../../domain/types';
import { resolveSelection, type Resolved } from '../../state/resolve';
import { selectionOf, useAppStore } from '../../state/store';
import type { UrlNotice } from '../../state/url-codec';
import { useCatalog } from './catalog-context';
import { estimateFor, type RunSettings } from './calc';

/** The selection resolved against the catalog (fallbacks applied, context clamped). */
export function useResolved(): { resolved: Resolved; notices: UrlNotice[] } {
  const catalog = useCatalog();
  const selection = useAppStore(useShallow(selectionOf));
  const result = useMemo(() => resolveSelection(selection, catalog), [selection, catalog]);
  if (!result) throw new Error('The catalog has no usable model or quantization');
  return result;
}

/** Run settings (context, sequences, KV type, flash attention) after resolution. */
export function useRunSettings(): RunSettings {
  const { resolved } = useResolved();
  const { parallel, kvType, flashAttention } = useAppStore(
    useShallow((s) => ({
      parallel: s.parallel,
      kvType: s.kvType,
      flashAttention: s.flashAttention,
    })),
  );
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
  const { count, raisedLimit } = useAppStore(
    useShallow((s) => ({ count: s.count, raisedLimit: s.raisedLimit })),
  );
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

/** One row per catalog quantization: estimate at the chosen context and at the model's maximum. */
export function useQuantRows(run: RunSettings): QuantRow[] {
  const catalog = useCatalog();
  const { resolved } = useResolved();
  const model = resolved.model;
  return useMemo(() => {
    const full: RunSettings = { ...run, contextTokens: model.maxContextTokens };
    return catalog.quants.map((quant) => ({
      quant,
      atContext: estimateFor(model, quant.id, run),
      atFull: estimateFor(model, quant.id, full),
    }));
  }, [catalog.quants, model, run]);
}
