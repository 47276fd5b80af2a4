import type { Estimate } from '../../domain/estimate';
import type { FitResult, UsableOptions } from '../../domain/fit';
import { formatBytes, formatNumber, type ByteUnit } from '../../domain/format';
import { planOffload } from '../../domain/offload';
import { decodeSpeed } from '../../domain/speed';
import type { DeviceSpec, ModelArch } from '../../domain/types';
import {
  formatPercent,
  isOffloaded,
  offloadModeText,
  tpsWithRange,
} from '../offload-serving/offload-text';

export interface SpeedLineInput {
  estimate: Estimate;
  fit: FitResult;
  arch: ModelArch;
  device: DeviceSpec;
  count: number;
  /** System RAM the user entered, GB as typed, and the bytes it stands for. */
  ramGb: number;
  ramBytes: number;
  ramBandwidthGbS: number;
  usable: UsableOptions;
  unit: ByteUnit;
}

export interface SpeedLineText {
  /** The engine's tokens per second behind the text; null when the configuration cannot run. */
  tps: number | null;
  /** Whether the figure is the speed with part of the model in system RAM. */
  offload: boolean;
  lead: string;
  how: string;
}

function gbS(v: number): string {
  return `${formatNumber(v, Number.isInteger(v) ? 0 : 1)} GB/s`;
}

/**
 * Generation speed line for the selected configuration: the all-GPU decode speed when it fits,
 * the offload speed (planOffload with the user's RAM) when it runs only with offload, and a
 * plain "won't run" otherwise. Every figure comes from the engine (decodeSpeed, planOffload).
 */
export function buildSpeedLine(i: SpeedLineInput): SpeedLineText {
  if (i.fit.verdict !== 'no') {
    const s = decodeSpeed(i.estimate, i.device);
    const split =
      i.fit.gpus > 1
        ? `; split by layers over ${formatNumber(i.fit.gpus)} GPUs the cards work in turn, so speed does not add up`
        : '';
    return {
      tps: s.tps,
      offload: false,
      lead: `≈ ${tpsWithRange(s.tps, s.low, s.high)} generation`,
      how:
        `bandwidth ${gbS(i.device.bandwidthGbS)} × efficiency ${formatNumber(s.efficiency, 2)} ÷ ` +
        `${formatBytes(s.bytesPerToken, i.unit)} read per token; calibrated on llama-bench${split}`,
    };
  }
  const plan = planOffload({
    estimate: i.estimate,
    arch: i.arch,
    device: i.device,
    count: i.count,
    ramBytes: i.ramBytes,
    ramBandwidthGbS: i.ramBandwidthGbS,
    usable: i.usable,
  });
  if (!isOffloaded(plan)) {
    return {
      tps: null,
      offload: false,
      lead: `Won't run: too big for the GPU even with ${formatNumber(i.ramGb)} GB of system RAM`,
      how: `It would need ${formatBytes(plan.ramBytes, i.unit)} of system RAM besides the GPU.`,
    };
  }
  return {
    tps: plan.tps,
    offload: true,
    lead: `≈ ${tpsWithRange(plan.tps, plan.tpsLow, plan.tpsHigh)} generation with offload`,
    how:
      `${offloadModeText(plan)}: ${formatPercent(plan.ramReadFraction)} of the bytes read per token ` +
      `come from system RAM at ${gbS(i.ramBandwidthGbS)}, the rest from the GPU at ` +
      `${gbS(i.device.bandwidthGbS)}; GPU efficiency calibrated on llama-bench, the RAM side assumed`,
  };
}
