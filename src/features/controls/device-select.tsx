import { useId, useMemo } from 'react';
import { MAX_DEVICE_COUNT } from '../../domain/fit';
import { useAppStore } from '../../state/store';
import { useCatalog } from '../shared/catalog-context';
import { useResolvedModel } from '../shared/use-calculator';
import { groupDevices } from './device-groups';
import { IntegerField } from './integer-field';
import { UnifiedLimit } from './unified-limit';
import { DeviceOptions } from './device-options';

/** GPU or device picker (grouped by segment), how many, and the unified-memory limit option. */
export function DeviceSelect() {
  const { devices } = useCatalog();
  const groups = useMemo(() => groupDevices(devices), [devices]);
  const { resolved } = useResolvedModel();
  const device = resolved.device;
  const count = useAppStore((s) => s.count);
  const id = useId();
  return (
    <div className="controls__device">
      <div className="controls__row">
        <div className="controls__field controls__field--grow">
          <label htmlFor={id}>GPU or device</label>
          <select
            id={id}
            value={device?.id ?? ''}
            onChange={(e) => useAppStore.getState().selectGpu(e.target.value || null)}
          >
            <DeviceOptions groups={groups} blankLabel="No device selected" />
          </select>
        </div>
        {device && (
          <IntegerField
            label="How many"
            className="controls__field--small"
            value={count}
            min={1}
            max={MAX_DEVICE_COUNT}
            commitWhileTyping
            onCommit={(n) => useAppStore.getState().setCount(n)}
          />
        )}
      </div>
      {device && device.gpuCount > 1 && (
        <p className="small muted controls__hint">
          Each unit is a system of {device.gpuCount} GPUs; the model is split by layers across all
          of them.
        </p>
      )}
      {device && <UnifiedLimit device={device} />}
    </div>
  );
}
