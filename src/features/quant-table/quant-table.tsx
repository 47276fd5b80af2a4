import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { fitEstimate } from '../../domain/estimate';
import type { Verdict } from '../../domain/fit';
import { formatTokens } from '../../domain/format';
import { useAppStore } from '../../state/store';
import { useQuantRows, useResolved, useRunSettings } from '../shared/use-calculator';
import { QuantTableRow } from './quant-table-row';
import './quant-table.css';

/**
 * Memory of the selected model in every catalog quantization, at the chosen context and at the
 * model's full context. A row is selected by click, Enter or Space; arrows move between rows.
 */
export function QuantTable() {
  const run = useRunSettings();
  const rows = useQuantRows(run);
  const { resolved } = useResolved();
  const { unit, count, raisedLimit } = useAppStore(
    useShallow((s) => ({ unit: s.unit, count: s.count, raisedLimit: s.raisedLimit })),
  );
  const { model, quant, device } = resolved;

  const verdicts = useMemo(() => {
    if (!device) return null;
    const map = new Map<string, Verdict>();
    for (const r of rows) {
      const fit = fitEstimate(r.atContext, device, count, { raisedUnifiedLimit: raisedLimit });
      map.set(r.quant.id, fit.verdict);
    }
    return map;
  }, [rows, device, count, raisedLimit]);

  const hintId = useId();
  const ctx = formatTokens(run.contextTokens);
  return (
    <div className="quant-table">
      <div className="scroll-x">
        <table className="quant-table__table" aria-describedby={hintId}>
          <caption className="quant-table__caption">Memory by quantization at {ctx} tokens</caption>
          <thead>
            <tr>
              <th scope="col">Quantization</th>
              <th scope="col" className="num">
                Bits per weight
              </th>
              <th scope="col" className="num">
                Weights
              </th>
              <th scope="col" className="num">
                KV cache
              </th>
              <th scope="col" className="num">
                Total at {ctx}
              </th>
              <th scope="col" className="num">
                Total at {formatTokens(model.maxContextTokens)} (max)
              </th>
              <th scope="col" className="num">
                File size
              </th>
              <th scope="col">Quality</th>
              {device && (
                <th scope="col" className="quant-table__fit-head">
                  Fits {count} × {device.name}?
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <QuantTableRow
                key={r.quant.id}
                row={r}
                unit={unit}
                selected={r.quant.id === quant.id}
                recommended={r.quant.id === model.recommendedQuant}
                verdict={verdicts?.get(r.quant.id)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p id={hintId} className="muted small quant-table__hint">
        Click a row, or focus it and press Enter, to use that quantization. Arrow keys move between
        rows.
      </p>
    </div>
  );
}
