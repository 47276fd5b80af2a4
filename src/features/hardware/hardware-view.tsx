import { useMemo } from 'react';
import { useAppStore } from '../../state/store';
import { useCatalog } from '../shared/catalog-context';
import { DetectionBanner } from './detection-banner';
import { HardwareForm } from './hardware-form';
import { HardwareResults } from './hardware-results';
import { matchDevice } from './match-device';
import { useDetectedHardware } from './use-detected-hardware';
import { useHardwareRows } from './use-hardware-rows';
import './hardware.css';

/** "What can my hardware run?": every catalog model on the chosen GPU or computer. */
export function HardwareView() {
  const { devices } = useCatalog();
  const gpuId = useAppStore((s) => s.gpuId);
  const device = useMemo(() => devices.find((d) => d.id === gpuId) ?? null, [devices, gpuId]);
  const detected = useDetectedHardware();
  const guessId = useMemo(
    () => (detected ? matchDevice(detected.renderer, devices) : null),
    [detected, devices],
  );
  const guess =
    guessId !== null && guessId !== gpuId ? devices.find((d) => d.id === guessId) : undefined;
  const result = useHardwareRows(device);

  return (
    <section className="card hardware" aria-labelledby="hardware-heading">
      <h2 id="hardware-heading">What can my hardware run?</h2>
      {guess && <DetectionBanner guess={guess} />}
      <HardwareForm device={device} deviceMemoryGb={detected?.deviceMemoryGb ?? null} />
      {!device && (
        <p className="hardware__empty muted">Pick a GPU or computer to see what it can run.</p>
      )}
      {device && !result && (
        <p className="hardware__empty muted" role="status">
          Working out what runs…
        </p>
      )}
      {device && result && (
        <HardwareResults
          rows={result.rows}
          device={result.device}
          count={result.count}
          stale={result.stale}
        />
      )}
    </section>
  );
}
