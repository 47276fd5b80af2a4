import type { Estimate } from '../../domain/estimate';
import { fitEstimate } from '../../domain/estimate';
import { MAX_DEVICE_COUNT, usableBytesPerGpu, verdictFor } from '../../domain/fit';
import { formatBytes, formatTokens, type ByteUnit } from '../../domain/format';
import type { DeviceSpec, ModelSpec, QuantSpec } from '../../domain/types';
import { GiB } from '../../domain/units';
import { cachedWeights, estimateFor, type RunSettings } from '../shared/calc';
import { VERDICT_LABEL } from '../shared/verdict-label';

export interface FaqEntry {
  question: string;
  answer: string;
}

export interface FaqInput {
  model: ModelSpec;
  quants: readonly QuantSpec[];
  devices: readonly DeviceSpec[];
  unit: ByteUnit;
}

/** The context the answers are computed at, tokens (clamped to the model's maximum). */
export const FAQ_CONTEXT_TOKENS = 8192;

/** Discrete memory sizes answered in "Which quantization should I use", marketed GB (= GiB on cards). */
export const FAQ_MEMORY_SIZES_GB = [8, 12, 16, 24, 48, 80] as const;

/** The most popular consumer GPU, asked about by name when the catalog has it. */
export const POPULAR_GPU_ID = 'nvidia-rtx-4090';

/**
 * Quantizations above 16 bits per weight (F32) hold no more quality than BF16/F16 for
 * inference, so they are never recommended or quoted as the "largest" download.
 */
const MAX_USEFUL_BITS = 16;

interface Ctx {
  model: ModelSpec;
  unit: ByteUnit;
  run: RunSettings;
  /** Useful quantizations with their estimate at the FAQ context, best quality first. */
  ranked: { quant: QuantSpec; e: Estimate }[];
  recommended: QuantSpec | undefined;
}

/**
 * The generated questions and answers for a model, all computed from the engine at 8K context
 * (or the model's maximum when smaller), an f16 KV cache, flash attention on and one sequence.
 * Answers are plain strings; sizes are formatted with `unit`.
 */
export function buildFaq(input: FaqInput): FaqEntry[] {
  const { model, unit } = input;
  const run: RunSettings = {
    contextTokens: Math.min(FAQ_CONTEXT_TOKENS, model.maxContextTokens),
    parallel: 1,
    kvType: 'f16',
    flashAttention: true,
  };
  const ranked = input.quants
    .filter((q) => q.nominalBitsPerWeight <= MAX_USEFUL_BITS)
    .map((quant) => ({ quant, e: estimateFor(model, quant.id, run) }))
    .sort(
      (a, b) =>
        b.e.weights.bitsPerWeight - a.e.weights.bitsPerWeight ||
        Number(a.quant.format !== 'gguf') - Number(b.quant.format !== 'gguf'),
    );
  const recommended =
    input.quants.find((q) => q.id === model.recommendedQuant) ??
    ranked[0]?.quant ??
    input.quants[0];
  const ctx: Ctx = { model, unit, run, ranked, recommended };
  if (!recommended) return [];
  return [
    memoryNeeded(ctx, recommended),
    popularGpu(ctx, recommended, input.devices),
    quantForMemory(ctx),
    onMac(ctx, recommended, input.devices),
    download(ctx, recommended),
  ].filter((e): e is FaqEntry => e !== null);
}

function at(ctx: Ctx, quant: QuantSpec): Estimate {
  return (
    ctx.ranked.find((r) => r.quant.id === quant.id)?.e ?? estimateFor(ctx.model, quant.id, ctx.run)
  );
}

function settingsText(ctx: Ctx): string {
  return `${formatTokens(ctx.run.contextTokens)} context, f16 KV cache`;
}

function memoryNeeded(ctx: Ctx, rec: QuantSpec): FaqEntry {
  const { model, unit } = ctx;
  const short = at(ctx, rec);
  const file = formatBytes(cachedWeights(model, rec.id).fileBytes, unit);
  const fullTokens = model.maxContextTokens;
  let answer = `At ${rec.label}, the recommended quantization, ${model.name} needs about ${formatBytes(short.totalBytes, unit)} with ${formatTokens(ctx.run.contextTokens)} of context`;
  if (fullTokens > ctx.run.contextTokens) {
    const full = estimateFor(model, rec.id, { ...ctx.run, contextTokens: fullTokens });
    answer += ` and ${formatBytes(full.totalBytes, unit)} at its full ${formatTokens(fullTokens)} context`;
  }
  answer += ` (f16 KV cache, flash attention on). That is weights, context memory, compute buffer and runtime reserve. The ${rec.label} file is ${file}.`;
  return { question: `How much memory does ${model.name} need?`, answer };
}

/** The catalog's RTX 4090, else the consumer GPU with the most memory. */
export function popularConsumerGpu(devices: readonly DeviceSpec[]): DeviceSpec | undefined {
  const named = devices.find((d) => d.id === POPULAR_GPU_ID);
  if (named) return named;
  return devices
    .filter((d) => d.segment === 'consumer')
    .reduce<DeviceSpec | undefined>(
      (best, d) => (!best || d.memoryGb > best.memoryGb ? d : best),
      undefined,
    );
}

function popularGpu(ctx: Ctx, rec: QuantSpec, devices: readonly DeviceSpec[]): FaqEntry | null {
  const gpu = popularConsumerGpu(devices);
  if (!gpu) return null;
  const { model, unit } = ctx;
  const question = `Can the ${gpu.name} run ${model.name}?`;
  const usable = formatBytes(usableBytesPerGpu(gpu), unit);
  const recE = at(ctx, rec);
  const recFit = fitEstimate(recE, gpu, 1);
  if (recFit.verdict !== 'no') {
    return {
      question,
      answer: `Yes. At ${rec.label} with ${settingsText(ctx)} it needs ${formatBytes(recE.totalBytes, unit)} of the card's ${usable}: ${VERDICT_LABEL[recFit.verdict]}.`,
    };
  }
  const best = ctx.ranked.find((r) => fitEstimate(r.e, gpu, 1).verdict !== 'no');
  if (best) {
    const v = fitEstimate(best.e, gpu, 1).verdict;
    return {
      question,
      answer: `Not at ${rec.label}: it needs ${formatBytes(recE.totalBytes, unit)} with ${settingsText(ctx)}, and the card has ${usable}. ${best.quant.label} fits (${formatBytes(best.e.totalBytes, unit)}, ${VERDICT_LABEL[v]}).`,
    };
  }
  const cards =
    recFit.needed > 0
      ? `At ${rec.label} it needs ${recFit.needed} of them, with layers split across the cards.`
      : `At ${rec.label} even ${MAX_DEVICE_COUNT} of them are not enough: it needs ${formatBytes(recE.totalBytes, unit)}.`;
  return {
    question,
    answer: `No. It does not fit on one ${gpu.name} (${usable}) at any quantization with ${settingsText(ctx)}. ${cards}`,
  };
}

function quantForMemory(ctx: Ctx): FaqEntry {
  const parts = FAQ_MEMORY_SIZES_GB.map((gb) => {
    const usable = gb * GiB;
    for (const r of ctx.ranked) {
      const v = verdictFor(r.e.totalBytes, usable);
      if (v !== 'no') return `${gb} GB: ${r.quant.label}${v === 'tight' ? ' (tight)' : ''}`;
    }
    return `${gb} GB: none fits`;
  });
  return {
    question: `Which quantization should I use with ${FAQ_MEMORY_SIZES_GB.slice(0, -1).join(', ')} or ${FAQ_MEMORY_SIZES_GB[FAQ_MEMORY_SIZES_GB.length - 1]} GB?`,
    answer: `The highest-quality quantization of ${ctx.model.name} that fits one GPU with ${settingsText(ctx)}: ${parts.join('; ')}.`,
  };
}

function onMac(ctx: Ctx, rec: QuantSpec, devices: readonly DeviceSpec[]): FaqEntry | null {
  const macs = devices
    .filter((d) => d.vendor === 'Apple')
    .sort((a, b) => a.memoryGb - b.memoryGb || a.name.localeCompare(b.name));
  if (macs.length === 0) return null;
  const { model, unit } = ctx;
  const question = `Does ${model.name} run on a Mac?`;
  const caveat =
    'By default macOS lets the GPU use only part of unified memory (about 67-75% of RAM); raising iogpu.wired_limit_mb gives it more.';
  const recE = at(ctx, rec);
  const mac = macs.find((d) => fitEstimate(recE, d, 1).verdict !== 'no');
  if (mac) {
    const share = mac.unifiedUsableFraction
      ? ` (${Math.round(mac.unifiedUsableFraction * 100)}% of its RAM)`
      : '';
    return {
      question,
      answer: `Yes. The smallest Mac in our list that runs it at ${rec.label} with ${settingsText(ctx)} is the ${mac.name}: it needs ${formatBytes(recE.totalBytes, unit)} of ${formatBytes(usableBytesPerGpu(mac), unit)} usable${share}. ${caveat}`,
    };
  }
  for (const r of ctx.ranked) {
    const m = macs.find((d) => fitEstimate(r.e, d, 1).verdict !== 'no');
    if (m) {
      return {
        question,
        answer: `Not at ${rec.label} (${formatBytes(recE.totalBytes, unit)}). At ${r.quant.label} (${formatBytes(r.e.totalBytes, unit)}) it runs on the ${m.name}. ${caveat}`,
      };
    }
  }
  return {
    question,
    answer: `No Mac in our list runs it with ${settingsText(ctx)}: at ${rec.label} it needs ${formatBytes(recE.totalBytes, unit)}. ${caveat}`,
  };
}

function download(ctx: Ctx, rec: QuantSpec): FaqEntry {
  const { model, unit } = ctx;
  const size = (q: QuantSpec) => cachedWeights(model, q.id).fileBytes;
  const gguf = ctx.ranked.filter((r) => r.quant.format === 'gguf');
  let answer = `The ${rec.label} file of ${model.name} is ${formatBytes(size(rec), unit)}.`;
  if (gguf.length > 0) {
    const bySize = [...gguf].sort((a, b) => a.e.weights.fileBytes - b.e.weights.fileBytes);
    const small = bySize[0];
    const large = bySize[bySize.length - 1];
    if (small && large && small !== large) {
      answer += ` GGUF files range from ${formatBytes(small.e.weights.fileBytes, unit)} at ${small.quant.label} to ${formatBytes(large.e.weights.fileBytes, unit)} at ${large.quant.label}.`;
    }
  }
  answer += ' Sizes are computed from the quantization recipe; a given upload can differ slightly.';
  return { question: 'How big is the download?', answer };
}
