import { useAppStore } from '../../state/store';
import { ChartPlot } from './chart-plot';
import { useQuantChartData } from './use-quant-chart-data';
import './quant-chart.css';

/**
 * Stacked bars of the memory each quantization needs at the chosen context (weights, KV cache,
 * compute buffer, reserve), a line at the selected device's usable memory, and a text summary.
 * Clicking a bar selects that quantization. Loaded lazily (LazyQuantChart): recharts is large.
 */
export function QuantChart() {
  const unit = useAppStore((s) => s.unit);
  const { rows, selectedId, reference, summary } = useQuantChartData();
  return (
    <figure className="quant-chart">
      <ChartPlot rows={rows} selectedId={selectedId} reference={reference} unit={unit} />
      <figcaption className="quant-chart__summary">{summary}</figcaption>
    </figure>
  );
}
