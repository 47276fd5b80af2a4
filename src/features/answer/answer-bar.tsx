import { Bytes } from '../../components/bytes';
import { CapacityGauge } from '../../components/capacity-gauge';
import { CopyButton } from '../../components/copy-button';
import { formatTps } from '../../components/offload-text';
import { VerdictBadge } from '../../components/verdict-badge';
import { DEVICE_PICKER_ID } from '../../components/device-picker';
import { formatBytes, formatTokens } from '../../domain/format';
import { capacityBytes } from '../../domain/device-fit';
import { useSelected } from '../../results/results-provider';
import { useAppStore } from '../../state/store';
import { configText, deviceText, summaryText } from './summary-text';
import './answer.css';

function focusDevicePicker() {
  const box = document.getElementById(DEVICE_PICKER_ID);
  box?.scrollIntoView?.({ block: 'center' });
  box?.focus();
}

/**
 * The answer, always on screen: model, quantization, context and device, the verdict, memory
 * used against usable (per GPU) with a gauge, and decode speed; with "Copy link" and "Copy
 * summary". Sticky at the top of the page (at the bottom on phones). Follows every change at once
 * (the immediate clock of ResultsProvider).
 */
export function AnswerBar() {
  const s = useSelected();
  const unit = useAppStore((st) => st.unit);
  const autoDevice = useAppStore((st) => st.autoDevice);
  const { device } = s.resolved;
  const fit = s.fit;
  const per = fit && fit.gpus > 1 ? ' per GPU' : '';
  return (
    <section
      id="answer"
      className={`answer answer--${s.verdict}`}
      data-testid="answer"
      data-verdict={s.verdict}
      aria-label="Answer"
      tabIndex={-1}
    >
      <div className="answer__head">
        <VerdictBadge verdict={s.verdict} size="large" />
        <p className="answer__what">
          <strong>{configText(s)}</strong>
          <span className="answer__on"> on </span>{' '}
          <button type="button" className="answer__device linklike" onClick={focusDevicePicker}>
            {deviceText(s)}
          </button>
          {autoDevice && device && (
            <span className="answer__assumed tag" title="Not chosen by you: change it to yours">
              {autoDevice === 'detected' ? 'detected' : 'example'} · change
            </span>
          )}
        </p>
      </div>
      <div className="answer__figures">
        {fit && device ? (
          <>
            <span className="answer__mem">
              <Bytes field="total" bytes={fit.needBytesPerGpu} unit={unit} />
              <span className="muted"> of </span>
              <Bytes field="usable" bytes={fit.usableBytesPerGpu} unit={unit} />
              <span className="muted">{per} usable</span>
              <span className="answer__capacity muted small">
                {' '}
                (installed{' '}
                <Bytes
                  field="capacity"
                  bytes={capacityBytes(device) / Math.max(1, device.gpuCount)}
                  unit={unit}
                />
                {per})
              </span>
            </span>
            <CapacityGauge
              usedBytes={fit.needBytesPerGpu}
              usableBytes={fit.usableBytesPerGpu}
              label="Memory used of usable"
            />
          </>
        ) : (
          <span className="answer__mem">
            Needs <Bytes field="total" bytes={s.estimate.totalBytes} unit={unit} /> on one GPU
          </span>
        )}
        {s.verdict === 'offload' && s.offload && (
          <span className="answer__offload small">
            {formatBytes(s.offload.gpuBytesPerGpu, unit)} on the GPU{per} +{' '}
            {formatBytes(s.offload.ramBytes, unit)} in RAM
          </span>
        )}
        {device &&
          (s.speed ? (
            <span
              className="answer__speed"
              data-field="decode-tps"
              data-value={s.speed.tps}
              title={`Estimated decode speed with ${formatTokens(s.run.contextTokens)} tokens in the cache; range ${formatTps(s.speed.low)}–${formatTps(s.speed.high)}`}
            >
              ≈ {formatTps(s.speed.tps)} tokens/s{' '}
              <span className="answer__speed-context">
                at {formatTokens(s.run.contextTokens)} context
              </span>
            </span>
          ) : (
            <span className="answer__speed muted" data-field="decode-tps" data-value={0}>
              —
            </span>
          ))}
        {!device && (
          <button type="button" className="primary" onClick={focusDevicePicker}>
            Pick your GPU or computer
          </button>
        )}
        <span className="answer__share">
          <CopyButton label="Copy link" text={() => window.location.href} />
          <CopyButton
            label="Copy summary"
            text={() => `${summaryText(s, unit)} ${window.location.href}`}
          />
        </span>
      </div>
    </section>
  );
}
