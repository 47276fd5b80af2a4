import { compareNames } from '../../domain/format';
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { deviceLabel } from '../../components/device-groups';
import { VERDICT_LABEL } from '../../components/verdict-label';
import type { HardwareRow } from '../../domain/hardware-sweep';
import { MIN_OFFLOAD_TPS } from '../../domain/offload';
import type { DeviceSpec } from '../../domain/types';
import { useCatalog } from '../../results/results-provider';
import { useAppStore } from '../../state/store';
import { HardwareFilters } from './hardware-filters';
import { filterRows, sortRows, summarize } from './hardware-rows';
import { HardwareTable } from './hardware-table';

interface Props {
  rows: readonly HardwareRow[];
  device: DeviceSpec;
  count: number;
  stale: boolean;
}

function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))].sort(compareNames);
}

/** Summary line, filters and the table of models for the chosen hardware. */
export function HardwareResults({ rows, device, count, stale }: Props) {
  const { models } = useCatalog();
  const [showNo, setShowNo] = useState(false);
  const f = useAppStore(
    useShallow((s) => ({
      family: s.hwFamily,
      moe: s.hwMoe,
      license: s.hwLicense,
      maxParamsB: s.hwMaxParamsB,
      sort: s.hwSort,
      unit: s.unit,
    })),
  );
  const families = useMemo(() => distinct(models.map((m) => m.family)), [models]);
  const licenses = useMemo(() => distinct(models.map((m) => m.license)), [models]);
  const matching = useMemo(() => filterRows(rows, f), [rows, f]);
  const shown = useMemo(
    () => sortRows(showNo ? matching : matching.filter((r) => r.verdict !== 'no'), f.sort),
    [matching, showNo, f.sort],
  );
  const sum = summarize(matching);
  const hw = `${count > 1 ? `${count} × ` : ''}${deviceLabel(device)}`;

  return (
    <div className={stale ? 'hardware__results hardware__results--stale' : 'hardware__results'}>
      <p className="hardware__summary" role="status" aria-live="polite">
        On {hw}: {sum.great} {sum.great === 1 ? 'model runs' : 'models run'} great, {sum.tight}{' '}
        tight, {sum.offload} only with offload; {sum.no} won&apos;t run.
      </p>
      <HardwareFilters
        families={families}
        licenses={licenses}
        showNo={showNo}
        onShowNo={setShowNo}
      />
      {shown.length > 0 ? (
        <HardwareTable rows={shown} unit={f.unit} />
      ) : (
        <p className="muted">No model matches these filters.</p>
      )}
      <p className="small muted hardware__method">
        Recommended: the GGUF file with the most bits that runs great ({VERDICT_LABEL.great}: at
        most 90% of usable memory) at the context you need, K- and I-quants only (not the legacy
        Q4_0/Q4_1/Q5_0/Q5_1), no 1-2 bit file for models under 100B parameters unless you ask;
        failing that the best tight fit, then offload to system RAM at {MIN_OFFLOAD_TPS} tokens/s or
        more (graphics cards only). Alternatives with more bits are shown below it. Default order:
        runs great first, then the largest models (parameter count), newest first.
      </p>
    </div>
  );
}
