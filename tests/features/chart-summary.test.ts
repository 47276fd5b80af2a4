import { describe, expect, it } from 'vitest';
import { chartSummary, type SummaryItem } from '../../src/features/quant-chart/chart-summary';

const items: SummaryItem[] = [
  { label: 'F32', totalBytes: 2.7e12, fits: false },
  { label: 'Q4_K_M', totalBytes: 420e9, fits: false },
  { label: 'IQ1_S', totalBytes: 140e9, fits: true },
  { label: 'Q2_K', totalBytes: 250e9, fits: true },
];

describe('chartSummary', () => {
  it('names the smallest and largest totals, and how many fit the device', () => {
    expect(
      chartSummary(items, 'GB', 32768, { name: 'NVIDIA H100 SXM', count: 4, usableBytes: 320e9 }),
    ).toBe(
      'Smallest: IQ1_S at 140.0 GB; largest: F32 at 2,700 GB. ' +
        'At 32K tokens, 2 of 4 quantizations fit 4 × NVIDIA H100 SXM (usable 320.0 GB).',
    );
  });

  it('formats in GiB when asked (24 GiB card)', () => {
    const one = [{ label: 'Q4_K_M', totalBytes: 6 * 2 ** 30, fits: true }];
    expect(
      chartSummary(one, 'GiB', 8192, { name: 'RTX 4090', count: 1, usableBytes: 24 * 2 ** 30 }),
    ).toBe(
      'Smallest: Q4_K_M at 6.00 GiB; largest: Q4_K_M at 6.00 GiB. ' +
        'At 8K tokens, 1 of 1 quantization fits 1 × RTX 4090 (usable 24.00 GiB).',
    );
  });

  it('without a device, invites the user to pick one', () => {
    const noDevice = items.map((i) => ({ ...i, fits: null }));
    expect(chartSummary(noDevice, 'GB', 131072, null)).toBe(
      'Smallest: IQ1_S at 140.0 GB; largest: F32 at 2,700 GB. Totals at 128K tokens. Pick a GPU to see which fit.',
    );
  });

  it('never shows NaN: no rows, or non-finite totals, give a plain sentence', () => {
    expect(chartSummary([], 'GB', 8192, null)).toBe('No quantizations to compare.');
    const bad = [{ label: 'X', totalBytes: Number.NaN, fits: null }];
    expect(chartSummary(bad, 'GB', 8192, null)).not.toMatch(/NaN/);
  });
});
