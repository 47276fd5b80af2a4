import { isKvCacheType, type KvCacheType } from '../domain/kv-cache';
import { MAX_DEVICE_COUNT } from '../domain/fit';
import type { ByteUnit } from '../domain/format';

/** Grid groups shown in the compatibility grid. */
export const GRID_GROUPS = [
  'all',
  'consumer',
  'workstation',
  'datacenter',
  'unified',
  'laptop',
  'edge',
  'multi',
] as const;
export type GridGroup = (typeof GRID_GROUPS)[number];

export const GRID_SORTS = ['memory', 'headroom', 'name', 'bandwidth'] as const;
export type GridSort = (typeof GRID_SORTS)[number];

export const VIEWS = ['calc', 'hardware'] as const;
export type View = (typeof VIEWS)[number];

export const HW_SORTS = ['quality', 'speed', 'context', 'size', 'name', 'release'] as const;
export type HwSort = (typeof HW_SORTS)[number];

export const HW_MOE_FILTERS = ['all', 'moe', 'dense'] as const;
export type HwMoeFilter = (typeof HW_MOE_FILTERS)[number];

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
  unit: ByteUnit;
  /** Unified memory: assume the raised GPU limit. */
  raisedLimit: boolean;
  gridGroup: GridGroup;
  gridVendor: string | null;
  gridOnlyRuns: boolean;
  gridSort: GridSort;
  /** Which page is shown: the calculator or "what can my hardware run". */
  view: View;
  /** System RAM available for offload, GB. */
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
  unit: 'GB',
  raisedLimit: false,
  gridGroup: 'all',
  gridVendor: null,
  gridOnlyRuns: false,
  gridSort: 'memory',
  view: 'calc',
  ramGb: 32,
  ramBandwidthGbS: 89.6,
  vllmUtilization: 0.9,
  hwContextTokens: 8192,
  hwSort: 'size',
  hwFamily: null,
  hwMoe: 'all',
  hwLicense: null,
  hwMaxParamsB: null,
};

export const MAX_RAM_GB = 4096;

/** Smallest and largest context the app accepts, tokens. */
export const MIN_CONTEXT = 512;
export const MAX_CONTEXT = 16 * 1024 * 1024;
export const MAX_PARALLEL = 256;

/** A URL value that was ignored, for the polite notice. */
export interface UrlNotice {
  key: string;
  value: string;
  reason: string;
}

export interface DecodedUrl {
  selection: Selection;
  notices: UrlNotice[];
}

const ID_RE = /^[\w./-]{1,200}$/;
const MAX_VALUE_LENGTH = 200;
/** Longest `custom` value accepted (an encoded architecture, plus per-type bytes for a GGUF). */
export const MAX_CUSTOM_LENGTH = 8000;

function parseDecimal(v: string): number | null {
  if (!/^\d{1,6}(\.\d{1,3})?$/.test(v)) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function parseIntStrict(v: string): number | null {
  if (!/^\d{1,9}$/.test(v)) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Reads the share URL's query string into a selection (syntax only; ids are checked against the
 * catalog by resolveSelection). Never throws: each bad key falls back to its default and yields
 * a notice naming the key and the value it ignored. Keys: see README "Share URL".
 */
export function decodeSelection(search: string): DecodedUrl {
  const params = new URLSearchParams(search);
  const s: Selection = { ...DEFAULT_SELECTION };
  const notices: UrlNotice[] = [];
  const bad = (key: string, value: string, reason: string) =>
    notices.push({ key, value: value.length > 60 ? `${value.slice(0, 57)}...` : value, reason });

  for (const [key, raw] of params) {
    const value = raw.trim();
    if (key === 'custom') {
      // Structure only; decoding and validation happen in resolveSelection.
      if (value.length <= MAX_CUSTOM_LENGTH && /^[\w-]+$/.test(value)) s.custom = value;
      else bad(key, value, 'not a custom model link');
      continue;
    }
    if (value.length > MAX_VALUE_LENGTH) {
      bad(key, value, 'value too long');
      continue;
    }
    switch (key) {
      case 'model':
      case 'quant':
      case 'gpu': {
        if (!ID_RE.test(value)) {
          bad(key, value, 'not a valid id');
          break;
        }
        if (key === 'model') s.modelId = value;
        else if (key === 'quant') s.quantId = value;
        else s.gpuId = value;
        break;
      }
      case 'ctx': {
        const n = parseIntStrict(value);
        if (n === null || n < MIN_CONTEXT || n > MAX_CONTEXT)
          bad(key, value, `expected a whole number of tokens from ${MIN_CONTEXT}`);
        else s.contextTokens = n;
        break;
      }
      case 'kv': {
        const v = value.toLowerCase();
        if (isKvCacheType(v)) s.kvType = v;
        else bad(key, value, 'unknown KV-cache type');
        break;
      }
      case 'count': {
        const n = parseIntStrict(value);
        if (n === null || n < 1 || n > MAX_DEVICE_COUNT)
          bad(key, value, `expected 1 to ${MAX_DEVICE_COUNT}`);
        else s.count = n;
        break;
      }
      case 'np': {
        const n = parseIntStrict(value);
        if (n === null || n < 1 || n > MAX_PARALLEL)
          bad(key, value, `expected 1 to ${MAX_PARALLEL}`);
        else s.parallel = n;
        break;
      }
      case 'fa':
      case 'raised':
      case 'runs': {
        if (value !== '0' && value !== '1') {
          bad(key, value, 'expected 0 or 1');
          break;
        }
        if (key === 'fa') s.flashAttention = value === '1';
        else if (key === 'raised') s.raisedLimit = value === '1';
        else s.gridOnlyRuns = value === '1';
        break;
      }
      case 'unit': {
        if (value === 'GB' || value === 'GiB') s.unit = value;
        else bad(key, value, 'expected GB or GiB');
        break;
      }
      case 'group': {
        if ((GRID_GROUPS as readonly string[]).includes(value)) s.gridGroup = value as GridGroup;
        else bad(key, value, 'unknown group');
        break;
      }
      case 'sort': {
        if ((GRID_SORTS as readonly string[]).includes(value)) s.gridSort = value as GridSort;
        else bad(key, value, 'unknown sort');
        break;
      }
      case 'view': {
        if (value === 'hardware' || value === 'calc') s.view = value;
        else bad(key, value, 'expected calc or hardware');
        break;
      }
      case 'ram': {
        const n = parseIntStrict(value);
        if (n === null || n < 0 || n > MAX_RAM_GB)
          bad(key, value, `expected 0 to ${MAX_RAM_GB} GB`);
        else s.ramGb = n;
        break;
      }
      case 'rambw': {
        const n = parseDecimal(value);
        if (n === null || n < 1 || n > 10000) bad(key, value, 'expected a bandwidth in GB/s');
        else s.ramBandwidthGbS = n;
        break;
      }
      case 'util': {
        const n = parseDecimal(value);
        if (n === null || n < 0.1 || n > 1) bad(key, value, 'expected 0.1 to 1');
        else s.vllmUtilization = n;
        break;
      }
      case 'hwctx': {
        const n = parseIntStrict(value);
        if (n === null || n < MIN_CONTEXT || n > MAX_CONTEXT)
          bad(key, value, `expected a whole number of tokens from ${MIN_CONTEXT}`);
        else s.hwContextTokens = n;
        break;
      }
      case 'hwsort': {
        if ((HW_SORTS as readonly string[]).includes(value)) s.hwSort = value as HwSort;
        else bad(key, value, 'unknown sort');
        break;
      }
      case 'hwmoe': {
        if ((HW_MOE_FILTERS as readonly string[]).includes(value)) s.hwMoe = value as HwMoeFilter;
        else bad(key, value, 'expected all, moe or dense');
        break;
      }
      case 'hwfamily':
      case 'hwlicense': {
        if (!/^[\w .:/+()-]{1,80}$/.test(value)) {
          bad(key, value, 'not a valid name');
          break;
        }
        if (key === 'hwfamily') s.hwFamily = value;
        else s.hwLicense = value;
        break;
      }
      case 'hwmax': {
        const n = parseDecimal(value);
        if (n === null || n <= 0 || n > 100000)
          bad(key, value, 'expected a size in billions of parameters');
        else s.hwMaxParamsB = n;
        break;
      }
      case 'vendor': {
        if (/^[\w -]{1,40}$/.test(value)) s.gridVendor = value;
        else bad(key, value, 'not a vendor name');
        break;
      }
      default:
        break;
    }
  }
  return { selection: s, notices };
}

/**
 * Writes a selection as a query string (without "?"). Keys equal to their defaults are left out;
 * values go through URLSearchParams, and a model id keeps its "/".
 */
export function encodeSelection(s: Selection): string {
  const p = new URLSearchParams();
  const d = DEFAULT_SELECTION;
  if (s.modelId) p.set('model', s.modelId);
  if (s.custom) p.set('custom', s.custom);
  if (s.quantId) p.set('quant', s.quantId);
  if (s.contextTokens !== null) p.set('ctx', String(s.contextTokens));
  if (s.kvType !== d.kvType) p.set('kv', s.kvType);
  if (s.flashAttention !== d.flashAttention) p.set('fa', s.flashAttention ? '1' : '0');
  if (s.parallel !== d.parallel) p.set('np', String(s.parallel));
  if (s.gpuId) p.set('gpu', s.gpuId);
  if (s.count !== d.count) p.set('count', String(s.count));
  if (s.unit !== d.unit) p.set('unit', s.unit);
  if (s.raisedLimit) p.set('raised', '1');
  if (s.gridGroup !== d.gridGroup) p.set('group', s.gridGroup);
  if (s.gridVendor) p.set('vendor', s.gridVendor);
  if (s.gridOnlyRuns) p.set('runs', '1');
  if (s.gridSort !== d.gridSort) p.set('sort', s.gridSort);
  if (s.view !== d.view) p.set('view', s.view);
  if (s.ramGb !== d.ramGb) p.set('ram', String(s.ramGb));
  if (s.ramBandwidthGbS !== d.ramBandwidthGbS) p.set('rambw', String(s.ramBandwidthGbS));
  if (s.vllmUtilization !== d.vllmUtilization) p.set('util', String(s.vllmUtilization));
  if (s.hwContextTokens !== d.hwContextTokens) p.set('hwctx', String(s.hwContextTokens));
  if (s.hwSort !== d.hwSort) p.set('hwsort', s.hwSort);
  if (s.hwFamily) p.set('hwfamily', s.hwFamily);
  if (s.hwMoe !== d.hwMoe) p.set('hwmoe', s.hwMoe);
  if (s.hwLicense) p.set('hwlicense', s.hwLicense);
  if (s.hwMaxParamsB !== null) p.set('hwmax', String(s.hwMaxParamsB));
  return p.toString().replace(/%2F/g, '/');
}
