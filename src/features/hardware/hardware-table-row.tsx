import { memo } from 'react';
import { formatBytes, formatParams, formatTokens, type ByteUnit } from '../../domain/format';
import { useAppStore } from '../../state/store';
import type { HardwareRow } from './hardware-model';
import { HW_VERDICT_LABEL, speedText } from './hardware-labels';

const BADGE_CLASS = {
  great: 'badge great',
  tight: 'badge tight',
  offload: 'badge hardware__badge--offload',
  no: 'badge no',
} as const;

function memoryText(r: HardwareRow, unit: ByteUnit): string {
  if (r.verdict === 'no') return '—';
  if (r.verdict === 'offload') {
    return `${formatBytes(r.gpuBytes, unit)} GPU + ${formatBytes(r.ramBytes, unit)} RAM`;
  }
  return formatBytes(r.gpuBytes, unit);
}

/** One model in the hardware table (hooks: data-model, data-quant, data-max-ctx, data-verdict). */
export const HardwareTableRow = memo(function HardwareTableRow({
  row,
  unit,
}: {
  row: HardwareRow;
  unit: ByteUnit;
}) {
  const r = row;
  const open = () =>
    useAppStore
      .getState()
      .openInCalculator(r.model, r.quantId ?? r.model.recommendedQuant, r.contextTokens);
  return (
    <tr
      data-model={r.model.id}
      data-quant={r.quantId ?? ''}
      data-max-ctx={Math.round(r.maxContextTokens)}
      data-verdict={r.verdict}
    >
      <th scope="row" className="hardware__model">
        <span className="hardware__model-name">{r.model.name}</span>{' '}
        <span className="small muted">
          {formatParams(r.params)}
          {r.moe && r.model.activeParams ? ` (${formatParams(r.model.activeParams)} active)` : ''}
        </span>
      </th>
      <td>
        {r.quantId ?? '—'}
        {r.quantId && <span className="small muted"> {r.bitsPerWeight.toFixed(2)} bits</span>}
      </td>
      <td className="num">
        {r.verdict === 'no' ? '—' : formatTokens(r.maxContextTokens)}
        {r.verdict !== 'no' && r.contextCapped && <span className="small muted"> (model max)</span>}
      </td>
      <td className="num">{speedText(r.tps, r.tpsLow, r.tpsHigh)}</td>
      <td className="num" data-bytes={Math.round(r.totalBytes)}>
        {memoryText(r, unit)}
        {r.verdict === 'offload' && r.gpuLayers < r.layers && (
          <span className="small muted hardware__sub">
            {r.gpuLayers} of {r.layers} layers on the GPU
          </span>
        )}
        {r.verdict === 'offload' && r.gpuLayers === r.layers && (
          <span className="small muted hardware__sub">experts in RAM</span>
        )}
      </td>
      <td>
        <span className={BADGE_CLASS[r.verdict]}>{HW_VERDICT_LABEL[r.verdict]}</span>
      </td>
      <td>
        <button type="button" onClick={open} aria-label={`Open ${r.model.name} in the calculator`}>
          Open
        </button>
      </td>
    </tr>
  );
});
