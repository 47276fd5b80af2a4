import { compareNames } from '../../domain/format';
import { groupOf, type DeviceGroupKey } from '../../components/device-groups';
import type { DeviceFit, DeviceStanding } from '../../domain/device-fit';
import { searchDevices } from '../../domain/search';
import type { GridGroup, GridSort } from '../../state/selection';

/** Sort options shown to the user. */
export const SORT_LABEL: Record<GridSort, string> = {
  memory: 'Memory (smallest first)',
  headroom: 'Headroom (most first)',
  name: 'Name (A–Z)',
  bandwidth: 'Bandwidth (fastest first)',
};

/** Filters chosen in the device list (stored in the share URL). */
export interface DeviceFilters {
  group: GridGroup;
  /** Exact catalog vendor name, or null for all vendors. */
  vendor: string | null;
  /** Keep only devices where one unit runs it (runs great or tight). */
  onlyRuns: boolean;
  /** Search text ("4070", "m3 pro"); null for none. */
  find: string | null;
}

function byName(a: DeviceFit, b: DeviceFit): number {
  return compareNames(a.device.name, b.device.name);
}

const COMPARE: Record<GridSort, (a: DeviceFit, b: DeviceFit) => number> = {
  memory: (a, b) => a.capacityBytes - b.capacityBytes,
  headroom: (a, b) => b.headroomBytes - a.headroomBytes,
  name: byName,
  bandwidth: (a, b) => b.device.bandwidthGbS - a.device.bandwidthGbS,
};

export interface StandingGroup {
  standing: DeviceStanding;
  fits: DeviceFit[];
}

/**
 * The device list: devices that pass the filters, grouped by standing (runs great, tight, needs
 * several, won't run), each group sorted by `sort` (devices that cannot run it by smallest
 * shortfall first whatever the sort, so the closest misses lead), the selected device first in its
 * group. With search text, only matches are kept, in the order of their match quality.
 */
export function deviceListGroups(
  fits: readonly DeviceFit[],
  f: DeviceFilters,
  sort: GridSort,
  selectedId: string | null,
): StandingGroup[] {
  let list = fits.filter(
    (x) =>
      (f.group === 'all' || groupOf(x.device) === (f.group as DeviceGroupKey)) &&
      (f.vendor === null || x.device.vendor === f.vendor) &&
      (!f.onlyRuns || x.standing === 'great' || x.standing === 'tight'),
  );
  const searching = f.find !== null && f.find.trim() !== '';
  if (searching) {
    const rank = new Map(
      searchDevices(
        list.map((x) => x.device),
        f.find ?? '',
      ).map((d, i) => [d.id, i]),
    );
    list = list.filter((x) => rank.has(x.device.id));
    list.sort((a, b) => (rank.get(a.device.id) ?? 0) - (rank.get(b.device.id) ?? 0));
  }
  const order: DeviceStanding[] = ['great', 'tight', 'several', 'no'];
  return order
    .map((standing) => {
      const group = list.filter((x) => x.standing === standing);
      if (!searching) {
        const cmp = standing === 'no' ? COMPARE.headroom : COMPARE[sort];
        group.sort((a, b) => cmp(a, b) || byName(a, b));
      }
      const i = group.findIndex((x) => x.device.id === selectedId);
      if (i > 0) group.unshift(...group.splice(i, 1));
      return { standing, fits: group };
    })
    .filter((g) => g.fits.length > 0);
}

/** Distinct vendor names of the devices, alphabetical. */
export function distinctVendors(fits: readonly DeviceFit[]): string[] {
  return [...new Set(fits.map((x) => x.device.vendor))].sort(compareNames);
}
