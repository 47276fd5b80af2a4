import type { DeviceGroup } from './device-groups';
import { deviceOptionText } from './device-groups';

/** The `<option>`s of a device `<select>`: a blank first choice, then one optgroup per group. */
export function DeviceOptions({
  groups,
  blankLabel,
}: {
  groups: readonly DeviceGroup[];
  blankLabel: string;
}) {
  return (
    <>
      <option value="">{blankLabel}</option>
      {groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.devices.map((d) => (
            <option key={d.id} value={d.id}>
              {deviceOptionText(d)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
