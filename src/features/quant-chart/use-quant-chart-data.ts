import { useMemo } from 'react';
import { gpusInUse, usableBytesPerGpu } from '../../domain/fit';
import { formatBytes } from '../../domain/format';
import { useResults } from '../../results/results-provider';
import { useSettledValue } from '../../results/use-settled-value';
import { useAppStore } from '../../state/store';
import { bytesPerUnit, toChartRows, type ChartRow } from './chart-rows';
import { chartSummary } from './chart-summary';

export interface QuantChartData {
  rows: ChartRow[];
  selectedId: string;
  /** Usable memory of the selected device x count, in the unit, with its label; null without a device. */
  reference: { value: number; label: string } | null;
  summary: string;
}

/** Quiet time after the last change before the chart redraws, ms (the chart's own, third clock). */
const CHART_SETTLE_MS = 400;

/**
 * Chart data from the deferred results (the table's rows), taken once they settle: while the
 * context slider is dragged the table follows it and the slower chart redraws when the drag
 * pauses.
 */
export function useQuantChartData(): QuantChartData {
  const results = useSettledValue(useResults(), CHART_SETTLE_MS);
  const unit = useAppStore((s) => s.unit);
  return useMemo(() => {
    const rows = results.quantRows;
    const { resolved, run, hardware } = results.selected;
    const { device, quant } = resolved;
    const items = rows.map((r) => ({
      label: r.quant.label,
      totalBytes: r.atContext.totalBytes,
      fits: r.fit ? r.fit.verdict !== 'no' : null,
    }));
    const chartRows = toChartRows(rows, unit);
    if (!device) {
      return {
        rows: chartRows,
        selectedId: quant.id,
        reference: null,
        summary: chartSummary(items, unit, run.contextTokens, null),
      };
    }
    const usableBytes =
      usableBytesPerGpu(device, hardware.usable) * gpusInUse(device, hardware.count);
    return {
      rows: chartRows,
      selectedId: quant.id,
      reference: {
        value: usableBytes / bytesPerUnit(unit),
        label: `usable memory of ${hardware.count} × ${device.name}: ${formatBytes(usableBytes, unit)}`,
      },
      summary: chartSummary(items, unit, run.contextTokens, {
        name: device.name,
        count: hardware.count,
        usableBytes,
      }),
    };
  }, [results, unit]);
}
