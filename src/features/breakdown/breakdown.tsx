import { useMemo, type ReactNode } from 'react';
import { formatBytes } from '../../domain/format';
import { useAppStore } from '../../state/store';
import { useResolved, useRunSettings, useSelectedEstimate } from '../shared/use-calculator';
import { BreakdownBar } from './breakdown-bar';
import { BreakdownRow } from './breakdown-row';
import {
  explainCompute,
  explainKv,
  explainReserve,
  explainWeights,
  PART_LABEL,
  partPercents,
} from './explain';
import { FitSummary } from './fit-summary';
import './breakdown.css';

/**
 * Memory of the selected configuration, part by part, each with how it was computed; a stacked
 * bar; the download size; and the verdict on the selected device.
 */
export function Breakdown({ children }: { children?: ReactNode }) {
  const { estimate, fit } = useSelectedEstimate();
  const { resolved } = useResolved();
  const run = useRunSettings();
  const unit = useAppStore((s) => s.unit);
  const count = useAppStore((s) => s.count);
  const { model, quant, device } = resolved;

  const text = useMemo(
    () => ({
      weights: explainWeights(quant, estimate.weights, unit),
      kv: explainKv(model.arch, run, estimate.kv, unit),
      compute: explainCompute(run),
      reserve: explainReserve(estimate.reserveBytes),
    }),
    [quant, model.arch, run, estimate, unit],
  );
  const percents = useMemo(() => partPercents(estimate), [estimate]);

  return (
    <div className="breakdown" data-testid="breakdown">
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
          live
        />
      </dl>
      <BreakdownBar percents={percents} />
      {children}
      <p className="breakdown__download">
        Download: <span className="num">{formatBytes(estimate.weights.fileBytes, unit)}</span>
        <span className="small muted"> ({quant.label} file size)</span>
      </p>
      {device && fit && <FitSummary fit={fit} device={device} count={count} unit={unit} />}
      {estimate.warnings.length > 0 && (
        <ul className="breakdown__warnings small" role="note" aria-label="Warnings">
          {estimate.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
