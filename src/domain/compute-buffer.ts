import { DEFAULT_UBATCH } from './kv-cache';
import { expandLayers } from './tensors';
import type { ModelArch } from './types';
import { padTo } from './units';

export interface ComputeOptions {
  /** KV cells visible to a full-attention layer (context x sequences, padded). */
  cells: number;
  /** KV cells visible to a sliding layer. */
  slidingCells: number;
  flashAttention: boolean;
  ubatch?: number;
}

/**
 * Live f32 activations of hidden width outside attention (residual, norm output, attention
 * output, FFN input): 4 x ubatch x hidden x 4 B. Fitted on two llama.cpp logs that agree:
 * Llama-3-8B (hidden 4096) at n_ctx 8192, flash attention off, 560 MiB = 528 MiB of scores and
 * mask + 32 MiB; the Log Detective model at 2048 and 32768 tokens, 164 and 2144 MiB = 132 and
 * 2112 MiB of scores and mask + 32 MiB (shared/reference/calibration.json compute_buffers).
 */
export const HIDDEN_ACTIVATIONS_LIVE = 4;

const kindsCache = new WeakMap<ModelArch, readonly string[]>();

/** Distinct mixer kinds of an architecture (cached per architecture object). */
function mixerKinds(arch: ModelArch): readonly string[] {
  let kinds = kindsCache.get(arch);
  if (!kinds) {
    kinds = [...new Set(expandLayers(arch.layerPattern).map((l) => l.mixer))];
    kindsCache.set(arch, kinds);
  }
  return kinds;
}

/**
 * Size of llama.cpp's per-device compute buffer, bytes. ggml-alloc reuses memory, so the buffer
 * is the peak of the graph, the larger of:
 * - attention: without flash attention the f32 score matrix KQ (cells x ubatch x n_head x 4 B)
 *   plus the f32 mask (cells x ubatch x 4 B), i.e. cells x ubatch x (n_head + 1) x 4 B; with
 *   flash attention only an f16 mask (cells x ubatch x 2 B); plus the hidden activations;
 * - output: f32 logits for the micro-batch (vocab x ubatch x 4 B) plus one hidden activation.
 * Without flash attention the slope reproduces the Log Detective log (164 -> 2144 MiB for
 * 2048 -> 32768 tokens, 32 heads + mask). Sources: ESTIMATION.md "Compute buffers",
 * calibration.json compute_buffers; n_ubatch 512 is llama.cpp's default.
 */
export function estimateComputeBuffer(arch: ModelArch, o: ComputeOptions): number {
  const ub = o.ubatch ?? DEFAULT_UBATCH;
  const f32 = 4;
  const hiddenAct = HIDDEN_ACTIVATIONS_LIVE * ub * arch.hidden * f32;
  let attnPeak = 0;
  for (const kind of mixerKinds(arch)) {
    if (kind !== 'full' && kind !== 'sliding' && kind !== 'mla') continue;
    const cells = kind === 'sliding' ? o.slidingCells : o.cells;
    const scores = o.flashAttention ? cells * ub * 2 : cells * ub * (arch.heads + 1) * f32;
    attnPeak = Math.max(attnPeak, scores);
  }
  const outputPeak = arch.vocab * ub * f32 + ub * arch.hidden * f32;
  return padTo(Math.max(attnPeak + hiddenAct, outputPeak), 1024 * 1024);
}

/**
 * Copies of every graph input llama.cpp's scheduler keeps per device when a model is split by
 * layers over several devices (pipeline parallelism: GGML_SCHED_MAX_COPIES = 4, logged as
 * "pipeline parallelism enabled (n_copies=4)"; llama.cpp PR #6017).
 */
export const PIPELINE_COPIES = 4;

/**
 * Extra compute-buffer bytes each device pays when the model is split by layers over more than
 * one device: (copies - 1) more of the graph inputs, the KQ mask (cells x ubatch, f16 with flash
 * attention, f32 without; sliding layers add their own) and the incoming hidden state
 * (ubatch x hidden x 4 B). Checked against published logs (catalog/measurements/
 * llama-cpp-multigpu.json): a 64-layer Qwen2-32B-class model on 2 GPUs at 2048 tokens logs
 * 256.01 and 363.02 MiB where one GPU would need 204 and 307 MiB.
 */
export function splitInputCopiesBytes(arch: ModelArch, o: ComputeOptions): number {
  const ub = o.ubatch ?? DEFAULT_UBATCH;
  const maskBytes = o.flashAttention ? 2 : 4;
  let mask = 0;
  const kinds = mixerKinds(arch);
  if (kinds.includes('full') || kinds.includes('mla')) mask += o.cells * ub * maskBytes;
  if (kinds.includes('sliding')) mask += o.slidingCells * ub * maskBytes;
  const hidden = ub * arch.hidden * 4;
  return (PIPELINE_COPIES - 1) * (mask + hidden);
}
