import { useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { fitOnDevice, GREAT_MAX_FRACTION } from '../../domain/fit';
import { formatNumber } from '../../domain/format';
import { useAppStore } from '../../state/store';
import { useCatalog } from '../shared/catalog-context';
import { useSelectedEstimate } from '../shared/use-calculator';
import { GpuGridItem } from './gpu-grid-item';
import { GridFilters } from './grid-filters';
import {
  buildGridEntries,
  distinctVendors,
  filterEntries,
  groupEntries,
  sortEntries,
  summarize,
  summaryText,
} from './grid-model';
import './gpu-grid.css';

function clearFilters() {
  const s = useAppStore.getState();
  s.setGridGroup('all');
  s.setGridVendor(null);
  s.setGridOnlyRuns(false);
}

/**
 * Every catalog device with the verdict for the selected configuration on one unit and how many
 * units it needs; follows the quantization and context live. Clicking a card selects the device.
 */
export function GpuGrid() {
  const { devices } = useCatalog();
  const { estimate } = useSelectedEstimate();
  // Slider drags re-render at high priority with the previous grid, then refresh the grid.
  const demand = useDeferredValue(estimate.demand);
  const { unit, raisedLimit, gpuId, count, group, vendor, onlyRuns, sort } = useAppStore(
    useShallow((s) => ({
      unit: s.unit,
      raisedLimit: s.raisedLimit,
      gpuId: s.gpuId,
      count: s.count,
      group: s.gridGroup,
      vendor: s.gridVendor,
      onlyRuns: s.gridOnlyRuns,
      sort: s.gridSort,
    })),
  );
  const selectGpu = useAppStore((s) => s.selectGpu);

  const entries = useMemo(
    () => buildGridEntries(devices, demand, { raisedUnifiedLimit: raisedLimit }),
    [devices, demand, raisedLimit],
  );
  const vendors = useMemo(() => distinctVendors(devices), [devices]);
  const summary = useMemo(() => summaryText(summarize(entries)), [entries]);
  const groups = useMemo(
    () => groupEntries(sortEntries(filterEntries(entries, { group, vendor, onlyRuns }), sort)),
    [entries, group, vendor, onlyRuns, sort],
  );
  const selectedDevice = count > 1 ? devices.find((d) => d.id === gpuId) : undefined;
  const atCount = useMemo(
    () =>
      selectedDevice
        ? {
            count,
            fit: fitOnDevice(demand, selectedDevice, count, { raisedUnifiedLimit: raisedLimit }),
          }
        : null,
    [selectedDevice, count, demand, raisedLimit],
  );

  return (
    <section className="card gpu-grid" aria-labelledby="gpu-grid-heading">
      <h2 id="gpu-grid-heading">Which GPUs and devices run it</h2>
      <p className="gpu-grid__summary" data-testid="grid-summary" aria-live="polite">
        {summary}
      </p>
      <p className="muted small gpu-grid__rules">
        Runs great: ≤ {formatNumber(GREAT_MAX_FRACTION * 100)}% of usable memory; tight: ≤ 100%.
        Layer split: each extra GPU pays its own compute buffer and reserve. &quot;Only those that
        run it&quot; keeps devices where one is enough (runs great or tight).
      </p>
      <GridFilters vendors={vendors} />
      {groups.length === 0 ? (
        <div className="gpu-grid__empty">
          <p>No device matches these filters</p>
          <button type="button" onClick={clearFilters}>
            Clear filters
          </button>
        </div>
      ) : (
        groups.map((g) => (
          <section
            key={g.group}
            className="gpu-grid__group"
            aria-labelledby={`gpu-grid-${g.group}`}
          >
            <h3 id={`gpu-grid-${g.group}`}>
              {g.label} <span className="muted small">({g.entries.length})</span>
            </h3>
            <ul className="gpu-grid__list">
              {g.entries.map((e) => (
                <GpuGridItem
                  key={e.device.id}
                  entry={e}
                  selected={e.device.id === gpuId}
                  unit={unit}
                  raisedLimit={raisedLimit}
                  atCount={e.device.id === gpuId ? atCount : null}
                  onSelect={selectGpu}
                />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
