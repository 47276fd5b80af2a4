import { formatTps } from '../../components/offload-text';
import { VERDICT_LABEL } from '../../components/verdict-label';
import type { Estimate } from '../../domain/estimate';
import { cachedWeights, estimateFor, type RunSettings } from '../../domain/estimate-cache';
import { fitOnDevice, usableBytesPerGpu, verdictFor, type Verdict } from '../../domain/fit';
import { formatBytes, formatTokens, type ByteUnit } from '../../domain/format';
import { candidateQuants } from '../../domain/recommend';
import type { DeviceSpec, ModelSpec, QuantSpec } from '../../domain/types';
import { GiB } from '../../domain/units';
import type { Selected } from '../../results/selected';

export interface FaqEntry {
  question: string;
  answer: string;
}

export interface FaqInput {
  selected: Selected;
  quants: readonly QuantSpec[];
  devices: readonly DeviceSpec[];
  unit: ByteUnit;
}

/** Memory sizes answered in "Which quantization should I use", marketed GB (= GiB on cards). */
export const FAQ_MEMORY_SIZES_GB = [8, 12, 16, 24, 48, 80] as const;

interface Ctx {
  model: ModelSpec;
  unit: ByteUnit;
  run: RunSettings;
  /** GGUF quantizations that may be recommended (recommend.ts), most bits first, with their estimate. */
  ranked: { quant: QuantSpec; e: Estimate }[];
  settings: string;
}

/**
 * Questions and answers for the selected model, computed by the engine at the chosen context, KV
 * type, flash attention and sequences, about the chosen device; quantization advice stays in one
 * format family (GGUF, for llama.cpp, Ollama and LM Studio) and uses the recommendation rules
 * (recommend.ts: K/I-quants, no 1-2 bit below 100B parameters).
 */
export function buildFaq(input: FaqInput): FaqEntry[] {
  const s = input.selected;
  const { model, quant, device } = s.resolved;
  const unit = input.unit;
  const run = s.run;
  const ranked = candidateQuants(model, input.quants, { extreme: false }).flatMap((c) => {
    const q = input.quants.find((x) => x.id === c.quantId);
    return q ? [{ quant: q, e: estimateFor(model, q.id, run) }] : [];
  });
  const kv = s.kv.vKeptF16 ? `${s.kv.typeK} K / f16 V cache` : `${run.kvType} KV cache`;
  const seqs = run.parallel > 1 ? `, ${run.parallel} sequences` : '';
  const ctx: Ctx = {
    model,
    unit,
    run,
    ranked,
    settings: `${formatTokens(run.contextTokens)} context, ${kv}${seqs}`,
  };
  return [
    memoryNeeded(ctx, quant, s.estimate),
    device ? onDevice(ctx, s, device) : null,
    quantForMemory(ctx),
    onMac(ctx, input.devices),
    download(ctx, quant),
  ].filter((e): e is FaqEntry => e !== null);
}

function memoryNeeded(ctx: Ctx, quant: QuantSpec, e: Estimate): FaqEntry {
  const { model, unit } = ctx;
  const full = model.maxContextTokens;
  let answer = `At ${quant.label} with ${ctx.settings}, ${model.name} needs about ${formatBytes(e.totalBytes, unit)} on one GPU: ${formatBytes(e.weights.deviceBytes, unit)} of weights, ${formatBytes(e.kv.totalBytes, unit)} of context memory, ${formatBytes(e.computeBytes + e.reserveBytes, unit)} of compute buffer and runtime reserve.`;
  if (full > ctx.run.contextTokens) {
    const atFull = estimateFor(model, quant.id, { ...ctx.run, contextTokens: full });
    answer += ` At its full ${formatTokens(full)} context it needs ${formatBytes(atFull.totalBytes, unit)}.`;
  }
  return { question: `How much memory does ${model.name} need?`, answer };
}

function onDevice(ctx: Ctx, s: Selected, device: DeviceSpec): FaqEntry {
  const { model, unit } = ctx;
  const count = s.hardware.count;
  const name = count > 1 ? `${count} × ${device.name}` : `the ${device.name}`;
  const question = `Can ${name} run ${model.name}?`;
  const fit = s.fit;
  const usable = formatBytes(usableBytesPerGpu(device, s.hardware.usable), unit);
  const speed = s.speed ? ` at about ${formatTps(s.speed.tps)} tokens/s` : '';
  if (fit && fit.verdict !== 'no') {
    return {
      question,
      answer: `Yes: ${VERDICT_LABEL[fit.verdict].toLowerCase()}. At ${s.resolved.quant.label} with ${ctx.settings} it needs ${formatBytes(fit.needBytesPerGpu, unit)} of the ${usable} it may use${fit.gpus > 1 ? ' per GPU' : ''}, and generates${speed}.`,
    };
  }
  const better = ctx.ranked.find(
    (r) => fitOnDevice(r.e.demand, device, count, s.hardware.usable).verdict === 'great',
  );
  const alt = better
    ? ` ${better.quant.label} runs great on it (${formatBytes(better.e.totalBytes, unit)}).`
    : '';
  if (s.verdict === 'offload') {
    return {
      question,
      answer: `Only with offload: at ${s.resolved.quant.label} it needs ${formatBytes(fit?.needBytesPerGpu ?? 0, unit)} of ${usable}, so part of it runs from system RAM${speed}.${alt}`,
    };
  }
  return {
    question,
    answer: `Not at ${s.resolved.quant.label} with ${ctx.settings}: it needs ${formatBytes(fit?.needBytesPerGpu ?? s.estimate.totalBytes, unit)} and ${name} may use ${usable}.${alt || ' No recommended GGUF quantization fits at this context.'}`,
  };
}

function bestFor(ctx: Ctx, usableBytes: number): { quant: QuantSpec; verdict: Verdict } | null {
  let tight: { quant: QuantSpec; verdict: Verdict } | null = null;
  for (const r of ctx.ranked) {
    const v = verdictFor(r.e.totalBytes, usableBytes);
    if (v === 'great') return { quant: r.quant, verdict: v };
    if (v === 'tight') tight ??= { quant: r.quant, verdict: v };
  }
  return tight;
}

function quantForMemory(ctx: Ctx): FaqEntry {
  const parts = FAQ_MEMORY_SIZES_GB.map((gb) => {
    const best = bestFor(ctx, gb * GiB);
    if (!best) return `${gb} GB: none`;
    return `${gb} GB: ${best.quant.label}${best.verdict === 'tight' ? ' (tight)' : ''}`;
  });
  return {
    question: `Which GGUF quantization should I use with ${FAQ_MEMORY_SIZES_GB.slice(0, -1).join(', ')} or ${FAQ_MEMORY_SIZES_GB[FAQ_MEMORY_SIZES_GB.length - 1]} GB of GPU memory?`,
    answer: `The highest-quality GGUF file of ${ctx.model.name} that runs great on one GPU of that size with ${ctx.settings} (tight when nothing runs great; legacy Q4_0/Q5_x types and, under 100B parameters, 1-2 bit types left out): ${parts.join('; ')}.`,
  };
}

function onMac(ctx: Ctx, devices: readonly DeviceSpec[]): FaqEntry | null {
  const macs = devices
    .filter((d) => d.vendor === 'Apple')
    .sort((a, b) => a.memoryGb - b.memoryGb || a.name.localeCompare(b.name));
  if (macs.length === 0) return null;
  const { model, unit } = ctx;
  const question = `Does ${model.name} run on a Mac?`;
  const caveat =
    'By default macOS lets the GPU use only part of unified memory (about 67-75% of RAM); sudo sysctl iogpu.wired_limit_mb raises it.';
  for (const r of ctx.ranked) {
    const mac = macs.find((d) => verdictFor(r.e.totalBytes, usableBytesPerGpu(d)) === 'great');
    if (mac) {
      return {
        question,
        answer: `Yes. The smallest Mac in our list that runs it great, at ${r.quant.label} with ${ctx.settings}, is the ${mac.name}: ${formatBytes(r.e.totalBytes, unit)} of ${formatBytes(usableBytesPerGpu(mac), unit)} usable. ${caveat}`,
      };
    }
  }
  return {
    question,
    answer: `No Mac in our list runs it well with ${ctx.settings}. ${caveat}`,
  };
}

function download(ctx: Ctx, quant: QuantSpec): FaqEntry {
  const { model, unit } = ctx;
  let answer = `The ${quant.label} file of ${model.name} is ${formatBytes(cachedWeights(model, quant.id).fileBytes, unit)}.`;
  const sizes = ctx.ranked.map((r) => ({ label: r.quant.label, bytes: r.e.weights.fileBytes }));
  if (sizes.length > 1) {
    sizes.sort((a, b) => a.bytes - b.bytes);
    const small = sizes[0];
    const large = sizes[sizes.length - 1];
    if (small && large)
      answer += ` Recommended GGUF files range from ${formatBytes(small.bytes, unit)} (${small.label}) to ${formatBytes(large.bytes, unit)} (${large.label}).`;
  }
  answer += ' Sizes come from the quantization recipe; a given upload can differ slightly.';
  return { question: 'How big is the download?', answer };
}
