import { formatNumber } from '../../domain/format';
import type { DeviceSpec, GpuSegment } from '../../domain/types';

export interface DeviceGroup {
  label: string;
  devices: DeviceSpec[];
}

const SEGMENT_GROUPS: readonly { segment: GpuSegment; label: string }[] = [
  { segment: 'consumer', label: 'Consumer GPUs' },
  { segment: 'workstation', label: 'Workstation' },
  { segment: 'datacenter', label: 'Datacenter' },
  { segment: 'unified-memory-desktop', label: 'Unified memory (Apple, AMD, NVIDIA)' },
  { segment: 'laptop', label: 'Laptop GPUs' },
  { segment: 'edge', label: 'Edge' },
];

const MULTI_LABEL = 'Multi-GPU systems';

/**
 * Splits catalog devices into menu groups, in a fixed order: one per segment, then systems of
 * several GPUs (gpuCount > 1) in their own group. Keeps catalog order inside a group; drops
 * empty groups.
 */
export function groupDevices(devices: readonly DeviceSpec[]): DeviceGroup[] {
  const groups = new Map<string, DeviceSpec[]>();
  for (const g of SEGMENT_GROUPS) groups.set(g.label, []);
  groups.set(MULTI_LABEL, []);
  for (const d of devices) {
    const label =
      d.gpuCount > 1
        ? MULTI_LABEL
        : (SEGMENT_GROUPS.find((g) => g.segment === d.segment)?.label ?? MULTI_LABEL);
    groups.get(label)?.push(d);
  }
  return [...groups]
    .filter(([, list]) => list.length > 0)
    .map(([label, list]) => ({ label, devices: list }));
}

/** Marketed memory, e.g. "24 GB", or "8 × 80 GB" for a multi-GPU system. */
export function deviceMemoryText(d: DeviceSpec): string {
  const gb = `${formatNumber(d.memoryGb, Number.isInteger(d.memoryGb) ? 0 : 1)} GB`;
  return d.gpuCount > 1 ? `${d.gpuCount} × ${gb}` : gb;
}

/** Menu text, e.g. "NVIDIA GeForce RTX 4090 — 24 GB". */
export function deviceOptionText(d: DeviceSpec): string {
  return `${d.name} — ${deviceMemoryText(d)}`;
}
