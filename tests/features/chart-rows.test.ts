import { describe, expect, it } from 'vitest';
import type { Estimate } from '../../src/domain/estimate';
import type { QuantSpec } from '../../src/domain/types';
import { estimateFor } from '../../src/features/shared/calc';
import type { QuantRow } from '../../src/features/shared/use-calculator';
import { toChartRows } from '../../src/features/quant-chart/chart-rows';
import { FIXTURE_MODELS, FIXTURE_QUANTS } from '../fixtures/catalog';

const quant = FIXTURE_QUANTS[2] as QuantSpec; // Q4_K_M

/** A row whose parts are round numbers of bytes (only the fields the chart reads). */
function syntheticRow(parts: {
  weights: number;
  kv: number;
  compute: number;
  reserve: number;
}): QuantRow {
  const e = {
    weights: { deviceBytes: parts.weights },
    kv: { totalBytes: parts.kv },
    computeBytes: parts.compute,
    reserveBytes: parts.reserve,
    totalBytes: parts.weights + parts.kv + parts.compute + parts.reserve,
  } as unknown as Estimate;
  return { quant, atContext: e, atFull: e };
}

describe('toChartRows', () => {
  const row = syntheticRow({ weights: 4e9, kv: 1e9, compute: 5e8, reserve: 2.5e8 });

  it('divides every part by 1e9 for GB', () => {
    expect(toChartRows([row], 'GB')).toEqual([
      {
        id: 'Q4_K_M',
        label: 'Q4_K_M',
        weights: 4,
        kv: 1,
        compute: 0.5,
        reserve: 0.25,
        total: 5.75,
      },
    ]);
  });

  it('divides every part by 2^30 for GiB', () => {
    const gib = syntheticRow({ weights: 2 ** 32, kv: 2 ** 30, compute: 2 ** 29, reserve: 2 ** 28 });
    expect(toChartRows([gib], 'GiB')[0]).toMatchObject({
      weights: 4,
      kv: 1,
      compute: 0.5,
      reserve: 0.25,
      total: 5.75,
    });
  });

  it('keeps one row per input, in order', () => {
    const rows = FIXTURE_QUANTS.map((q) => ({ ...row, quant: q }));
    expect(toChartRows(rows, 'GB').map((r) => r.id)).toEqual(FIXTURE_QUANTS.map((q) => q.id));
    expect(toChartRows([], 'GB')).toEqual([]);
  });

  it('maps a real Llama 3.1 8B estimate: 1 GiB of f16 KV at 8K, 457 MiB reserve, parts sum to the total', () => {
    // llama.cpp log, Llama 3 8B at n_ctx 8192 f16: "KV self size = 1024.00 MiB"; Ollama reserves 457 MiB per GPU.
    const model = FIXTURE_MODELS[1]!;
    const run = { contextTokens: 8192, parallel: 1, kvType: 'f16' as const, flashAttention: true };
    const e = estimateFor(model, 'Q4_K_M', run);
    const [r] = toChartRows([{ quant, atContext: e, atFull: e }], 'GiB');
    expect(r!.kv).toBe(1);
    expect(r!.reserve).toBeCloseTo(457 / 1024, 12);
    expect(r!.weights + r!.kv + r!.compute + r!.reserve).toBeCloseTo(r!.total, 9);
  });
});
