import { z } from 'zod';
import type { FfnKind, LayerRun, Mixer, ModelArch, MoeSpec } from './types';

/**
 * Architecture from a Hugging Face transformers `config.json` (the top level, or its
 * `text_config` for multimodal checkpoints). Field names are transformers' own; a missing or
 * wrong field is named in the error, e.g. "num_key_value_heads: expected a positive integer".
 *
 * Model types read exactly: llama, mistral, qwen2, qwen3, gemma, gemma2, gemma3(_text),
 * qwen2_moe, qwen3_moe, mixtral, deepseek_v2/v3 (and kimi_k2), gpt_oss. Other decoder-only
 * types with the standard fields are read as dense full-attention transformers, with a caveat.
 */

export interface ConfigModel {
  /** `_name_or_path` when the config has one. */
  name: string | null;
  arch: ModelArch;
  maxContextTokens: number;
  caveats: string[];
}

export class ConfigJsonError extends Error {
  override name = 'ConfigJsonError';
}

const KNOWN = new Set([
  'llama',
  'mistral',
  'qwen2',
  'qwen3',
  'gemma',
  'gemma2',
  'gemma3',
  'gemma3_text',
  'qwen2_moe',
  'qwen3_moe',
  'mixtral',
  'deepseek_v2',
  'deepseek_v3',
  'kimi_k2',
  'gpt_oss',
]);

/** Types whose layers are (partly) recurrent: the config alone is not enough here. */
const UNSUPPORTED =
  /mamba|jamba|qwen3_next|qwen3_5|nemotron_h|lfm2|falcon_h1|rwkv|granitemoehybrid|minimax/;

const int = (what = 'a positive integer', min = 1) =>
  z
    .number({
      error: (i) => (i.input === undefined ? `missing (expected ${what})` : `expected ${what}`),
    })
    .int({ error: `expected ${what}` })
    .min(min, { error: `expected ${what}` });
const optInt = (what?: string, min?: number) => int(what, min).nullish();

const configSchema = z.looseObject({
  model_type: z.string({ error: 'expected a string' }).optional(),
  _name_or_path: z.string().optional(),
  num_hidden_layers: int(),
  hidden_size: int(),
  num_attention_heads: int(),
  num_key_value_heads: optInt(),
  head_dim: optInt(),
  vocab_size: int(),
  intermediate_size: int('a non-negative integer', 0),
  tie_word_embeddings: z.boolean({ error: 'expected true or false' }).optional(),
  max_position_embeddings: optInt(),
  attention_bias: z.boolean({ error: 'expected true or false' }).optional(),
  sliding_window: optInt(),
  sliding_window_pattern: optInt(),
  layer_types: z.array(z.string(), { error: 'expected an array of layer type names' }).nullish(),
  rope_scaling: z.looseObject({ rope_type: z.string().optional() }).nullish(),
  // Mixture of experts.
  num_experts: optInt(),
  num_local_experts: optInt(),
  n_routed_experts: optInt(),
  num_experts_per_tok: optInt(),
  experts_per_token: optInt(),
  moe_intermediate_size: optInt(),
  shared_expert_intermediate_size: optInt('a non-negative integer', 0),
  n_shared_experts: optInt('a non-negative integer', 0),
  first_k_dense_replace: optInt('a non-negative integer', 0),
  decoder_sparse_step: optInt(),
  mlp_only_layers: z.array(z.number().int().nonnegative()).nullish(),
  // Multi-head latent attention.
  kv_lora_rank: optInt(),
  q_lora_rank: optInt(),
  qk_rope_head_dim: optInt('a non-negative integer', 0),
  qk_nope_head_dim: optInt(),
  v_head_dim: optInt(),
  num_nextn_predict_layers: optInt('a non-negative integer', 0),
  quantization_config: z.looseObject({ quant_method: z.string().optional() }).nullish(),
});

type Config = z.infer<typeof configSchema>;

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid config.json';
  const path = issue.path.join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

function runs(layers: readonly { mixer: Mixer; ffn: FfnKind }[]): LayerRun[] {
  const out: LayerRun[] = [];
  for (const l of layers) {
    const last = out[out.length - 1];
    if (last && last.mixer === l.mixer && last.ffn === l.ffn) last.count += 1;
    else out.push({ ...l, count: 1 });
  }
  return out;
}

/** Which layers are sliding-window: from layer_types, else the family's fixed pattern. */
function slidingFlags(c: Config, type: string, caveats: string[]): boolean[] | null {
  const n = c.num_hidden_layers;
  if (c.layer_types) {
    if (c.layer_types.length < n) {
      throw new ConfigJsonError(
        `layer_types: expected ${n} entries (num_hidden_layers), got ${c.layer_types.length}`,
      );
    }
    const flags = c.layer_types.slice(0, n).map((t) => t === 'sliding_attention');
    return flags.some(Boolean) ? flags : null;
  }
  if (!c.sliding_window) return null;
  // transformers: Gemma 2 alternates (even layers local); Gemma 3 has 5 local : 1 global.
  const period =
    type === 'gemma2' ? 2 : type.startsWith('gemma3') ? (c.sliding_window_pattern ?? 6) : null;
  if (period) return Array.from({ length: n }, (_, i) => (i + 1) % period !== 0);
  if (type !== 'mistral' && type !== 'qwen2' && type !== 'qwen3') {
    caveats.push(
      `sliding_window is set but layer_types is not; every layer is counted as full attention (an upper bound).`,
    );
  }
  return null;
}

function moeSpec(c: Config): MoeSpec | undefined {
  const experts = c.num_experts ?? c.num_local_experts ?? c.n_routed_experts;
  if (!experts) return undefined;
  const perToken = c.num_experts_per_tok ?? c.experts_per_token;
  if (!perToken)
    throw new ConfigJsonError('num_experts_per_tok: missing (expected a positive integer)');
  const expertFfn = c.moe_intermediate_size ?? c.intermediate_size;
  const sharedExperts = c.n_shared_experts ?? (c.shared_expert_intermediate_size ? 1 : 0);
  const sharedFfn =
    c.shared_expert_intermediate_size ?? (c.n_shared_experts ? c.n_shared_experts * expertFfn : 0);
  return { experts, expertsPerToken: perToken, expertFfn, sharedExperts, sharedFfn };
}

/**
 * Parses config.json text (or an already-parsed object). Throws {@link ConfigJsonError} naming
 * the field when a needed field is missing or has the wrong type.
 */
export function parseConfigJson(input: string | unknown): ConfigModel {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (e) {
      throw new ConfigJsonError(`Not valid JSON: ${(e as Error).message}`);
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigJsonError('Expected a JSON object (the contents of config.json).');
  }
  const top = raw as Record<string, unknown>;
  const text = top.text_config;
  const useText = typeof text === 'object' && text !== null && !Array.isArray(text);
  const merged = useText
    ? { model_type: top.model_type, ...(text as Record<string, unknown>) }
    : top;
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    throw new ConfigJsonError((useText ? 'text_config.' : '') + firstIssue(parsed.error));
  }
  const c = parsed.data;
  const type = (c.model_type ?? 'unknown').toLowerCase();
  if (UNSUPPORTED.test(type)) {
    throw new ConfigJsonError(
      `model_type "${type}" has recurrent or linear-attention layers, which this calculator cannot read from config.json yet.`,
    );
  }
  const caveats: string[] = [];
  if (!KNOWN.has(type)) {
    caveats.push(
      `model_type "${type}" is not one this calculator knows; it is read as a dense transformer with full attention on every layer.`,
    );
  }
  const heads = c.num_attention_heads;
  const kvHeads = c.num_key_value_heads ?? heads;
  const headDim = c.head_dim ?? Math.floor(c.hidden_size / heads);
  if (kvHeads > heads)
    throw new ConfigJsonError('num_key_value_heads: more than num_attention_heads');
  const layers = c.num_hidden_layers;
  const moe = moeSpec(c);
  const mlaOn = c.kv_lora_rank !== undefined && c.kv_lora_rank !== null;
  const swa = mlaOn ? null : slidingFlags(c, type, caveats);
  const denseFirst = c.first_k_dense_replace ?? 0;
  const mlpOnly = new Set(c.mlp_only_layers ?? []);
  const step = c.decoder_sparse_step ?? 1;
  const perLayer = Array.from({ length: layers }, (_, i) => {
    const mixer: Mixer = mlaOn ? 'mla' : swa?.[i] ? 'sliding' : 'full';
    const isMoe = moe && i >= denseFirst && !mlpOnly.has(i) && (i + 1) % step === 0;
    return { mixer, ffn: (isMoe ? 'moe' : 'dense') as FfnKind };
  });

  let mlaFields: Pick<ModelArch, 'mla' | 'headDim' | 'headDimV' | 'kvHeads'> | null = null;
  if (mlaOn) {
    const need = (k: 'qk_rope_head_dim' | 'qk_nope_head_dim' | 'v_head_dim'): number => {
      const v = c[k];
      if (v === undefined || v === null)
        throw new ConfigJsonError(`${k}: missing (expected a positive integer)`);
      return v;
    };
    const rope = need('qk_rope_head_dim');
    const nope = need('qk_nope_head_dim');
    const v = need('v_head_dim');
    mlaFields = {
      mla: {
        qLoraRank: c.q_lora_rank ?? null,
        kvLoraRank: c.kv_lora_rank as number,
        qkRopeHeadDim: rope,
        qkNopeHeadDim: nope,
        vHeadDim: v,
      },
      kvHeads: heads,
      headDim: nope + rope,
      ...(v !== nope + rope ? { headDimV: v } : {}),
    };
  }
  const hasSliding = perLayer.some((l) => l.mixer === 'sliding');
  const mxfp4 = type === 'gpt_oss' || c.quantization_config?.quant_method === 'mxfp4';
  const mtp = c.num_nextn_predict_layers ?? 0;
  const arch: ModelArch = {
    modelType: type,
    layers,
    hidden: c.hidden_size,
    heads,
    kvHeads,
    headDim,
    vocab: c.vocab_size,
    ffn: c.intermediate_size,
    tiedEmbeddings: c.tie_word_embeddings ?? type.startsWith('gemma'),
    ...(c.attention_bias || type === 'qwen2' || type === 'qwen2_moe' ? { attnBias: true } : {}),
    ...(type === 'qwen3' || type === 'qwen3_moe' || type.startsWith('gemma3')
      ? { qkNorm: true }
      : {}),
    ...(c.rope_scaling?.rope_type === 'llama3' ? { ropeFreqs: true } : {}),
    layerPattern: runs(perLayer),
    ...(hasSliding && c.sliding_window ? { slidingWindow: c.sliding_window } : {}),
    ...(mlaFields ?? {}),
    ...(moe ? { moe } : {}),
    ...(mxfp4 && moe ? { nativeExpertFormat: 'MXFP4' as const } : {}),
    ...(mtp > 0 ? { mtpLayers: mtp } : {}),
  };
  if (hasSliding && !c.sliding_window) {
    throw new ConfigJsonError('sliding_window: missing (layer_types has sliding layers)');
  }
  if (!c.max_position_embeddings) {
    caveats.push('max_position_embeddings is missing; 4,096 tokens assumed.');
  }
  return {
    name: c._name_or_path?.trim() || null,
    arch,
    maxContextTokens: c.max_position_embeddings ?? 4096,
    caveats,
  };
}
