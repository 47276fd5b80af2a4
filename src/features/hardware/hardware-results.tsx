import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DeviceSpec } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { deviceMemoryText } from '../controls/device-groups';
import { useCatalog } from '../shared/catalog-context';
import { HardwareFilters } from './hardware-filters';
import { filterRows, sortRows, summarize, type HardwareRow } from './hardware-model';
import { HardwareTable } from './hardware-table';

interface Props {
  rows: readonly HardwareRow[];
  device: DeviceSpec;
  count: number;
  stale: boolean;
}

function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))].sort((a, b) =>
    a.localeCompare(b, 'en'),
  );
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
  const matching = useMemo(
    () =>
      filterRows(rows, {
        family: f.family,
        moe: f.moe,
        license: f.license,
        maxParamsB: f.maxParamsB,
        showNo: true,
      }),
    [rows, f.family, f.moe, f.license, f.maxParamsB],
  );
  const shown = useMemo(
    () => sortRows(showNo ? matching : matching.filter((r) => r.verdict !== 'no'), f.sort),
    [matching, showNo, f.sort],
  );
  const sum = summarize(matching);
  const runs = sum.gpu + sum.offload;
  const hw = `${count} × ${device.name} (${deviceMemoryText(device)})`;

  return (
    <div className={stale ? 'hardware__results hardware__results--stale' : 'hardware__results'}>
      <p className="hardware__summary" role="status" aria-live="polite">
        {runs} {runs === 1 ? 'model runs' : 'models run'} on {hw}: {sum.gpu} fully on the GPU,{' '}
        {sum.offload} with offload to RAM
        {sum.no > 0 ? `; ${sum.no} won't run` : ''}.
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
        Best quantization: the GGUF file with the most bits per weight that fits at the context you
        need (Runs great: at most 90% of usable memory; Tight: up to 100%); if none fits, the one
        with the most bits that runs with part of the model in system RAM. Decode speed = memory
        bandwidth × calibrated efficiency ÷ bytes read per token; calibrated on llama-bench runs
        (RTX 3090/4090, M2 Ultra); estimates, ±20–30%. With offload, the part read from RAM uses the
        RAM bandwidth above.
      </p>
    </div>
  );
}
