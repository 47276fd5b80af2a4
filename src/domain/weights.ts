import { ggmlBytes, type GgmlType } from './ggml-types';
import {
  advanceCounters,
  chooseTensorType,
  isGgufFileType,
  type GgufFileType,
  type RecipeContext,
  type RecipeCounters,
} from './gguf-recipe';
import { countParams, listTensors, type TensorInfo } from './tensors';
import type { ModelArch } from './types';
import { padTo } from './units';

/** GGUF tensor data is aligned to 32 bytes (general.alignment default; gguf-recipes.md section 9). */
export const GGUF_ALIGNMENT_BYTES = 32;

/**
 * GGUF metadata (header, tokenizer, tensor-info table) per vocabulary entry, used only when a
 * model's own figure is unknown. Measured from two published files (gguf-recipes.md section 9):
 * Llama-3.1-8B 7,840,928 B / 128,256 tokens = 61.1 B; Qwen2.5-7B 5,954,048 B / 152,064 = 39.2 B.
 * We take the midpoint, 50 B per token.
 */
export const GGUF_METADATA_BYTES_PER_VOCAB_ENTRY = 50;

/** Safetensors storage formats the engine models. */
export type SafetensorsFormat =
  'ST-BF16' | 'ST-FP16' | 'FP8' | 'INT8' | 'AWQ-INT4' | 'GPTQ-INT4' | 'MXFP4' | 'NVFP4';

const SAFETENSORS_FORMATS: ReadonlySet<string> = new Set([
  'ST-BF16',
  'ST-FP16',
  'FP8',
  'INT8',
  'AWQ-INT4',
  'GPTQ-INT4',
  'MXFP4',
  'NVFP4',
]);

export function isSafetensorsFormat(id: string): id is SafetensorsFormat {
  return SAFETENSORS_FORMATS.has(id);
}

export interface WeightsOptions {
  /** Importance-matrix quantization (changes IQ4_XS/IQ4_NL, IQ3_XXS and Q4_0/Q5_0 recipes). Default true. */
  imatrix?: boolean;
  /** Force token_embd and output to this type (bartowski `_L` / `_XL` uploads use Q8_0). */
  embedOutputType?: GgmlType;
}

export interface WeightsEstimate {
  /** Size of the file(s) on disk, bytes (GGUF: metadata + 32-byte-aligned tensor data). */
  fileBytes: number;
  /** Tensor data, bytes. */
  tensorBytes: number;
  /** Weights resident on the GPU(s), bytes. llama.cpp keeps token_embd in host RAM. */
  deviceBytes: number;
  /** Weights kept in host RAM, bytes (llama.cpp's input layer). */
  hostBytes: number;
  /** Weights read per generated token (active experts only), bytes. */
  activeBytes: number;
  /** Parameters implied by the architecture (text model, MTP excluded). */
  params: number;
  /**
   * Parameters used per token (all dense weights, the routed experts in use), excluding the token
   * embedding lookup. Absent for weights read from a GGUF header (see prefillSpeed's fallback).
   */
  activeParams?: number;
  /** Tensor data x 8 / params. */
  bitsPerWeight: number;
  /** Bytes of routed-expert tensors (can be offloaded to RAM as a block). */
  expertBytes: number;
  /** Bytes per ggml type (GGUF) or storage class (safetensors). */
  byType: Record<string, number>;
}

/** llama.cpp assigns LLM_TYPE_70B to 80-layer Llama-GQA, Qwen2, Deci and OLMo models (gguf-recipes.md S6). */
function is70B(arch: ModelArch): boolean {
  if (arch.layers !== 80) return false;
  if (arch.modelType === 'llama') return arch.heads !== arch.kvHeads;
  return arch.modelType === 'qwen2' || arch.modelType === 'deci' || arch.modelType === 'olmo';
}

function activeFraction(t: TensorInfo, arch: ModelArch): number {
  if (!t.isExpert || !arch.moe) return 1;
  return arch.moe.expertsPerToken / arch.moe.experts;
}

/**
 * Bytes of a GGUF file of `ftype` for `arch`, tensor by tensor: every tensor typed by
 * llama.cpp's quantizer recipe ({@link chooseTensorType}), sized as elements / blockSize x
 * bytesPerBlock, padded to 32 bytes; plus the metadata block (the model's measured figure, or
 * 50 B per vocabulary entry). Sources: gguf-recipes.md sections 4-9; reproduces published
 * Llama-3.1-8B and Qwen2.5-7B files to the byte (tests/domain/weights.test.ts).
 */
export function ggufWeights(
  arch: ModelArch,
  ftype: GgufFileType,
  opts: WeightsOptions = {},
): WeightsEstimate {
  const tensors = listTensors(arch);
  const ctx: RecipeContext = {
    ftype,
    layers: arch.layers,
    gqa: arch.kvHeads > 0 ? Math.floor(arch.heads / arch.kvHeads) : 0,
    experts: arch.moe?.experts ?? 0,
    is70B: is70B(arch),
    imatrix: opts.imatrix ?? true,
    hidden: arch.hidden,
    tiedEmbeddings: arch.tiedEmbeddings,
    attnVCount: tensors.filter((t) => t.role === 'attn_v' || t.role === 'attn_qkv').length,
    ...(opts.embedOutputType ? { embedOutputType: opts.embedOutputType } : {}),
  };
  const counters: RecipeCounters = { attnV: 0, ffnDown: 0, ffnGate: 0, ffnUp: 0 };
  let tensorBytes = 0;
  let hostBytes = 0;
  let activeBytes = 0;
  let expertBytes = 0;
  let activeParams = 0;
  const byType: Record<string, number> = {};
  for (const t of tensors) {
    const type = chooseTensorType(t, ctx, counters);
    advanceCounters(t, counters);
    const bytes = padTo(ggmlBytes(type, t.elements), GGUF_ALIGNMENT_BYTES);
    tensorBytes += bytes;
    byType[type] = (byType[type] ?? 0) + bytes;
    if (t.role === 'token_embd' && !arch.tiedEmbeddings) hostBytes += bytes;
    else activeBytes += bytes * activeFraction(t, arch);
    if (t.role !== 'token_embd' && !t.notAParameter)
      activeParams += t.elements * activeFraction(t, arch);
    if (t.isExpert) expertBytes += bytes;
  }
  const params = countParams(tensors);
  const metadata =
    arch.ggufMetadataBytes ?? padTo(arch.vocab * GGUF_METADATA_BYTES_PER_VOCAB_ENTRY, 32);
  return {
    fileBytes: metadata + tensorBytes,
    tensorBytes,
    deviceBytes: tensorBytes - hostBytes,
    hostBytes,
    activeBytes,
    params,
    activeParams,
    bitsPerWeight: (tensorBytes * 8) / params,
    expertBytes,
    byType,
  };
}

/** Group size of AWQ / GPTQ INT4 checkpoints (the common `group_size: 128`). */
export const INT4_GROUP_SIZE = 128;
/** FP8 block-scale tile (DeepSeek-V3 `weight_block_size: [128, 128]`, one fp32 scale each). */
export const FP8_BLOCK = 128;

/**
 * Bytes of one linear weight of `rows x cols` (rows = output features, cols = row length) in a
 * safetensors format:
 * - BF16/FP16: 2 B per weight.
 * - FP8 (DeepSeek-V3 style): 1 B per weight + one fp32 scale per 128x128 tile (ESTIMATION.md).
 * - INT8 W8A8: 1 B per weight + one fp32 scale per output channel.
 * - AWQ / GPTQ INT4, group 128: 0.5 B per weight + per group an fp16 scale and a 4-bit zero point.
 * - MXFP4 (OCP MX v1.0): 32-value blocks of 4-bit E2M1 + one E8M0 byte = 17 B per 32 weights.
 * - NVFP4: 16-value blocks of 4-bit E2M1 + one FP8 E4M3 scale = 9 B per 16 weights.
 */
export function safetensorsLinearBytes(
  format: SafetensorsFormat,
  rows: number,
  cols: number,
): number {
  const n = rows * cols;
  switch (format) {
    case 'ST-BF16':
    case 'ST-FP16':
      return 2 * n;
    case 'FP8':
      return n + Math.ceil(rows / FP8_BLOCK) * Math.ceil(cols / FP8_BLOCK) * 4;
    case 'INT8':
      return n + rows * 4;
    case 'AWQ-INT4':
    case 'GPTQ-INT4': {
      const groups = rows * Math.ceil(cols / INT4_GROUP_SIZE);
      return n / 2 + groups * 2 + groups / 2;
    }
    case 'MXFP4':
      return Math.ceil(n / 32) * 17;
    case 'NVFP4':
      return Math.ceil(n / 16) * 9;
  }
}

/**
 * Bytes of a safetensors checkpoint in `format`: linear layers (attention, FFN, experts, MLA
 * and SSM projections) in the format, everything else (embeddings, LM head, norms, router,
 * conv kernels) in 16-bit, as AWQ/GPTQ, FP8 and NVFP4 exporters leave them (ESTIMATION.md).
 * When the model ships MXFP4 experts natively (gpt-oss), MXFP4 applies to the experts only.
 * vLLM loads every tensor onto the GPU(s).
 */
export function safetensorsWeights(arch: ModelArch, format: SafetensorsFormat): WeightsEstimate {
  const tensors = listTensors(arch);
  let total = 0;
  let activeBytes = 0;
  let expertBytes = 0;
  let activeParams = 0;
  const byType: Record<string, number> = {};
  for (const t of tensors) {
    if (t.notAParameter) continue; // rope_freqs exists only in GGUF conversions
    if (t.role !== 'token_embd') activeParams += t.elements * activeFraction(t, arch);
    const linear =
      t.role !== 'token_embd' && t.role !== 'output' && t.role !== 'f32' && t.role !== 'f32_2d';
    const quantized =
      linear && (format !== 'MXFP4' || arch.nativeExpertFormat !== 'MXFP4' || t.isExpert);
    let bytes: number;
    if (quantized) {
      const rows = t.elements / t.rowLength;
      bytes = safetensorsLinearBytes(format, rows, t.rowLength);
    } else {
      bytes = 2 * t.elements;
    }
    const key = quantized ? format : '16-bit';
    byType[key] = (byType[key] ?? 0) + bytes;
    total += bytes;
    activeBytes += bytes * activeFraction(t, arch);
    if (t.isExpert) expertBytes += bytes;
  }
  const params = countParams(tensors);
  return {
    fileBytes: total,
    tensorBytes: total,
    deviceBytes: total,
    hostBytes: 0,
    activeBytes,
    params,
    activeParams,
    bitsPerWeight: (total * 8) / params,
    expertBytes,
    byType,
  };
}

/** Weights for any catalog quantization id (GGUF file type or safetensors format). */
export function estimateWeights(
  arch: ModelArch,
  quantId: string,
  opts: WeightsOptions = {},
): WeightsEstimate {
  if (isGgufFileType(quantId)) return ggufWeights(arch, quantId, opts);
  if (isSafetensorsFormat(quantId)) return safetensorsWeights(arch, quantId);
  throw new Error(`Unknown quantization "${quantId}"`);
}
