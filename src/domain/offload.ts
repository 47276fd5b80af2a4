import type { Estimate } from './estimate';
import { isUnified, perDeviceBytes, usableBytesPerGpu, type UsableOptions, gpusInUse } from './fit';
import { decodeClassOf, decodeSecondsPerToken } from './decode-model';
import { DECODE_CONSTANTS, tokenWork } from './speed';
import type { DeviceSpec, ModelArch } from './types';
import { GB } from './units';

/**
 * Dual-channel DDR5-5600 peak bandwidth: 2 channels x 8 bytes x 5600 MT/s = 89.6 GB/s (JEDEC
 * DDR5 transfer rate x bus width). The default for "system RAM bandwidth"; the user can change it.
 */
export const DEFAULT_RAM_BANDWIDTH_GBS = 89.6;

/**
 * Fraction of system-RAM bandwidth the CPU side of an offload reaches, by weight width: the
 * unified-memory efficiency of the M2 Ultra llama-bench runs in shared/reference/calibration.json
 * (Llama 3 8B tg512: Q4_K_M 78.81 t/s x 4,617,396,480 B / 800 GB/s = 0.455; F16 36.9 t/s x
 * 15,010,382,080 B / 800 GB/s = 0.692), the measured efficiency this side has always used.
 */
export const RAM_SIDE_EFFICIENCY = { quantized: 0.455, sixteenBit: 0.692 } as const;

/**
 * Slowest decode speed at which we call offload a way to run a model, tokens/s. Our threshold, not
 * a measurement: below 5 tokens/s a 300-token answer takes over a minute and text appears slower
 * than people read (silent reading of English averages 238 words a minute, about 4 words or 5
 * tokens a second: Brysbaert 2019, "How many words do we read per minute?", J. Memory and
 * Language 109).
 */
export const MIN_OFFLOAD_TPS = 5;

export type OffloadMode =
  /** Everything on the GPU(s). */
  | 'gpu'
  /** MoE expert tensors in system RAM, attention and shared weights on the GPU (`--n-cpu-moe` / `-ot exps=CPU`). */
  | 'experts'
  /** llama.cpp partial offload: the first N layers on the GPU (`-ngl N`), the rest on the CPU. */
  | 'layers'
  /** Does not fit even with system RAM. */
  | 'none';

export interface OffloadPlan {
  mode: OffloadMode;
  /** Layers whose weights and KV live on the GPU(s). */
  gpuLayers: number;
  layers: number;
  /** Bytes on the fullest GPU. */
  gpuBytesPerGpu: number;
  /** Bytes in system RAM (offloaded weights and KV, token embedding). */
  ramBytes: number;
  /** Decode speed, tokens/s (central), and its range. */
  tps: number;
  tpsLow: number;
  tpsHigh: number;
  /** Share of per-token bytes read from system RAM. */
  ramReadFraction: number;
}

export interface OffloadInput {
  estimate: Estimate;
  arch: ModelArch;
  device: DeviceSpec;
  count: number;
  /** System RAM available to the model, bytes. */
  ramBytes: number;
  /** System RAM bandwidth, GB/s. */
  ramBandwidthGbS: number;
  usable?: UsableOptions;
}

/**
 * Where the model's bytes go when the GPU(s) cannot hold all of it, llama.cpp-style:
 * 1. everything fits on the GPU(s): mode "gpu";
 * 2. MoE: expert tensors in RAM, everything else on the GPU (`--n-cpu-moe`): mode "experts";
 * 3. otherwise as many whole layers (weights and KV) as fit on the GPU (`-ngl N`): mode "layers";
 * a unified-memory computer has one pool, so it has nothing to offload to: mode "none";
 * each GPU still pays its compute buffer and reserve; the token embedding always stays in RAM.
 * Decode time per token = the GPU's share by the decode model of speed.ts (its bytes, attention
 * and per-layer overhead) + bytes read from RAM / ({@link RAM_SIDE_EFFICIENCY} x RAM bandwidth);
 * the range is the decode model's. ESTIMATION.md "Decode speed".
 */
export function planOffload(o: OffloadInput): OffloadPlan {
  const e = o.estimate;
  const gpus = gpusInUse(o.device, o.count);
  const usable = usableBytesPerGpu(o.device, o.usable);
  const perDevice = perDeviceBytes(e.demand, gpus);
  const budget = usable * gpus - perDevice * gpus;
  const layers = o.arch.layers;
  const work = tokenWork(e);
  const cls = decodeClassOf(o.device);
  const ramBw = o.ramBandwidthGbS * GB;
  const cpuEff =
    work.kind === '16-bit' ? RAM_SIDE_EFFICIENCY.sixteenBit : RAM_SIDE_EFFICIENCY.quantized;
  const activeTotal = work.bytes;
  const { low, high } = DECODE_CONSTANTS.range;

  const speed = (gpuRead: number, ramRead: number) => {
    const share = activeTotal > 0 ? gpuRead / activeTotal : 1;
    const gpu = decodeSecondsPerToken(
      { ...work, bytes: gpuRead, attentionFlops: work.attentionFlops * share },
      o.device.bandwidthGbS,
      cls,
      DECODE_CONSTANTS,
    );
    const tps = 1 / (gpu + ramRead / (cpuEff * ramBw));
    return {
      tps,
      tpsLow: tps * low,
      tpsHigh: tps * high,
      ramReadFraction: ramRead / (gpuRead + ramRead),
    };
  };

  const onGpu = e.demand.splitBytes;
  if (onGpu <= budget) {
    return {
      mode: 'gpu',
      gpuLayers: layers,
      layers,
      gpuBytesPerGpu: onGpu / gpus + perDevice,
      ramBytes: e.weights.hostBytes,
      ...speed(activeTotal, 0),
    };
  }
  if (isUnified(o.device)) {
    // One memory pool: the "system RAM" is the memory the GPU already uses; nothing to offload to.
    return {
      mode: 'none',
      gpuLayers: 0,
      layers,
      gpuBytesPerGpu: onGpu / gpus + perDevice,
      ramBytes: 0,
      ...speed(activeTotal, 0),
    };
  }
  const moe = o.arch.moe;
  if (moe && e.weights.expertBytes > 0) {
    const gpuPart = onGpu - e.weights.expertBytes;
    const ram = e.weights.expertBytes + e.weights.hostBytes;
    if (gpuPart <= budget && ram <= o.ramBytes) {
      const activeExperts = e.weights.expertBytes * (moe.expertsPerToken / moe.experts);
      return {
        mode: 'experts',
        gpuLayers: layers,
        layers,
        gpuBytesPerGpu: gpuPart / gpus + perDevice,
        ramBytes: ram,
        ...speed(activeTotal - activeExperts, activeExperts),
      };
    }
  }
  const perLayer = onGpu / layers;
  const gpuLayers = Math.max(0, Math.min(layers, Math.floor(budget / perLayer)));
  const ram = (layers - gpuLayers) * perLayer + e.weights.hostBytes;
  const fits = ram <= o.ramBytes;
  const gpuShare = gpuLayers / layers;
  return {
    mode: fits ? 'layers' : 'none',
    gpuLayers,
    layers,
    gpuBytesPerGpu: (gpuLayers * perLayer) / gpus + perDevice,
    ramBytes: ram,
    ...speed(activeTotal * gpuShare, activeTotal * (1 - gpuShare)),
  };
}
