import { formatBytes, type ByteUnit } from '../../domain/format';

interface Props {
  field: string;
  label: string;
  bytes: number;
  unit: ByteUnit;
  /** How the figure was computed, one line. */
  explain?: string;
  /** Marker colour class suffix (weights, kv, compute, reserve); none for the total. */
  swatch?: string;
}

/** One figure of the breakdown, carrying the engine's exact byte count in data-bytes. */
export function BreakdownRow({ field, label, bytes, unit, explain, swatch }: Props) {
  return (
    <div
      className={`breakdown__row${swatch ? '' : ' breakdown__row--total'}`}
      data-field={field}
      data-bytes={Math.round(bytes)}
    >
      <dt className="breakdown__label">
        {swatch && (
          <span className={`breakdown__swatch breakdown__swatch--${swatch}`} aria-hidden="true" />
        )}
        {label}
      </dt>
      <dd className="breakdown__value num">{formatBytes(bytes, unit)}</dd>
      {explain && <dd className="breakdown__explain small muted">{explain}</dd>}
    </div>
  );
}
