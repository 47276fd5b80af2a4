import { useMemo } from 'react';
import { formatBytes, formatNumber } from '../../domain/format';
import { useResults } from '../../results/results-provider';
import { useAppStore } from '../../state/store';
import { BreakdownBar } from './breakdown-bar';
import { BreakdownRow } from './breakdown-row';
import {
  explainCompute,
  explainHeadroom,
  explainKv,
  explainNeeded,
  explainReserve,
  explainUse,
  explainWeights,
  PART_LABEL,
  partPercents,
  thresholdsText,
} from './explain';
import { buildSpeedLine } from './speed-text';
import { MAX_DEVICE_COUNT } from '../../domain/fit';
import './breakdown.css';
import './speed.css';

/**
 * Memory of the selected configuration, part by part, each with how it was computed; a stacked
 * bar; the download size; how it sits on the selected device; and the generation speed. Follows
 * the immediate clock (ResultsProvider).
 */
export function Breakdown() {
  const s = useResults().selected;
  const unit = useAppStore((st) => st.unit);
  const { estimate, fit, run } = s;
  const { model, quant, device } = s.resolved;

  const text = useMemo(
    () => ({
      weights: explainWeights(quant, estimate.weights, unit),
      kv: explainKv(model.arch, run, estimate.kv, unit),
      compute: explainCompute(run, {
        gpus: fit?.gpus ?? 1,
        extraBytes: estimate.demand.splitExtraBytes ?? 0,
        unit,
      }),
      reserve: explainReserve(estimate.reserveBytes),
    }),
    [quant, model.arch, run, estimate, unit, fit?.gpus],
  );
  const percents = useMemo(() => partPercents(estimate), [estimate]);
  const speed = buildSpeedLine(s, unit);
  const needed = fit ? explainNeeded(fit, MAX_DEVICE_COUNT) : null;

  return (
    <div className="breakdown" data-testid="breakdown">
      <div className="breakdown__cols">
        <dl className="breakdown__list">
          <BreakdownRow
            field="weights"
            label={PART_LABEL.weights}
            swatch="weights"
            bytes={estimate.weights.deviceBytes}
            unit={unit}
            explain={text.weights}
          />
          <BreakdownRow
            field="kv"
            label={PART_LABEL.kv}
            swatch="kv"
            bytes={estimate.kv.totalBytes}
            unit={unit}
            explain={text.kv}
          />
          <BreakdownRow
            field="compute"
            label={PART_LABEL.compute}
            swatch="compute"
            bytes={estimate.computeBytes}
            unit={unit}
            explain={text.compute}
          />
          <BreakdownRow
            field="reserve"
            label={PART_LABEL.reserve}
            swatch="reserve"
            bytes={estimate.reserveBytes}
            unit={unit}
            explain={text.reserve}
          />
          <BreakdownRow
            field="total"
            label="Total on one GPU"
            bytes={estimate.totalBytes}
            unit={unit}
          />
        </dl>
        <div className="breakdown__side">
          <BreakdownBar percents={percents} />
          <p className="breakdown__download">
            Download: <span className="num">{formatBytes(estimate.weights.fileBytes, unit)}</span>
            <span className="small muted"> ({quant.label} file)</span>
          </p>
          {device && fit && (
            <p className="breakdown__fit small" data-verdict={fit.verdict}>
              {explainUse(fit, device, s.hardware.count, unit)}; {explainHeadroom(fit, unit)}
              {needed && `; ${needed}`}. <span className="muted">{thresholdsText()}</span>
            </p>
          )}
          {speed ? (
            <div
              className="speed-line"
              data-field={speed.tps === null ? undefined : 'decode-tps'}
              data-value={speed.tps === null ? undefined : String(speed.tps)}
            >
              <p className="speed-line__lead">
                <span className="speed-line__label">Speed</span>{' '}
                <span className="speed-line__value">{speed.lead}</span>
              </p>
              <p className="speed-line__how small muted">{speed.how}</p>
              {s.prefillTps !== null && (
                <p
                  className="speed-line__how small muted"
                  data-field="prefill-tps"
                  data-value={String(s.prefillTps)}
                >
                  Prompt processing ≈ {formatNumber(s.prefillTps)} tokens/s in 512-token batches
                  (rough: FP16 peak × an efficiency fitted on published llama-bench pp512 runs ÷ 2
                  FLOPs per active parameter).
                </p>
              )}
            </div>
          ) : (
            <p className="speed-line speed-line--empty muted small">
              Pick a GPU or computer to see the generation speed.
            </p>
          )}
          {(estimate.warnings.length > 0 || s.kv.vKeptF16) && (
            <ul className="breakdown__warnings small" role="note" aria-label="Warnings">
              {s.kv.vKeptF16 && (
                <li>
                  Flash attention is off: llama.cpp keeps the V cache in f16 (only K is {s.kv.typeK}
                  ).
                </li>
              )}
              {estimate.warnings
                .filter((w) => !(s.kv.vKeptF16 && w.includes('flash attention')))
                .map((w) => (
                  <li key={w}>{w}</li>
                ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
