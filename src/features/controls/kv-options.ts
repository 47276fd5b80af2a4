import { KV_CACHE_TYPES, type KvCacheType } from '../../domain/kv-cache';
import { formatNumber } from '../../domain/format';

/** KV-cache types in menu order: llama.cpp's -ctk/-ctv values, then vLLM's fp8. */
export const KV_MENU: readonly { type: KvCacheType; note: string }[] = [
  { type: 'f16', note: 'default' },
  { type: 'bf16', note: 'same size as f16' },
  { type: 'q8_0', note: 'about half of f16, near-lossless' },
  { type: 'q5_1', note: 'llama.cpp' },
  { type: 'q5_0', note: 'llama.cpp' },
  { type: 'q4_1', note: 'llama.cpp' },
  { type: 'q4_0', note: 'about a quarter of f16, some quality loss' },
  { type: 'iq4_nl', note: 'llama.cpp, non-linear 4-bit' },
  { type: 'f32', note: 'twice f16' },
  { type: 'fp8', note: 'vLLM --kv-cache-dtype fp8' },
];

/** Bits stored per cached value, from the block geometry in KV_CACHE_TYPES (q8_0: 34 B / 32 = 8.5). */
export function kvBitsPerValue(type: KvCacheType): number {
  const t = KV_CACHE_TYPES[type];
  return (t.bytesPerBlock * 8) / t.blockSize;
}

/** Option text, e.g. "q8_0 — 8.5 bits, about half of f16, near-lossless". */
export function kvOptionText(type: KvCacheType, note: string): string {
  const bits = kvBitsPerValue(type);
  return `${type} — ${formatNumber(bits, Number.isInteger(bits) ? 0 : 1)} bits, ${note}`;
}
