import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../state/store';
import { HW_MOE_FILTERS, HW_SORTS, type HwMoeFilter, type HwSort } from '../../state/selection';
import { HW_MOE_LABEL, HW_SORT_LABEL } from './hardware-labels';

const ANY = '';

interface Props {
  families: readonly string[];
  licenses: readonly string[];
  showNo: boolean;
  onShowNo: (on: boolean) => void;
}

const isSort = (v: string): v is HwSort => (HW_SORTS as readonly string[]).includes(v);
const isMoe = (v: string): v is HwMoeFilter => (HW_MOE_FILTERS as readonly string[]).includes(v);

/** Keeps a value from a shared URL visible even when the catalog no longer lists it. */
function withCurrent(list: readonly string[], current: string | null): readonly string[] {
  return current !== null && !list.includes(current) ? [...list, current] : list;
}

/** Family, MoE/dense, licence, largest size and sort (store keys), plus "show models that don't run". */
export function HardwareFilters({ families, licenses, showNo, onShowNo }: Props) {
  const f = useAppStore(
    useShallow((s) => ({
      family: s.hwFamily,
      moe: s.hwMoe,
      license: s.hwLicense,
      maxParamsB: s.hwMaxParamsB,
      sort: s.hwSort,
    })),
  );
  const store = useAppStore.getState;
  const id = useId();
  const [sizeDraft, setSizeDraft] = useState<string | null>(null);
  const commitSize = () => {
    if (sizeDraft === null) return;
    const n = Number(sizeDraft.replace(',', '.'));
    setSizeDraft(null);
    store().setHwMaxParams(sizeDraft.trim() === '' || !Number.isFinite(n) ? null : n);
  };

  return (
    <div className="hardware__filters">
      <label className="hardware__field">
        <span>Family</span>
        <select
          value={f.family ?? ANY}
          onChange={(e) => store().setHwFamily(e.target.value === ANY ? null : e.target.value)}
        >
          <option value={ANY}>All families</option>
          {withCurrent(families, f.family).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label className="hardware__field">
        <span>Architecture</span>
        <select
          value={f.moe}
          onChange={(e) => {
            if (isMoe(e.target.value)) store().setHwMoe(e.target.value);
          }}
        >
          {HW_MOE_FILTERS.map((m) => (
            <option key={m} value={m}>
              {HW_MOE_LABEL[m]}
            </option>
          ))}
        </select>
      </label>
      <label className="hardware__field">
        <span>Licence</span>
        <select
          value={f.license ?? ANY}
          onChange={(e) => store().setHwLicense(e.target.value === ANY ? null : e.target.value)}
        >
          <option value={ANY}>All licences</option>
          {withCurrent(licenses, f.license).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <div className="hardware__field hardware__field--small">
        <label htmlFor={`${id}-size`}>Largest model (B params)</label>
        <input
          id={`${id}-size`}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          placeholder="any"
          value={sizeDraft ?? (f.maxParamsB === null ? '' : String(f.maxParamsB))}
          onChange={(e) => setSizeDraft(e.target.value)}
          onBlur={commitSize}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitSize();
          }}
        />
      </div>
      <label className="hardware__field">
        <span>Sort by</span>
        <select
          value={f.sort}
          onChange={(e) => {
            if (isSort(e.target.value)) store().setHwSort(e.target.value);
          }}
        >
          {HW_SORTS.map((s) => (
            <option key={s} value={s}>
              {HW_SORT_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="hardware__check">
        <input type="checkbox" checked={showNo} onChange={(e) => onShowNo(e.target.checked)} />
        Show models that don&apos;t run
      </label>
    </div>
  );
}
