import { DecimalField } from '../../components/decimal-field';
import { IntegerField } from '../../components/integer-field';
import {
  formatPercent,
  isOffloaded,
  offloadModeText,
  tpsWithRange,
} from '../../components/offload-text';
import { VerdictBadge } from '../../components/verdict-badge';
import type { FitResult } from '../../domain/fit';
import { formatBytes, formatNumber } from '../../domain/format';
import { DEFAULT_RAM_BANDWIDTH_GBS, MIN_OFFLOAD_TPS, type OffloadPlan } from '../../domain/offload';
import { useResults } from '../../results/results-provider';
import { MAX_RAM_GB } from '../../state/selection';
import { useAppStore } from '../../state/store';

function verdictLine(fit: FitResult, plan: OffloadPlan | null) {
  if (fit.verdict !== 'no') {
    return (
      <>
        <VerdictBadge verdict={fit.verdict} /> Fits on the GPU: no offload needed.
      </>
    );
  }
  if (plan && isOffloaded(plan) && plan.tps >= MIN_OFFLOAD_TPS) {
    return (
      <>
        <VerdictBadge verdict="offload" /> Too big for the GPU alone; part of the model runs from
        system RAM, which is much slower.
      </>
    );
  }
  if (plan && isOffloaded(plan)) {
    return (
      <>
        <VerdictBadge verdict="no" /> With offload it would run at only ≈{' '}
        {formatNumber(plan.tps, 1)} tokens/s, below the {MIN_OFFLOAD_TPS} tokens/s we count as
        usable.
      </>
    );
  }
  return (
    <>
      <VerdictBadge verdict="no" /> Not even with the system RAM below; add RAM or pick a smaller
      quantization.
    </>
  );
}

/** Offload: where the selected configuration's bytes go with the user's system RAM, and the speed. */
export function OffloadPanel({ fit }: { fit: FitResult }) {
  const sel = useResults().selected;
  const unit = useAppStore((st) => st.unit);
  const ramGb = useAppStore((st) => st.ramGb);
  const ramBandwidthGbS = useAppStore((st) => st.ramBandwidthGbS);
  const s = { unit, ramGb, ramBandwidthGbS };
  const plan = sel.offload;
  const runs = plan !== null && plan.mode !== 'none';

  return (
    <div className="offload-serving__block">
      <h3 className="offload-serving__heading">Offload to system RAM</h3>
      <div className="offload-serving__inputs">
        <IntegerField
          label="System RAM (GB)"
          value={s.ramGb}
          min={0}
          max={MAX_RAM_GB}
          onCommit={(n) => useAppStore.getState().setRamGb(n)}
        />
        <DecimalField
          label="RAM bandwidth (GB/s)"
          value={s.ramBandwidthGbS}
          min={1}
          max={10000}
          step={0.1}
          hint={`dual-channel DDR5-5600 ≈ ${formatNumber(DEFAULT_RAM_BANDWIDTH_GBS, 1)} GB/s`}
          onCommit={(v) => useAppStore.getState().setRamBandwidth(v)}
        />
      </div>
      <p className="offload-serving__verdict" data-offload-mode={plan?.mode ?? 'gpu'}>
        {verdictLine(fit, plan)}
      </p>
      {plan && (
        <dl className="offload-serving__figures">
          <div>
            <dt>Placement</dt>
            <dd>{offloadModeText(plan)}</dd>
          </div>
          <div>
            <dt>GPU memory per card</dt>
            <dd className="num">
              {formatBytes(plan.gpuBytesPerGpu, s.unit)} of{' '}
              {formatBytes(fit.usableBytesPerGpu, s.unit)}
            </dd>
          </div>
          <div>
            <dt>System RAM used</dt>
            <dd className="num">
              {formatBytes(plan.ramBytes, s.unit)} of {formatNumber(s.ramGb)} GB
            </dd>
          </div>
          <div>
            <dt>Speed</dt>
            <dd className="num">
              {runs ? `≈ ${tpsWithRange(plan.tps, plan.tpsLow, plan.tpsHigh)}` : '—'}
            </dd>
          </div>
          <div>
            <dt>Read from RAM per token</dt>
            <dd className="num">{runs ? formatPercent(plan.ramReadFraction) : '—'}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}
