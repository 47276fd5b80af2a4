import { formatBytes, type ByteUnit } from '../domain/format';

/**
 * A memory figure: the text in the page's unit, with the engine's exact byte count in
 * `data-bytes` (shared/design/CONTRACTS.md) under `data-field`.
 */
export function Bytes({
  field,
  bytes,
  unit,
  className,
}: {
  field?: string;
  bytes: number;
  unit: ByteUnit;
  className?: string;
}) {
  return (
    <span
      className={className ? `num ${className}` : 'num'}
      data-field={field}
      data-bytes={Number.isFinite(bytes) ? Math.round(bytes) : undefined}
    >
      {formatBytes(bytes, unit)}
    </span>
  );
}
