import type { ByteUnit } from '../../domain/format';
import { GB, GiB } from '../../domain/units';
import type { QuantRow } from '../../results/results';

/** One bar of the quantization chart; every size is in the chosen unit (GB or GiB). */
export interface ChartRow {
  id: string;
  label: string;
  weights: number;
  kv: number;
  compute: number;
  reserve: number;
  total: number;
}

/** Bytes in one GB (1e9) or GiB (2^30). */
export function bytesPerUnit(unit: ByteUnit): number {
  return unit === 'GB' ? GB : GiB;
}

/**
 * Maps the table rows (estimates at the chosen context) to stacked-bar data: weights resident on
 * the GPU, context memory (KV cache and recurrent state), compute buffer and runtime reserve of
 * one device, each divided by the unit's size in bytes (GB = 1e9, GiB = 2^30). `total` is the
 * estimate's single-device total, equal to the sum of the four parts.
 */
export function toChartRows(rows: readonly QuantRow[], unit: ByteUnit): ChartRow[] {
  const per = bytesPerUnit(unit);
  return rows.map(({ quant, atContext: e }) => ({
    id: quant.id,
    label: quant.label,
    weights: e.weights.deviceBytes / per,
    kv: e.kv.totalBytes / per,
    compute: e.computeBytes / per,
    reserve: e.reserveBytes / per,
    total: e.totalBytes / per,
  }));
}
