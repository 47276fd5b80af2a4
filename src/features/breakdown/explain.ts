import type { Estimate } from '../../domain/estimate';
import { GREAT_MAX_FRACTION, type FitResult } from '../../domain/fit';
import { formatBytes, formatNumber, formatTokens, type ByteUnit } from '../../domain/format';
import {
  DEFAULT_UBATCH,
  KV_CACHE_TYPES,
  layerCounts,
  type KvEstimate,
} from '../../domain/kv-cache';
import type { DeviceSpec, ModelArch, QuantSpec } from '../../domain/types';
import { MiB } from '../../domain/units';
import { PIPELINE_COPIES } from '../../domain/compute-buffer';
import type { WeightsEstimate } from '../../domain/weights';
import type { RunSettings } from '../../domain/estimate-cache';

/**
 * How the weights figure was computed, e.g. "Q4_K_M recipe, 4.89 bits/weight, tensor by tensor;
 * token embedding (0.53 GB) stays in system RAM".
 */
export function explainWeights(quant: QuantSpec, w: WeightsEstimate, unit: ByteUnit): string {
  const how = quant.format === 'gguf' ? `${quant.label} recipe` : `${quant.label} checkpoint`;
  const parts = [`${how}, ${formatNumber(w.bitsPerWeight, 2)} bits/weight, tensor by tensor`];
  if (w.hostBytes > 0) {
    parts.push(`token embedding (${formatBytes(w.hostBytes, unit)}) stays in system RAM`);
  }
  return parts.join('; ');
}

function layersText(n: number, kind: string): string {
  return `${n} ${kind}${n === 1 ? 'layer' : 'layers'}`;
}

/** "8 KV heads × 128 × K+V", or "8 KV heads × (192 K + 128 V)" when K and V widths differ. */
function headsText(kvHeads: number, headDim: number, headDimV: number): string {
  const heads = `${kvHeads} KV ${kvHeads === 1 ? 'head' : 'heads'}`;
  return headDim === headDimV
    ? `${heads} × ${headDim} × K+V`
    : `${heads} × (${headDim} K + ${headDimV} V)`;
}

/**
 * How the context memory was computed, one line: tokens (× sequences) × layers × the cached row
 * of each layer type, the element type, the capped cells of sliding layers and any fixed
 * recurrent state, e.g. "32K tokens × 61 layers × 576-wide latent row (MLA) in f16".
 */
export function explainKv(
  arch: ModelArch,
  run: RunSettings,
  kv: KvEstimate,
  unit: ByteUnit,
): string {
  const n = layerCounts(arch);
  const seqs = run.parallel > 1 ? ` × ${run.parallel} sequences` : '';
  const tokens = `${formatTokens(run.contextTokens)} tokens${seqs}`;
  const parts: string[] = [];
  if (n.mla > 0 && arch.mla) {
    const row = arch.mla.kvLoraRank + arch.mla.qkRopeHeadDim;
    const indexer = arch.indexerHeadDim ? ` + ${arch.indexerHeadDim}-wide indexer key` : '';
    parts.push(
      `${tokens} × ${layersText(n.mla, '')} × ${row}-wide latent row (MLA)${indexer} in ${run.kvType}`,
    );
  }
  if (n.full > 0) {
    const g = arch.global ?? { kvHeads: arch.kvHeads, headDim: arch.headDim };
    const kind = n.sliding > 0 ? 'full-attention ' : '';
    parts.push(
      `${tokens} × ${layersText(n.full, kind)} × ${headsText(g.kvHeads, g.headDim, arch.headDimV ?? g.headDim)} in ${run.kvType}`,
    );
  }
  if (n.sliding > 0) {
    const g = arch.sliding ?? { kvHeads: arch.kvHeads, headDim: arch.headDim };
    const window = arch.slidingWindow ? ` (window ${formatTokens(arch.slidingWindow)})` : '';
    const capped = kv.slidingCells < kv.cells ? 'capped at' : 'holding';
    const f16 = KV_CACHE_TYPES[run.kvType].quantized ? ', kept in f16' : '';
    parts.push(
      `${layersText(n.sliding, 'sliding-window ')}${window} ${capped} ${formatNumber(kv.slidingCells)} cells × ${headsText(g.kvHeads, g.headDim, arch.headDimV ?? g.headDim)}${f16}`,
    );
  }
  const recurrent = n.linear + n.mamba2 + n.shortconv;
  if (recurrent > 0) {
    const state = `fixed recurrent state ${formatBytes(kv.stateBytes, unit)} (${layersText(recurrent, '')}, does not grow with context)`;
    if (parts.length === 0) return state.charAt(0).toUpperCase() + state.slice(1);
    parts.push(`+ ${state}`);
  }
  if (parts.length === 0) return 'No layer keeps a cache';
  return parts.join('; ');
}

/**
 * "llama.cpp compute buffer, flash attention on, ubatch 512", and with several GPUs what each adds
 * for the split ("; split over 2 GPUs, each holds 4 copies of the inputs: +52 MiB each").
 */
export function explainCompute(
  run: RunSettings,
  split?: { gpus: number; extraBytes: number; unit: ByteUnit },
): string {
  const base = `llama.cpp compute buffer, flash attention ${run.flashAttention ? 'on' : 'off'}, ubatch ${DEFAULT_UBATCH}`;
  if (!split || split.gpus < 2 || !(split.extraBytes > 0)) return base;
  return `${base}; split over ${formatNumber(split.gpus)} GPUs each also holds ${PIPELINE_COPIES} copies of the layer inputs: +${formatBytes(split.extraBytes, split.unit)} per GPU`;
}

/** "CUDA/driver reserve per GPU (Ollama: 457 MiB)". */
export function explainReserve(reserveBytes: number): string {
  return `CUDA/driver reserve per GPU (Ollama: ${formatNumber(reserveBytes / MiB)} MiB)`;
}

/** The four parts of a total, in display order. */
export const PARTS = ['weights', 'kv', 'compute', 'reserve'] as const;
export type Part = (typeof PARTS)[number];

export const PART_LABEL: Record<Part, string> = {
  weights: 'Weights',
  kv: 'KV cache',
  compute: 'Compute buffer',
  reserve: 'Runtime reserve',
};

/** Bytes of each part of an estimate; they sum to estimate.totalBytes. */
export function partBytes(e: Estimate): Record<Part, number> {
  return {
    weights: e.weights.deviceBytes,
    kv: e.kv.totalBytes,
    compute: e.computeBytes,
    reserve: e.reserveBytes,
  };
}

/** Share of the total of each part, percent (0 for every part when the total is not positive). */
export function partPercents(e: Estimate): Record<Part, number> {
  const b = partBytes(e);
  const total = PARTS.reduce((sum, p) => sum + b[p], 0);
  const pct = (v: number) => (total > 0 && Number.isFinite(v) ? (v / total) * 100 : 0);
  return {
    weights: pct(b.weights),
    kv: pct(b.kv),
    compute: pct(b.compute),
    reserve: pct(b.reserve),
  };
}

/**
 * "uses 20.1 GB of 25.8 GB usable on NVIDIA GeForce RTX 4090", or "... usable per GPU on
 * 2 × NVIDIA GeForce RTX 4090" when the model is split.
 */
export function explainUse(
  fit: FitResult,
  device: DeviceSpec,
  count: number,
  unit: ByteUnit,
): string {
  const need = formatBytes(fit.needBytesPerGpu, unit);
  const usable = formatBytes(fit.usableBytesPerGpu, unit);
  if (fit.gpus <= 1) return `uses ${need} of ${usable} usable on ${device.name}`;
  const gpus = device.gpuCount > 1 ? ` (${fit.gpus} GPUs)` : '';
  return `uses ${need} of ${usable} usable per GPU on ${count} × ${device.name}${gpus}`;
}

/** "4.2 GB headroom" or "short by 3.1 GB". */
export function explainHeadroom(fit: FitResult, unit: ByteUnit): string {
  return fit.headroomBytes >= 0
    ? `${formatBytes(fit.headroomBytes, unit)} headroom`
    : `short by ${formatBytes(-fit.headroomBytes, unit)}`;
}

/** "needs 2", "no count up to 8 is enough", or null when one unit is enough. */
export function explainNeeded(fit: FitResult, maxCount: number): string | null {
  if (fit.needed === 0) return `no count up to ${maxCount} is enough`;
  if (fit.needed > 1) return `needs ${fit.needed}`;
  return null;
}

/** The verdict thresholds in words, from GREAT_MAX_FRACTION. */
export function thresholdsText(): string {
  return `Runs great: ≤ ${formatNumber(GREAT_MAX_FRACTION * 100)}% of usable memory; tight: ≤ 100%; beyond that it won't fit.`;
}
