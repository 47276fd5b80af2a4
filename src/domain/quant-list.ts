import type { ModelSpec, QuantSpec } from './types';

/**
 * The GGUF file types the quantization table lists by default: the 16-bit file and the types the
 * big GGUF publishers upload for nearly every model (bartowski, unsloth and lmstudio-community
 * repositories carry Q8_0, Q6_K, Q5_K_M, Q4_K_M, IQ4_XS, Q3_K_M, IQ3_M, Q2_K and IQ2_M; the
 * llama.cpp quantize help lists all of them). Every other type is one click away ("show all").
 */
export const COMMON_GGUF_QUANTS: readonly string[] = [
  'BF16',
  'Q8_0',
  'Q6_K',
  'Q5_K_M',
  'Q4_K_M',
  'IQ4_XS',
  'Q3_K_M',
  'IQ3_M',
  'Q2_K',
  'IQ2_M',
];

/**
 * GGUF types never offered for an ordinary model: F32 (a 32-bit copy of 16-bit weights is no
 * better and twice the size) and the ternary TQ1_0 / TQ2_0, meant for ternary-trained models
 * (BitNet; llama.cpp's quantize help marks them as such).
 */
export const NEVER_LISTED: ReadonlySet<string> = new Set(['F32', 'TQ1_0', 'TQ2_0']);

export interface QuantListOptions {
  /** Every GGUF type instead of the common ones. */
  all: boolean;
  /** Also the vLLM / safetensors formats. */
  vllm: boolean;
  /** Ids always listed (the recommended and the selected quantization). */
  keep: readonly string[];
}

/**
 * Quantizations the table lists for `model`: the common GGUF types (or all of them), MXFP4_MOE
 * only for models with routed experts (it changes only expert tensors), the safetensors formats
 * on request, and the ids in `keep` whatever the options. Catalog order; the caller sorts by size.
 */
export function listedQuants(
  model: ModelSpec,
  quants: readonly QuantSpec[],
  o: QuantListOptions,
): QuantSpec[] {
  return quants.filter((q) => {
    if (o.keep.includes(q.id)) return true;
    if (q.format === 'safetensors') return o.vllm;
    if (NEVER_LISTED.has(q.id)) return false;
    if (q.id === 'MXFP4_MOE')
      return Boolean(model.arch.moe) && (o.all || Boolean(model.arch.nativeExpertFormat));
    return o.all || COMMON_GGUF_QUANTS.includes(q.id);
  });
}
