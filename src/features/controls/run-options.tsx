import { MAX_PARALLEL } from '../../state/selection';
import { useAppStore } from '../../state/store';
import { IntegerField } from '../../components/integer-field';

/** Flash attention and parallel sequences. */
export function RunOptions() {
  const flashAttention = useAppStore((s) => s.flashAttention);
  const parallel = useAppStore((s) => s.parallel);
  return (
    <div className="controls__row">
      <label className="check">
        <input
          type="checkbox"
          checked={flashAttention}
          onChange={(e) => useAppStore.getState().setFlashAttention(e.target.checked)}
        />
        Flash attention
      </label>
      <IntegerField
        label="Parallel sequences"
        className="field--small"
        value={parallel}
        min={1}
        max={MAX_PARALLEL}
        commitWhileTyping
        onCommit={(n) => useAppStore.getState().setParallel(n)}
      />
    </div>
  );
}
