import { useId, useState } from 'react';
import { formatNumber } from '../../domain/format';
import { useAppStore } from '../../state/store';

/**
 * System RAM bandwidth in GB/s (decimal). Commits a valid number on Enter or blur; anything else
 * returns to the stored value.
 */
export function RamBandwidthField() {
  const value = useAppStore((s) => s.ramBandwidthGbS);
  const [draft, setDraft] = useState<string | null>(null);
  const id = useId();
  const commit = () => {
    if (draft === null) return;
    const n = Number(draft.replace(',', '.'));
    setDraft(null);
    if (draft.trim() !== '' && Number.isFinite(n) && n > 0 && n !== value) {
      useAppStore.getState().setRamBandwidth(n);
    }
  };
  return (
    <div className="hardware__field">
      <label htmlFor={id}>RAM bandwidth (GB/s)</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={1}
        step="any"
        value={draft ?? String(value)}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <p id={`${id}-hint`} className="small muted hardware__hint">
        dual-channel DDR5-5600 ≈ {formatNumber(89.6, 1)} GB/s
      </p>
    </div>
  );
}
