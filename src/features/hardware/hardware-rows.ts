import { compareNames } from '../../domain/format';
import type { HardwareRow, HardwareVerdict } from '../../domain/hardware-sweep';
import type { HwMoeFilter, HwSort } from '../../state/selection';

/** Filters chosen in the hardware view. */
export interface HardwareFilters {
  family: string | null;
  moe: HwMoeFilter;
  license: string | null;
  /** Largest total parameter count, billions (1e9); null = no limit. */
  maxParamsB: number | null;
}

/** Rows that pass the filters, in their input order. */
export function filterRows(rows: readonly HardwareRow[], f: HardwareFilters): HardwareRow[] {
  return rows.filter(
    (r) =>
      (f.family === null || r.model.family === f.family) &&
      (f.moe === 'all' || (f.moe === 'moe') === r.moe) &&
      (f.license === null || r.model.license === f.license) &&
      (f.maxParamsB === null || r.params <= f.maxParamsB * 1e9),
  );
}

/** Runs great, then tight, then with offload, then not at all. */
const VERDICT_RANK: Record<HardwareVerdict, number> = { great: 0, tight: 1, offload: 2, no: 3 };

const byName = (a: HardwareRow, b: HardwareRow) => compareNames(a.model.name, b.model.name);
const byRelease = (a: HardwareRow, b: HardwareRow) =>
  (b.model.releaseDate ?? '').localeCompare(a.model.releaseDate ?? '');

const SORTERS: Record<HwSort, (a: HardwareRow, b: HardwareRow) => number> = {
  // Capability: more parameters first (the scaling laws: loss falls with parameter count), at
  // equal size the newer release; the verdict group comes first anyway.
  best: (a, b) => b.params - a.params || byRelease(a, b),
  quality: (a, b) => (b.best?.bitsPerWeight ?? 0) - (a.best?.bitsPerWeight ?? 0),
  speed: (a, b) => (b.best?.tps ?? 0) - (a.best?.tps ?? 0),
  context: (a, b) => b.maxContextTokens - a.maxContextTokens,
  size: (a, b) => b.params - a.params,
  name: () => 0,
  release: byRelease,
};

/**
 * Rows sorted for "the best model I can run well": by verdict (runs great, tight, with offload,
 * won't run), then by `sort` (best = most parameters, then newest; quality = bits per weight;
 * speed; context; size; name; release), ties by name.
 */
export function sortRows(rows: readonly HardwareRow[], sort: HwSort): HardwareRow[] {
  const cmp = SORTERS[sort];
  return [...rows].sort(
    (a, b) => VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] || cmp(a, b) || byName(a, b),
  );
}

/** How many rows have each verdict. */
export function summarize(rows: readonly HardwareRow[]): Record<HardwareVerdict, number> {
  const s: Record<HardwareVerdict, number> = { great: 0, tight: 0, offload: 0, no: 0 };
  for (const r of rows) s[r.verdict] += 1;
  return s;
}
