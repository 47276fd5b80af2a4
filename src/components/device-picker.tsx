import { useCallback } from 'react';
import { searchDevices } from '../domain/search';
import type { DeviceSpec } from '../domain/types';
import { DEVICE_GROUP_LABEL, deviceMemoryText, groupOf } from './device-groups';
import { SearchCombobox } from './search-combobox';

/** Id of the device picker's text box on the page (the answer's device button focuses it). */
export const DEVICE_PICKER_ID = 'device-picker';

/**
 * A searchable GPU / computer picker: type "4070", "m3 pro", "h100" or "spark"; each option says
 * its group, memory and bandwidth. `assumed` marks a device the page filled in (detected or an
 * example) rather than one the user chose.
 */
export function DevicePicker({
  devices,
  device,
  assumed,
  onChoose,
  label = 'Your GPU or computer',
  inputId = DEVICE_PICKER_ID,
}: {
  devices: readonly DeviceSpec[];
  device: DeviceSpec | null;
  assumed: 'detected' | 'example' | null;
  onChoose: (d: DeviceSpec) => void;
  label?: string;
  inputId?: string;
}) {
  const search = useCallback((q: string) => searchDevices(devices, q), [devices]);
  return (
    <SearchCombobox<DeviceSpec>
      inputId={inputId}
      label={label}
      currentText={device?.name ?? ''}
      currentMeta={
        assumed && device ? (
          <span className="tag">
            {assumed === 'detected' ? 'detected from your browser' : 'example: pick yours'}
          </span>
        ) : undefined
      }
      placeholder={`Search ${devices.length} GPUs, Macs and servers (“4070”, “m3 pro”)`}
      search={search}
      keyOf={(d) => d.id}
      listLabel="GPUs and computers"
      noun="device"
      renderOption={(d) => (
        <>
          <span className="combo__name">{d.name}</span>
          <span className="combo__meta muted small">
            {DEVICE_GROUP_LABEL[groupOf(d)]} · {deviceMemoryText(d)} · {Math.round(d.bandwidthGbS)}{' '}
            GB/s
          </span>
        </>
      )}
      onChoose={onChoose}
    />
  );
}
