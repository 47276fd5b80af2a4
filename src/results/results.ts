import type { Catalog } from '../catalog/catalog';
import { fileQuantOf } from '../domain/arch-codec';
import { maxContextForQuant } from '../domain/context-rows';
import { fitDevices, type DeviceFit } from '../domain/device-fit';
import type { Estimate } from '../domain/estimate';
import { estimateFor, type RunSettings } from '../domain/estimate-cache';
import { fitOnDevice, type FitResult } from '../domain/fit';
import { fitSuggestions, type Suggestion } from '../domain/fit-suggestions';
import { listedQuants } from '../domain/quant-list';
import type { ModelSpec, QuantSpec } from '../domain/types';
import type { Selection } from '../state/selection';
import { selectedFigures, type Selected } from './selected';

/** One quantization of the selected model, compared with the others. */
export interface QuantRow {
  quant: QuantSpec;
  /** At the chosen context. */
  atContext: Estimate;
  /** At the model's maximum context. */
  atFull: Estimate;
  /** Fit on the selected device and count; null without a device. */
  fit: FitResult | null;
  /** Longest context per sequence that fits the selected device (tokens, 0 = none); null without a device. */
  maxContextTokens: number | null;
  recommended: boolean;
  selected: boolean;
}

/** Estimates at the model's maximum context do not depend on the chosen context: kept apart. */
const fullCache = new WeakMap<ModelSpec, Map<string, Estimate>>();

function atFullContext(model: ModelSpec, quantId: string, run: RunSettings): Estimate {
  let byKey = fullCache.get(model);
  if (!byKey) {
    byKey = new Map();
    fullCache.set(model, byKey);
  }
  const key = `${quantId}|${run.parallel}|${run.kvType}|${run.flashAttention ? 1 : 0}`;
  let e = byKey.get(key);
  if (!e) {
    e = estimateFor(model, quantId, { ...run, contextTokens: model.maxContextTokens });
    byKey.set(key, e);
  }
  return e;
}

/**
 * Everything the page compares the selected configuration with: the quantization rows, every
 * device, the suggestions that would make it fit. Each is computed on first use and then kept, so
 * every view reads one computation per change (one Results object per selection snapshot).
 */
export class Results {
  readonly selected: Selected;
  private quantRowsValue: QuantRow[] | undefined;
  private deviceFitsValue: DeviceFit[] | undefined;
  private suggestionsValue: Suggestion[] | undefined;

  constructor(
    readonly catalog: Catalog,
    readonly selection: Selection,
  ) {
    const s = selectedFigures(catalog, selection);
    if (!s) throw new Error('The catalog has no usable model or quantization');
    this.selected = s;
  }

  /** The quantizations the table lists (quant-list.ts), largest file first. */
  get quantRows(): QuantRow[] {
    if (this.quantRowsValue) return this.quantRowsValue;
    const { resolved, run, hardware } = this.selected;
    const { model, quant, device } = resolved;
    const fileQuant = fileQuantOf(model);
    const listed = listedQuants(model, this.catalog.quants, {
      all: this.selection.quantList === 'all',
      vllm: this.selection.quantVllm,
      keep: [model.recommendedQuant, quant.id],
    });
    const quants = fileQuant ? [fileQuant, ...listed] : listed;
    const rows = quants.map((q): QuantRow => {
      const atContext = estimateFor(model, q.id, run);
      return {
        quant: q,
        atContext,
        atFull: atFullContext(model, q.id, run),
        fit: device ? fitOnDevice(atContext.demand, device, hardware.count, hardware.usable) : null,
        maxContextTokens: device
          ? maxContextForQuant(model, q.id, run, device, hardware.count, hardware.usable)
          : null,
        recommended: q.id === model.recommendedQuant,
        selected: q.id === quant.id,
      };
    });
    rows.sort((a, b) => b.atContext.weights.fileBytes - a.atContext.weights.fileBytes);
    this.quantRowsValue = rows;
    return rows;
  }

  /** How the selected configuration fares on one unit of every catalog device (device-fit.ts). */
  get deviceFits(): DeviceFit[] {
    this.deviceFitsValue ??= fitDevices(
      this.catalog.devices,
      this.selected.estimate,
      this.selected.hardware.usable,
    );
    return this.deviceFitsValue;
  }

  /** Changes that make a configuration that does not fit the selected device fit (fit-suggestions.ts). */
  get suggestions(): Suggestion[] {
    if (this.suggestionsValue) return this.suggestionsValue;
    const { resolved, run, hardware } = this.selected;
    this.suggestionsValue = resolved.device
      ? fitSuggestions({
          model: resolved.model,
          quants: this.catalog.quants,
          quantId: resolved.quant.id,
          run,
          device: resolved.device,
          count: hardware.count,
          usable: hardware.usable,
          ramBytes: hardware.ramBytes,
          ramBandwidthGbS: hardware.ramBandwidthGbS,
        })
      : [];
    return this.suggestionsValue;
  }
}
