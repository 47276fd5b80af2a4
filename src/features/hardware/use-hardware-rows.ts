import { useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DeviceSpec } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { useCatalog } from '../shared/catalog-context';
import { useWarmVersion, useWarmWeights } from './use-warm-weights';
import {
  evaluateCatalog,
  isOrdered,
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
 * previous rows, then computes the sweep in a background render. The sweep waits until every
 * model's weights are cached (computed in idle-time slices by useWarmWeights), so it never
 * blocks the page for the one-off cost of the recipes (about 1 s for the whole catalog);
 * until then the view says it is working.
 */
export function useHardwareRows(device: DeviceSpec | null): HardwareRowsResult | null {
  const { models, quants } = useCatalog();
  useWarmWeights(models, quants);
  const warmVersion = useWarmVersion();
  const warm = useMemo(
    () => warmVersion >= 0 && models.every((m) => isOrdered(m, quants)),
    [models, quants, warmVersion],
  );
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
    () => (deferred && warm ? evaluateCatalog(models, quants, deferred) : null),
    [models, quants, deferred, warm],
  );
  if (!deferred || !rows) return null;
  return { rows, device: deferred.device, count: deferred.count, stale: deferred !== opts };
}
