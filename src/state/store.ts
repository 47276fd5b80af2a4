import { create } from 'zustand';
import type { KvCacheType } from '../domain/kv-cache';
import type { ByteUnit } from '../domain/format';
import type { ModelSpec } from '../domain/types';
import {
  DEFAULT_SELECTION,
  MAX_CONTEXT,
  MAX_DEVICE_COUNT,
  MAX_PARALLEL,
  MIN_CONTEXT,
  MAX_RAM_GB,
  type GridGroup,
  type GridSort,
  type HwMoeFilter,
  type HwSort,
  type QuantList,
  type View,
  type Selection,
  type UrlNotice,
} from './selection';

/** How the selected device was chosen when the user did not choose it: read from the browser, or an example. */
export type AutoDevice = 'detected' | 'example' | null;

export interface AppState extends Selection {
  /** Values from the address bar that were ignored (shown in a polite notice). */
  notices: UrlNotice[];
  /** The device was filled in on a first visit (not chosen by the user); cleared when the user picks one. */
  autoDevice: AutoDevice;
  /** Fills in a device on a first visit, marked as detected or as an example. */
  assumeDevice: (gpuId: string, how: Exclude<AutoDevice, null>) => void;
  selectModel: (model: ModelSpec) => void;
  /** Shows a custom model (encoded by domain/arch-codec), with `quantId` (null = its default). */
  setCustomModel: (encoded: string, quantId: string | null) => void;
  /** Goes back to the catalog model. */
  clearCustomModel: () => void;
  selectQuant: (quantId: string) => void;
  setContext: (tokens: number, model?: ModelSpec) => void;
  setKvType: (kv: KvCacheType) => void;
  setFlashAttention: (on: boolean) => void;
  setParallel: (n: number) => void;
  selectGpu: (gpuId: string | null) => void;
  setCount: (n: number) => void;
  setUnit: (unit: ByteUnit) => void;
  setRaisedLimit: (on: boolean) => void;
  setGridGroup: (g: GridGroup) => void;
  setGridVendor: (v: string | null) => void;
  setGridOnlyRuns: (on: boolean) => void;
  setGridSort: (s: GridSort) => void;
  setGridFind: (text: string | null) => void;
  setQuantList: (list: QuantList) => void;
  setQuantVllm: (on: boolean) => void;
  setExtremeQuants: (on: boolean) => void;
  setView: (view: View) => void;
  setRamGb: (gb: number) => void;
  setRamBandwidth: (gbS: number) => void;
  setVllmUtilization: (u: number) => void;
  setHwContext: (tokens: number) => void;
  setHwSort: (s: HwSort) => void;
  setHwFamily: (f: string | null) => void;
  setHwMoe: (m: HwMoeFilter) => void;
  setHwLicense: (l: string | null) => void;
  setHwMaxParams: (b: number | null) => void;
  /** Opens a model in the calculator, keeping the hardware. */
  openInCalculator: (model: ModelSpec, quantId: string, contextTokens: number) => void;
  /** Replaces the whole selection (from the URL on load or back/forward). */
  restore: (s: Selection, notices: UrlNotice[]) => void;
  dismissNotices: () => void;
  /** Drops ids the catalog does not know and records why (after the catalog loads). */
  sanitizeIds: (
    bad: {
      model: boolean;
      quant: boolean;
      gpu: boolean;
      custom?: boolean;
      /** A context above the model's maximum, replaced by this clamped value. */
      contextTokens?: number;
    },
    notices: UrlNotice[],
  ) => void;
}

function clampInt(n: number, lo: number, hi: number): number {
  if (!Number.isFinite(n)) return lo;
  return Math.min(hi, Math.max(lo, Math.round(n)));
}

/** Clamps a context length to [512, the model's maximum]. */
export function clampContext(tokens: number, model?: ModelSpec): number {
  return clampInt(
    tokens,
    MIN_CONTEXT,
    Math.max(MIN_CONTEXT, model?.maxContextTokens ?? MAX_CONTEXT),
  );
}

export const useAppStore = create<AppState>()((set) => ({
  ...DEFAULT_SELECTION,
  notices: [],
  autoDevice: null,
  assumeDevice: (gpuId, how) => set({ gpuId, autoDevice: how }),
  selectModel: (model) =>
    set((s) => ({
      modelId: model.id,
      custom: null,
      quantId: s.custom ? null : s.quantId,
      contextTokens: s.contextTokens === null ? null : clampContext(s.contextTokens, model),
    })),
  setCustomModel: (custom, quantId) => set({ custom, quantId, view: 'calc' }),
  clearCustomModel: () => set({ custom: null, quantId: null }),
  selectQuant: (quantId) => set({ quantId }),
  setContext: (tokens, model) => set({ contextTokens: clampContext(tokens, model) }),
  setKvType: (kvType) => set({ kvType }),
  setFlashAttention: (flashAttention) => set({ flashAttention }),
  setParallel: (n) => set({ parallel: clampInt(n, 1, MAX_PARALLEL) }),
  selectGpu: (gpuId) => set({ gpuId, autoDevice: null }),
  setCount: (n) => set({ count: clampInt(n, 1, MAX_DEVICE_COUNT) }),
  setUnit: (unit) => set({ unit }),
  setRaisedLimit: (raisedLimit) => set({ raisedLimit }),
  setGridGroup: (gridGroup) => set({ gridGroup }),
  setGridVendor: (gridVendor) => set({ gridVendor }),
  setGridOnlyRuns: (gridOnlyRuns) => set({ gridOnlyRuns }),
  setGridSort: (gridSort) => set({ gridSort }),
  setGridFind: (text) => {
    const t =
      text
        ?.replace(/[^\w .+()-]/g, '')
        .slice(0, 60)
        .trim() ?? '';
    set({ gridFind: t === '' ? null : t });
  },
  setQuantList: (quantList) => set({ quantList }),
  setQuantVllm: (quantVllm) => set({ quantVllm }),
  setExtremeQuants: (extremeQuants) => set({ extremeQuants }),
  setView: (view) => set({ view }),
  setRamGb: (gb) => set({ ramGb: clampInt(gb, 0, MAX_RAM_GB) }),
  setRamBandwidth: (gbS) =>
    set({ ramBandwidthGbS: Number.isFinite(gbS) ? Math.min(10000, Math.max(1, gbS)) : 89.6 }),
  setVllmUtilization: (u) =>
    set({ vllmUtilization: Number.isFinite(u) ? Math.min(1, Math.max(0.1, u)) : 0.9 }),
  setHwContext: (tokens) => set({ hwContextTokens: clampContext(tokens) }),
  setHwSort: (hwSort) => set({ hwSort }),
  setHwFamily: (hwFamily) => set({ hwFamily }),
  setHwMoe: (hwMoe) => set({ hwMoe }),
  setHwLicense: (hwLicense) => set({ hwLicense }),
  setHwMaxParams: (b) =>
    set({ hwMaxParamsB: b === null || !Number.isFinite(b) || b <= 0 ? null : b }),
  openInCalculator: (model, quantId, contextTokens) =>
    set({
      view: 'calc',
      modelId: model.id,
      custom: null,
      quantId,
      contextTokens: clampContext(contextTokens, model),
    }),
  restore: (s, notices) => set({ ...s, notices, autoDevice: null }),
  dismissNotices: () => set({ notices: [] }),
  sanitizeIds: (bad, notices) =>
    set((s) => ({
      modelId: bad.model ? null : s.modelId,
      custom: bad.custom ? null : s.custom,
      quantId: bad.quant ? null : s.quantId,
      gpuId: bad.gpu ? null : s.gpuId,
      contextTokens: bad.contextTokens ?? s.contextTokens,
      notices: [...s.notices, ...notices],
    })),
}));

/** The selection part of the state (what goes into the URL). */
export function selectionOf(s: AppState): Selection {
  return {
    modelId: s.modelId,
    custom: s.custom,
    quantId: s.quantId,
    contextTokens: s.contextTokens,
    kvType: s.kvType,
    flashAttention: s.flashAttention,
    parallel: s.parallel,
    gpuId: s.gpuId,
    count: s.count,
    unit: s.unit,
    raisedLimit: s.raisedLimit,
    gridGroup: s.gridGroup,
    gridVendor: s.gridVendor,
    gridOnlyRuns: s.gridOnlyRuns,
    gridSort: s.gridSort,
    gridFind: s.gridFind,
    quantList: s.quantList,
    quantVllm: s.quantVllm,
    extremeQuants: s.extremeQuants,
    view: s.view,
    ramGb: s.ramGb,
    ramBandwidthGbS: s.ramBandwidthGbS,
    vllmUtilization: s.vllmUtilization,
    hwContextTokens: s.hwContextTokens,
    hwSort: s.hwSort,
    hwFamily: s.hwFamily,
    hwMoe: s.hwMoe,
    hwLicense: s.hwLicense,
    hwMaxParamsB: s.hwMaxParamsB,
  };
}

/** Resets the store to defaults (tests). */
export function resetAppStore(): void {
  useAppStore.setState({ ...DEFAULT_SELECTION, notices: [], autoDevice: null });
}
