import { useId } from 'react';
import type { ByteUnit } from '../../domain/format';
import { useAppStore } from '../../state/store';

const UNITS: readonly ByteUnit[] = ['GB', 'GiB'];

/** GB (10^9 bytes) or GiB (2^30 bytes) for every figure on the page. */
export function UnitsToggle() {
  const unit = useAppStore((s) => s.unit);
  const name = useId();
  return (
    <fieldset className="controls__units">
      <legend>Units</legend>
      {UNITS.map((u) => (
        <label key={u} className="controls__check">
          <input
            type="radio"
            name={name}
            value={u}
            checked={unit === u}
            onChange={() => useAppStore.getState().setUnit(u)}
          />
          {u}
        </label>
      ))}
      <span className="small muted">GB = 10⁹ bytes, GiB = 2³⁰ bytes</span>
    </fieldset>
  );
}
