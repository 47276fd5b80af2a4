import { memo, type KeyboardEvent } from 'react';
import { VerdictBadge } from '../../components/verdict-badge';
import { formatBytes, formatNumber, formatTokens, type ByteUnit } from '../../domain/format';
import type { QuantRow } from '../../results/results';
import { useAppStore } from '../../state/store';
import { QuantQuality } from './quant-quality';

interface Props {
  row: QuantRow;
  unit: ByteUnit;
  /** Show the "at the model's maximum context" column (hidden when the context is the maximum). */
  showFull: boolean;
  /** A device is selected: show the fit and longest-context columns. */
  withDevice: boolean;
}

function focusRow(row: Element | null | undefined) {
  if (row instanceof HTMLTableRowElement) row.focus();
}

function onRowKeyDown(e: KeyboardEvent<HTMLTableRowElement>, quantId: string) {
  const tr = e.currentTarget;
  switch (e.key) {
    case 'Enter':
    case ' ':
      e.preventDefault();
      useAppStore.getState().selectQuant(quantId);
      break;
    case 'ArrowDown':
      e.preventDefault();
      focusRow(tr.nextElementSibling);
      break;
    case 'ArrowUp':
      e.preventDefault();
      focusRow(tr.previousElementSibling);
      break;
    case 'Home':
      e.preventDefault();
      focusRow(tr.parentElement?.firstElementChild);
      break;
    case 'End':
      e.preventDefault();
      focusRow(tr.parentElement?.lastElementChild);
      break;
  }
}

function BytesCell({
  field,
  bytes,
  unit,
  className,
}: {
  field: string;
  bytes: number;
  unit: ByteUnit;
  className?: string;
}) {
  return (
    <td
      className={className ? `num ${className}` : 'num'}
      data-field={field}
      data-bytes={Math.round(bytes)}
    >
      {formatBytes(bytes, unit)}
    </td>
  );
}

/** One quantization in the table; memoised because the table re-renders on every slider step. */
export const QuantTableRow = memo(function QuantTableRow({
  row,
  unit,
  showFull,
  withDevice,
}: Props) {
  const { quant, atContext, atFull, fit, maxContextTokens, selected, recommended } = row;
  const cls = ['quant-table__row', selected && 'quant-table__row--selected'].filter(Boolean);
  return (
    <tr
      data-quant={quant.id}
      aria-selected={selected}
      tabIndex={0}
      className={cls.join(' ')}
      onClick={() => useAppStore.getState().selectQuant(quant.id)}
      onKeyDown={(e) => onRowKeyDown(e, quant.id)}
    >
      <th scope="row" className="quant-table__name">
        <span className="quant-table__label">{quant.label}</span>
        {quant.format === 'safetensors' && <span className="tag">vLLM</span>}
        {recommended && <span className="tag tag--accent">recommended</span>}
        {selected && <span className="visually-hidden"> (selected)</span>}
        {selected && (
          <span className="quant-table__more small muted">
            {formatNumber(atContext.weights.bitsPerWeight, 2)} bits/weight · weights{' '}
            {formatBytes(atContext.weights.deviceBytes, unit)} · KV{' '}
            {formatBytes(atContext.kv.totalBytes, unit)} · file{' '}
            {formatBytes(atContext.weights.fileBytes, unit)}
            {maxContextTokens !== null && ` · longest context ${formatTokens(maxContextTokens)}`}
            {quant.quality && ` · ${quant.quality.word}`}
          </span>
        )}
      </th>
      <td className="num quant-table__wide">{formatNumber(atContext.weights.bitsPerWeight, 2)}</td>
      <td className="quant-table__quality-cell quant-table__wide">
        <QuantQuality quant={quant} />
      </td>
      <BytesCell
        field="weights"
        bytes={atContext.weights.deviceBytes}
        unit={unit}
        className="quant-table__wide"
      />
      <BytesCell
        field="kv"
        bytes={atContext.kv.totalBytes}
        unit={unit}
        className="quant-table__wide"
      />
      <BytesCell
        field="total"
        bytes={atContext.totalBytes}
        unit={unit}
        className="quant-table__total"
      />
      {withDevice && (
        <td className="quant-table__fit" data-verdict={fit?.verdict}>
          {fit && (
            <VerdictBadge
              verdict={fit.verdict === 'no' && fit.needed > 1 ? 'several' : fit.verdict}
              text={
                fit.verdict === 'no'
                  ? fit.needed > 1
                    ? `Needs ${fit.needed}`
                    : 'No'
                  : fit.verdict === 'great'
                    ? 'Great'
                    : 'Tight'
              }
            />
          )}
        </td>
      )}
      {withDevice && (
        <td
          className="num quant-table__wide"
          data-field="max-context"
          data-value={maxContextTokens ?? 0}
        >
          {maxContextTokens === null
            ? '—'
            : maxContextTokens === 0
              ? 'none'
              : formatTokens(maxContextTokens)}
        </td>
      )}
      <BytesCell
        field="total-full"
        bytes={atFull.totalBytes}
        unit={unit}
        className={showFull ? 'quant-table__wide' : 'quant-table__wide is-hidden'}
      />
      <BytesCell
        field="file"
        bytes={atContext.weights.fileBytes}
        unit={unit}
        className="quant-table__wide"
      />
    </tr>
  );
});
