import { GB, GiB } from './units';

export type ByteUnit = 'GB' | 'GiB';

const fmtCache = new Map<string, Intl.NumberFormat>();

function numberFormat(digits: number): Intl.NumberFormat {
  const key = String(digits);
  let f = fmtCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    fmtCache.set(key, f);
  }
  return f;
}

/**
 * Formats a byte count in GB (1e9) or GiB (2^30) with the unit, e.g. "4.92 GB". Uses 2 decimals
 * below 100, 1 below 1000, none above. Non-finite or negative input formats as "—".
 */
export function formatBytes(bytes: number, unit: ByteUnit): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const v = bytes / (unit === 'GB' ? GB : GiB);
  const digits = v < 100 ? 2 : v < 1000 ? 1 : 0;
  return `${numberFormat(digits).format(v)} ${unit}`;
}

/** Formats a signed byte difference ("+1.20 GB" / "−0.40 GB"). */
export function formatSignedBytes(bytes: number, unit: ByteUnit): string {
  if (!Number.isFinite(bytes)) return '—';
  const s = formatBytes(Math.abs(bytes), unit);
  return bytes < 0 ? `−${s}` : `+${s}`;
}

/**
 * Formats a token count in one format everywhere: below 1,024 the exact number; else in K (1,024
 * tokens, as context sizes are counted) with at most one decimal: 8K, 12.5K, 126.8K, 128K; from
 * 1,024K in M: 1M, 1.5M.
 */
export function formatTokens(tokens: number): string {
  if (!Number.isFinite(tokens) || tokens < 0) return '—';
  if (tokens < 1024) return numberFormat(0).format(Math.round(tokens));
  const k = tokens / 1024;
  const [v, suffix] = k >= 1024 ? [k / 1024, 'M'] : [k, 'K'];
  const rounded = Math.round(v * 10) / 10;
  return `${numberFormat(Number.isInteger(rounded) ? 0 : 1).format(rounded)}${suffix}`;
}

/** Formats a parameter count: "8.03B", "671B", "1.2B", "360M". */
export function formatParams(params: number | null): string {
  if (params === null || !Number.isFinite(params) || params <= 0) return '—';
  if (params >= 999.5e6) {
    const b = params / 1e9;
    return `${numberFormat(b < 10 ? 2 : b < 100 ? 1 : 0).format(b)}B`;
  }
  return `${numberFormat(0).format(params / 1e6)}M`;
}

/** Formats a plain number with fixed decimals, "—" when not finite. */
export function formatNumber(v: number, digits = 0): string {
  return Number.isFinite(v) ? numberFormat(digits).format(v) : '—';
}

const NAME_COLLATOR = new Intl.Collator('en', { numeric: true });

/**
 * Orders names as people read them, numbers by value ("Qwen2.5 3B" before "Qwen2.5 14B"). One
 * shared collator: `localeCompare` with options builds a new one on every call, which is slow in
 * sorts that run on every slider step.
 */
export function compareNames(a: string, b: string): number {
  return NAME_COLLATOR.compare(a, b);
}
