import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../state/store';
import { GRID_GROUPS, GRID_SORTS, type GridGroup, type GridSort } from '../../state/url-codec';
import { GROUP_LABEL, SORT_LABEL } from './grid-model';

const ALL_VENDORS = '';

function isGridGroup(v: string): v is GridGroup {
  return (GRID_GROUPS as readonly string[]).includes(v);
}

function isGridSort(v: string): v is GridSort {
  return (GRID_SORTS as readonly string[]).includes(v);
}

/** Group, vendor, "only those that run it" and sort controls; their state lives in the store (share URL). */
export function GridFilters({ vendors }: { vendors: readonly string[] }) {
  const { group, vendor, onlyRuns, sort } = useAppStore(
    useShallow((s) => ({
      group: s.gridGroup,
      vendor: s.gridVendor,
      onlyRuns: s.gridOnlyRuns,
      sort: s.gridSort,
    })),
  );
  const { setGridGroup, setGridVendor, setGridOnlyRuns, setGridSort } = useAppStore.getState();
  // A vendor from a shared URL that the catalog no longer has stays visible (and matches nothing).
  const vendorOptions =
    vendor !== null && !vendors.includes(vendor) ? [...vendors, vendor] : vendors;

  return (
    <div className="gpu-grid__filters">
      <label className="gpu-grid__field">
        <span>Group</span>
        <select
          value={group}
          onChange={(e) => {
            if (isGridGroup(e.target.value)) setGridGroup(e.target.value);
          }}
        >
          {GRID_GROUPS.map((g) => (
            <option key={g} value={g}>
              {g === 'all' ? 'All groups' : GROUP_LABEL[g]}
            </option>
          ))}
        </select>
      </label>
      <label className="gpu-grid__field">
        <span>Vendor</span>
        <select
          value={vendor ?? ALL_VENDORS}
          onChange={(e) => setGridVendor(e.target.value === ALL_VENDORS ? null : e.target.value)}
        >
          <option value={ALL_VENDORS}>All vendors</option>
          {vendorOptions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label className="gpu-grid__field">
        <span>Sort by</span>
        <select
          value={sort}
          onChange={(e) => {
            if (isGridSort(e.target.value)) setGridSort(e.target.value);
          }}
        >
          {GRID_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="gpu-grid__check">
        <input
          type="checkbox"
          checked={onlyRuns}
          onChange={(e) => setGridOnlyRuns(e.target.checked)}
        />
        <span>Only those that run it</span>
      </label>
    </div>
  );
}
