#!/usr/bin/env node
/**
 * Builds public/data/models.json (the model catalog, `ModelSpec[]` of src/domain/types.ts) from
 * the read-only reference data in ../shared/reference (relative to the repo root):
 *   - models.json       (2024-2025 models, snake_case config numbers + field_notes)
 *   - models-2026.json  (2025-2026 models; field guide in models-2026.README.md)
 *
 * Usage: node scripts/build-catalog-models.mjs
 *
 * Rules (see the catalog brief):
 *   - Every number comes from the reference entry itself, or from documented arithmetic on the
 *     same config (head_dim = hidden / heads when the config does not set it; MLA per-head Q/K
 *     width = qk_nope_head_dim + qk_rope_head_dim; DeepSeek-style shared expert width =
 *     moe_intermediate_size x n_shared_experts). Nothing is filled in from memory.
 *   - Models whose attention the engine cannot express, or whose engine-critical numbers are
 *     null in the sources, are listed in the top-level `excluded` array with the reason.
 *   - Weakly sourced values are carried into `caveats` as plain English.
 *   - The parameter count implied by the emitted architecture (same tensor list as
 *     src/domain/tensors.ts) is compared with the reference totals and mismatches are printed
 *     (the script never fails on them).
 *
 * No dependencies; plain ESM JavaScript.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const refDir = resolve(repoRoot, '..', 'shared', 'reference');
const outPath = join(repoRoot, 'public', 'data', 'models.json');

const v1 = JSON.parse(readFileSync(join(refDir, 'models.json'), 'utf8'));
const v2 = JSON.parse(readFileSync(join(refDir, 'models-2026.json'), 'utf8'));

// ---------------------------------------------------------------------------------------------
// Exclusions decided by reading the reference entries (reason = what is missing / inexpressible).
// ---------------------------------------------------------------------------------------------
const EXCLUDE = {
  'deepseek-ai/DeepSeek-V4-Flash-0731':
    'Compressed sparse attention (per-layer compress ratios 4/128 over a 128-token window, indexer-selected compressed KV, hyper-connections) does not reduce to full, sliding or MLA layers.',
  'deepseek-ai/DeepSeek-V4.1-Flash':
    'Compressed sparse attention with cross-layer KV/index sharing and Engram n-gram embedding layers does not reduce to full, sliding or MLA layers.',
  'MiniMaxAI/MiniMax-M3':
    'Block-sparse attention (index keys on 57 of 60 layers, top-16 blocks of 128 tokens) cannot be expressed; its index-key cache has no field in the schema.',
  'poolside/Laguna-S-2.1':
    'moe_intermediate_size is null in every source, the query-head count differs per layer (48 on full, 72 on sliding layers; the schema has one head count) and the layer pattern is inferred.',
  'allenai/Olmo-3-7B-Instruct':
    'vocab_size and tie_word_embeddings are null in the sources, and the two config copies disagree on num_key_value_heads (32 vs 8).',
  'mistralai/Devstral-Small-2-24B-Instruct-2512':
    'vocab_size, max_position_embeddings and tie_word_embeddings are null (one test transcription only).',
  'mistralai/Ministral-3-3B-Instruct-2512':
    'vocab_size, head_dim, max_position_embeddings and tie_word_embeddings are null (signature check only).',
  'mistralai/Mistral-Small-3.2-24B-Instruct-2506':
    'max_position_embeddings and tie_word_embeddings are null in the sources (the only context value seen sits next to an edited dtype and was not used by the reference).',
  'nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16':
    'vocab_size and max_position_embeddings are null; MoE fields were only assumed equal to Nemotron 3.5 Lightning.',
  'LiquidAI/LFM2-8B-A1B':
    'The dense-layer intermediate_size (2 dense layers) is not in any source; hidden_size, head counts and conv L_cache are unverified.',
  'ibm-granite/granite-4.0-h-small':
    'Only the counts of Mamba2 (36) and attention (4) layers are known, not their order, and max_position_embeddings is null; Mamba head geometry is unverified.',
  'ibm-granite/granite-4.0-micro':
    'max_position_embeddings and tie_word_embeddings are null; the repo id itself is unverified.',
  'Qwen/Qwen3-VL-30B-A3B-Instruct':
    'max_position_embeddings and tie_word_embeddings are null (single test transcription); its text backbone is the same as Qwen/Qwen3-30B-A3B, which is in the catalog.',
};

// ---------------------------------------------------------------------------------------------
// Judgement calls that need a human-written note (every one cites the reference text it uses).
// ---------------------------------------------------------------------------------------------

/** Text-model parameter counts stated in the reference notes, for the cross-check only. */
const TEXT_PARAMS_FROM_NOTES = {
  // "Main model (61 layers, excluding MTP) ... recomputed from the config: 671,026,419,200"
  'deepseek-ai/DeepSeek-R1-0528': 671026419200,
  'deepseek-ai/DeepSeek-R1': 671026419200,
  'deepseek-ai/DeepSeek-V3': 671026419200,
  'deepseek-ai/DeepSeek-V3.1': 671026419200,
  // "Text model recomputed from the config: 107,769,861,120"
  'meta-llama/Llama-4-Scout-17B-16E-Instruct': 107769861120,
  'meta-llama/Llama-4-Maverick-17B-128E-Instruct': 400711848960,
  // "Text decoder recomputed: ..."
  'google/gemma-3-4b-it': 3880263168,
  'google/gemma-3-12b-it': 11766034176,
  'google/gemma-3-27b-it': 27009346304,
  // "unique parameters (tied) recompute to 596,049,920" / "= 1,720,574,976"
  'Qwen/Qwen3-0.6B': 596049920,
  'Qwen/Qwen3-1.7B': 1720574976,
  // "Model weights recomputed from the config: 1,026,408,232,448"
  'moonshotai/Kimi-K2-Instruct': 1026408232448,
  // "Recomputing from these config numbers gives 12,247,782,400"
  'mistralai/Mistral-Nemo-Instruct-2407': 12247782400,
  // params_note: 31,221,488,576 params incl. the MTP layer (2,556,189,440 bytes, BF16) -> main model
  'zai-org/GLM-4.7-Flash': 31221488576 - 2556189440 / 2,
  // params_note: 32,913,266,240 params incl. the MTP block (2,670,652,160 bytes, BF16) -> main model
  'nvidia/NVIDIA-Nemotron-3.5-Lightning-30B-A3B-BF16': 32913266240 - 2670652160 / 2,
};

/** Published totals that include more than the text decoder (MTP layers, vision tower). */
const TOTAL_INCLUDES = {
  'zai-org/GLM-4.5': 'the multi-token-prediction layer (with stored embedding/head copies)',
  'zai-org/GLM-4.5-Air': 'the multi-token-prediction layer (with stored embedding/head copies)',
  'deepseek-ai/DeepSeek-R1-0528': 'the multi-token-prediction module and FP8 scale tensors',
  'deepseek-ai/DeepSeek-R1': 'the multi-token-prediction module and FP8 scale tensors',
  'deepseek-ai/DeepSeek-V3': 'the multi-token-prediction module and FP8 scale tensors',
  'deepseek-ai/DeepSeek-V3.1': 'the multi-token-prediction module and FP8 scale tensors',
  'moonshotai/Kimi-K2-Instruct': 'FP8 scale tensors (about 62.5M)',
  'meta-llama/Llama-4-Scout-17B-16E-Instruct': 'the vision encoder',
  'meta-llama/Llama-4-Maverick-17B-128E-Instruct': 'the vision encoder',
  'google/gemma-3-4b-it': 'the SigLIP vision encoder and projector',
  'google/gemma-3-12b-it': 'the SigLIP vision encoder and projector',
  'google/gemma-3-27b-it': 'the SigLIP vision encoder and projector',
  'Qwen/Qwen3-0.6B': 'a stored copy of the tied LM head',
  'Qwen/Qwen3-1.7B': 'a stored copy of the tied LM head',
  'google/gemma-4-31B-it': 'the 27-layer vision tower',
  'Qwen/Qwen3.8-27B': 'the vision tower and the multi-token-prediction layer',
  'zai-org/GLM-4.7-Flash': 'the multi-token-prediction layer',
  'nvidia/NVIDIA-Nemotron-3.5-Lightning-30B-A3B-BF16': 'the multi-token-prediction block',
  'meta-models/Muse-Glimmer-30B': 'the 50-layer vision tower',
};

/** Extra caveats for specific models (plain English, reference-backed). */
const EXTRA_CAVEATS = {
  'CohereForAI/c4ai-command-r-v01': [
    'Context: config.json max_position_embeddings is 8192, the model card advertises 128K; the catalog uses 131,072 tokens (128K).',
    'Full multi-head attention (64 KV heads): the KV cache is large.',
  ],
  'tiiuae/falcon-180B-chat': [
    'intermediate_size is not a Falcon config key; the FFN width is 4 x hidden = 59,392 (non-gated GELU MLP), as the reference notes.',
    'tie_word_embeddings is not confirmed by a config copy; untied embeddings reproduce the published parameter count exactly once the LayerNorm biases are added (tied would be 965M short), so untied is used.',
    'Parallel attention/FFN blocks with biased LayerNorms: the 2.4M norm biases are not counted (negligible).',
  ],
  'microsoft/Phi-3.5-mini-instruct': [
    'config.json sets sliding_window 262144, larger than the context, so every layer is treated as full attention.',
  ],
  'google/gemma-4-26B-A4B-it': [
    'Each layer runs a dense MLP (intermediate_size 2112) alongside the 128 routed experts; the catalog models that always-active MLP as one shared expert of width 2112.',
    'max_position_embeddings 262144 is taken from the Gemma 4 docs (256K for the medium models), not from a config copy.',
  ],
  'google/gemma-4-E4B-it': [
    "Global layers: num_global_key_value_heads is absent from the transcribed config; the catalog uses the implementations' fallback to num_key_value_heads (2) - unverified.",
    'Per-layer embedding tables (vocab_size_per_layer_input 262,144 x 42 layers x 256 = 2.82B parameters) are not counted in the weight estimate; runtimes can keep them in CPU memory.',
    "Only layers 0-23 allocate KV cache; the last 18 layers reuse earlier layers' cache (num_kv_shared_layers 18).",
    'The active parameter figure is the "effective 4B" of the name (excluding per-layer embeddings).',
  ],
  'google/gemma-4-E2B-it': [
    "Global layers: num_global_key_value_heads is absent from the transcribed config; the catalog uses the implementations' fallback to num_key_value_heads (1) - unverified.",
    'Per-layer embedding tables (vocab_size_per_layer_input 262,144 x 35 layers x 256 = 2.35B parameters) are not counted in the weight estimate; runtimes can keep them in CPU memory.',
    'use_double_wide_mlp is set in the config; any layers with a doubled FFN width are not modelled (every layer uses intermediate_size 6144).',
    "Only layers 0-14 allocate KV cache; the last 20 layers reuse earlier layers' cache (num_kv_shared_layers 20).",
    'The active parameter figure is the "effective 2B" of the name (excluding per-layer embeddings).',
  ],
  'zai-org/GLM-5.3': [
    'Indexer keys are cached only on 21 of the 78 layers (index_topk_freq 4, index_skip_topk_offset 3; the others reuse indices); the estimate adds an indexer row on every MLA layer, so the indexer part is overstated.',
  ],
  'zai-org/GLM-5.3-Flash': [
    'The DSA indexer pools keys (index_kpool 4, index_kpool_compress); the estimate adds a full 128-wide indexer row per token on the 11 MLA layers, so the indexer part is overstated.',
    'MLA without a RoPE part (qk_rope_head_dim 0, mla_use_nope): the cached latent is 512 elements per token per layer.',
    'Manifold hyper-connections (hc_mult 4) add parameters the estimate does not count.',
    'Kimi Delta Attention layers (64 heads x 128) keep a fixed recurrent state; runtimes differ on the short-conv window.',
  ],
  'moonshotai/Kimi-Linear-48B-A3B-Instruct': [
    'config.json has no max_position_embeddings; the catalog uses its model_max_length (1,048,576).',
    'q_lora_rank is not listed in the reference; queries are treated as not factorised.',
    'Kimi Delta Attention layers (32 heads x 128) keep a fixed recurrent state; runtimes differ on the short-conv window.',
  ],
  'meta-llama/Llama-4-Scout-17B-16E-Instruct': [
    'Chunked local attention (attention_chunk_size 8192) on 3 of every 4 layers is modelled as a sliding window of 8192; llama.cpp treats chunked attention like a sliding window. Every 4th layer is global NoPE attention.',
    'Llama 4 q/k norm is a weightless L2 norm and adds no parameters.',
  ],
  'meta-llama/Llama-4-Maverick-17B-128E-Instruct': [
    'Chunked local attention (attention_chunk_size 8192) on 3 of every 4 layers is modelled as a sliding window of 8192; llama.cpp treats chunked attention like a sliding window. Every 4th layer is global NoPE attention.',
    'MoE on every second layer (interleave_moe_layer_step 2): layers 1, 3, 5, ... are MoE (transformers moe_layers default), the others dense with intermediate_size_mlp 16384.',
  ],
  'LiquidAI/LFM2.5-1.2B-Instruct': [
    'Context: max_position_embeddings is 128000 but Liquid AI states a trained context of 32,768 tokens; the catalog uses 32,768.',
    'FFN width: config intermediate_size 12288 with block_auto_adjust_ff_dim gives an effective width of 8192 (2/3 x 12288), which is used here.',
  ],
  'MiniMaxAI/MiniMax-M2': [
    'max_position_embeddings is 196608 in one config copy and 204800 in another; 196608 is used.',
    'Partial RoPE (rotary_dim 64 of 128) does not change memory.',
  ],
  'Qwen/Qwen3.5-397B-A17B': [
    'shared_expert_intermediate_size is 1024 in three config copies and 4096 in one test fixture; 1024 is used.',
  ],
  'openai/gpt-oss-20b': ['Attention sinks and the O-projection bias are not counted (negligible).'],
  'openai/gpt-oss-120b': [
    'Attention sinks and the O-projection bias are not counted (negligible).',
  ],
  'google/gemma-4-31B-it': [],
  'mistralai/Mistral-Nemo-Instruct-2407': [
    'Recomputing the parameters from these config numbers gives 12,247,782,400, 705,536 more than the Hugging Face total; the difference is unexplained in the reference.',
  ],
  'mistralai/Mistral-Large-Instruct-2407': [
    'The parameter count is derived from the config and depends on vocab_size 32768 from an unattributed fixture.',
  ],
  'meta-models/Muse-Glimmer-30B': [
    'Full-attention layers use no RoPE (layer_rope_theta 0); memory is unaffected.',
  ],
  'ibm-granite/granite-4.2-30b': ['head_dim derived as hidden / heads = 4096 / 32 = 128.'],
};

/** Tie-embedding values that are null in the source entry, with the reference that backs the choice. */
const TIE_FALLBACK = {
  'zai-org/GLM-5': [
    false,
    'tie_word_embeddings is null in the sources; untied is assumed as in the GLM-5.3 config of the same glm_moe_dsa geometry.',
  ],
  'zai-org/GLM-5.1': [
    false,
    'tie_word_embeddings is null in the sources; untied is assumed as in the GLM-5.3 config of the same glm_moe_dsa geometry.',
  ],
  'moonshotai/Kimi-K2.5': [
    false,
    'tie_word_embeddings is not confirmed for K2.5; untied is assumed as in Kimi K2 (tie_word_embeddings false).',
  ],
  'Qwen/Qwen3.5-122B-A10B': [
    false,
    'tie_word_embeddings is not confirmed for this size; untied is assumed as in the other Qwen3.5 MoE configs (397B-A17B, 35B-A3B).',
  ],
  'nvidia/NVIDIA-Nemotron-Nano-9B-v2': [
    false,
    'tie_word_embeddings is not confirmed by the config transcription; untied is assumed as in the Nemotron 3.5 Lightning nemotron_h config.',
  ],
  // Falcon-180B: decided by the exact parameter-count match (see EXTRA_CAVEATS): untied
  // 178,554,698,240 + 65,024 x 14,848 (output) + 2,390,528 LayerNorm biases = 179,522,565,120.
  'tiiuae/falcon-180B-chat': [false, null],
};

/** Context length overrides (advertised figure used instead of the config value; caveat says why). */
const CONTEXT_OVERRIDE = {
  'CohereForAI/c4ai-command-r-v01': 131072,
  'LiquidAI/LFM2.5-1.2B-Instruct': 32768,
  'moonshotai/Kimi-Linear-48B-A3B-Instruct': 1048576, // model_max_length (extra) - config has no max_position_embeddings
};

/** Nominal parameter counts stated as such in the reference notes of models.json (billions). */
const NOMINAL_V1 = {
  'CohereForAI/c4ai-command-r-v01': { total: 35, note: 'total_params_note: "Publisher: 35B"' },
};

/** Model families whose shared expert is moe_intermediate_size x n_shared_experts (DeepSeek style). */
const DEEPSEEK_STYLE_SHARED = new Set([
  'deepseek_v3',
  'deepseek_v32',
  'kimi_k2',
  'kimi_k25',
  'kimi_linear',
  'glm4_moe',
  'glm4_moe_lite',
  'glm_moe_dsa',
  'glm5_next',
  'ernie4_5_moe',
]);

const CAVEAT_UNVERIFIED =
  'Layer geometry not confirmed from a config.json copy (unverified in the reference data).';
const CAVEAT_NOMINAL = 'Parameter count is nominal (from the model name/card).';
const CAVEAT_NOMINAL_ACTIVE = 'Active parameter count is nominal (from the model name/card).';
const CAVEAT_LICENCE = 'Licence not re-read from the model card.';
const CAVEAT_DSA = 'DeepSeek Sparse Attention indexer cache estimated.';

/** Reference fields that do not feed the engine (left out of the weak-field caveats). */
const IRRELEVANT_FIELD =
  /^(torch_dtype|rope_theta|rope_scaling|query_pre_attn_scalar|moe\.n_group|moe\.topk_group|native_quantization|head_dim_in_config|architecture)/;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function fail(msg) {
  throw new Error(msg);
}

function isNum(v) {
  return typeof v === 'number' && Number.isFinite(v);
}

function runLength(layers) {
  const runs = [];
  for (const l of layers) {
    const last = runs[runs.length - 1];
    if (last && last.mixer === l.mixer && last.ffn === l.ffn) last.count++;
    else runs.push({ mixer: l.mixer, ffn: l.ffn, count: 1 });
  }
  return runs;
}

function isoDate(s) {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null;
}

function hfPage(id) {
  return `https://huggingface.co/${id}`;
}

function cleanUrl(u) {
  return u.replace(/[),.;:'"]+$/, '');
}

/** Converts a reference citation (string) to {title, url}; `fallbackUrl` when it has no link. */
function sourceFromString(title, ref, fallbackUrl) {
  const r = ref.trim();
  let m = r.match(/https?:\/\/\S+/);
  if (m) return { title, url: cleanUrl(m[0]) };
  m = r.match(/^(?:github\.com\/)?([\w.-]+\/[\w.-]+) (\S+) @ ([0-9a-f]{7,40})\b/);
  if (m) return { title, url: `https://github.com/${m[1]}/blob/${m[3]}/${m[2]}` };
  m = r.match(/^((?:huggingface\.co|docs\.api\.nvidia\.com|gitcode\.com)\/\S+)/);
  if (m) return { title, url: `https://${cleanUrl(m[1])}` };
  return {
    title: `${title} (no direct link; the model's config.json is linked)`,
    url: fallbackUrl,
  };
}

function dedupeSources(list) {
  const seen = new Set();
  const out = [];
  for (const s of list) {
    const k = `${s.title}\u0000${s.url}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(s);
    }
  }
  return out;
}

function weakFieldCaveats(fields, label) {
  const relevant = (fields ?? []).filter((f) => !IRRELEVANT_FIELD.test(f));
  return relevant.length ? [`${label}: ${relevant.join('; ')}.`] : [];
}

// ---------------------------------------------------------------------------------------------
// models.json (2024-2025) entries
// ---------------------------------------------------------------------------------------------

function fromV1(m) {
  const id = m.hf_repo;
  const caveats = [];
  const L = m.num_hidden_layers;
  const H = m.hidden_size;
  const mt = m.model_type;
  const moe = m.moe;
  const mla = m.mla;

  // Head geometry.
  let headDim;
  let headDimV;
  if (mla) {
    headDim = mla.qk_nope_head_dim + mla.qk_rope_head_dim;
    if (mla.v_head_dim !== headDim) headDimV = mla.v_head_dim;
  } else if (isNum(m.head_dim)) {
    headDim = m.head_dim;
  } else {
    if (H % m.num_attention_heads !== 0)
      return {
        excluded: `head_dim not set and hidden ${H} / heads ${m.num_attention_heads} is not an integer.`,
      };
    headDim = H / m.num_attention_heads;
  }

  // Per-layer mixer.
  const mixerAt = (i) => {
    if (mla) return 'mla';
    if (mt === 'gemma2' || mt === 'gpt_oss') return i % 2 === 0 ? 'sliding' : 'full';
    if (mt === 'gemma3' || mt === 'gemma3_text') return (i + 1) % 6 === 0 ? 'full' : 'sliding';
    if (mt === 'llama4') return (i + 1) % 4 === 0 ? 'full' : 'sliding';
    return 'full';
  };
  // Per-layer FFN.
  const ffnAt = (i) => {
    if (!moe) return 'dense';
    if (isNum(moe.first_k_dense_replace) && i < moe.first_k_dense_replace) return 'dense';
    const step = moe.interleave_moe_layer_step;
    if (isNum(step) && step > 1) return (i + 1) % step === 0 ? 'moe' : 'dense';
    return 'moe';
  };
  const layers = Array.from({ length: L }, (_, i) => ({ mixer: mixerAt(i), ffn: ffnAt(i) }));

  // Dense FFN width.
  let ffn = m.intermediate_size;
  let ffnGated;
  if (mt === 'llama4') {
    // attention_layout_note: "intermediate_size_mlp 16384 applies to dense layers"; intermediate_size is the expert width.
    ffn = 16384;
  } else if (mt === 'falcon') {
    // attention_layout_note: "FFN 4x hidden" (Falcon MLP is dense_h_to_4h / dense_4h_to_h, not gated).
    ffn = 4 * H;
    ffnGated = false;
  } else if (!isNum(ffn)) {
    if (layers.some((l) => l.ffn === 'dense'))
      return { excluded: 'Dense intermediate_size is null.' };
    ffn = 0; // every layer is MoE; the config's dense width is unused
  }

  // Sliding window.
  let slidingWindow;
  if (layers.some((l) => l.mixer === 'sliding')) {
    slidingWindow =
      mt === 'llama4' ? 8192 /* attention_chunk_size, attention_layout_note */ : m.sliding_window;
    if (!isNum(slidingWindow)) return { excluded: 'Sliding layers without a window size.' };
  }

  // Embedding tie.
  let tied = m.tie_word_embeddings;
  if (typeof tied !== 'boolean') {
    const fb = TIE_FALLBACK[id];
    if (!fb) return { excluded: 'tie_word_embeddings is null.' };
    tied = fb[0];
    if (fb[1]) caveats.push(fb[1]);
  }

  const arch = {
    modelType: mt,
    layers: L,
    hidden: H,
    heads: m.num_attention_heads,
    kvHeads: m.num_key_value_heads,
    headDim,
    ...(headDimV !== undefined ? { headDimV } : {}),
    vocab: m.vocab_size,
    ffn,
    ...(ffnGated === false ? { ffnGated: false } : {}),
    tiedEmbeddings: tied,
  };
  if (mt === 'qwen2' || mt === 'glm4_moe' || mt === 'gpt_oss') arch.attnBias = true; // qwen2 QKV bias; GLM-4.5 "GQA with QKV bias"; gpt-oss "QKV/O biases"
  const qkNorm =
    mt === 'qwen3' ||
    mt === 'qwen3_moe' ||
    mt === 'gemma3' ||
    mt === 'gemma3_text' ||
    (mt === 'glm4_moe' && /use_qk_norm true/.test(m.attention_layout_note ?? ''));
  if (qkNorm) arch.qkNorm = true;
  if (
    mt === 'llama' &&
    (m.rope_scaling?.rope_type === 'llama3' || m.rope_scaling?.type === 'llama3')
  )
    arch.ropeFreqs = true;
  arch.layerPattern = runLength(layers);
  if (slidingWindow !== undefined) arch.slidingWindow = slidingWindow;
  if (mla) {
    arch.mla = {
      qLoraRank: isNum(mla.q_lora_rank) ? mla.q_lora_rank : null,
      kvLoraRank: mla.kv_lora_rank,
      qkRopeHeadDim: mla.qk_rope_head_dim,
      qkNopeHeadDim: mla.qk_nope_head_dim,
      vHeadDim: mla.v_head_dim,
    };
  }
  if (moe) {
    const shared = moe.n_shared_experts ?? 0;
    let sharedFfn = 0;
    if (shared > 0) {
      if (isNum(moe.shared_expert_intermediate_size))
        sharedFfn = moe.shared_expert_intermediate_size;
      else if (DEEPSEEK_STYLE_SHARED.has(mt)) sharedFfn = moe.moe_intermediate_size * shared;
      else return { excluded: 'Shared-expert width unknown.' };
    }
    arch.moe = {
      experts: moe.num_experts,
      expertsPerToken: moe.num_experts_per_tok,
      expertFfn: moe.moe_intermediate_size,
      sharedExperts: shared,
      sharedFfn,
    };
  }
  if (mt === 'gpt_oss') arch.nativeExpertFormat = 'MXFP4';
  const mtp = moe?.num_nextn_predict_layers;
  if (isNum(mtp) && mtp > 0) arch.mtpLayers = mtp;

  // Context.
  let maxContextTokens = CONTEXT_OVERRIDE[id] ?? m.max_position_embeddings;
  if (!isNum(maxContextTokens)) return { excluded: 'max_position_embeddings is null.' };
  if (
    !CONTEXT_OVERRIDE[id] &&
    typeof m.context_length_advertised === 'string' &&
    /^128K/.test(m.context_length_advertised) &&
    maxContextTokens !== 131072
  ) {
    caveats.push(
      `The publisher advertises ${m.context_length_advertised.replace(/ \(.*\)$/, '')} context; config.json allows ${maxContextTokens.toLocaleString('en-US')} tokens, which is used here.`,
    );
  }

  // Parameters.
  let totalParams = isNum(m.total_params) ? m.total_params : null;
  let activeParams = isNum(m.active_params) ? m.active_params : null;
  const nominal = NOMINAL_V1[id];
  if (totalParams === null && nominal) {
    totalParams = nominal.total * 1e9;
    caveats.push(CAVEAT_NOMINAL);
  }
  if (!moe && activeParams === null) activeParams = totalParams; // dense: every parameter is active
  if (moe && activeParams !== null)
    caveats.push("Active parameter count is the publisher's rounded figure.");

  // Weak fields.
  if (m.unverified) caveats.push(CAVEAT_UNVERIFIED);
  caveats.push(...weakFieldCaveats(m.unverified_fields, 'Weakly sourced in the reference data'));
  caveats.push(
    ...weakFieldCaveats(
      (m.inferred_fields ?? []).filter(
        (f) => !/^max_position_embeddings|^head_dim_in_config/.test(f),
      ),
      'Inferred (family consistency or arithmetic) rather than read from config.json',
    ),
  );
  const inferredCtx = (m.inferred_fields ?? []).find((f) => /^max_position_embeddings/.test(f));
  if (inferredCtx)
    caveats.push(`Context length not read directly from config.json: ${inferredCtx}.`);

  const lic = m.license ?? null;
  if (lic !== null && m.license_verified === false) caveats.push(CAVEAT_LICENCE);

  const fallbackUrl = m.hf_config_url ?? `${hfPage(id)}/blob/main/config.json`;
  const sources = m.sources.map((s) => sourceFromString(s, s, fallbackUrl));

  return {
    spec: makeSpec(m, {
      id,
      license: lic,
      totalParams,
      activeParams,
      maxContextTokens,
      modelType: mt,
      arch,
      caveats,
      sources,
    }),
  };
}

/**
 * The catalog entry (ModelSpec) from a reference entry's common fields and the mapped values.
 * gpt-oss ships MXFP4 experts, so its recommended GGUF is MXFP4_MOE; Q4_K_M for every other model.
 */
function makeSpec(
  m,
  { id, license, totalParams, activeParams, maxContextTokens, modelType, arch, caveats, sources },
) {
  return {
    id,
    name: m.name,
    publisher: m.publisher,
    family: m.family,
    releaseDate: isoDate(m.release_date),
    license,
    totalParams,
    activeParams,
    maxContextTokens,
    recommendedQuant: modelType === 'gpt_oss' ? 'MXFP4_MOE' : 'Q4_K_M',
    arch,
    caveats,
    sources,
  };
}

// ---------------------------------------------------------------------------------------------
// models-2026.json entries
// ---------------------------------------------------------------------------------------------

function fromV2(m) {
  const id = m.id;
  const caveats = [];
  const L = m.num_hidden_layers;
  const H = m.hidden_size;
  const mt = m.model_type;
  const al = m.attention_layout ?? {};
  const moe = m.moe;
  const mla = m.mla;
  const lin = m.linear_attention;
  const extra = m.extra ?? {};

  for (const [k, v] of Object.entries({
    num_hidden_layers: L,
    hidden_size: H,
    num_attention_heads: m.num_attention_heads,
    num_key_value_heads: m.num_key_value_heads,
    vocab_size: m.vocab_size,
  })) {
    if (!isNum(v)) return { excluded: `${k} is null.` };
  }

  // Head geometry.
  let headDim;
  let headDimV;
  if (mla) {
    headDim = mla.qk_nope_head_dim + mla.qk_rope_head_dim;
    if (mla.v_head_dim !== headDim) headDimV = mla.v_head_dim;
  } else if (isNum(m.head_dim) && m.head_dim > 0) {
    headDim = m.head_dim;
  } else {
    if (H % m.num_attention_heads !== 0)
      return { excluded: `head_dim not set and hidden / heads is not an integer.` };
    headDim = H / m.num_attention_heads;
  }

  // Layer kinds.
  let layers;
  if (al.hybrid_override_pattern) {
    const map = {
      M: { mixer: 'mamba2', ffn: 'none' },
      '*': { mixer: 'full', ffn: 'none' },
      '-': { mixer: 'none', ffn: 'dense' },
      E: { mixer: 'none', ffn: 'moe' },
    };
    layers = [...al.hybrid_override_pattern].map(
      (c) => map[c] ?? fail(`${id}: unknown pattern char ${c}`),
    );
  } else {
    let fullIdx = al.full_attention_layer_indices;
    if (!fullIdx && al.full_attention_layer_indices_1based)
      fullIdx = al.full_attention_layer_indices_1based.map((i) => i - 1);
    const attnMixer = mla ? 'mla' : 'full';
    let other;
    const linType = lin?.type ?? '';
    if (/short_conv/.test(linType)) other = 'shortconv';
    else if (/gated_deltanet|kda/i.test(linType)) other = 'linear';
    else if (
      al.layer_counts &&
      (al.layer_counts.sliding_attention || al.layer_counts.chunked_attention)
    )
      other = 'sliding';
    else other = attnMixer;
    const fullSet = new Set(fullIdx ?? []);
    layers = Array.from({ length: L }, (_, i) => ({
      mixer: fullIdx ? (fullSet.has(i) ? attnMixer : other) : attnMixer,
      ffn: 'dense',
    }));
    if (moe) {
      const firstDense =
        moe.first_k_dense_replace ?? moe.moe_layer_start_index ?? moe.first_dense_layers ?? 0;
      layers.forEach((l, i) => (l.ffn = i < firstDense ? 'dense' : 'moe'));
    }
  }
  if (layers.length !== L)
    return {
      excluded: `Layer pattern length ${layers.length} differs from num_hidden_layers ${L}.`,
    };
  // Cross-check against the reference's layer counts.
  if (al.layer_counts) {
    const counts = {};
    for (const l of layers) counts[l.mixer] = (counts[l.mixer] ?? 0) + 1;
    const lc = al.layer_counts;
    const expect = {
      full: (lc.full_attention ?? 0) + (lc.attention ?? 0),
      sliding: (lc.sliding_attention ?? 0) + (lc.chunked_attention ?? 0),
      linear: lc.linear_attention ?? 0,
      mla: (lc.mla_full_attention ?? 0) + (lc.mla_dsa ?? 0) + (lc.deepseek_sparse_attention ?? 0),
      mamba2: lc.mamba ?? 0,
      shortconv: lc.conv ?? 0,
    };
    for (const [k, n] of Object.entries(expect)) {
      if ((counts[k] ?? 0) !== n)
        console.warn(`! ${id}: ${k} layers ${counts[k] ?? 0} vs reference layer_counts ${n}`);
    }
  }

  // Dense FFN width.
  let ffn =
    moe?.dense_intermediate_size ?? moe?.dense_intermediate_size_mlp ?? extra.intermediate_size;
  if (!isNum(ffn)) {
    if (layers.some((l) => l.ffn === 'dense'))
      return { excluded: 'Dense intermediate_size is null.' };
    ffn = 0; // every FFN is MoE; no dense width in the sources
  }
  if (mt === 'lfm2' && isNum(extra.effective_ffn_width)) ffn = extra.effective_ffn_width;

  // Embedding tie.
  let tied = m.tie_word_embeddings;
  if (typeof tied !== 'boolean') {
    const fb = TIE_FALLBACK[id];
    if (!fb) return { excluded: 'tie_word_embeddings is null.' };
    tied = fb[0];
    if (fb[1]) caveats.push(fb[1]);
  }

  const arch = {
    modelType: mt,
    layers: L,
    hidden: H,
    heads: m.num_attention_heads,
    kvHeads: m.num_key_value_heads,
    headDim,
    ...(headDimV !== undefined ? { headDimV } : {}),
    vocab: m.vocab_size,
    ffn,
    ...(mt === 'nemotron_h' ? { ffnGated: false } : {}),
    tiedEmbeddings: tied,
  };
  if (extra.attention_bias === true) arch.attnBias = true; // gpt-oss, Seed-OSS
  if (mt === 'glm4_moe') arch.attnBias = true; // same glm4_moe attention as GLM-4.5 ("GQA with QKV bias")
  const qwen3Family = /^qwen3/.test(mt);
  const glmQkNorm = mt === 'glm4_moe' && m.sources.some((s) => /use_qk_norm/.test(s.title));
  if (qwen3Family || /^gemma4/.test(mt) || glmQkNorm) arch.qkNorm = true;
  if (al.attn_output_gate === true) arch.attnOutputGate = true;
  arch.layerPattern = runLength(layers);

  if (layers.some((l) => l.mixer === 'sliding')) {
    const w = mt === 'llama4' ? al.attention_chunk_size : m.sliding_window;
    if (!isNum(w)) return { excluded: 'Sliding layers without a window size.' };
    arch.slidingWindow = w;
  }
  if (/^gemma4/.test(mt)) {
    const s = al.sliding;
    const g = al.global;
    if (!s || !g) return { excluded: 'Gemma 4 layer geometry missing.' };
    arch.sliding = { kvHeads: s.num_key_value_heads, headDim: s.head_dim };
    // Global KV heads fall back to num_key_value_heads when the config omits them (E2B/E4B; caveat).
    arch.global = {
      kvHeads: isNum(g.num_key_value_heads) ? g.num_key_value_heads : m.num_key_value_heads,
      headDim: g.head_dim,
    };
    if (isNum(al.num_kv_shared_layers) && al.num_kv_shared_layers > 0)
      arch.kvSharedLayers = al.num_kv_shared_layers;
    if (al.attention_k_eq_v) {
      caveats.push(
        'Global layers share K and V (attention_k_eq_v, no v_proj); the estimate counts a V projection and a V cache for them, as vLLM allocates, so it is slightly high for runtimes that store K only.',
      );
    }
  }
  if (mla) {
    arch.mla = {
      qLoraRank: isNum(mla.q_lora_rank) ? mla.q_lora_rank : null,
      kvLoraRank: mla.kv_lora_rank,
      qkRopeHeadDim: mla.qk_rope_head_dim,
      qkNopeHeadDim: mla.qk_nope_head_dim,
      vHeadDim: mla.v_head_dim,
    };
    for (const [k, v] of Object.entries(arch.mla))
      if (k !== 'qLoraRank' && !isNum(v)) return { excluded: `mla.${k} is null.` };
  }
  if (m.dsa_indexer) {
    if (!isNum(m.dsa_indexer.index_head_dim)) return { excluded: 'DSA index_head_dim is null.' };
    arch.indexerHeadDim = m.dsa_indexer.index_head_dim;
    caveats.push(CAVEAT_DSA);
  }
  if (moe) {
    if (!isNum(moe.moe_intermediate_size)) return { excluded: 'moe_intermediate_size is null.' };
    let shared = moe.shared_experts ?? 0;
    let sharedFfn = 0;
    if (id === 'google/gemma-4-26B-A4B-it') {
      // Dense MLP alongside the experts in every layer (moe.note / extra.intermediate_size 2112).
      shared = 1;
      sharedFfn = extra.intermediate_size;
    } else if (shared > 0) {
      const s = moe.shared_expert_intermediate_size ?? moe.shared_intermediate_size;
      if (isNum(s)) sharedFfn = s;
      else if (DEEPSEEK_STYLE_SHARED.has(mt)) sharedFfn = moe.moe_intermediate_size * shared;
      else if (mt === 'llama4')
        sharedFfn = moe.moe_intermediate_size; // Llama 4 shared expert = intermediate_size (models.json: 8192)
      else return { excluded: 'Shared-expert width unknown.' };
    }
    arch.moe = {
      experts: moe.num_experts,
      expertsPerToken: moe.num_experts_per_tok,
      expertFfn: moe.moe_intermediate_size,
      sharedExperts: shared,
      sharedFfn,
    };
  }
  if (lin && /gated_deltanet/.test(lin.type)) {
    arch.linear = {
      kind: 'gated-deltanet',
      keyHeads: lin.linear_num_key_heads,
      keyHeadDim: lin.linear_key_head_dim,
      valueHeads: lin.linear_num_value_heads,
      valueHeadDim: lin.linear_value_head_dim,
      convKernel: lin.linear_conv_kernel_dim,
    };
  } else if (lin && /kda/i.test(lin.type)) {
    arch.linear = {
      kind: 'kda',
      keyHeads: lin.num_heads,
      keyHeadDim: lin.head_dim,
      valueHeads: lin.num_heads,
      valueHeadDim: lin.head_dim,
      convKernel: lin.short_conv_kernel_size,
    };
  }
  if (arch.linear)
    for (const [k, v] of Object.entries(arch.linear))
      if (k !== 'kind' && !isNum(v)) return { excluded: `linear_attention.${k} is null.` };
  if (m.mamba) {
    const mb = m.mamba;
    arch.mamba = {
      heads: mb.mamba_num_heads ?? mb.mamba_n_heads,
      headDim: mb.mamba_head_dim ?? mb.mamba_d_head,
      stateSize: mb.ssm_state_size ?? mb.mamba_d_state,
      groups: mb.n_groups ?? mb.mamba_n_groups,
      convKernel: mb.conv_kernel ?? mb.mamba_d_conv,
    };
    for (const [k, v] of Object.entries(arch.mamba))
      if (!isNum(v)) return { excluded: `mamba.${k} is null.` };
  }
  if (lin && /short_conv/.test(lin.type)) {
    if (isNum(lin.conv_L_cache)) arch.shortconvLCache = lin.conv_L_cache;
    else return { excluded: 'conv_L_cache is null.' };
  }
  if (/mxfp4/i.test(m.native_quantization ?? '') && mt === 'gpt_oss')
    arch.nativeExpertFormat = 'MXFP4';
  if (isNum(m.mtp_layers) && m.mtp_layers > 0) arch.mtpLayers = m.mtp_layers;

  // Context.
  const maxContextTokens = CONTEXT_OVERRIDE[id] ?? m.max_position_embeddings;
  if (!isNum(maxContextTokens)) return { excluded: 'max_position_embeddings is null.' };

  // Parameters.
  let totalParams = isNum(m.total_params) ? m.total_params : null;
  let activeParams = isNum(m.active_params) ? m.active_params : null;
  let nominalTotal = false;
  let nominalActive = false;
  if (totalParams === null && isNum(m.total_params_nominal_b)) {
    totalParams = Math.round(m.total_params_nominal_b * 1e9);
    nominalTotal = true;
  }
  if (activeParams === null && isNum(m.active_params_nominal_b)) {
    activeParams = Math.round(m.active_params_nominal_b * 1e9);
    nominalActive = true;
  }
  if (nominalTotal) caveats.push(CAVEAT_NOMINAL);
  else if (nominalActive) caveats.push(CAVEAT_NOMINAL_ACTIVE);

  if (m.unverified) caveats.push(CAVEAT_UNVERIFIED);
  caveats.push(...weakFieldCaveats(m.unverified_fields, 'Weakly sourced in the reference data'));

  const lic = m.license ?? null;
  if (lic !== null && m.license_verified === false) caveats.push(CAVEAT_LICENCE);

  const canonical =
    m.sources.find((s) => /huggingface\.co\/.*config\.json/.test(s.ref))?.ref ??
    `${hfPage(id)}/blob/main/config.json`;
  const sources = m.sources.map((s) => sourceFromString(s.title, s.ref, canonical));

  return {
    spec: makeSpec(m, {
      id,
      license: lic,
      totalParams,
      activeParams,
      maxContextTokens,
      modelType: mt,
      arch,
      caveats,
      sources,
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Parameter count implied by an arch (mirror of src/domain/tensors.ts listTensors/countParams).
// ---------------------------------------------------------------------------------------------

function archParams(a) {
  const H = a.hidden;
  let n = a.vocab * H + H + (a.tiedEmbeddings ? 0 : a.vocab * H);
  const gated = a.ffnGated !== false;
  const expand = [];
  for (const r of a.layerPattern) for (let i = 0; i < r.count; i++) expand.push(r);
  for (const l of expand) {
    n += H; // attn_norm
    switch (l.mixer) {
      case 'full':
      case 'sliding': {
        const g = (l.mixer === 'sliding' ? a.sliding : a.global) ?? {
          kvHeads: a.kvHeads,
          headDim: a.headDim,
        };
        const hd = g.headDim;
        const hdV = a.headDimV ?? hd;
        n +=
          H * a.heads * hd * (a.attnOutputGate ? 2 : 1) +
          H * g.kvHeads * hd +
          H * g.kvHeads * hdV +
          a.heads * hdV * H;
        if (a.attnBias) n += a.heads * hd + g.kvHeads * hd + g.kvHeads * hdV;
        if (a.qkNorm) n += 2 * hd;
        break;
      }
      case 'mla': {
        const m = a.mla;
        const qk = m.qkNopeHeadDim + m.qkRopeHeadDim;
        n += m.qLoraRank
          ? H * m.qLoraRank + m.qLoraRank + m.qLoraRank * a.heads * qk
          : H * a.heads * qk;
        n += H * (m.kvLoraRank + m.qkRopeHeadDim) + m.kvLoraRank;
        n += m.qkNopeHeadDim * m.kvLoraRank * a.heads + m.kvLoraRank * m.vHeadDim * a.heads;
        n += a.heads * m.vHeadDim * H;
        break;
      }
      case 'linear': {
        const li = a.linear;
        const k = li.keyHeads * li.keyHeadDim;
        const v = li.valueHeads * li.valueHeadDim;
        const conv = 2 * k + v;
        if (li.kind === 'gated-deltanet') n += H * conv + H * v + H * 2 * li.valueHeads;
        else n += 2 * H * k + 2 * H * v + H * li.valueHeads;
        n += conv * li.convKernel + 2 * li.valueHeads + li.valueHeadDim + v * H;
        break;
      }
      case 'mamba2': {
        const m = a.mamba;
        const d = m.heads * m.headDim;
        n +=
          H * (2 * d + 2 * m.groups * m.stateSize + m.heads) +
          (d + 2 * m.groups * m.stateSize) * m.convKernel +
          3 * m.heads +
          d +
          d * H;
        break;
      }
      case 'shortconv':
        n += 3 * H * H + (a.shortconvLCache ?? 3) * H + H * H;
        break;
      default:
        break;
    }
    if (l.ffn !== 'none') n += H; // ffn_norm
    if (l.ffn === 'dense') n += (gated ? 3 : 2) * H * a.ffn;
    if (l.ffn === 'moe') {
      const m = a.moe;
      n += H * m.experts + m.experts * (gated ? 3 : 2) * H * m.expertFfn;
      if (m.sharedExperts > 0 && m.sharedFfn > 0) n += (gated ? 3 : 2) * H * m.sharedFfn;
    }
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

const v1ById = new Map(v1.models.map((m) => [m.hf_repo, m]));
const v2ById = new Map(v2.map((m) => [m.id, m]));
const allIds = [...new Set([...v1ById.keys(), ...v2ById.keys()])];

const models = [];
const excluded = [];

for (const id of allIds) {
  if (EXCLUDE[id]) {
    excluded.push({ id, reason: EXCLUDE[id] });
    continue;
  }
  const a = v1ById.get(id);
  const b = v2ById.get(id);
  // Both files: prefer the 2026 entry for the architecture, keep exact counts and verified
  // licence / full release date from models.json, and merge the sources.
  const rb = b ? fromV2(b) : null;
  const ra = a ? fromV1(a) : null;
  const primary = rb ?? ra;
  if (primary.excluded) {
    excluded.push({ id, reason: primary.excluded });
    continue;
  }
  const spec = primary.spec;
  if (ra?.spec && rb?.spec) {
    const o = ra.spec;
    if (isNum(a.total_params)) {
      spec.totalParams = o.totalParams;
      spec.activeParams = o.activeParams ?? spec.activeParams;
      spec.caveats = spec.caveats
        .filter((c) => c !== CAVEAT_NOMINAL)
        .map((c) =>
          c.startsWith('Weakly sourced')
            ? c.replace(/(; )?(total|active)_params_nominal_b/g, '').replace(': ; ', ': ')
            : c,
        )
        .filter((c) => !/^Weakly sourced in the reference data:\s*\.$/.test(c));
      if (isNum(a.active_params) && b.moe)
        spec.caveats.push("Active parameter count is the publisher's rounded figure.");
    }
    if (a.license_verified === true) {
      spec.license = o.license;
      spec.caveats = spec.caveats.filter((c) => c !== CAVEAT_LICENCE);
    }
    spec.releaseDate = spec.releaseDate ?? o.releaseDate;
    if (spec.arch.ffn === 0 && o.arch.ffn > 0) spec.arch.ffn = o.arch.ffn; // config intermediate_size from models.json
    spec.sources = [...spec.sources, ...o.sources];
    // Weak-field notes of models.json that still apply (the 2026 entry covers the geometry).
    for (const c of o.caveats)
      if (/^Inferred/.test(c) && !spec.caveats.includes(c)) spec.caveats.push(c);
  }
  if (TOTAL_INCLUDES[id] && spec.totalParams !== null) {
    spec.caveats.push(
      `The published parameter count includes ${TOTAL_INCLUDES[id]}; the weight estimate covers the text decoder only.`,
    );
  }
  if (spec.arch.mtpLayers) {
    spec.caveats.push(
      `The checkpoint stores ${spec.arch.mtpLayers} multi-token-prediction layer${spec.arch.mtpLayers > 1 ? 's' : ''}; llama.cpp and vLLM skip ${spec.arch.mtpLayers > 1 ? 'them' : 'it'} by default, so the estimate leaves ${spec.arch.mtpLayers > 1 ? 'them' : 'it'} out.`,
    );
  }
  spec.caveats.push(...(EXTRA_CAVEATS[id] ?? []));
  spec.sources = dedupeSources([
    ...spec.sources,
    { title: 'Hugging Face model page', url: hfPage(id) },
  ]);

  // Sanity: pattern sums.
  const sum = spec.arch.layerPattern.reduce((s, r) => s + r.count, 0);
  if (sum !== spec.arch.layers)
    fail(`${id}: layerPattern sums to ${sum}, layers ${spec.arch.layers}`);
  models.push(spec);
}

if (!models.some((m) => m.id === 'deepseek-ai/DeepSeek-R1-0528'))
  fail('deepseek-ai/DeepSeek-R1-0528 missing');

// Cross-check parameter counts.
console.log('Parameter cross-check (architecture-implied vs reference):');
const mismatches = [];
for (const s of models) {
  const implied = archParams(s.arch);
  const a = v1ById.get(s.id);
  const b = v2ById.get(s.id);
  let ref = TEXT_PARAMS_FROM_NOTES[s.id];
  let kind = 'text-model figure from the reference notes';
  if (ref === undefined && !TOTAL_INCLUDES[s.id]) {
    if (isNum(a?.total_params)) {
      ref = a.total_params;
      kind = 'HF safetensors total';
    } else if (isNum(b?.total_params)) {
      ref = b.total_params;
      kind = 'exact total';
    }
  }
  if (ref === undefined) {
    const published = s.totalParams;
    const tag =
      published === null
        ? 'no published figure'
        : `published ${(published / 1e9).toFixed(2)}B (${TOTAL_INCLUDES[s.id] ? 'includes ' + TOTAL_INCLUDES[s.id] : 'nominal'})`;
    console.log(`  . ${s.id}: implied ${(implied / 1e9).toFixed(3)}B; ${tag}`);
    continue;
  }
  const diff = (implied - ref) / ref;
  const line = `${s.id}: implied ${implied.toLocaleString('en-US')} vs ${kind} ${ref.toLocaleString('en-US')} (${(diff * 100).toFixed(3)}%)`;
  if (Math.abs(diff) > 0.01) {
    mismatches.push(line);
    console.log(`  ! ${line}`);
  } else {
    console.log(`  ok ${line}`);
  }
}
if (mismatches.length) console.log(`${mismatches.length} parameter mismatch(es) over 1%.`);

// GGUF metadata blocks implied by exact published files (gguf-recipes.md section 9): the
// tokenizer dominates, so the figure carries over to every quantization of the model.
const GGUF_METADATA_BYTES = {
  'meta-llama/Llama-3.1-8B-Instruct': 7840928,
  'Qwen/Qwen2.5-7B-Instruct': 5954048,
};
for (const m of models) {
  const meta = GGUF_METADATA_BYTES[m.id];
  if (meta) m.arch.ggufMetadataBytes = meta;
}

const out = {
  schemaVersion: 1,
  generatedFrom:
    'shared/reference/models.json (2024-2025 models) and shared/reference/models-2026.json (2025-2026 models) by scripts/build-catalog-models.mjs',
  models,
  excluded,
};
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, JSON.stringify(out, null, 2) + '\n');
console.log(`Wrote ${models.length} models (${excluded.length} excluded) to ${outPath}`);
for (const e of excluded) console.log(`  excluded ${e.id}: ${e.reason}`);
