import { formatNumber } from '../domain/format';
import type { OffloadPlan } from '../domain/offload';

/** Where the model's bytes go, in words with the llama.cpp flag that does it. */
export function offloadModeText(plan: OffloadPlan): string {
  switch (plan.mode) {
    case 'gpu':
      return 'Everything on the GPU';
    case 'experts':
      return 'MoE experts in system RAM (llama.cpp --n-cpu-moe)';
    case 'layers':
      return `${formatNumber(plan.gpuLayers)} of ${formatNumber(plan.layers)} layers on the GPU (llama.cpp -ngl ${plan.gpuLayers})`;
    case 'none':
      return 'Does not fit even with RAM';
  }
}

/** Whether the plan runs with part of the model in system RAM. */
export function isOffloaded(plan: OffloadPlan): boolean {
  return plan.mode === 'experts' || plan.mode === 'layers';
}

/** Tokens per second with one decimal below 10 ("3.1"), whole numbers above ("103"). */
export function formatTps(tps: number): string {
  return formatNumber(tps, tps < 10 ? 1 : 0);
}

/** "3.1 tokens/s (3.1–4.0)": central estimate and range, all with the central figure's decimals. */
export function tpsWithRange(tps: number, low: number, high: number): string {
  const digits = tps < 10 ? 1 : 0;
  const f = (v: number) => formatNumber(v, digits);
  return `${f(tps)} tokens/s (${f(low)}–${f(high)})`;
}

/** A fraction as a whole percentage, "54%". */
export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100)}%`;
}
