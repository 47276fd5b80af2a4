import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatNumber } from '../../domain/format';
import { prefillSpeed } from '../../domain/speed';
import { useAppStore } from '../../state/store';
import { ramGbToBytes } from '../hardware/hardware-model';
import { useResolved, useSelectedEstimate } from '../shared/use-calculator';
import { buildSpeedLine } from './speed-text';
import './speed.css';

/**
 * Estimated generation speed of the selected configuration on the selected device, with how it
 * was computed; the offload speed when it runs only with part of the model in system RAM.
 */
export function SpeedLine() {
  const { estimate, fit } = useSelectedEstimate();
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
  const { model, device } = resolved;
  const line = useMemo(
    () =>
      device && fit
        ? buildSpeedLine({
            estimate,
            fit,
            arch: model.arch,
            device,
            count: s.count,
            ramGb: s.ramGb,
            ramBytes: ramGbToBytes(s.ramGb),
            ramBandwidthGbS: s.ramBandwidthGbS,
            usable: { raisedUnifiedLimit: s.raisedLimit },
            unit: s.unit,
          })
        : null,
    [estimate, fit, model.arch, device, s],
  );

  const prefill = useMemo(
    () => (device && fit && fit.verdict !== 'no' ? prefillSpeed(estimate, device) : null),
    [estimate, fit, device],
  );

  if (!line) {
    return (
      <p className="speed-line speed-line--empty muted small">
        Pick a GPU or computer above to see the generation speed.
      </p>
    );
  }
  return (
    <div
      className="speed-line"
      data-field={line.tps === null ? undefined : 'decode-tps'}
      data-value={line.tps === null ? undefined : String(line.tps)}
    >
      <p className="speed-line__lead">
        <span className="speed-line__label">Speed</span>{' '}
        <span className="num speed-line__value">{line.lead}</span>
      </p>
      <p className="speed-line__how small muted">{line.how}</p>
      {prefill !== null && (
        <p
          className="speed-line__how small muted"
          data-field="prefill-tps"
          data-value={String(prefill)}
        >
          Prompt processing ≈ {formatNumber(prefill)} tokens/s (rough: peak FP16 FLOPS × efficiency
          from one published llama-bench run ÷ 2 FLOPs per active parameter).
        </p>
      )}
    </div>
  );
}
