import { memo, type KeyboardEvent } from 'react';
import type { Verdict } from '../../domain/fit';
import { formatBytes, formatNumber, type ByteUnit } from '../../domain/format';
import type { QuantRow } from '../shared/use-calculator';
import { useAppStore } from '../../state/store';
import { QuantQuality } from './quant-quality';
import { VERDICT_LABEL } from '../shared/verdict-label';

interface Props {
  row: QuantRow;
  selected: boolean;
  recommended: boolean;
  unit: ByteUnit;
  /** Fit on the selected device; undefined when no device is selected (no column). */
  verdict?: Verdict;
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

function BytesCell({ field, bytes, unit }: { field: string; bytes: number; unit: ByteUnit }) {
  return (
    <td className="num" data-field={field} data-bytes={Math.round(bytes)}>
      {formatBytes(bytes, unit)}
    </td>
  );
}

/** One quantization in the table; memoised because the table re-renders on every slider move. */
export const QuantTableRow = memo(function QuantTableRow({
  row,
  selected,
  recommended,
  unit,
  verdict,
}: Props) {
  const { quant, atContext, atFull } = row;
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
        <span className="quant-table__label">{quant.label}</span>{' '}
        <span className="quant-table__tag">{quant.format === 'gguf' ? 'GGUF' : 'safetensors'}</span>
        {recommended && (
          <>
            {' '}
            <span className="quant-table__tag quant-table__tag--recommended">recommended</span>
          </>
        )}
        {selected && <span className="visually-hidden"> (selected)</span>}
      </th>
      <td className="num">{formatNumber(atContext.weights.bitsPerWeight, 2)}</td>
      <BytesCell field="weights" bytes={atContext.weights.deviceBytes} unit={unit} />
      <BytesCell field="kv" bytes={atContext.kv.totalBytes} unit={unit} />
      <BytesCell field="total" bytes={atContext.totalBytes} unit={unit} />
      <BytesCell field="total-full" bytes={atFull.totalBytes} unit={unit} />
      <BytesCell field="file" bytes={atContext.weights.fileBytes} unit={unit} />
      <td className="quant-table__quality-cell">
        <QuantQuality quant={quant} />
      </td>
      {verdict && (
        <td className="quant-table__fit" data-verdict={verdict}>
          <span className={`badge ${verdict}`}>{VERDICT_LABEL[verdict]}</span>
        </td>
      )}
    </tr>
  );
});
