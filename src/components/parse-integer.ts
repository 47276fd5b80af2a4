import { formatNumber } from '../domain/format';

/** Result of reading typed text as an integer in [min, max]. */
export interface ParsedInteger {
  value: number;
  /** Why the typed text was changed, or null when it was used as is. */
  message: string | null;
}

/**
 * Reads typed text as a whole number in [min, max]: blank or non-numeric text keeps `current`,
 * decimals are rounded and out-of-range values clamped, each with a short message. Never NaN.
 */
export function parseInteger(
  text: string,
  min: number,
  max: number,
  current: number,
): ParsedInteger {
  const range = `${formatNumber(min)} to ${formatNumber(max)}`;
  const trimmed = text.trim();
  const n = trimmed === '' ? NaN : Number(trimmed);
  if (!Number.isFinite(n)) {
    return {
      value: current,
      message: `Enter a whole number from ${range}; kept ${formatNumber(current)}.`,
    };
  }
  const rounded = Math.round(n);
  const clamped = Math.min(max, Math.max(min, rounded));
  if (clamped !== rounded) {
    return {
      value: clamped,
      message: `Allowed range is ${range}; using ${formatNumber(clamped)}.`,
    };
  }
  if (rounded !== n) return { value: rounded, message: `Rounded to ${formatNumber(rounded)}.` };
  return { value: rounded, message: null };
}
