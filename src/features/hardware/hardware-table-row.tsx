import { memo } from 'react';
import { VerdictBadge } from '../../components/verdict-badge';
import { VERDICT_LABEL } from '../../components/verdict-label';
import { formatBytes, formatParams, formatTokens, type ByteUnit } from '../../domain/format';
import type { HardwareRow, RunOption } from '../../domain/hardware-sweep';
import { useAppStore } from '../../state/store';
import { formatTps } from './hardware-labels';

function memoryText(o: RunOption, unit: ByteUnit): string {
  if (o.ramBytes > 0)
    return `${formatBytes(o.gpuBytes, unit)} GPU + ${formatBytes(o.ramBytes, unit)} RAM`;
  return formatBytes(o.gpuBytes, unit);
}

/**
 * One model in the hardware table (hooks: data-model, data-quant, data-max-ctx, data-verdict,
 * data-gpu-bytes, data-ram-bytes): the recommended quantization, its speed, the longest context
 * and where the memory goes, the alternatives with more bits, and "Open" in the calculator.
 */
export const HardwareTableRow = memo(function HardwareTableRow({
  row,
  unit,
  labels,
}: {
  row: HardwareRow;
  unit: ByteUnit;
  /** Display label of each quantization id. */
  labels: ReadonlyMap<string, string>;
}) {
  const label = (id: string) => labels.get(id) ?? id;
  const r = row;
  const best = r.best;
  const open = () => {
    useAppStore
      .getState()
      .openInCalculator(r.model, best?.quantId ?? r.model.recommendedQuant, r.contextTokens);
    window.scrollTo({ top: 0 });
    document.getElementById('answer')?.focus({ preventScroll: true });
  };
  return (
    <tr
      data-model={r.model.id}
      data-quant={best?.quantId ?? ''}
      data-max-ctx={Math.round(r.maxContextTokens)}
      data-verdict={r.verdict}
      data-gpu-bytes={Math.round(best?.gpuBytes ?? 0)}
      data-ram-bytes={Math.round(best?.ramBytes ?? 0)}
    >
      <th scope="row" className="hardware__model">
        <span className="hardware__model-name">{r.model.name}</span>
        <span className="small muted hardware__sub">
          {formatParams(r.params)}
          {r.moe && r.model.activeParams ? ` (${formatParams(r.model.activeParams)} active)` : ''}
        </span>
      </th>
      <td>
        <VerdictBadge verdict={r.verdict} />
      </td>
      <td>
        {best ? label(best.quantId) : '—'}
        {best && (
          <span className="small muted hardware__sub">
            {best.bitsPerWeight.toFixed(2)} bits/weight
          </span>
        )}
        {r.alternatives.map((a) => (
          <span key={a.quantId} className="small muted hardware__sub" data-alternative={a.verdict}>
            or {label(a.quantId)}: {VERDICT_LABEL[a.verdict].toLowerCase()}, ≈ {formatTps(a.tps)}{' '}
            t/s
          </span>
        ))}
      </td>
      <td className="num">{best ? `≈ ${formatTps(best.tps)} t/s` : '—'}</td>
      <td className="num hardware__wide">
        {r.verdict === 'no' ? '—' : formatTokens(r.maxContextTokens)}
        {r.verdict !== 'no' && r.contextCapped && <span className="small muted"> (model max)</span>}
      </td>
      <td className="num hardware__wide">
        {best ? memoryText(best, unit) : '—'}
        {best && best.verdict === 'offload' && best.gpuLayers < r.layers && (
          <span className="small muted hardware__sub">
            {best.gpuLayers} of {r.layers} layers on the GPU
          </span>
        )}
        {best && best.verdict === 'offload' && best.gpuLayers === r.layers && (
          <span className="small muted hardware__sub">experts in RAM</span>
        )}
      </td>
      <td>
        <button type="button" onClick={open} aria-label={`Open ${r.model.name} in the calculator`}>
          Open
        </button>
      </td>
    </tr>
  );
});
