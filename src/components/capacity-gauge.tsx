import { GREAT_MAX_FRACTION } from '../domain/fit';
import { formatNumber } from '../domain/format';
import './capacity-gauge.css';

/**
 * How full the GPU is: a bar of used against usable memory, with a mark at the 90% line between
 * "runs great" and "tight" (fit.ts). Over 100% the bar is full and says by how much it overflows.
 */
export function CapacityGauge({
  usedBytes,
  usableBytes,
  label,
}: {
  usedBytes: number;
  usableBytes: number;
  /** Accessible name, e.g. "GPU memory used". */
  label: string;
}) {
  const fraction = usableBytes > 0 ? usedBytes / usableBytes : 0;
  const pct = Math.round(fraction * 100);
  const state = fraction <= GREAT_MAX_FRACTION ? 'great' : fraction <= 1 ? 'tight' : 'no';
  return (
    <div
      className={`gauge gauge--${state}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.min(pct, 100)}
      aria-valuetext={`${formatNumber(pct)}% of usable memory`}
    >
      <div
        className="gauge__fill"
        style={{ width: `${Math.min(100, Math.max(0, fraction * 100))}%` }}
      />
      <div
        className="gauge__mark"
        style={{ left: `${GREAT_MAX_FRACTION * 100}%` }}
        title={`${formatNumber(GREAT_MAX_FRACTION * 100)}%: above this it is a tight fit`}
      />
    </div>
  );
}
