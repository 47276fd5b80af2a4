import { formatNumber } from '../../domain/format';
import { PART_LABEL, PARTS, type Part } from './explain';

/** Proportional stacked bar of the four parts, with a text legend (the bar itself is decorative). */
export function BreakdownBar({ percents }: { percents: Record<Part, number> }) {
  return (
    <div className="breakdown__chart">
      <div className="breakdown__bar" aria-hidden="true">
        {PARTS.map((p) => (
          <div
            key={p}
            className={`breakdown__segment breakdown__segment--${p}`}
            style={{ width: `${percents[p]}%` }}
          />
        ))}
      </div>
      <ul className="breakdown__legend small" aria-label="Share of the total">
        {PARTS.map((p) => (
          <li key={p}>
            <span className={`breakdown__swatch breakdown__swatch--${p}`} aria-hidden="true" />
            {PART_LABEL[p]} {formatNumber(percents[p], 0)}%
          </li>
        ))}
      </ul>
    </div>
  );
}
