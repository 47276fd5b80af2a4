import { compareNames } from './format';
import type { Estimate } from './estimate';
import {
  fitOnDevice,
  gpusInUse,
  isUnified,
  usableIsAssumed,
  type FitResult,
  type UsableOptions,
} from './fit';
import { decodeSpeed } from './speed';
import type { DeviceSpec } from './types';
import { GiB } from './units';

/**
 * Where a device stands for a configuration: one unit runs it with room to spare (great) or just
 * (tight), several units of it are needed (a layer split over up to 8 cards or systems; never a
 * unified-memory computer), or it cannot run it at all.
 */
export type DeviceStanding = 'great' | 'tight' | 'several' | 'no';

/** The standings in display order. */
export const STANDING_ORDER: readonly DeviceStanding[] = ['great', 'tight', 'several', 'no'];

/** One device and how one unit of it (or the fewest units that fit) handles a configuration. */
export interface DeviceFit {
  device: DeviceSpec;
  standing: DeviceStanding;
  /** Fit of one unit; `needed` = fewest units that fit (0 = none up to the maximum). */
  fit: FitResult;
  /** Installed memory of one unit, all its GPUs together, bytes (a "24 GB" card: 24 GiB). */
  capacityBytes: number;
  /** Memory one unit may use for the model, all GPUs together, bytes (never above capacity). */
  usableBytes: number;
  /** What the configuration needs on one unit, all GPUs together, bytes. */
  needBytes: number;
  /** usable - need on one unit, bytes (negative: the shortfall). */
  headroomBytes: number;
  /** Decode speed where it runs (one unit, or the units needed), tokens/s; null when it cannot run. */
  tps: number | null;
  unified: boolean;
  /** Unified memory without a published GPU limit: the usable share is an assumption. */
  usableAssumed: boolean;
}

/** Installed memory of one unit of `device` (all its GPUs), bytes: marketed GB are binary (GiB). */
export function capacityBytes(device: DeviceSpec): number {
  return device.memoryGb * GiB * Math.max(1, device.gpuCount);
}

/**
 * How `e` fares on one unit of every device: verdict of one unit (fit.ts thresholds), the units
 * needed when one is not enough, usable memory against installed capacity, and decode speed
 * (speed.ts; a layer split does not add up speed, so it is that of one card).
 */
export function fitDevices(
  devices: readonly DeviceSpec[],
  e: Estimate,
  o: UsableOptions = {},
): DeviceFit[] {
  return devices.map((device) => {
    const fit = fitOnDevice(e.demand, device, 1, o);
    const standing: DeviceStanding =
      fit.verdict !== 'no' ? fit.verdict : fit.needed > 1 ? 'several' : 'no';
    const gpus = gpusInUse(device, 1);
    return {
      device,
      standing,
      fit,
      capacityBytes: capacityBytes(device),
      usableBytes: fit.usableBytesPerGpu * gpus,
      needBytes: fit.needBytesPerGpu * gpus,
      headroomBytes: fit.headroomBytes * gpus,
      tps: standing === 'no' ? null : decodeSpeed(e, device).tps,
      unified: isUnified(device),
      usableAssumed: usableIsAssumed(device),
    };
  });
}

/** How many devices have each standing. */
export function countStandings(fits: readonly DeviceFit[]): Record<DeviceStanding, number> {
  const c: Record<DeviceStanding, number> = { great: 0, tight: 0, several: 0, no: 0 };
  for (const f of fits) c[f.standing] += 1;
  return c;
}

/**
 * The cheapest ways to run it, for the one-line summary: devices where one unit runs it, smallest
 * installed memory first, then multi-unit options by total memory (units x capacity); `limit`
 * entries.
 */
export function smallestThatRun(fits: readonly DeviceFit[], limit = 3): DeviceFit[] {
  const total = (f: DeviceFit) => f.capacityBytes * Math.max(1, f.fit.needed);
  return fits
    .filter((f) => f.standing !== 'no')
    .sort((a, b) => total(a) - total(b) || compareNames(a.device.name, b.device.name))
    .slice(0, limit);
}
