import { formatNumber } from '../../domain/format';
import type { KvCacheType } from '../../domain/kv-cache';
import type { HwMoeFilter, HwSort } from '../../state/selection';

export const HW_SORT_LABEL: Record<HwSort, string> = {
  best: 'Best I can run well',
  quality: 'Quality (most bits first)',
  speed: 'Speed (fastest first)',
  context: 'Context (longest first)',
  size: 'Size (largest first)',
  name: 'Name (A–Z)',
  release: 'Release (newest first)',
};

export const HW_MOE_LABEL: Record<HwMoeFilter, string> = {
  all: 'MoE and dense',
  moe: 'Mixture of experts',
  dense: 'Dense',
};

/** "Context you need" choices, tokens (4K to 128K). */
export const HW_CONTEXT_CHOICES: readonly number[] = [4096, 8192, 16384, 32768, 65536, 131072];

/** KV-cache types offered in this view (llama.cpp -ctk/-ctv). */
export const HW_KV_CHOICES: readonly { type: KvCacheType; text: string }[] = [
  { type: 'f16', text: 'f16 (default)' },
  { type: 'q8_0', text: 'q8_0 (about half)' },
  { type: 'q4_0', text: 'q4_0 (about a quarter)' },
];

/** Tokens per second with sensible precision: "85", "7.4", "0.62". */
export function formatTps(tps: number): string {
  if (!Number.isFinite(tps) || tps <= 0) return '—';
  return formatNumber(tps, tps >= 10 ? 0 : tps >= 1 ? 1 : 2);
}
