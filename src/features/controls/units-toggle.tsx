import { useId } from 'react';
import type { ByteUnit } from '../../domain/format';
import { useAppStore } from '../../state/store';

const UNITS: readonly { unit: ByteUnit; title: string }[] = [
  {
    unit: 'GiB',
    title: '2³⁰ bytes, as nvidia-smi and GPU makers count (a “24 GB” card has 24 GiB)',
  },
  { unit: 'GB', title: '10⁹ bytes, as Hugging Face file listings count' },
];

/** GiB (2^30 bytes) or GB (10^9 bytes) for every memory figure on the page. */
export function UnitsToggle() {
  const unit = useAppStore((s) => s.unit);
  const name = useId();
  return (
    <fieldset className="controls__units">
      <legend>Memory unit</legend>
      {UNITS.map((u) => (
        <label key={u.unit} className="check small" title={u.title}>
          <input
            type="radio"
            name={name}
            value={u.unit}
            checked={unit === u.unit}
            onChange={() => useAppStore.getState().setUnit(u.unit)}
          />
          {u.unit}
        </label>
      ))}
      <span className="muted small">GiB = 2³⁰ bytes (as GPU makers count), GB = 10⁹</span>
    </fieldset>
  );
}
