import { memo } from 'react';
import {
  ASSUMED_UNIFIED_FRACTION,
  RAISED_LIMIT_OS_HEADROOM_BYTES,
  type FitResult,
} from '../../domain/fit';
import { formatBytes, formatNumber, formatSignedBytes, type ByteUnit } from '../../domain/format';
import { GiB } from '../../domain/units';
import { VERDICT_LABEL } from '../shared/verdict-label';
import type { GridEntry } from './grid-model';

interface Props {
  entry: GridEntry;
  selected: boolean;
  unit: ByteUnit;
  raisedLimit: boolean;
  /** Fit at the chosen count, shown on the selected device when the count is above one. */
  atCount: { count: number; fit: FitResult } | null;
  onSelect: (gpuId: string) => void;
}

function unifiedNote(entry: GridEntry, raisedLimit: boolean): string {
  if (raisedLimit) {
    const osGiB = formatNumber(RAISED_LIMIT_OS_HEADROOM_BYTES / GiB);
    return `GPU limit raised: all but ~${osGiB} GiB of RAM (assumed)`;
  }
  const fraction = entry.device.unifiedUsableFraction ?? ASSUMED_UNIFIED_FRACTION;
  const pct = formatNumber(fraction * 100);
  return `GPU may use ~${pct}% of RAM${entry.usableAssumed ? ' (assumed)' : ''}`;
}

function neededText(needed: number): string | null {
  if (needed === 0) return 'needs more than 8';
  return needed > 1 ? `needs ${needed}` : null;
}

function HeadroomLine({ bytes, unit }: { bytes: number; unit: ByteUnit }) {
  if (bytes >= 0) {
    return (
      <span className="gpu-grid__line">
        Headroom <span className="num">{formatSignedBytes(bytes, unit)}</span>
      </span>
    );
  }
  return (
    <span className="gpu-grid__line">
      Missing <span className="num">{formatBytes(-bytes, unit)}</span>
    </span>
  );
}

function AtCountLine({ count, fit, unit }: { count: number; fit: FitResult; unit: ByteUnit }) {
  const total = fit.headroomBytes * fit.gpus;
  return (
    <span className="gpu-grid__count small">
      With {count}: {VERDICT_LABEL[fit.verdict]},{' '}
      <span className="num">
        {total >= 0
          ? `headroom ${formatSignedBytes(total, unit)}`
          : `missing ${formatBytes(-total, unit)}`}
      </span>
    </span>
  );
}

/** One device card; memoised because the grid re-renders on every slider move. */
export const GpuGridItem = memo(function GpuGridItem({
  entry,
  selected,
  unit,
  raisedLimit,
  atCount,
  onSelect,
}: Props) {
  const { device, fit } = entry;
  const needs = neededText(fit.needed);
  const memory =
    device.gpuCount > 1
      ? `${device.gpuCount} × ${formatNumber(device.memoryGb)} GB`
      : `${formatNumber(device.memoryGb)} GB`;
  return (
    <li
      className="gpu-grid__item"
      data-gpu={device.id}
      data-verdict={fit.verdict}
      data-needed={fit.needed}
    >
      <button
        type="button"
        className={`gpu-grid__button gpu-grid__button--${fit.verdict}`}
        aria-pressed={selected}
        onClick={() => onSelect(device.id)}
      >
        <span className="gpu-grid__head">
          <span className="gpu-grid__name">{device.name}</span>
          <span className={`badge ${fit.verdict}`}>{VERDICT_LABEL[fit.verdict]}</span>
        </span>
        <span className="gpu-grid__line">
          Memory <span className="num">{memory}</span>
        </span>
        <span className="gpu-grid__line">
          Usable <span className="num">{formatBytes(entry.usableBytes, unit)}</span>
        </span>
        <HeadroomLine bytes={entry.headroomBytes} unit={unit} />
        {needs && <span className="gpu-grid__needs">{needs}</span>}
        {entry.unified && (
          <span className="gpu-grid__note muted small">{unifiedNote(entry, raisedLimit)}</span>
        )}
        {atCount && <AtCountLine count={atCount.count} fit={atCount.fit} unit={unit} />}
      </button>
    </li>
  );
});
