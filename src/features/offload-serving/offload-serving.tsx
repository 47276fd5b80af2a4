import { useResolved, useSelectedEstimate } from '../shared/use-calculator';
import { OffloadPanel } from './offload-panel';
import { ServingPanel } from './serving-panel';
import './offload-serving.css';

/** Offload to system RAM and multi-user serving capacity for the selected configuration. */
export function OffloadServing() {
  const { resolved } = useResolved();
  const { fit } = useSelectedEstimate();
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
      <OffloadPanel device={device} fit={fit} />
      <ServingPanel device={device} />
    </div>
  );
}
