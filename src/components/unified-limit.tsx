import './field.css';
import { useId } from 'react';
import {
  ASSUMED_UNIFIED_FRACTION,
  canRaiseLimit,
  isUnified,
  usableBytesPerGpu,
  usableIsAssumed,
} from '../domain/fit';
import { formatBytes, formatNumber } from '../domain/format';
import type { DeviceSpec } from '../domain/types';
import { useAppStore } from '../state/store';

/**
 * For unified-memory devices: how much of the one memory pool the GPU may use by default, from the
 * platform's vendor (the note cites it), and, where a documented setting raises it, the "raised
 * GPU memory limit" option with what it assumes. Renders nothing for discrete GPUs.
 */
export function UnifiedLimit({ device }: { device: DeviceSpec }) {
  const raisedLimit = useAppStore((s) => s.raisedLimit);
  const unit = useAppStore((s) => s.unit);
  const id = useId();
  if (!isUnified(device)) return null;
  const fraction = device.unifiedUsableFraction ?? ASSUMED_UNIFIED_FRACTION;
  const percent = `${formatNumber(fraction * 100)}%`;
  const usable = formatBytes(usableBytesPerGpu(device), unit);
  const raisable = canRaiseLimit(device);
  const raised = formatBytes(usableBytesPerGpu(device, { raisedUnifiedLimit: true }), unit);
  return (
    <div className="unified-limit">
      <p className="small field__hint">
        One memory pool for the CPU and the GPU: by default the GPU may use about {percent} of it (
        {usable}); there is no separate system RAM to offload to.
        {usableIsAssumed(device) &&
          ` No GPU share is published for this device, so ${formatNumber(ASSUMED_UNIFIED_FRACTION * 100)}% is assumed.`}
      </p>
      {raisable && (
        <label className="check">
          <input
            type="checkbox"
            checked={raisedLimit}
            aria-describedby={`${id}-hint`}
            onChange={(e) => useAppStore.getState().setRaisedLimit(e.target.checked)}
          />
          Raised GPU memory limit ({raised})
        </label>
      )}
      {raisable && device.unifiedRaisedNote && (
        <p id={`${id}-hint`} className="small muted field__hint">
          {device.unifiedRaisedNote}
        </p>
      )}
    </div>
  );
}
