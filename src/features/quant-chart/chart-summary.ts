import { formatBytes, formatTokens, type ByteUnit } from '../../domain/format';

export interface SummaryItem {
  label: string;
  /** Single-device total at the chosen context, bytes. */
  totalBytes: number;
  /** Whether it fits the selected device and count (runs great or tight); null without a device. */
  fits: boolean | null;
}

export interface SummaryDevice {
  name: string;
  /** Units chosen (cards or systems). */
  count: number;
  /** Usable memory across all the GPUs in use, bytes. */
  usableBytes: number;
}

/**
 * Plain-text description of the quantization chart for people who cannot see it: the smallest
 * and largest totals and, with a device selected, how many quantizations fit it, e.g.
 * "Smallest: IQ1_S at 140 GB; largest: F32 at 2,700 GB. At 32K tokens, 12 of 41 quantizations
 * fit 1 × RTX 4090 (usable 25.77 GB)."
 */
export function chartSummary(
  items: readonly SummaryItem[],
  unit: ByteUnit,
  contextTokens: number,
  device: SummaryDevice | null,
): string {
  let min: SummaryItem | undefined;
  let max: SummaryItem | undefined;
  for (const it of items) {
    if (!Number.isFinite(it.totalBytes)) continue;
    if (!min || it.totalBytes < min.totalBytes) min = it;
    if (!max || it.totalBytes > max.totalBytes) max = it;
  }
  if (!min || !max) return 'No quantizations to compare.';
  const ctx = formatTokens(contextTokens);
  const range = `Smallest: ${min.label} at ${formatBytes(min.totalBytes, unit)}; largest: ${max.label} at ${formatBytes(max.totalBytes, unit)}.`;
  if (!device) return `${range} Totals at ${ctx} tokens. Pick a GPU to see which fit.`;
  const fitting = items.filter((it) => it.fits === true).length;
  const noun = items.length === 1 ? 'quantization' : 'quantizations';
  const verb = fitting === 1 ? 'fits' : 'fit';
  return `${range} At ${ctx} tokens, ${fitting} of ${items.length} ${noun} ${verb} ${device.count} × ${device.name} (usable ${formatBytes(device.usableBytes, unit)}).`;
}
