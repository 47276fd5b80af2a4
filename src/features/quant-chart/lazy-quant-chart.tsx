import { lazy, Suspense } from 'react';

const QuantChart = lazy(() => import('./quant-chart').then((m) => ({ default: m.QuantChart })));

/** The quantization chart, loaded on demand so recharts stays out of the first bundle. */
export function LazyQuantChart() {
  return (
    <Suspense fallback={<p className="muted">Loading chart…</p>}>
      <QuantChart />
    </Suspense>
  );
}
