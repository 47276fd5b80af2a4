import type { DeviceSpec } from './types';
import { GiB, MiB } from './units';

/**
 * Memory the driver and runtime use on each GPU that no llama.cpp buffer shows (CUDA/ROCm
 * context, cuBLAS workspace): Ollama reserves 457 MiB per CUDA/ROCm GPU (ESTIMATION.md
 * "Runtime reserve"; gguf-parser-go assumes 250 MiB, llama.cpp's --fit keeps 1 GiB).
 */
export const RUNTIME_RESERVE_BYTES = 457 * MiB;

/**
 * Verdict thresholds, shown to the user: "runs great" when the configuration uses at most 90%
 * of usable memory (10% headroom for longer prompts, other apps and allocator slack), "tight"
 * up to 100%, "no" beyond.
 */
export const GREAT_MAX_FRACTION = 0.9;

/** The most devices of one kind the engine will consider (8 GPUs per server is the common maximum). */
export const MAX_DEVICE_COUNT = 8;

/**
 * When a user raises the unified-memory GPU limit (`sudo sysctl iogpu.wired_limit_mb=...` on
 * macOS), the amount we assume they leave to the operating system. An assumption shown in the UI,
 * not a measurement: Apple publishes no figure.
 */
export const RAISED_LIMIT_OS_HEADROOM_BYTES = 8 * GiB;

export type Verdict = 'great' | 'tight' | 'no';

/**
 * The one-word answer for a configuration on chosen hardware: runs great, tight, only with offload
 * (at a usable speed, offload.ts MIN_OFFLOAD_TPS), does not run, or no device chosen.
 */
export type AnswerVerdict = Verdict | 'offload' | 'none';

export interface UsableOptions {
  /** Unified memory: use a raised GPU limit instead of the default fraction. */
  raisedUnifiedLimit?: boolean;
}

/**
 * Memory one GPU of `device` can use for inference, bytes.
 * - Discrete GPUs: the marketed capacity is binary (a "24 GB" card carries 24 GiB of DRAM), so
 *   memoryGb x 2^30.
 * - Unified memory: memoryGb x 2^30 x the platform's default GPU-usable fraction (Apple's Metal
 *   working-set limit, about 67-75% of RAM; AMD's Variable Graphics Memory; Windows' half of RAM
 *   for an integrated GPU; each with its source in catalog/devices). With the raised-limit option,
 *   the fraction a documented setting allows (`unifiedRaisedFraction`: `sysctl
 *   iogpu.wired_limit_mb` on a Mac, a BIOS or driver setting elsewhere); a device with no such
 *   setting (null) keeps its default; one that does not say (custom devices) gets all but
 *   {@link RAISED_LIMIT_OS_HEADROOM_BYTES}. Raising never lowers the limit. A unified device with
 *   no published fraction uses the default 75% (the most common Apple figure), flagged by
 *   {@link usableIsAssumed}.
 */
export function usableBytesPerGpu(device: DeviceSpec, o: UsableOptions = {}): number {
  const total = device.memoryGb * GiB;
  if (!isUnified(device)) return total;
  const byDefault = total * (device.unifiedUsableFraction ?? ASSUMED_UNIFIED_FRACTION);
  if (!o.raisedUnifiedLimit) return byDefault;
  const raised = device.unifiedRaisedFraction;
  if (raised === null) return byDefault;
  const limit = raised === undefined ? total - RAISED_LIMIT_OS_HEADROOM_BYTES : total * raised;
  return Math.max(byDefault, limit);
}

/** Whether a documented setting raises the GPU limit of this unified-memory device. */
export function canRaiseLimit(device: DeviceSpec): boolean {
  return isUnified(device) && device.unifiedRaisedFraction !== null;
}

/** Fraction assumed for unified-memory devices without a published GPU limit (Apple's large-Mac default). */
export const ASSUMED_UNIFIED_FRACTION = 0.75;

/**
 * Whether the device's GPU shares one memory pool with the CPU (Apple Macs, AMD Strix Halo,
 * NVIDIA DGX Spark and Jetson, Snapdragon and Lunar Lake laptops): such a machine has no separate
 * system RAM to offload to and cannot be pooled with another of itself.
 */
export function isUnified(device: DeviceSpec): boolean {
  return (
    device.unifiedUsableFraction !== null ||
    device.segment === 'apple' ||
    device.segment === 'unified' ||
    device.segment === 'unified-memory-desktop' ||
    device.segment === 'edge'
  );
}

/**
 * GPUs in use for `count` units of `device`: count (whole, 1 to {@link maxUnits}) x the GPUs in
 * one unit (8 for a DGX-style system, 1 for a card or a computer).
 */
export function gpusInUse(device: DeviceSpec, count: number): number {
  const units = Math.min(Math.max(1, Math.floor(count)), maxUnits(device));
  return units * Math.max(1, device.gpuCount);
}

/** Units of a device that may be combined: up to MAX_DEVICE_COUNT cards or systems; a unified-memory computer is one. */
export function maxUnits(device: DeviceSpec): number {
  return isUnified(device) ? 1 : MAX_DEVICE_COUNT;
}

export function usableIsAssumed(device: DeviceSpec): boolean {
  return isUnified(device) && device.unifiedUsableFraction === null;
}

/** Per-device demand of a configuration split by layers across `n` GPUs. */
export interface Demand {
  /** Bytes that divide across GPUs (weights and KV cache, split by layer). */
  splitBytes: number;
  /** Bytes every GPU pays for itself (compute buffer and runtime reserve). */
  perDeviceBytes: number;
  /**
   * More bytes every GPU pays when the model spans several GPUs (llama.cpp keeps four copies of
   * the graph inputs per device for pipeline parallelism; compute-buffer.ts splitInputCopiesBytes).
   */
  splitExtraBytes?: number;
}

/** Bytes each of `n` GPUs pays for itself: compute buffer, reserve, and the split's input copies. */
export function perDeviceBytes(d: Demand, n: number): number {
  return d.perDeviceBytes + (n > 1 ? (d.splitExtraBytes ?? 0) : 0);
}

/**
 * Bytes needed on the fullest GPU when the model is split by layers over `n` GPUs (llama.cpp's
 * default `--split-mode layer`): splitBytes / n + what each device pays for itself. Every device
 * pays its own compute buffer and reserve, and with n > 1 four copies of the graph inputs
 * (Llama 3 8B: 640 MiB compute on each of 2 or 8 GPUs vs 560 on one; ESTIMATION.md).
 */
export function bytesPerGpu(d: Demand, n: number): number {
  return d.splitBytes / n + perDeviceBytes(d, n);
}

/** Verdict for `needBytes` on a GPU with `usableBytes`, using {@link GREAT_MAX_FRACTION}. */
export function verdictFor(needBytes: number, usableBytes: number): Verdict {
  if (!(usableBytes > 0)) return 'no';
  if (needBytes <= usableBytes * GREAT_MAX_FRACTION) return 'great';
  if (needBytes <= usableBytes) return 'tight';
  return 'no';
}

export interface FitResult {
  verdict: Verdict;
  /** GPUs in use (count x GPUs per system). */
  gpus: number;
  usableBytesPerGpu: number;
  needBytesPerGpu: number;
  /** usable - need on the fullest GPU (negative when it does not fit). */
  headroomBytes: number;
  /** Fewest units (cards or systems) that fit, 1..MAX_DEVICE_COUNT (1 for a unified-memory computer); 0 when none do. */
  needed: number;
}

/**
 * Whether the demand fits `count` units of `device` (a unit is a card, or a multi-GPU system
 * of device.gpuCount GPUs), and how many units it needs. Unified-memory computers do not pool
 * memory with each other ({@link maxUnits}): one is all that is ever counted.
 */
export function fitOnDevice(
  d: Demand,
  device: DeviceSpec,
  count: number,
  o: UsableOptions = {},
): FitResult {
  const usable = usableBytesPerGpu(device, o);
  const perUnit = Math.max(1, device.gpuCount);
  const gpus = gpusInUse(device, count);
  const need = bytesPerGpu(d, gpus);
  let needed = 0;
  for (let n = 1; n <= maxUnits(device); n++) {
    if (bytesPerGpu(d, n * perUnit) <= usable) {
      needed = n;
      break;
    }
  }
  return {
    verdict: verdictFor(need, usable),
    gpus,
    usableBytesPerGpu: usable,
    needBytesPerGpu: need,
    headroomBytes: usable - need,
    needed,
  };
}
