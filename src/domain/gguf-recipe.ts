import { GGML_BLOCKS, type GgmlType } from './ggml-types';
import type { TensorInfo } from './tensors';

/**
 * llama.cpp file types ("ftypes") that the recipe engine models.
 * Source: llama.cpp `src/llama-quant.cpp` (commit 007dbbf3, after PR #19770) as written up in
 * shared/reference/gguf-recipes.md.
 */
export type GgufFileType =
  | 'F32'
  | 'F16'
  | 'BF16'
  | 'Q8_0'
  | 'Q6_K'
  | 'Q5_K_M'
  | 'Q5_K_S'
  | 'Q5_1'
  | 'Q5_0'
  | 'Q4_K_M'
  | 'Q4_K_S'
  | 'Q4_1'
  | 'Q4_0'
  | 'IQ4_NL'
  | 'IQ4_XS'
  | 'Q3_K_L'
  | 'Q3_K_M'
  | 'Q3_K_S'
  | 'IQ3_M'
  | 'IQ3_S'
  | 'IQ3_XS'
  | 'IQ3_XXS'
  | 'Q2_K'
  | 'Q2_K_S'
  | 'IQ2_M'
  | 'IQ2_S'
  | 'IQ2_XS'
  | 'IQ2_XXS'
  | 'IQ1_M'
  | 'IQ1_S'
  | 'TQ2_0'
  | 'TQ1_0'
  | 'MXFP4_MOE';

/** Default ggml type of each file type (gguf-recipes.md section 2, `llama_ftype_get_default_type`). */
export const FTYPE_DEFAULT: Readonly<Record<GgufFileType, GgmlType>> = {
  F32: 'F32',
  F16: 'F16',
  BF16: 'BF16',
  Q8_0: 'Q8_0',
  Q6_K: 'Q6_K',
  Q5_K_M: 'Q5_K',
  Q5_K_S: 'Q5_K',
  Q5_1: 'Q5_1',
  Q5_0: 'Q5_0',
  Q4_K_M: 'Q4_K',
  Q4_K_S: 'Q4_K',
  Q4_1: 'Q4_1',
  Q4_0: 'Q4_0',
  IQ4_NL: 'IQ4_NL',
  IQ4_XS: 'IQ4_XS',
  Q3_K_L: 'Q3_K',
  Q3_K_M: 'Q3_K',
  Q3_K_S: 'Q3_K',
  IQ3_M: 'IQ3_S',
  IQ3_S: 'IQ3_S',
  IQ3_XS: 'IQ3_S',
  IQ3_XXS: 'IQ3_XXS',
  Q2_K: 'Q2_K',
  Q2_K_S: 'Q2_K',
  IQ2_M: 'IQ2_S',
  IQ2_S: 'IQ2_XS',
  IQ2_XS: 'IQ2_XS',
  IQ2_XXS: 'IQ2_XXS',
  IQ1_M: 'IQ1_M',
  IQ1_S: 'IQ1_S',
  TQ2_0: 'TQ2_0',
  TQ1_0: 'TQ1_0',
  MXFP4_MOE: 'MXFP4',
};

export function isGgufFileType(id: string): id is GgufFileType {
  return Object.prototype.hasOwnProperty.call(FTYPE_DEFAULT, id);
}

/** Model-level facts the recipe depends on (gguf-recipes.md section 3). */
export interface RecipeContext {
  ftype: GgufFileType;
  /** L: decoder layer count. */
  layers: number;
  /** G: n_head / n_head_kv of layer 0, integer division (0 when layer 0 has no KV heads). */
  gqa: number;
  /** E: routed experts (0 or 1 for dense models). */
  experts: number;
  /** llama.cpp model type LLM_TYPE_70B (80-layer Llama-GQA / Qwen2 / Deci / OLMo). */
  is70B: boolean;
  /** Quantized with an importance matrix (published low-bit files nearly always are). */
  imatrix: boolean;
  /** Hidden size (row length of token_embd / output). */
  hidden: number;
  tiedEmbeddings: boolean;
  /** Number of attn_v-like tensors (attn_v, attn_qkv, attn_kv_b). */
  attnVCount: number;
  /** Uploader override for token_embd and output (bartowski `_L`/`_XL`: Q8_0). */
  embedOutputType?: GgmlType;
}

/** Running counters while visiting tensors in file order. */
export interface RecipeCounters {
  attnV: number;
  ffnDown: number;
  ffnGate: number;
  ffnUp: number;
}

const IQ12: ReadonlySet<GgufFileType> = new Set([
  'IQ2_XXS',
  'IQ2_XS',
  'IQ2_S',
  'IQ2_M',
  'IQ1_S',
  'IQ1_M',
]);

/**
 * llama.cpp's "use more bits" layer set: the first and last eighth and every third layer
 * between (`use_more_bits(i, n)`, integer division). Source: gguf-recipes.md section 3.
 */
export function useMoreBits(i: number, n: number): boolean {
  const e = Math.floor(n / 8);
  return i < e || i >= Math.floor((7 * n) / 8) || (i - e) % 3 === 2;
}

/**
 * Replacement when a tensor's row length does not divide into the chosen type's block
 * (gguf-recipes.md section 6, S1 `tensor_type_fallback`); F16 if the replacement does not divide.
 */
export function fallbackType(type: GgmlType, rowLength: number): GgmlType {
  if (rowLength % GGML_BLOCKS[type].blockSize === 0) return type;
  let alt: GgmlType;
  switch (type) {
    case 'IQ1_S':
    case 'IQ1_M':
    case 'IQ2_XXS':
    case 'IQ2_XS':
    case 'IQ2_S':
    case 'IQ3_XXS':
    case 'IQ3_S':
    case 'IQ4_XS':
      alt = 'IQ4_NL';
      break;
    case 'Q2_K':
    case 'Q3_K':
    case 'TQ1_0':
    case 'TQ2_0':
      alt = 'Q4_0';
      break;
    case 'Q4_K':
      alt = 'Q5_0';
      break;
    case 'Q5_K':
      alt = 'Q5_1';
      break;
    case 'Q6_K':
      alt = 'Q8_0';
      break;
    default:
      return 'F16';
  }
  return rowLength % GGML_BLOCKS[alt].blockSize === 0 ? alt : 'F16';
}

/**
 * The ggml type llama-quantize gives one tensor under a file type (gguf-recipes.md sections
 * 1, 4, 5 and 6, from llama.cpp `llama_tensor_get_type_impl` at commit 007dbbf3). `counters`
 * must be advanced by the caller via {@link advanceCounters} after each tensor.
 */
export function chooseTensorType(t: TensorInfo, ctx: RecipeContext, c: RecipeCounters): GgmlType {
  const { ftype } = ctx;
  const def = FTYPE_DEFAULT[ftype];
  if (t.role === 'f32') return 'F32';
  if (t.role === 'f32_2d') return 'F32';
  // Native MXFP4 experts stay MXFP4 under every recipe, the 16-bit ones included: convert_hf_to_gguf
  // writes gpt-oss experts as MXFP4 whatever the output type (published gpt-oss-20b F16 GGUFs are
  // 13.8 GB, the size of the MXFP4 checkpoint, not the 41.8 GB of an all-16-bit file;
  // catalog/measurements/gguf-sizes-gpt-oss.json).
  if (t.nativeMxfp4 && t.isExpert && t.rowLength % 32 === 0 && ftype !== 'F32') return 'MXFP4';
  if (ftype === 'F32' || ftype === 'F16' || ftype === 'BF16') return def;

  const isOutput = t.role === 'output' || (t.role === 'token_embd' && ctx.tiedEmbeddings);
  if (isOutput) {
    if (ctx.embedOutputType) return ctx.embedOutputType;
    let type: GgmlType;
    if (ftype === 'MXFP4_MOE') type = 'Q8_0';
    else if (ctx.hidden % GGML_BLOCKS[def].blockSize !== 0) type = 'Q8_0';
    else if (IQ12.has(ftype) || ftype === 'IQ3_XXS') type = 'Q5_K';
    else if (def !== 'Q8_0') type = 'Q6_K';
    else type = 'Q8_0';
    return fallbackType(type, t.rowLength);
  }
  if (ftype === 'MXFP4_MOE') return t.stack > 1 ? 'MXFP4' : 'Q8_0';
  if (t.role === 'token_embd') {
    if (ctx.embedOutputType) return ctx.embedOutputType;
    let type: GgmlType = def;
    if (ftype === 'IQ2_XXS' || ftype === 'IQ2_XS' || ftype === 'IQ1_S' || ftype === 'IQ1_M')
      type = 'Q2_K';
    else if (ftype === 'IQ2_S' || ftype === 'IQ2_M' || ftype === 'IQ3_XXS') type = 'IQ3_S';
    else if (ftype === 'TQ1_0' || ftype === 'TQ2_0') type = 'Q4_K';
    return fallbackType(type, t.rowLength);
  }
  return fallbackType(recipeType(t, ctx, c, def), t.rowLength);
}

function recipeType(t: TensorInfo, ctx: RecipeContext, c: RecipeCounters, def: GgmlType): GgmlType {
  const { ftype, gqa: G, experts: E, layers: L, imatrix } = ctx;
  const e8 = E === 8;
  // With experts the FFN layer index is parsed from the tensor name, else it is the running count.
  const byLayer = E > 1;

  if (IQ12.has(ftype)) {
    const iq2sm = ftype === 'IQ2_S' || ftype === 'IQ2_M';
    switch (t.role) {
      case 'attn_v':
      case 'attn_qkv':
        return G >= 4 || E >= 4 ? 'Q4_K' : iq2sm ? 'IQ3_S' : 'Q2_K';
      case 'attn_k':
        return e8 ? 'Q4_K' : def;
      case 'attn_output':
        if (e8) return 'Q5_K';
        if (iq2sm) return 'IQ3_S';
        if (ftype === 'IQ1_S' || ftype === 'IQ1_M') return 'IQ2_XXS';
        return def;
      case 'ffn_down':
        // Raw running count of ffn_down tensors (note B).
        return c.ffnDown < Math.floor(L / 8) ? (iq2sm ? 'IQ3_S' : 'Q2_K') : def;
      default:
        return def;
    }
  }

  switch (t.role) {
    case 'attn_v':
    case 'attn_qkv': {
      const i = c.attnV;
      const n = ctx.attnVCount;
      let type = def;
      switch (ftype) {
        case 'Q2_K':
          type = G >= 4 ? 'Q4_K' : 'Q3_K';
          break;
        case 'Q2_K_S':
          if (G >= 4) type = 'Q4_K';
          break;
        case 'Q3_K_M':
          type = i < 2 ? 'Q5_K' : 'Q4_K';
          break;
        case 'Q3_K_L':
          type = 'Q5_K';
          break;
        case 'IQ3_XXS':
          type = G >= 4 ? 'Q4_K' : imatrix ? 'IQ3_XXS' : 'IQ3_S';
          break;
        case 'IQ3_XS':
        case 'IQ3_S':
          if (G >= 4) type = 'Q4_K';
          break;
        case 'IQ3_M':
          type = 'Q4_K';
          break;
        case 'IQ4_NL':
        case 'IQ4_XS':
          if (G >= 4) type = 'Q5_K';
          break;
        case 'Q4_K_M':
        case 'Q5_K_M':
          if (useMoreBits(i, n)) type = 'Q6_K';
          break;
        case 'Q4_K_S':
          if (i < 4) type = 'Q5_K';
          break;
        default:
          break;
      }
      if (ctx.is70B && (type === 'Q3_K' || type === 'Q4_K')) type = 'Q5_K';
      if (e8) type = 'Q8_0';
      return type;
    }
    case 'attn_k':
      if (e8) return 'Q8_0';
      if (ftype === 'IQ3_XS') return 'IQ3_XXS';
      if (ftype === 'IQ3_XXS') return 'IQ2_S';
      return def;
    case 'attn_q':
      if (ftype === 'IQ3_XS') return 'IQ3_XXS';
      if (ftype === 'IQ3_XXS') return 'IQ2_S';
      return def;
    case 'attn_output':
      switch (ftype) {
        case 'Q2_K':
          return e8 ? 'Q5_K' : 'Q3_K';
        case 'Q3_K_M':
        case 'Q4_K_M':
        case 'IQ3_M':
          return e8 ? 'Q5_K' : 'Q4_K';
        case 'Q3_K_L':
          return e8 ? def : 'Q5_K';
        case 'IQ3_XXS':
          return e8 ? 'Q5_K' : 'IQ3_S';
        case 'Q3_K_S':
        case 'Q4_K_S':
        case 'IQ3_S':
        case 'IQ3_XS':
        case 'IQ4_NL':
        case 'IQ4_XS':
          return e8 ? 'Q5_K' : def;
        default:
          return def;
      }
    case 'ffn_down': {
      const i = byLayer ? t.layer : c.ffnDown;
      const eighth = Math.floor(L / 8);
      switch (ftype) {
        case 'Q2_K':
          return 'Q3_K';
        case 'Q2_K_S':
          return i < eighth ? 'Q4_K' : def;
        case 'Q3_K_M':
          return i < Math.floor(L / 16) ? 'Q5_K' : 'Q4_K';
        case 'Q3_K_L':
          return 'Q5_K';
        case 'Q4_K_M':
        case 'Q5_K_M':
          return useMoreBits(i, L) ? 'Q6_K' : def;
        case 'Q4_K_S':
          return i < eighth ? 'Q5_K' : def;
        case 'IQ4_NL':
        case 'IQ4_XS':
          return !imatrix && i < eighth ? 'Q5_K' : def;
        case 'IQ3_M':
          return i < eighth || (e8 && useMoreBits(i, L)) ? 'Q4_K' : def;
        case 'IQ3_XXS':
          return imatrix ? def : i < eighth ? 'Q4_K' : 'Q3_K';
        case 'Q4_0':
          return imatrix && i < eighth ? 'Q4_1' : def;
        case 'Q5_0':
          return imatrix && i < eighth ? 'Q5_1' : def;
        default:
          return def;
      }
    }
    case 'ffn_gate':
    case 'ffn_up': {
      const i = byLayer ? t.layer : t.role === 'ffn_gate' ? c.ffnGate : c.ffnUp;
      if (ftype === 'IQ3_XS' && i >= Math.floor(L / 8) && i < Math.floor((7 * L) / 8))
        return 'IQ3_XXS';
      return def;
    }
    default:
      return def;
  }
}

/** Advances the running per-role counters after visiting `t` (gguf-recipes.md section 3). */
export function advanceCounters(t: TensorInfo, c: RecipeCounters): void {
  if (t.role === 'attn_v' || t.role === 'attn_qkv') c.attnV++;
  else if (t.role === 'ffn_down') c.ffnDown++;
  else if (t.role === 'ffn_gate') c.ffnGate++;
  else if (t.role === 'ffn_up') c.ffnUp++;
}
