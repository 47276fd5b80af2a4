import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FitResult } from '../../domain/fit';
import { formatBytes, formatNumber } from '../../domain/format';
import { DEFAULT_RAM_BANDWIDTH_GBS, planOffload } from '../../domain/offload';
import type { DeviceSpec } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { MAX_RAM_GB } from '../../state/url-codec';
import { IntegerField } from '../controls/integer-field';
import { ramGbToBytes } from '../hardware/hardware-model';
import { useResolved, useSelectedEstimate } from '../shared/use-calculator';
import { DecimalField } from './decimal-field';
import { formatPercent, isOffloaded, offloadModeText, tpsWithRange } from './offload-text';

function verdictLine(fit: FitResult, offloaded: boolean) {
  if (fit.verdict !== 'no') {
    return (
      <>
        <span className={`badge ${fit.verdict}`}>Fits on the GPU</span> No offload needed.
      </>
    );
  }
  if (offloaded) {
    return (
      <>
        <span className="badge tight">Runs only with offload</span> Too big for the GPU alone; part
        of the model runs from system RAM, which is much slower.
      </>
    );
  }
  return (
    <>
      <span className="badge no">Won&apos;t fit</span> Not even with the system RAM below; add RAM
      or pick a smaller quantization.
    </>
  );
}

/** Offload: where the selected configuration's bytes go with the user's system RAM, and the speed. */
export function OffloadPanel({ device, fit }: { device: DeviceSpec; fit: FitResult }) {
  const { estimate } = useSelectedEstimate();
  const { resolved } = useResolved();
  const s = useAppStore(
    useShallow((st) => ({
      count: st.count,
      raisedLimit: st.raisedLimit,
      ramGb: st.ramGb,
      ramBandwidthGbS: st.ramBandwidthGbS,
      unit: st.unit,
    })),
  );
  const arch = resolved.model.arch;
  const plan = useMemo(
    () =>
      planOffload({
        estimate,
        arch,
        device,
        count: s.count,
        ramBytes: ramGbToBytes(s.ramGb),
        ramBandwidthGbS: s.ramBandwidthGbS,
        usable: { raisedUnifiedLimit: s.raisedLimit },
      }),
    [estimate, arch, device, s.count, s.ramGb, s.ramBandwidthGbS, s.raisedLimit],
  );
  const offloaded = isOffloaded(plan);
  const runs = plan.mode !== 'none';

  return (
    <div className="offload-serving__block">
      <h3 className="offload-serving__heading">Offload to system RAM</h3>
      <div className="offload-serving__inputs">
        <IntegerField
          label="System RAM (GB)"
          className="offload-serving__field"
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
      <p className="offload-serving__verdict" data-offload-mode={plan.mode}>
        {verdictLine(fit, offloaded)}
      </p>
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
    </div>
  );
}
