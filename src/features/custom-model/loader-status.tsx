import { formatBytes } from '../../domain/format';
import { useAppStore } from '../../state/store';
import type { LoaderState } from './use-custom-loader';

/** Progress (polite status, with a Stop button) and errors (role="alert") of the loader. */
export function LoaderStatus({ state, onStop }: { state: LoaderState; onStop: () => void }) {
  const unit = useAppStore((s) => s.unit);
  return (
    <div className="custom-model__status">
      <p role="status" aria-live="polite" className="small">
        {state.busy
          ? `${state.busy}… ${state.bytesRead > 0 ? `${formatBytes(state.bytesRead, unit)} read` : ''}`
          : (state.done ?? '')}
      </p>
      {state.busy && (
        <button type="button" onClick={onStop}>
          Stop
        </button>
      )}
      {state.error && (
        <p role="alert" className="custom-model__error">
          {state.error}
        </p>
      )}
    </div>
  );
}
