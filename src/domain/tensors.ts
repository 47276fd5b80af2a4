import type { LayerRun, ModelArch, Mixer } from './types';

/**
 * Tensor roles, as llama.cpp's quantizer classes them by name (`src/llama-quant.cpp`,
 * `tensor_get_category`; see gguf-recipes.md sections 1, 3 and 5).
 */
export type TensorRole =
  | 'token_embd'
  | 'output'
  | 'attn_q'
  | 'attn_k'
  | 'attn_v'
  /** Fused QKV (also Gated-DeltaNet `attn_qkv`): an "attn_v-like" tensor since llama.cpp PR #19770. */
  | 'attn_qkv'
  | 'attn_output'
  | 'ffn_gate'
  | 'ffn_up'
  | 'ffn_down'
  /** Quantized with the file type's default type (MLA projections, SSM in/out, gates, ...). */
  | 'other'
  /** Never quantized: 1-D tensors (norms, biases, SSM scalars) stay F32. */
  | 'f32'
  /** Never quantized but 2-D: MoE router and conv kernels (written F32 by the converter). */
  | 'f32_2d';

export interface TensorInfo {
  role: TensorRole;
  /** Block index, -1 for tensors outside the decoder blocks. */
  layer: number;
  /** Row length (ne[0]): the dimension that must divide into quantization blocks. */
  rowLength: number;
  /** Number of weights. */
  elements: number;
  /** ne[2]: number of experts (or heads, for MLA k_b/v_b); 1 for 2-D tensors. */
  stack: number;
  /** Routed-expert tensor (`ffn_*_exps`). */
  isExpert: boolean;
  /** Shared-expert tensor (`ffn_*_shexp`). */
  isSharedExpert?: boolean;
  /** Expert weights the checkpoint ships as MXFP4 (gpt-oss). */
  nativeMxfp4?: boolean;
  /** Weights read per token only for active experts (for speed estimates). */
  perExpertElements?: number;
  /** Excluded from the parameter count (rope_freqs is a lookup table, not a weight). */
  notAParameter?: boolean;
}

/** Expands a run-length layer pattern into one entry per layer. */
export function expandLayers(
  pattern: readonly LayerRun[],
): { mixer: Mixer; ffn: LayerRun['ffn'] }[] {
  const out: { mixer: Mixer; ffn: LayerRun['ffn'] }[] = [];
  for (const run of pattern) {
    for (let i = 0; i < run.count; i++) out.push({ mixer: run.mixer, ffn: run.ffn });
  }
  return out;
}

function f32(layer: number, elements: number): TensorInfo {
  return { role: 'f32', layer, rowLength: elements, elements, stack: 1, isExpert: false };
}

function mat(
  role: TensorRole,
  layer: number,
  rowLength: number,
  cols: number,
  stack = 1,
): TensorInfo {
  return { role, layer, rowLength, elements: rowLength * cols * stack, stack, isExpert: false };
}

/**
 * Lists the tensors of a model's GGUF conversion (text model only; multi-token-prediction
 * layers and vision/audio towers excluded, as llama.cpp loads them separately or skips them).
 *
 * Shapes follow llama.cpp's converter and loader (`convert_hf_to_gguf.py`,
 * `src/llama-model.cpp` tensor creation) as summarised in gguf-recipes.md: per block
 * attention (q, k, v, output; or the MLA factorisation attn_q_a/q_b/kv_a_mqa/k_b/v_b;
 * or linear-attention / Mamba2 / short-conv projections), FFN (gate, up, down; or routed
 * experts as 3-D `_exps` stacks plus `_shexp` shared experts and an F32 router), F32 norms;
 * outside the blocks token_embd, output_norm and output (absent when embeddings are tied).
 */
export function listTensors(arch: ModelArch): readonly TensorInfo[] {
  const cached = tensorCache.get(arch);
  if (cached) return cached;
  const list = buildTensorList(arch);
  tensorCache.set(arch, list);
  return list;
}

/** Tensor lists are pure functions of the (immutable) architecture object: computed once each. */
const tensorCache = new WeakMap<ModelArch, readonly TensorInfo[]>();

function buildTensorList(arch: ModelArch): TensorInfo[] {
  const t: TensorInfo[] = [];
  const H = arch.hidden;
  t.push(mat('token_embd', -1, H, arch.vocab));
  t.push(f32(-1, H)); // output_norm
  if (!arch.tiedEmbeddings) t.push(mat('output', -1, H, arch.vocab));
  if (arch.ropeFreqs) t.push({ ...f32(-1, arch.headDim / 2), notAParameter: true });

  const layers = expandLayers(arch.layerPattern);
  layers.forEach((layer, il) => {
    t.push(f32(il, H)); // attn_norm
    pushMixer(t, arch, layer.mixer, il);
    if (layer.ffn !== 'none') t.push(f32(il, H)); // ffn_norm
    if (layer.ffn === 'dense') pushDenseFfn(t, arch, il, arch.ffn);
    if (layer.ffn === 'moe') pushMoe(t, arch, il);
  });
  return t;
}

function pushMixer(t: TensorInfo[], arch: ModelArch, mixer: Mixer, il: number): void {
  const H = arch.hidden;
  const heads = arch.heads;
  switch (mixer) {
    case 'full':
    case 'sliding': {
      const geom = (mixer === 'sliding' ? arch.sliding : arch.global) ?? {
        kvHeads: arch.kvHeads,
        headDim: arch.headDim,
      };
      const hd = geom.headDim;
      const hdV = arch.headDimV ?? hd;
      t.push(mat('attn_q', il, H, heads * hd * (arch.attnOutputGate ? 2 : 1)));
      t.push(mat('attn_k', il, H, geom.kvHeads * hd));
      t.push(mat('attn_v', il, H, geom.kvHeads * hdV));
      t.push(mat('attn_output', il, heads * hdV, H));
      if (arch.attnBias) {
        t.push(f32(il, heads * hd), f32(il, geom.kvHeads * hd), f32(il, geom.kvHeads * hdV));
      }
      if (arch.qkNorm) t.push(f32(il, hd), f32(il, hd));
      return;
    }
    case 'mla': {
      const m = arch.mla;
      if (!m) throw new Error('MLA layer without an mla spec');
      const qk = m.qkNopeHeadDim + m.qkRopeHeadDim;
      if (m.qLoraRank) {
        t.push(mat('other', il, H, m.qLoraRank)); // attn_q_a
        t.push(f32(il, m.qLoraRank)); // attn_q_a_norm
        t.push(mat('other', il, m.qLoraRank, heads * qk)); // attn_q_b
      } else {
        t.push(mat('attn_q', il, H, heads * qk));
      }
      t.push(mat('other', il, H, m.kvLoraRank + m.qkRopeHeadDim)); // attn_kv_a_mqa
      t.push(f32(il, m.kvLoraRank)); // attn_kv_a_norm
      t.push(mat('other', il, m.qkNopeHeadDim, m.kvLoraRank, heads)); // attn_k_b
      t.push(mat('other', il, m.kvLoraRank, m.vHeadDim, heads)); // attn_v_b
      t.push(mat('attn_output', il, heads * m.vHeadDim, H));
      return;
    }
    case 'linear': {
      const l = arch.linear;
      if (!l) throw new Error('linear-attention layer without a linear spec');
      const kDim = l.keyHeads * l.keyHeadDim;
      const vDim = l.valueHeads * l.valueHeadDim;
      const convDim = 2 * kDim + vDim;
      if (l.kind === 'gated-deltanet') {
        t.push(mat('attn_qkv', il, H, convDim)); // fused q, k, v
        t.push(mat('other', il, H, vDim)); // attn_gate (z)
        t.push(mat('other', il, H, 2 * l.valueHeads)); // ssm_ba (beta, alpha)
      } else {
        // Kimi Delta Attention: q, k, v, output gate and beta projections.
        t.push(mat('other', il, H, kDim), mat('other', il, H, kDim), mat('other', il, H, vDim));
        t.push(mat('other', il, H, vDim), mat('other', il, H, l.valueHeads));
      }
      t.push({ ...f32(il, convDim * l.convKernel), role: 'f32_2d', rowLength: l.convKernel }); // conv1d
      t.push(f32(il, l.valueHeads), f32(il, l.valueHeads), f32(il, l.valueHeadDim)); // dt, a, norm
      t.push(mat('other', il, vDim, H)); // ssm_out / o_proj
      return;
    }
    case 'mamba2': {
      const m = arch.mamba;
      if (!m) throw new Error('Mamba2 layer without a mamba spec');
      const dInner = m.heads * m.headDim;
      const xbc = dInner + 2 * m.groups * m.stateSize;
      t.push(mat('other', il, H, 2 * dInner + 2 * m.groups * m.stateSize + m.heads)); // ssm_in
      t.push({ ...f32(il, xbc * m.convKernel), role: 'f32_2d', rowLength: m.convKernel }); // ssm_conv1d
      t.push(f32(il, m.heads), f32(il, m.heads), f32(il, m.heads), f32(il, dInner)); // dt, a, d, norm
      t.push(mat('other', il, dInner, H)); // ssm_out
      return;
    }
    case 'shortconv': {
      const L = arch.shortconvLCache ?? 3;
      t.push(mat('other', il, H, 3 * H)); // in_proj
      t.push({ ...f32(il, L * H), role: 'f32_2d', rowLength: L }); // conv
      t.push(mat('other', il, H, H)); // out_proj
      return;
    }
    case 'none':
      return;
  }
}

function pushDenseFfn(t: TensorInfo[], arch: ModelArch, il: number, ffn: number): void {
  const H = arch.hidden;
  if (arch.ffnGated !== false) t.push(mat('ffn_gate', il, H, ffn));
  t.push(mat('ffn_up', il, H, ffn));
  t.push(mat('ffn_down', il, ffn, H));
}

function pushMoe(t: TensorInfo[], arch: ModelArch, il: number): void {
  const m = arch.moe;
  if (!m) throw new Error('MoE layer without a moe spec');
  const H = arch.hidden;
  const E = m.experts;
  t.push({ ...mat('f32_2d', il, H, E) }); // ffn_gate_inp (router), F32
  const native = arch.nativeExpertFormat === 'MXFP4';
  const expert = (role: TensorRole, row: number, cols: number): TensorInfo => ({
    ...mat(role, il, row, cols, E),
    isExpert: true,
    nativeMxfp4: native,
    perExpertElements: row * cols,
  });
  if (arch.ffnGated !== false) t.push(expert('ffn_gate', H, m.expertFfn));
  t.push(expert('ffn_up', H, m.expertFfn));
  t.push(expert('ffn_down', m.expertFfn, H));
  if (m.sharedExperts > 0 && m.sharedFfn > 0) {
    const shared = (role: TensorRole, row: number, cols: number): TensorInfo => ({
      ...mat(role, il, row, cols),
      isSharedExpert: true,
    });
    if (arch.ffnGated !== false) t.push(shared('ffn_gate', H, m.sharedFfn));
    t.push(shared('ffn_up', H, m.sharedFfn));
    t.push(shared('ffn_down', m.sharedFfn, H));
  }
}

/** Parameter count implied by the tensor list (every stored weight; rope_freqs excluded). */
export function countParams(tensors: readonly TensorInfo[]): number {
  let n = 0;
  for (const t of tensors) if (!t.notAParameter) n += t.elements;
  return n;
}
