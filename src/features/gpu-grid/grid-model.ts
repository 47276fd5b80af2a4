import {
  fitOnDevice,
  isUnified,
  usableIsAssumed,
  type Demand,
  type FitResult,
  type UsableOptions,
  type Verdict,
} from '../../domain/fit';
import type { DeviceSpec } from '../../domain/types';
import type { GridGroup, GridSort } from '../../state/url-codec';

/** A group heading in the grid (every GridGroup except "all"). */
export type GridGroupKey = Exclude<GridGroup, 'all'>;

/** Groups in display order. */
export const GROUP_ORDER: readonly GridGroupKey[] = [
  'consumer',
  'workstation',
  'datacenter',
  'unified',
  'laptop',
  'edge',
  'multi',
];

/** Group headings shown to the user. */
export const GROUP_LABEL: Record<GridGroupKey, string> = {
  consumer: 'Consumer GPUs',
  workstation: 'Workstation',
  datacenter: 'Datacenter',
  unified: 'Unified memory',
  laptop: 'Laptop GPUs',
  edge: 'Edge',
  multi: 'Multi-GPU systems',
};

/** Sort options shown to the user. */
export const SORT_LABEL: Record<GridSort, string> = {
  memory: 'Memory (largest first)',
  headroom: 'Headroom (most first)',
  name: 'Name (A–Z)',
  bandwidth: 'Bandwidth (fastest first)',
};

/** One device in the grid with its fit at a count of one unit (card or system). */
export interface GridEntry {
  device: DeviceSpec;
  group: GridGroupKey;
  /** Fit of one unit; `needed` says how many units the configuration needs (0 = more than 8). */
  fit: FitResult;
  /** Usable memory of one unit, all its GPUs together, bytes. */
  usableBytes: number;
  /**
   * Usable minus needed over all GPUs of one unit, bytes (negative = missing). With a layer split
   * every GPU carries the same load, so this is the per-GPU headroom times the GPU count.
   */
  headroomBytes: number;
  unified: boolean;
  /** Unified memory without a published GPU limit: the usable fraction is an assumption. */
  usableAssumed: boolean;
}

/**
 * The grid group of a device. Precedence: systems of several GPUs are "multi"; the "edge" segment
 * (Jetson modules, whose memory is also shared) stays "edge"; any other unified-memory device
 * (isUnified: Apple Macs including MacBooks, DGX Spark, Ryzen AI Max) is "unified" whatever its
 * segment; the rest follow their catalog segment.
 */
export function groupOf(device: DeviceSpec): GridGroupKey {
  if (device.gpuCount > 1) return 'multi';
  if (device.segment === 'edge') return 'edge';
  // The segment test is implied by isUnified; it is spelled out so the type narrows.
  if (
    isUnified(device) ||
    device.segment === 'unified-memory-desktop' ||
    device.segment === 'apple' ||
    device.segment === 'unified'
  )
    return 'unified';
  return device.segment;
}

/**
 * Fits `demand` on one unit of every device (fitOnDevice with count 1), in catalog order. The
 * grid answers "does one run it, and if not, how many do I need".
 */
export function buildGridEntries(
  devices: readonly DeviceSpec[],
  demand: Demand,
  opts: UsableOptions = {},
): GridEntry[] {
  return devices.map((device) => {
    const fit = fitOnDevice(demand, device, 1, opts);
    return {
      device,
      group: groupOf(device),
      fit,
      usableBytes: fit.usableBytesPerGpu * fit.gpus,
      headroomBytes: fit.headroomBytes * fit.gpus,
      unified: isUnified(device),
      usableAssumed: usableIsAssumed(device),
    };
  });
}

/** Filters chosen in the grid (stored in the share URL). */
export interface GridFilters {
  group: GridGroup;
  /** Exact catalog vendor name, or null for all vendors. */
  vendor: string | null;
  /** Keep only devices where one unit runs it (verdict "great" or "tight"). */
  onlyRuns: boolean;
}

/** Whether one unit of the device runs the configuration: verdict "great" or "tight". */
export function runsOnOne(entry: GridEntry): boolean {
  return entry.fit.verdict !== 'no';
}

/** Entries that pass every filter, order kept. */
export function filterEntries(entries: readonly GridEntry[], f: GridFilters): GridEntry[] {
  return entries.filter(
    (e) =>
      (f.group === 'all' || e.group === f.group) &&
      (f.vendor === null || e.device.vendor === f.vendor) &&
      (!f.onlyRuns || runsOnOne(e)),
  );
}

function byName(a: GridEntry, b: GridEntry): number {
  return a.device.name.localeCompare(b.device.name, 'en');
}

const COMPARE: Record<GridSort, (a: GridEntry, b: GridEntry) => number> = {
  // Marketed memory of the whole unit (GPUs x GB per GPU), largest first.
  memory: (a, b) => b.device.memoryGb * b.device.gpuCount - a.device.memoryGb * a.device.gpuCount,
  headroom: (a, b) => b.headroomBytes - a.headroomBytes,
  name: byName,
  // Peak bandwidth of one GPU, fastest first (what bounds decode speed with a layer split).
  bandwidth: (a, b) => b.device.bandwidthGbS - a.device.bandwidthGbS,
};

/** A sorted copy: memory, headroom and bandwidth descending, name ascending; ties by name. */
export function sortEntries(entries: readonly GridEntry[], sort: GridSort): GridEntry[] {
  const cmp = COMPARE[sort];
  return [...entries].sort((a, b) => cmp(a, b) || byName(a, b));
}

export interface EntryGroup {
  group: GridGroupKey;
  label: string;
  entries: GridEntry[];
}

/** Splits entries into groups in {@link GROUP_ORDER}, keeping their order; empty groups are left out. */
export function groupEntries(entries: readonly GridEntry[]): EntryGroup[] {
  const byGroup = new Map<GridGroupKey, GridEntry[]>();
  for (const e of entries) {
    const list = byGroup.get(e.group);
    if (list) list.push(e);
    else byGroup.set(e.group, [e]);
  }
  return GROUP_ORDER.flatMap((group) => {
    const list = byGroup.get(group);
    return list ? [{ group, label: GROUP_LABEL[group], entries: list }] : [];
  });
}

export type VerdictCounts = Record<Verdict, number>;

/** How many entries have each verdict at a count of one. */
export function summarize(entries: readonly GridEntry[]): VerdictCounts {
  const counts: VerdictCounts = { great: 0, tight: 0, no: 0 };
  for (const e of entries) counts[e.fit.verdict] += 1;
  return counts;
}

/** The one-line summary, e.g. "38 run great, 12 tight, 63 do not". */
export function summaryText(c: VerdictCounts): string {
  const great = `${c.great} ${c.great === 1 ? 'runs' : 'run'} great`;
  const no = `${c.no} ${c.no === 1 ? 'does' : 'do'} not`;
  return `${great}, ${c.tight} tight, ${no}`;
}

/** Distinct vendor names of the devices, alphabetical. */
export function distinctVendors(devices: readonly DeviceSpec[]): string[] {
  return [...new Set(devices.map((d) => d.vendor))].sort((a, b) => a.localeCompare(b, 'en'));
}
