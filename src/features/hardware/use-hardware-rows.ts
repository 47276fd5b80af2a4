import { useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DeviceSpec } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { useCatalog } from '../shared/catalog-context';
import {
  evaluateCatalog,
  ramGbToBytes,
  type HardwareOptions,
  type HardwareRow,
} from './hardware-model';

export interface HardwareRowsResult {
  /** Rows for the latest settings that have been computed (may lag one render behind). */
  rows: HardwareRow[];
  device: DeviceSpec;
  count: number;
  /** The rows are being recomputed for newer settings. */
  stale: boolean;
}

/**
 * Every catalog model evaluated on the selected hardware. The settings go through
 * useDeferredValue so typing or choosing stays responsive: React first re-renders with the
 * previous rows, then computes the sweep in a background render.
 */
export function useHardwareRows(device: DeviceSpec | null): HardwareRowsResult | null {
  const { models, quants } = useCatalog();
  const s = useAppStore(
    useShallow((st) => ({
      count: st.count,
      raisedLimit: st.raisedLimit,
      ramGb: st.ramGb,
      ramBandwidthGbS: st.ramBandwidthGbS,
      contextTokens: st.hwContextTokens,
      kvType: st.kvType,
      flashAttention: st.flashAttention,
    })),
  );
  const opts = useMemo<HardwareOptions | null>(
    () =>
      device
        ? {
            device,
            count: s.count,
            raisedLimit: s.raisedLimit,
            ramBytes: ramGbToBytes(s.ramGb),
            ramBandwidthGbS: s.ramBandwidthGbS,
            contextTokens: s.contextTokens,
            kvType: s.kvType,
            flashAttention: s.flashAttention,
          }
        : null,
    [
      device,
      s.count,
      s.raisedLimit,
      s.ramGb,
      s.ramBandwidthGbS,
      s.contextTokens,
      s.kvType,
      s.flashAttention,
    ],
  );
  const deferred = useDeferredValue(opts);
  const rows = useMemo(
    () => (deferred ? evaluateCatalog(models, quants, deferred) : null),
    [models, quants, deferred],
  );
  if (!deferred || !rows) return null;
  return { rows, device: deferred.device, count: deferred.count, stale: deferred !== opts };
}
