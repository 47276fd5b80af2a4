import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { weightsTableQueryOptions } from '../../catalog/weights-table';
import {
  evaluateCatalog,
  type HardwareOptions,
  type HardwareRow,
} from '../../domain/hardware-sweep';
import { maxUnits } from '../../domain/fit';
import type { DeviceSpec } from '../../domain/types';
import { binaryGbToBytes } from '../../domain/units';
import { useCatalog } from '../../results/results-provider';
import { useAppStore } from '../../state/store';

export interface HardwareRowsResult {
  /** Rows for the latest settings that have been computed (may lag one render behind). */
  rows: HardwareRow[];
  device: DeviceSpec;
  count: number;
  /** The rows are being recomputed for newer settings. */
  stale: boolean;
}

/**
 * Every catalog model evaluated on the selected hardware (hardware-sweep.ts). It waits for the
 * precomputed weights table (data/weights.json, which the page requests at start-up; computing
 * every model's weights in the page would take about a second), then evaluates the catalog in a
 * deferred render (useDeferredValue) so typing and choosing stay responsive. If the table cannot
 * be loaded, weights are computed as needed.
 */
export function useHardwareRows(device: DeviceSpec | null): HardwareRowsResult | null {
  const catalog = useCatalog();
  const table = useQuery(weightsTableQueryOptions(catalog));
  const s = useAppStore(
    useShallow((st) => ({
      count: st.count,
      raisedLimit: st.raisedLimit,
      ramGb: st.ramGb,
      ramBandwidthGbS: st.ramBandwidthGbS,
      contextTokens: st.hwContextTokens,
      kvType: st.kvType,
      flashAttention: st.flashAttention,
      extreme: st.extremeQuants,
    })),
  );
  const opts = useMemo<HardwareOptions | null>(
    () =>
      device
        ? {
            device,
            count: Math.min(s.count, maxUnits(device)),
            raisedLimit: s.raisedLimit,
            ramBytes: binaryGbToBytes(s.ramGb),
            ramBandwidthGbS: s.ramBandwidthGbS,
            contextTokens: s.contextTokens,
            kvType: s.kvType,
            flashAttention: s.flashAttention,
            extreme: s.extreme,
          }
        : null,
    [device, s],
  );
  const ready = !table.isPending;
  const deferred = useDeferredValue(ready ? opts : null);
  const rows = useMemo(
    () => (deferred ? evaluateCatalog(catalog.models, catalog.quants, deferred) : null),
    [catalog.models, catalog.quants, deferred],
  );
  if (!deferred || !rows) return null;
  return { rows, device: deferred.device, count: deferred.count, stale: deferred !== opts };
}
