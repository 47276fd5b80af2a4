import { formatNumber } from '../domain/format';
import { isUnified } from '../domain/fit';
import type { DeviceSpec } from '../domain/types';
import type { GridGroup } from '../state/selection';

/** A device-list group (every GridGroup except "all"). */
export type DeviceGroupKey = Exclude<GridGroup, 'all'>;

/** Groups in display order, with their headings. */
export const DEVICE_GROUP_LABEL: Record<DeviceGroupKey, string> = {
  consumer: 'Desktop graphics cards',
  laptop: 'Laptop graphics',
  unified: 'Macs and unified-memory computers',
  workstation: 'Workstation cards',
  datacenter: 'Datacenter cards',
  multi: 'Multi-GPU servers',
  edge: 'Edge boards',
};

/**
 * The group of a device: systems of several GPUs are "multi", Jetson-class boards "edge", every
 * unified-memory computer (Macs, Strix Halo, DGX Spark, Snapdragon and Lunar Lake laptops)
 * "unified", the rest their catalog segment.
 */
export function groupOf(device: DeviceSpec): DeviceGroupKey {
  if (device.gpuCount > 1) return 'multi';
  if (device.segment === 'edge') return 'edge';
  if (isUnified(device)) return 'unified';
  switch (device.segment) {
    case 'consumer':
    case 'laptop':
    case 'workstation':
    case 'datacenter':
      return device.segment;
    default:
      return 'unified';
  }
}

/** Marketed memory, e.g. "24 GB", or "8 × 80 GB" for a multi-GPU system. */
export function deviceMemoryText(d: DeviceSpec): string {
  const gb = `${formatNumber(d.memoryGb, Number.isInteger(d.memoryGb) ? 0 : 1)} GB`;
  return d.gpuCount > 1 ? `${d.gpuCount} × ${gb}` : gb;
}

/** The device name with its memory, unless the name already says it ("RTX 4090 (24 GB)"). */
export function deviceLabel(d: DeviceSpec): string {
  return /\d\s*GB\b/i.test(d.name) ? d.name : `${d.name} (${deviceMemoryText(d)})`;
}
