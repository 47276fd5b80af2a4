import { lazy, Suspense, useEffect, useRef, useState } from 'react';

const QuantChart = lazy(() => import('./quant-chart').then((m) => ({ default: m.QuantChart })));

/** How far below the viewport the chart's code starts loading, px. */
const PRELOAD_MARGIN = '600px';

/**
 * The quantization chart, whose code (recharts) is fetched only when the chart comes within
 * {@link PRELOAD_MARGIN} of the viewport; until then, and while it loads, a placeholder of the
 * chart's height holds its place so nothing moves.
 */
export function LazyQuantChart() {
  const ref = useRef<HTMLDivElement>(null);
  // Without IntersectionObserver (old browsers, jsdom) the chart loads at once.
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: PRELOAD_MARGIN },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  const placeholder = (
    <p className="quant-chart__placeholder muted" role="status">
      Loading chart…
    </p>
  );
  return (
    <div ref={ref} className="quant-chart__slot">
      {near ? <Suspense fallback={placeholder}>{<QuantChart />}</Suspense> : placeholder}
    </div>
  );
}
