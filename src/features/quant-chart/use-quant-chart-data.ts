import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { fitEstimate } from '../../domain/estimate';
import { usableBytesPerGpu } from '../../domain/fit';
import { formatBytes } from '../../domain/format';
import { useAppStore } from '../../state/store';
import { useSettledValue } from '../shared/use-settled-value';
import { useQuantRows, useResolvedModel, useRunSettings } from '../shared/use-calculator';
import { bytesPerUnit, toChartRows, type ChartRow } from './chart-rows';
import { chartSummary } from './chart-summary';

export interface QuantChartData {
  rows: ChartRow[];
  selectedId: string;
  /** Usable memory of the selected device x count, in the unit, with its label; null without a device. */
  reference: { value: number; label: string } | null;
  summary: string;
}

/** Quiet time after the last slider step before the chart redraws, ms. */
const CHART_SETTLE_MS = 400;

/**
 * Chart data derived from the selection. The run settings are taken once they settle, so while
 * the context slider is dragged the table and grid follow it and the (slower) chart redraws when
 * the drag pauses.
 */
export function useQuantChartData(): QuantChartData {
  const run = useSettledValue(useRunSettings(), CHART_SETTLE_MS);
  const rows = useQuantRows(run);
  const { resolved } = useResolvedModel();
  const { unit, count, raisedLimit } = useAppStore(
    useShallow((s) => ({ unit: s.unit, count: s.count, raisedLimit: s.raisedLimit })),
  );
  const { device, quant } = resolved;

  const chartRows = useMemo(() => toChartRows(rows, unit), [rows, unit]);

  const { reference, summary } = useMemo(() => {
    const o = { raisedUnifiedLimit: raisedLimit };
    const items = rows.map((r) => ({
      label: r.quant.label,
      totalBytes: r.atContext.totalBytes,
      fits: device ? fitEstimate(r.atContext, device, count, o).verdict !== 'no' : null,
    }));
    if (!device) {
      return { reference: null, summary: chartSummary(items, unit, run.contextTokens, null) };
    }
    const gpus = Math.max(1, count) * Math.max(1, device.gpuCount);
    const usableBytes = usableBytesPerGpu(device, o) * gpus;
    return {
      reference: {
        value: usableBytes / bytesPerUnit(unit),
        label: `${device.name} ×${count} usable: ${formatBytes(usableBytes, unit)}`,
      },
      summary: chartSummary(items, unit, run.contextTokens, {
        name: device.name,
        count,
        usableBytes,
      }),
    };
  }, [rows, device, count, raisedLimit, unit, run.contextTokens]);

  return { rows: chartRows, selectedId: quant.id, reference, summary };
}
