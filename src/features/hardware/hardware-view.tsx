import { useSelected } from '../../results/results-provider';
import { HardwareForm } from './hardware-form';
import { HardwareResults } from './hardware-results';
import { useHardwareRows } from './use-hardware-rows';
import './hardware.css';

/** "What can my hardware run?": every catalog model on the chosen GPU or computer. */
export function HardwareView() {
  const device = useSelected().resolved.device;
  const result = useHardwareRows(device);
  return (
    <section className="card hardware" aria-labelledby="hardware-heading">
      <h2 id="hardware-heading">What can my hardware run?</h2>
      <HardwareForm device={device} />
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
