import { memo } from 'react';
import { Bytes } from '../../components/bytes';
import { deviceMemoryText } from '../../components/device-groups';
import { formatTps } from '../../components/offload-text';
import { VerdictBadge } from '../../components/verdict-badge';
import type { DeviceFit } from '../../domain/device-fit';
import { formatBytes, type ByteUnit } from '../../domain/format';

interface Props {
  fit: DeviceFit;
  selected: boolean;
  unit: ByteUnit;
  onSelect: (gpuId: string) => void;
}

/**
 * One device: name (a button that selects it), verdict, installed and usable memory in the page's
 * unit, headroom or shortfall, units needed and decode speed. Memoised: the list re-renders on
 * every slider step.
 */
export const DeviceRow = memo(function DeviceRow({ fit, selected, unit, onSelect }: Props) {
  const { device, standing } = fit;
  const needed = fit.fit.needed;
  return (
    <tr
      className={selected ? 'device-row device-row--selected' : 'device-row'}
      data-gpu={device.id}
      data-verdict={fit.fit.verdict}
      data-needed={needed}
    >
      <th scope="row" className="device-row__name">
        <button
          type="button"
          className="linklike device-row__button"
          aria-pressed={selected}
          onClick={() => onSelect(device.id)}
        >
          {device.name}
        </button>
        {selected && <span className="tag tag--accent">selected</span>}
        <span className="device-row__sub small muted">
          {deviceMemoryText(device)}
          {fit.unified && (fit.usableAssumed ? ' · GPU share assumed' : ' · unified memory')}
        </span>
      </th>
      <td className="device-row__verdict device-row__wide">
        <VerdictBadge
          verdict={standing}
          text={standing === 'several' ? `Needs ${needed}` : undefined}
        />
      </td>
      <td className="num device-row__wide">
        <Bytes field="capacity" bytes={fit.capacityBytes} unit={unit} />
      </td>
      <td className="num device-row__wide">
        <Bytes field="usable" bytes={fit.usableBytes} unit={unit} />
      </td>
      <td className={fit.headroomBytes >= 0 ? 'num' : 'num device-row__short'}>
        {fit.headroomBytes >= 0
          ? `+${formatBytes(fit.headroomBytes, unit)}`
          : `−${formatBytes(-fit.headroomBytes, unit)}`}
      </td>
      <td className="num device-row__speed">
        {fit.tps === null ? '—' : `${formatTps(fit.tps)} t/s`}
      </td>
    </tr>
  );
});
