import { isKvCacheType } from '../domain/kv-cache';
import {
  DEFAULT_SELECTION,
  GRID_GROUPS,
  GRID_SORTS,
  HW_MOE_FILTERS,
  HW_SORTS,
  LEGACY_DEFAULTS,
  MAX_CONTEXT,
  MAX_DEVICE_COUNT,
  MAX_PARALLEL,
  MAX_RAM_GB,
  MIN_CONTEXT,
  QUANT_LISTS,
  URL_VERSION,
  VIEWS,
  type Selection,
  type UrlNotice,
} from './selection';

export interface DecodedUrl {
  selection: Selection;
  notices: UrlNotice[];
  /** The query string held a value that was ignored or changed: the address bar should be rewritten. */
  rewrite: boolean;
}

/** A parsed value, or why it was refused; `note` keeps the value but tells the user it was changed. */
type Parsed<T> = { value: T; note?: string } | { error: string };

/** One share-URL key: which selection field it holds, how it is read and written. */
interface KeyRow<K extends keyof Selection = keyof Selection> {
  key: string;
  field: K;
  parse: (value: string) => Parsed<Selection[K]>;
  /** The value as written in the URL; undefined when it equals the default and is left out. */
  print: (value: Selection[K]) => string | undefined;
}

const ID_RE = /^[\w./-]{1,200}$/;
const MAX_VALUE_LENGTH = 200;
/** Longest `custom` value accepted (an encoded architecture, plus per-type bytes for a GGUF). */
export const MAX_CUSTOM_LENGTH = 8000;

function decimal(v: string): number | null {
  if (!/^\d{1,6}(\.\d{1,3})?$/.test(v)) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function integer(v: string, digits = 9): number | null {
  if (!new RegExp(`^\\d{1,${digits}}$`).test(v)) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : null;
}

function row<K extends keyof Selection>(r: KeyRow<K>): KeyRow {
  return r as unknown as KeyRow;
}

const id = (field: 'modelId' | 'quantId' | 'gpuId', key: string) =>
  row({
    key,
    field,
    parse: (v) => (ID_RE.test(v) ? { value: v } : { error: 'not a valid id' }),
    print: (v) => v ?? undefined,
  });

function oneOf<K extends keyof Selection>(
  key: string,
  field: K,
  values: readonly string[],
  error: string,
): KeyRow {
  return row({
    key,
    field,
    parse: (v) =>
      values.includes(v)
        ? { value: v as Selection[K] }
        : { error: `${error}: ${values.join(', ')}` },
    print: (v) => (v === DEFAULT_SELECTION[field] ? undefined : String(v)),
  });
}

function flag(
  key: string,
  field: 'flashAttention' | 'raisedLimit' | 'gridOnlyRuns' | 'quantVllm' | 'extremeQuants',
): KeyRow {
  return row({
    key,
    field,
    parse: (v) => (v === '0' || v === '1' ? { value: v === '1' } : { error: 'expected 0 or 1' }),
    print: (v) => (v === DEFAULT_SELECTION[field] ? undefined : v ? '1' : '0'),
  });
}

function intRange(
  key: string,
  field: 'count' | 'parallel' | 'ramGb',
  lo: number,
  hi: number,
  what: string,
): KeyRow {
  return row({
    key,
    field,
    parse: (v) => {
      const n = integer(v);
      return n === null || n < lo || n > hi
        ? { error: `expected ${lo} to ${hi}${what}` }
        : { value: n };
    },
    print: (v) => (v === DEFAULT_SELECTION[field] ? undefined : String(v)),
  });
}

/** A context length: any whole number of tokens; out-of-range values are clamped, with a note. */
function tokens(key: string, field: 'contextTokens' | 'hwContextTokens'): KeyRow {
  return row({
    key,
    field,
    parse: (v) => {
      const n = integer(v, 15);
      if (n === null || n === 0) return { error: 'expected a whole number of tokens' };
      if (n < MIN_CONTEXT)
        return { value: MIN_CONTEXT, note: `raised to the minimum, ${MIN_CONTEXT}` };
      if (n > MAX_CONTEXT)
        return { value: MAX_CONTEXT, note: 'clamped to the model\u2019s maximum' };
      return { value: n };
    },
    print: (v) =>
      v === null || (field === 'hwContextTokens' && v === DEFAULT_SELECTION.hwContextTokens)
        ? undefined
        : String(v),
  });
}

function name(
  key: string,
  field: 'hwFamily' | 'hwLicense' | 'gridVendor' | 'gridFind',
  re: RegExp,
): KeyRow {
  return row({
    key,
    field,
    parse: (v) => (re.test(v) ? { value: v } : { error: 'not a valid name' }),
    print: (v) => v ?? undefined,
  });
}

/**
 * The share-URL keys in the order they are written (README "Share URL"; shared/design/CONTRACTS.md).
 * Adding a key is one row here and one field in Selection.
 */
const KEYS: readonly KeyRow[] = [
  id('modelId', 'model'),
  row({
    key: 'custom',
    field: 'custom',
    // Structure only; decoding and validation happen in resolveSelection.
    parse: (v) =>
      v.length <= MAX_CUSTOM_LENGTH && /^[\w-]+$/.test(v)
        ? { value: v }
        : { error: 'not a custom model link' },
    print: (v) => v ?? undefined,
  }),
  id('quantId', 'quant'),
  tokens('ctx', 'contextTokens'),
  row({
    key: 'kv',
    field: 'kvType',
    parse: (v) => {
      const lower = v.toLowerCase();
      return isKvCacheType(lower) ? { value: lower } : { error: 'unknown KV-cache type' };
    },
    print: (v) => (v === DEFAULT_SELECTION.kvType ? undefined : v),
  }),
  flag('fa', 'flashAttention'),
  intRange('np', 'parallel', 1, MAX_PARALLEL, ''),
  id('gpuId', 'gpu'),
  intRange('count', 'count', 1, MAX_DEVICE_COUNT, ''),
  oneOf('unit', 'unit', ['GB', 'GiB'], 'expected'),
  flag('raised', 'raisedLimit'),
  oneOf('group', 'gridGroup', GRID_GROUPS, 'unknown group; expected'),
  name('vendor', 'gridVendor', /^[\w -]{1,40}$/),
  flag('runs', 'gridOnlyRuns'),
  oneOf('sort', 'gridSort', GRID_SORTS, 'unknown sort; expected'),
  name('find', 'gridFind', /^[\w .+()-]{1,60}$/),
  oneOf('quants', 'quantList', QUANT_LISTS, 'expected'),
  flag('vllm', 'quantVllm'),
  flag('extreme', 'extremeQuants'),
  oneOf('view', 'view', VIEWS, 'expected'),
  intRange('ram', 'ramGb', 0, MAX_RAM_GB, ' GB'),
  row({
    key: 'rambw',
    field: 'ramBandwidthGbS',
    parse: (v) => {
      const n = decimal(v);
      return n === null || n < 1 || n > 10000
        ? { error: 'expected a bandwidth in GB/s' }
        : { value: n };
    },
    print: (v) => (v === DEFAULT_SELECTION.ramBandwidthGbS ? undefined : String(v)),
  }),
  row({
    key: 'util',
    field: 'vllmUtilization',
    parse: (v) => {
      const n = decimal(v);
      return n === null || n < 0.1 || n > 1 ? { error: 'expected 0.1 to 1' } : { value: n };
    },
    print: (v) => (v === DEFAULT_SELECTION.vllmUtilization ? undefined : String(v)),
  }),
  tokens('hwctx', 'hwContextTokens'),
  oneOf('hwsort', 'hwSort', HW_SORTS, 'unknown sort; expected'),
  name('hwfamily', 'hwFamily', /^[\w .:/+()-]{1,80}$/),
  oneOf('hwmoe', 'hwMoe', HW_MOE_FILTERS, 'expected'),
  name('hwlicense', 'hwLicense', /^[\w .:/+()-]{1,80}$/),
  row({
    key: 'hwmax',
    field: 'hwMaxParamsB',
    parse: (v) => {
      const n = decimal(v);
      return n === null || n <= 0 || n > 100000
        ? { error: 'expected a size in billions of parameters' }
        : { value: n };
    },
    print: (v) => (v === null ? undefined : String(v)),
  }),
];

const KNOWN_KEYS = new Set(['v', ...KEYS.map((k) => k.key)]);

/**
 * Reads the share URL's query string into a selection (syntax only; ids are checked against the
 * catalog by resolveSelection). Never throws: each bad key falls back to its default and yields a
 * notice naming the key and the value it ignored; a context out of range is clamped, with a notice.
 * Links without `v=2` (written before URL version 2) are read with the defaults they were written
 * with ({@link LEGACY_DEFAULTS}).
 */
export function decodeSelection(search: string): DecodedUrl {
  const params = new URLSearchParams(search);
  const s: Selection = { ...DEFAULT_SELECTION };
  const notices: UrlNotice[] = [];
  const note = (key: string, value: string, reason: string) =>
    notices.push({ key, value: value.length > 60 ? `${value.slice(0, 57)}...` : value, reason });

  const version = params.get('v');
  const hasKeys = [...params.keys()].some((k) => KNOWN_KEYS.has(k));
  if (version === null && hasKeys) {
    if (!params.has('model') && !params.has('custom')) s.modelId = LEGACY_DEFAULTS.modelId;
    if (!params.has('unit')) s.unit = LEGACY_DEFAULTS.unit;
    if (!params.has('hwsort')) s.hwSort = LEGACY_DEFAULTS.hwSort;
  } else if (version !== null && version.trim() !== String(URL_VERSION)) {
    note('v', version, `unknown link version; read as version ${URL_VERSION}`);
  }

  for (const [key, raw] of params) {
    const r = KEYS.find((k) => k.key === key);
    if (!r) continue;
    const value = raw.trim();
    if (key !== 'custom' && value.length > MAX_VALUE_LENGTH) {
      note(key, value, 'value too long');
      continue;
    }
    const parsed = r.parse(value);
    if ('error' in parsed) {
      note(key, value, parsed.error);
      continue;
    }
    (s as unknown as Record<string, unknown>)[r.field] = parsed.value;
    if (parsed.note) note(key, value, parsed.note);
  }
  return { selection: s, notices, rewrite: notices.length > 0 };
}

/**
 * Writes a selection as a query string (without "?"): `v=2` first, then every key whose value
 * differs from its default, through URLSearchParams; a model id keeps its "/". An all-default
 * selection writes nothing.
 */
export function encodeSelection(s: Selection): string {
  const p = new URLSearchParams();
  for (const r of KEYS) {
    const printed = r.print(s[r.field]);
    if (printed !== undefined) p.set(r.key, printed);
  }
  if ([...p.keys()].length === 0) return '';
  return `v=${URL_VERSION}&${p.toString().replace(/%2F/g, '/')}`;
}
