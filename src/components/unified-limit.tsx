import './field.css';
import { useId } from 'react';
import {
  ASSUMED_UNIFIED_FRACTION,
  isUnified,
  usableBytesPerGpu,
  usableIsAssumed,
} from '../domain/fit';
import { GiB } from '../domain/units';
import { formatBytes, formatNumber } from '../domain/format';
import type { DeviceSpec } from '../domain/types';
import { useAppStore } from '../state/store';

/**
 * For unified-memory devices: the "raised GPU memory limit" option, with what the default limit
 * is and how to raise it. Renders nothing for discrete GPUs.
 */
export function UnifiedLimit({ device }: { device: DeviceSpec }) {
  const raisedLimit = useAppStore((s) => s.raisedLimit);
  const unit = useAppStore((s) => s.unit);
  const id = useId();
  if (!isUnified(device)) return null;
  const fraction = device.unifiedUsableFraction ?? ASSUMED_UNIFIED_FRACTION;
  const percent = `${formatNumber(fraction * 100)}%`;
  const usable = formatBytes(usableBytesPerGpu(device), unit);
  const raisedBytes = usableBytesPerGpu(device, { raisedUnifiedLimit: true });
  const raised = formatBytes(raisedBytes, unit);
  const headroom = formatBytes(device.memoryGb * GiB - raisedBytes, unit);
  const apple = device.vendor === 'Apple';
  return (
    <div className="unified-limit">
      <label className="check">
        <input
          type="checkbox"
          checked={raisedLimit}
          aria-describedby={`${id}-hint`}
          onChange={(e) => useAppStore.getState().setRaisedLimit(e.target.checked)}
        />
        Raised GPU memory limit
      </label>
      <div id={`${id}-hint`} className="small muted field__hint">
        <p>
          {apple
            ? `By default macOS lets the GPU use about ${percent} of memory (${usable}). `
            : `By default the GPU can use about ${percent} of memory (${usable}). `}
          {apple ? (
            <>
              <code>sudo sysctl iogpu.wired_limit_mb=&lt;MB&gt;</code> raises the limit until the
              next reboot;
            </>
          ) : (
            'If you raise the limit (driver or BIOS setting),'
          )}{' '}
          with this option we assume {raised} usable, leaving {headroom} to the system.
        </p>
        {usableIsAssumed(device) && (
          <p>
            No GPU limit is published for this device, so{' '}
            {formatNumber(ASSUMED_UNIFIED_FRACTION * 100)}% is assumed.
          </p>
        )}
      </div>
    </div>
  );
}
