import { useAppStore } from '../../state/store';
import { ChartPlot } from './chart-plot';
import { useQuantChartData } from './use-quant-chart-data';
import './quant-chart.css';

/**
 * Stacked bars of the memory each listed quantization needs at the chosen context (weights, KV
 * cache, compute buffer, reserve), a dashed line at the selected device's usable memory, and a
 * text summary. Clicking a bar selects that quantization. Loaded lazily (LazyQuantChart).
 */
export function QuantChart() {
  const unit = useAppStore((s) => s.unit);
  const { rows, selectedId, reference, summary } = useQuantChartData();
  return (
    <figure className="quant-chart">
      <ChartPlot rows={rows} selectedId={selectedId} reference={reference} unit={unit} />
      <figcaption className="quant-chart__summary small">
        {reference && (
          <span className="quant-chart__ref">
            <span className="quant-chart__dash" aria-hidden="true" /> Dashed line: {reference.label}
            .{' '}
          </span>
        )}
        {summary}
      </figcaption>
    </figure>
  );
}
