import { MAX_DEVICE_COUNT } from '../domain/fit';
import type { ByteUnit } from '../domain/format';
import type { KvCacheType } from '../domain/kv-cache';

/** Groups of the device list filter. */
export const GRID_GROUPS = [
  'all',
  'consumer',
  'laptop',
  'workstation',
  'datacenter',
  'unified',
  'edge',
  'multi',
] as const;
export type GridGroup = (typeof GRID_GROUPS)[number];

export const GRID_SORTS = ['memory', 'headroom', 'name', 'bandwidth'] as const;
export type GridSort = (typeof GRID_SORTS)[number];

export const VIEWS = ['calc', 'hardware'] as const;
export type View = (typeof VIEWS)[number];

export const HW_SORTS = ['best', 'quality', 'speed', 'context', 'size', 'name', 'release'] as const;
export type HwSort = (typeof HW_SORTS)[number];

export const HW_MOE_FILTERS = ['all', 'moe', 'dense'] as const;
export type HwMoeFilter = (typeof HW_MOE_FILTERS)[number];

/** Which quantizations the table lists: the common GGUF types, every GGUF type, or vLLM formats too. */
export const QUANT_LISTS = ['common', 'all'] as const;
export type QuantList = (typeof QUANT_LISTS)[number];

/** Everything the user chose: ids and numbers that fit in a URL. Results are derived, never stored. */
export interface Selection {
  /** Catalog model id (Hugging Face repo id); null = the featured default. */
  modelId: string | null;
  /** A custom model (GGUF header or config.json), encoded by domain/arch-codec; wins over modelId. */
  custom: string | null;
  /** Quantization id; null = the model's recommended quantization. */
  quantId: string | null;
  /** Context length per sequence, tokens; null = the default, clamped to the model's maximum. */
  contextTokens: number | null;
  kvType: KvCacheType;
  flashAttention: boolean;
  /** Parallel sequences. */
  parallel: number;
  gpuId: string | null;
  count: number;
  /** Unit of every memory figure on the page. */
  unit: ByteUnit;
  /** Unified memory: assume the raised GPU limit. */
  raisedLimit: boolean;
  gridGroup: GridGroup;
  gridVendor: string | null;
  gridOnlyRuns: boolean;
  gridSort: GridSort;
  /** Device list search text. */
  gridFind: string | null;
  /** Quantization table: common GGUF types, or all of them. */
  quantList: QuantList;
  /** Quantization table: also list vLLM / safetensors formats. */
  quantVllm: boolean;
  /** Propose 1-2 bit quantizations for models under 100B parameters too. */
  extremeQuants: boolean;
  /** Which page is shown: the calculator or "what can my hardware run". */
  view: View;
  /** System RAM available for offload, GB (binary, like GPU memory). */
  ramGb: number;
  /** System RAM bandwidth, GB/s. */
  ramBandwidthGbS: number;
  /** vLLM --gpu-memory-utilization. */
  vllmUtilization: number;
  /** Hardware view: context every model must reach, tokens. */
  hwContextTokens: number;
  hwSort: HwSort;
  hwFamily: string | null;
  hwMoe: HwMoeFilter;
  hwLicense: string | null;
  /** Hardware view: largest total parameter count to list, billions (null = no limit). */
  hwMaxParamsB: number | null;
}

export const DEFAULT_SELECTION: Selection = {
  modelId: null,
  custom: null,
  quantId: null,
  contextTokens: null,
  kvType: 'f16',
  flashAttention: true,
  parallel: 1,
  gpuId: null,
  count: 1,
  unit: 'GiB',
  raisedLimit: false,
  gridGroup: 'all',
  gridVendor: null,
  gridOnlyRuns: false,
  gridSort: 'memory',
  gridFind: null,
  quantList: 'common',
  quantVllm: false,
  extremeQuants: false,
  view: 'calc',
  ramGb: 32,
  ramBandwidthGbS: 89.6,
  vllmUtilization: 0.9,
  hwContextTokens: 8192,
  hwSort: 'best',
  hwFamily: null,
  hwMoe: 'all',
  hwLicense: null,
  hwMaxParamsB: null,
};

/**
 * Defaults of links written before URL version 2 (no `v=2` in the query): they showed DeepSeek R1
 * 0528 when no model was named, memory in decimal GB, and sorted the hardware view by size. Such a
 * link still opens exactly what it showed.
 */
export const LEGACY_DEFAULTS = {
  modelId: 'deepseek-ai/DeepSeek-R1-0528',
  unit: 'GB',
  hwSort: 'size',
} as const satisfies Partial<Selection>;

/** Current share-URL version (the `v` key). */
export const URL_VERSION = 2;

export const MAX_RAM_GB = 4096;

/** Smallest and largest context the app accepts, tokens. */
export const MIN_CONTEXT = 512;
export const MAX_CONTEXT = 16 * 1024 * 1024;
export const MAX_PARALLEL = 256;
export { MAX_DEVICE_COUNT };

/** A URL value that was ignored or changed, for the polite notice. */
export interface UrlNotice {
  key: string;
  value: string;
  reason: string;
}
