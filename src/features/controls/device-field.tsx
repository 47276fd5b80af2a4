import { memo } from 'react';
import { DevicePicker } from '../../components/device-picker';
import { IntegerField } from '../../components/integer-field';
import { UnifiedLimit } from '../../components/unified-limit';
import { maxUnits } from '../../domain/fit';
import { useCatalog, useSelected } from '../../results/results-provider';
import type { DeviceSpec } from '../../domain/types';
import { useAppStore, type AutoDevice } from '../../state/store';

/**
 * Your GPU or computer: a searchable picker, how many of it (not for a unified-memory computer,
 * which cannot be pooled), and the unified-memory GPU limit.
 */
export function DeviceField() {
  const { devices } = useCatalog();
  const { resolved, hardware } = useSelected();
  const autoDevice = useAppStore((s) => s.autoDevice);
  return (
    <DeviceFieldView
      devices={devices}
      device={resolved.device}
      count={hardware.count}
      autoDevice={autoDevice}
    />
  );
}

/** Re-renders only when the device, count or its origin change, not on every slider step. */
const DeviceFieldView = memo(function DeviceFieldView({
  devices,
  device,
  count,
  autoDevice,
}: {
  devices: readonly DeviceSpec[];
  device: DeviceSpec | null;
  count: number;
  autoDevice: AutoDevice;
}) {
  return (
    <div className="controls__device">
      <div className="controls__row">
        <div className="controls__grow">
          <DevicePicker
            devices={devices}
            device={device}
            assumed={autoDevice}
            onChoose={(d) => useAppStore.getState().selectGpu(d.id)}
          />
        </div>
        {device && maxUnits(device) > 1 && (
          <IntegerField
            label="How many"
            className="field--small"
            value={count}
            min={1}
            max={maxUnits(device)}
            commitWhileTyping
            onCommit={(n) => useAppStore.getState().setCount(n)}
          />
        )}
      </div>
      {device && device.gpuCount > 1 && (
        <p className="small muted field__hint">
          Each unit is a system of {device.gpuCount} GPUs; the model is split by layers across all
          of them.
        </p>
      )}
      {device && <UnifiedLimit device={device} />}
    </div>
  );
});
