import { useId, useMemo, useState } from 'react';
import { DEVICE_GROUP_LABEL } from '../../components/device-groups';
import { VERDICT_LABEL } from '../../components/verdict-label';
import { countStandings, smallestThatRun, type DeviceStanding } from '../../domain/device-fit';
import { formatNumber } from '../../domain/format';
import { GREAT_MAX_FRACTION } from '../../domain/fit';
import { useResults } from '../../results/results-provider';
import { GRID_GROUPS, GRID_SORTS, type GridGroup, type GridSort } from '../../state/selection';
import { useAppStore } from '../../state/store';
import { DeviceRow } from './device-row';
import { deviceListGroups, distinctVendors, SORT_LABEL } from './device-list-model';
import './device-list.css';

/** Rows shown per group before "Show all". */
const ROWS_SHOWN = 6;

const GROUP_TITLE: Record<DeviceStanding, string> = {
  great: VERDICT_LABEL.great,
  tight: VERDICT_LABEL.tight,
  several: 'Needs several of them',
  no: VERDICT_LABEL.no,
};

function selectDevice(id: string) {
  useAppStore.getState().selectGpu(id);
}

function StandingTable({
  standing,
  rows,
  selectedId,
  open,
  onToggle,
}: {
  standing: DeviceStanding;
  rows: ReturnType<typeof deviceListGroups>[number]['fits'];
  selectedId: string | null;
  open: boolean;
  onToggle: () => void;
}) {
  const unit = useAppStore((s) => s.unit);
  const headingId = useId();
  const shown = open ? rows : rows.slice(0, ROWS_SHOWN);
  return (
    <section className={`device-group device-group--${standing}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="device-group__title">
        {GROUP_TITLE[standing]} <span className="muted">({rows.length})</span>
      </h3>
      <div className="scroll-x">
        <table className="device-table">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col" className="device-row__wide">
                Verdict
              </th>
              <th scope="col" className="num device-row__wide">
                Installed
              </th>
              <th scope="col" className="num device-row__wide">
                Usable
              </th>
              <th scope="col" className="num">
                {standing === 'great' || standing === 'tight' ? 'Headroom' : 'Short by'}
              </th>
              <th scope="col" className="num">
                Speed
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <DeviceRow
                key={f.device.id}
                fit={f}
                selected={f.device.id === selectedId}
                unit={unit}
                onSelect={selectDevice}
              />
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > ROWS_SHOWN && (
        <button
          type="button"
          className="device-group__more"
          aria-expanded={open}
          onClick={onToggle}
        >
          {open ? 'Show fewer' : `Show all ${rows.length}`}
        </button>
      )}
    </section>
  );
}

/**
 * Every catalog device for the selected configuration, as compact rows grouped by verdict: runs
 * great, tight, needs several (cards or servers, never a unified-memory computer), won't run
 * (collapsed with its count). A search box finds "4070", "m3 pro", "h100"; group, vendor, sort and
 * "only those that run it" filters live in the share URL. Clicking a device selects it (the sticky
 * answer shows it). Deferred clock (ResultsProvider).
 */
export function DeviceList() {
  const results = useResults();
  const fits = results.deviceFits;
  const selectedId = results.selected.resolved.device?.id ?? null;
  const group = useAppStore((s) => s.gridGroup);
  const vendor = useAppStore((s) => s.gridVendor);
  const onlyRuns = useAppStore((s) => s.gridOnlyRuns);
  const sort = useAppStore((s) => s.gridSort);
  const find = useAppStore((s) => s.gridFind);
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [showNo, setShowNo] = useState(false);
  const searchId = useId();

  const groups = useMemo(
    () => deviceListGroups(fits, { group, vendor, onlyRuns, find }, sort, selectedId),
    [fits, group, vendor, onlyRuns, find, sort, selectedId],
  );
  const counts = useMemo(() => countStandings(fits), [fits]);
  const cheapest = useMemo(() => smallestThatRun(fits), [fits]);
  const vendors = useMemo(() => distinctVendors(fits), [fits]);
  const searching = find !== null;
  const st = useAppStore.getState();

  return (
    <div className="device-list">
      <p className="device-list__summary" data-testid="grid-summary">
        {counts.great} run it great, {counts.tight} tight, {counts.several} need several,{' '}
        {counts.no} won&apos;t run.{' '}
        {cheapest.length > 0 ? (
          <>
            Smallest that run it:{' '}
            {cheapest
              .map(
                (c) =>
                  `${c.fit.needed > 1 ? `${c.fit.needed} × ` : ''}${c.device.name} (${VERDICT_LABEL[c.fit.needed > 1 ? 'several' : c.standing].toLowerCase()})`,
              )
              .join(', ')}
            .
          </>
        ) : (
          'No device in the catalog runs it, not even 8 of the largest.'
        )}
      </p>
      <div className="device-list__filters">
        <div className="device-list__search">
          <label htmlFor={searchId}>Find a device</label>
          <input
            id={searchId}
            type="search"
            placeholder="4070, m3 pro, h100…"
            value={find ?? ''}
            onChange={(e) => st.setGridFind(e.target.value)}
          />
        </div>
        <label className="device-list__field">
          <span>Group</span>
          <select
            value={group}
            onChange={(e) => {
              const v = e.target.value;
              if ((GRID_GROUPS as readonly string[]).includes(v)) st.setGridGroup(v as GridGroup);
            }}
          >
            {GRID_GROUPS.map((g) => (
              <option key={g} value={g}>
                {g === 'all' ? 'All devices' : DEVICE_GROUP_LABEL[g]}
              </option>
            ))}
          </select>
        </label>
        <label className="device-list__field">
          <span>Vendor</span>
          <select
            value={vendor ?? ''}
            onChange={(e) => st.setGridVendor(e.target.value === '' ? null : e.target.value)}
          >
            <option value="">All vendors</option>
            {(vendor !== null && !vendors.includes(vendor) ? [...vendors, vendor] : vendors).map(
              (v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ),
            )}
          </select>
        </label>
        <label className="device-list__field">
          <span>Sort</span>
          <select
            value={sort}
            onChange={(e) => {
              const v = e.target.value;
              if ((GRID_SORTS as readonly string[]).includes(v)) st.setGridSort(v as GridSort);
            }}
          >
            {GRID_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="check small">
          <input
            type="checkbox"
            checked={onlyRuns}
            onChange={(e) => st.setGridOnlyRuns(e.target.checked)}
          />
          Only those that run it
        </label>
      </div>
      {groups.length === 0 ? (
        <div className="device-list__empty">
          <p>No device matches{find ? ` “${find}”` : ' these filters'}.</p>
          <button
            type="button"
            onClick={() => {
              st.setGridGroup('all');
              st.setGridVendor(null);
              st.setGridOnlyRuns(false);
              st.setGridFind(null);
            }}
          >
            Clear search and filters
          </button>
        </div>
      ) : (
        groups.map((g) =>
          g.standing === 'no' && !searching && !showNo ? (
            <section key="no" className="device-group device-group--no device-group--collapsed">
              <button
                type="button"
                className="device-group__reveal"
                aria-expanded={false}
                onClick={() => setShowNo(true)}
              >
                {GROUP_TITLE.no}: {g.fits.length} {g.fits.length === 1 ? 'device' : 'devices'}{' '}
                (show)
              </button>
            </section>
          ) : (
            <StandingTable
              key={g.standing}
              standing={g.standing}
              rows={g.fits}
              selectedId={selectedId}
              open={searching || Boolean(open[g.standing])}
              onToggle={() => setOpen((o) => ({ ...o, [g.standing]: !o[g.standing] }))}
            />
          ),
        )
      )}
      <p className="muted small device-list__rules">
        One unit of each device (a card, a computer, or a multi-GPU server). Runs great: at most{' '}
        {formatNumber(GREAT_MAX_FRACTION * 100)}% of usable memory; tight: up to 100%. Several cards
        split the model by layers and each pays its own compute buffer and reserve; Macs and other
        unified-memory computers cannot be pooled. Speed: estimated decode tokens/s with the chosen
        context in the cache.
      </p>
    </div>
  );
}
