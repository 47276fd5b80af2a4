import { useId } from 'react';
import { formatTokens } from '../../domain/format';
import { useResults } from '../../results/results-provider';
import { useAppStore } from '../../state/store';
import { QuantTableRow } from './quant-table-row';
import './quant-table.css';

/**
 * The selected model in the common GGUF quantizations (or all of them, and the vLLM formats on
 * request), largest file first: quality word, memory at the chosen context, whether it fits your
 * device and the longest context that does, memory at the model's maximum, file size. A row is
 * selected by click, Enter or Space; arrows move between rows. Deferred clock (ResultsProvider).
 */
export function QuantTable() {
  const results = useResults();
  const rows = results.quantRows;
  const { resolved, run, hardware } = results.selected;
  const unit = useAppStore((s) => s.unit);
  const quantList = useAppStore((s) => s.quantList);
  const quantVllm = useAppStore((s) => s.quantVllm);
  const { model, device } = resolved;
  const hintId = useId();
  const ctx = formatTokens(run.contextTokens);
  const showFull = run.contextTokens < model.maxContextTokens;
  const ggufTotal = results.catalog.quants.filter((q) => q.format === 'gguf').length;
  const onDevice = device
    ? `${hardware.count > 1 ? `${hardware.count} × ` : ''}${device.name}`
    : null;
  return (
    <div className="quant-table">
      <div className="quant-table__toggles" role="group" aria-label="Which quantizations to list">
        <label className="check small">
          <input
            type="checkbox"
            checked={quantList === 'all'}
            onChange={(e) =>
              useAppStore.getState().setQuantList(e.target.checked ? 'all' : 'common')
            }
          />
          Show all GGUF types ({ggufTotal})
        </label>
        <label className="check small">
          <input
            type="checkbox"
            checked={quantVllm}
            onChange={(e) => useAppStore.getState().setQuantVllm(e.target.checked)}
          />
          vLLM / safetensors formats
        </label>
      </div>
      <div className="scroll-x">
        <table className="quant-table__table" aria-describedby={hintId}>
          <caption className="visually-hidden">
            Memory by quantization at {ctx} tokens of context
          </caption>
          <thead>
            <tr>
              <th scope="col">Quantization</th>
              <th scope="col" className="num quant-table__wide" title="Bits per weight, this model">
                Bits
              </th>
              <th scope="col" className="quant-table__wide">
                Quality
              </th>
              <th scope="col" className="num quant-table__wide">
                Weights
              </th>
              <th scope="col" className="num quant-table__wide">
                KV cache
              </th>
              <th scope="col" className="num">
                Total at {ctx}
              </th>
              {onDevice && (
                <th scope="col" className="quant-table__fit-head">
                  Fits?
                </th>
              )}
              {onDevice && (
                <th scope="col" className="num quant-table__wide">
                  Longest context
                </th>
              )}
              <th
                scope="col"
                className={showFull ? 'num quant-table__wide' : 'num quant-table__wide is-hidden'}
              >
                At {formatTokens(model.maxContextTokens)} (max)
              </th>
              <th scope="col" className="num quant-table__wide">
                File
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <QuantTableRow
                key={r.quant.id}
                row={r}
                unit={unit}
                showFull={showFull}
                withDevice={onDevice !== null}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p id={hintId} className="muted small quant-table__hint">
        {onDevice ? `“Fits?” and “Longest context” are for ${onDevice}. ` : ''}Click a row, or focus
        it and press Enter, to use that quantization.
      </p>
    </div>
  );
}
