import { MAX_PARALLEL } from '../../state/url-codec';
import { useAppStore } from '../../state/store';
import { IntegerField } from './integer-field';

/** Flash attention and parallel sequences. */
export function RunOptions() {
  const flashAttention = useAppStore((s) => s.flashAttention);
  const parallel = useAppStore((s) => s.parallel);
  return (
    <div className="controls__row">
      <label className="controls__check">
        <input
          type="checkbox"
          checked={flashAttention}
          onChange={(e) => useAppStore.getState().setFlashAttention(e.target.checked)}
        />
        Flash attention
      </label>
      <IntegerField
        label="Parallel sequences"
        className="controls__field--small"
        value={parallel}
        min={1}
        max={MAX_PARALLEL}
        commitWhileTyping
        onCommit={(n) => useAppStore.getState().setParallel(n)}
      />
    </div>
  );
}
