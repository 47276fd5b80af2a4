import { formatBytes, formatNumber, formatTokens, type ByteUnit } from '../../domain/format';
import { bytesReadPerToken } from '../../domain/speed';
import { isUnified } from '../../domain/fit';
import { formatPercent, offloadModeText, tpsWithRange } from '../../components/offload-text';
import type { Selected } from '../../results/selected';
import { MIN_OFFLOAD_TPS } from '../../domain/offload';

export interface SpeedLineText {
  /** The engine's tokens per second behind the text; null when the configuration cannot run. */
  tps: number | null;
  lead: string;
  how: string;
}

function gbS(v: number): string {
  return `${formatNumber(v, Number.isInteger(v) ? 0 : 1)} GB/s`;
}

/**
 * Generation speed of the selected configuration, in words: the all-GPU decode speed when it fits,
 * the offload speed when it runs only with part of the model in system RAM, and why not
 * otherwise. Every figure is the engine's (selected.ts: decodeSpeed, planOffload).
 */
export function buildSpeedLine(s: Selected, unit: ByteUnit): SpeedLineText | null {
  const device = s.resolved.device;
  if (!device || !s.fit) return null;
  if (s.fit.verdict !== 'no' && s.speed) {
    const sp = s.speed;
    const split =
      s.fit.gpus > 1
        ? `; split by layers over ${formatNumber(s.fit.gpus)} GPUs the cards work in turn, so speed does not add up`
        : '';
    return {
      tps: s.speed.tps,
      lead: `≈ ${tpsWithRange(sp.tps, sp.low, sp.high)} generation at ${formatTokens(sp.contextTokens ?? s.estimate.decode.contextTokens)} tokens in the cache`,
      how:
        `${formatBytes(bytesReadPerToken(s.estimate), unit)} read per token (weights in use and the ` +
        `cache at this context) at ${gbS(device.bandwidthGbS)} × efficiency ${formatNumber(sp.efficiency ?? 0, 2)}, ` +
        `plus ${formatNumber((sp.overheadS ?? 0) * 1000, 1)} ms of fixed cost per token; fitted on published ` +
        `llama-bench runs, 90% of which fall in the range${split}`,
    };
  }
  const plan = s.offload;
  if (s.verdict === 'offload' && plan) {
    return {
      tps: plan.tps,
      lead: `≈ ${tpsWithRange(plan.tps, plan.tpsLow, plan.tpsHigh)} generation with offload`,
      how:
        `${offloadModeText(plan)}: ${formatPercent(plan.ramReadFraction)} of the bytes read per token ` +
        `come from system RAM at ${gbS(s.hardware.ramBandwidthGbS)}, the rest from the GPU at ` +
        `${gbS(device.bandwidthGbS)}`,
    };
  }
  if (isUnified(device)) {
    return {
      tps: null,
      lead: "Won't run: more than this computer's GPU may use",
      how: 'On unified memory the GPU and the system share one pool, so there is nothing to offload to.',
    };
  }
  if (plan && (plan.mode === 'experts' || plan.mode === 'layers')) {
    return {
      tps: null,
      lead: `Won't run usefully: with offload only ≈ ${formatNumber(plan.tps, 1)} tokens/s`,
      how: `Below ${MIN_OFFLOAD_TPS} tokens/s text comes out slower than people read; ${offloadModeText(plan)}.`,
    };
  }
  return {
    tps: null,
    lead: `Won't run: too big for the GPU even with the system RAM`,
    how: plan
      ? `It would need ${formatBytes(plan.ramBytes, unit)} of system RAM besides the GPU.`
      : 'It does not fit.',
  };
}
