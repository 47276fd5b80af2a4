import { isUnified } from '../../domain/fit';
import { useResults } from '../../results/results-provider';
import { OffloadPanel } from './offload-panel';
import { ServingPanel } from './serving-panel';
import './offload-serving.css';

/** Offload to system RAM and multi-user serving capacity for the selected configuration. */
export function OffloadServing() {
  const { resolved, fit } = useResults().selected;
  const device = resolved.device;
  if (!device || !fit) {
    return (
      <p className="offload-serving offload-serving--empty muted">
        Pick a GPU or computer above to see offload to system RAM and how many users it can serve.
      </p>
    );
  }
  return (
    <div className="offload-serving">
      {isUnified(device) ? (
        <div className="offload-serving__block">
          <h3 className="offload-serving__heading">Offload to system RAM</h3>
          <p className="small">
            {device.name} has one memory pool shared by the CPU and the GPU: there is no separate
            system RAM to offload to. What the GPU may use is set by its limit (above, under your
            device).
          </p>
        </div>
      ) : (
        <OffloadPanel fit={fit} />
      )}
      <ServingPanel device={device} />
    </div>
  );
}
