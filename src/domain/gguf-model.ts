import { GGMLFileQuantizationType, GGMLQuantizationType } from '@huggingface/gguf';
import { GGML_BLOCKS, type GgmlBlock, type GgmlType } from './ggml-types';
import type { FfnKind, LayerRun, Mixer, ModelArch, MoeSpec, MlaSpec } from './types';
import { padTo } from './units';
import type { WeightsEstimate } from './weights';

/**
 * Architecture and exact weight sizes of a model read from GGUF headers (metadata + tensor
 * table), as parsed by `@huggingface/gguf`. Pure: the caller reads the bytes.
 *
 * Keys read (llama.cpp `src/llama-arch.cpp`, prefixed by `general.architecture`):
 * block_count, embedding_length, feed_forward_length, context_length, vocab_size,
 * attention.head_count(_kv) (scalars or per-layer arrays), attention.key_length / value_length
 * (and the *_mla variants), attention.sliding_window (+ sliding_window_pattern, a per-layer bool
 * array or a period), attention.kv_lora_rank / q_lora_rank, rope.dimension_count, expert_count,
 * expert_used_count, expert_feed_forward_length, expert_shared_count,
 * expert_shared_feed_forward_length, leading_dense_block_count, nextn_predict_layers.
 */

/** What the parser gives for one file (shard). */
export interface GgufHeader {
  metadata: Readonly<Record<string, unknown>>;
  tensorInfos: readonly { name: string; shape: readonly bigint[]; dtype: number; offset: bigint }[];
  /** Absolute offset of the tensor data: the header's size, padded to the alignment. */
  tensorDataOffset: bigint;
  /** Size of the file on disk, bytes, when known (local file, or a server's Content-Range). */
  fileSize?: number;
}

export interface GgufModel {
  /** `general.name`, or null when the file has none. */
  name: string | null;
  /** `general.architecture`, e.g. `llama`, `deepseek2`. */
  ggufArch: string;
  arch: ModelArch;
  maxContextTokens: number;
  /** File type label, e.g. `Q4_K_M` (from general.file_type, else the largest tensor type). */
  fileType: string;
  /** Exact weights from the tensor table. */
  weights: WeightsEstimate;
  /** What the header leaves open, in plain words. */
  caveats: string[];
}

/** A header we can read but cannot use, with a message for people. */
export class GgufModelError extends Error {
  override name = 'GgufModelError';
}

const DEFAULT_ALIGNMENT = 32;

/** llama.cpp architecture names → transformers model_type (used by the recipes). */
const MODEL_TYPES: Record<string, string> = {
  deepseek2: 'deepseek_v3',
  'gpt-oss': 'gpt_oss',
  qwen2moe: 'qwen2_moe',
  qwen3moe: 'qwen3_moe',
};

/**
 * Sliding-window period llama.cpp hard-codes per architecture (`hparams.set_swa_pattern(n)`:
 * layer i is local when i % n < n - 1), used when the file has no sliding_window_pattern key.
 */
const SWA_PERIOD: Record<string, number> = { gemma2: 2, gemma3: 6, cohere2: 4, 'gpt-oss': 2 };

const BLOCK_BY_ID = new Map<number, [GgmlType, GgmlBlock]>(
  (Object.entries(GGML_BLOCKS) as [GgmlType, GgmlBlock][]).map(([name, b]) => [
    b.ggufId,
    [name, b],
  ]),
);

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

/** A scalar or per-layer array of numbers. */
function numbers(v: unknown): number[] | undefined {
  if (Array.isArray(v)) {
    const out = v.map(toNumber);
    return out.every((n): n is number => n !== undefined) ? out : undefined;
  }
  const n = toNumber(v);
  return n === undefined ? undefined : [n];
}

function maxOf(v: number[] | undefined): number | undefined {
  if (!v || v.length === 0) return undefined;
  const nonZero = v.filter((n) => n > 0);
  return nonZero.length > 0 ? Math.max(...nonZero) : undefined;
}

function dtypeName(id: number): string {
  const name = (GGMLQuantizationType as unknown as Record<number, string | undefined>)[id];
  return name ? `${id} (${name})` : String(id);
}

interface Tally {
  byType: Record<string, number>;
  tensorBytes: number;
  hostBytes: number;
  expertBytes: number;
  denseActive: number;
  params: number;
  fileBytes: number;
}

function tallyTensors(shards: readonly GgufHeader[], tied: boolean): Tally {
  const t: Tally = {
    byType: {},
    tensorBytes: 0,
    hostBytes: 0,
    expertBytes: 0,
    denseActive: 0,
    params: 0,
    fileBytes: 0,
  };
  shards.forEach((shard, index) => {
    const alignment = toNumber(shard.metadata['general.alignment']) ?? DEFAULT_ALIGNMENT;
    const headerBytes = Number(shard.tensorDataOffset);
    let dataEnd = 0;
    for (const info of shard.tensorInfos) {
      const found = BLOCK_BY_ID.get(info.dtype);
      if (!found) {
        throw new GgufModelError(
          `Tensor "${info.name}" uses ggml type ${dtypeName(info.dtype)}, which this calculator does not know.`,
        );
      }
      const [type, block] = found;
      const elements = info.shape.reduce((p, d) => p * Number(d), 1);
      const rowLength = Number(info.shape[0] ?? 1);
      if (rowLength % block.blockSize !== 0) {
        throw new GgufModelError(
          `Tensor "${info.name}" has rows of ${rowLength} values, not a whole number of ${type} blocks of ${block.blockSize}: the file is malformed.`,
        );
      }
      const raw = (elements / block.blockSize) * block.bytesPerBlock;
      const bytes = padTo(raw, alignment);
      dataEnd = Math.max(dataEnd, Number(info.offset) + raw);
      t.byType[type] = (t.byType[type] ?? 0) + bytes;
      t.tensorBytes += bytes;
      if (info.name !== 'rope_freqs.weight') t.params += elements;
      if (info.name.includes('_exps')) t.expertBytes += bytes;
      else if (info.name.startsWith('token_embd.') && !tied) t.hostBytes += bytes;
      else t.denseActive += bytes;
    }
    const needed = headerBytes + padTo(dataEnd, alignment);
    const where = shards.length > 1 ? ` (file ${index + 1} of ${shards.length})` : '';
    if (shard.fileSize !== undefined && shard.fileSize < headerBytes + dataEnd) {
      throw new GgufModelError(
        `The file is truncated${where}: its tensors need ${headerBytes + dataEnd} bytes but it has only ${shard.fileSize}.`,
      );
    }
    t.fileBytes += shard.fileSize ?? needed;
  });
  return t;
}

/** Splits `blk.N.rest` names by layer. */
function tensorsByLayer(
  shards: readonly GgufHeader[],
): Map<number, Map<string, readonly bigint[]>> {
  const out = new Map<number, Map<string, readonly bigint[]>>();
  for (const s of shards) {
    for (const info of s.tensorInfos) {
      const m = /^blk\.(\d+)\.(.+)$/.exec(info.name);
      if (!m) continue;
      const layer = Number(m[1]);
      let names = out.get(layer);
      if (!names) out.set(layer, (names = new Map()));
      names.set(m[2] ?? '', info.shape);
    }
  }
  return out;
}

function runs(layers: readonly { mixer: Mixer; ffn: FfnKind }[]): LayerRun[] {
  const out: LayerRun[] = [];
  for (const l of layers) {
    const last = out[out.length - 1];
    if (last && last.mixer === l.mixer && last.ffn === l.ffn) last.count += 1;
    else out.push({ mixer: l.mixer, ffn: l.ffn, count: 1 });
  }
  return out;
}

function slidingLayers(
  md: (k: string) => unknown,
  ggufArch: string,
  layers: number,
  caveats: string[],
): boolean[] | null {
  const window = toNumber(md('attention.sliding_window'));
  if (!window) return null;
  const pattern = md('attention.sliding_window_pattern');
  if (Array.isArray(pattern)) {
    if (pattern.length < layers) {
      throw new GgufModelError(
        `sliding_window_pattern has ${pattern.length} entries for ${layers} layers.`,
      );
    }
    return pattern.slice(0, layers).map((v) => v === true || v === 1);
  }
  const period = toNumber(pattern) ?? SWA_PERIOD[ggufArch];
  if (period === undefined) {
    caveats.push(
      `The file sets a sliding window of ${window} tokens but not which layers use it; all layers are counted as full attention (an upper bound).`,
    );
    return null;
  }
  if (period <= 1) return Array.from({ length: layers }, () => period === 1);
  return Array.from({ length: layers }, (_, i) => i % period < period - 1);
}

const RECURRENT = /^(ssm_|time_mix|shortconv|attn_gate\b|linear_attn)/;

/**
 * Reads architecture and exact weights from one GGUF file or every shard of a split model.
 * Throws {@link GgufModelError} with a message for people when something is missing or unknown.
 */
export function ggufModel(shards: readonly GgufHeader[]): GgufModel {
  const first = shards.find((s) => typeof s.metadata['general.architecture'] === 'string');
  if (!first) throw new GgufModelError('No file has general.architecture: is this a model GGUF?');
  const splitCount = toNumber(first.metadata['split.count']);
  if (splitCount !== undefined && splitCount > shards.length) {
    throw new GgufModelError(
      `This model is split into ${splitCount} files; add all ${splitCount} (you gave ${shards.length}).`,
    );
  }
  const ggufArch = first.metadata['general.architecture'] as string;
  const md = (k: string) => first.metadata[`${ggufArch}.${k}`];
  const required = (k: string): number => {
    const n = maxOf(numbers(md(k)));
    if (n === undefined) throw new GgufModelError(`The header has no ${ggufArch}.${k}.`);
    return n;
  };
  const caveats: string[] = [];
  const allNames = new Set(shards.flatMap((s) => s.tensorInfos.map((t) => t.name)));
  const tied = !allNames.has('output.weight');
  const byLayer = tensorsByLayer(shards);
  // Bytes first: an unknown type or a cut file matters more than a missing key.
  const t = tallyTensors(shards, tied);

  const blockCount = required('block_count');
  const nextn = toNumber(md('nextn_predict_layers')) ?? 0;
  const layers = blockCount - nextn;
  const hidden = required('embedding_length');
  const heads = required('attention.head_count');
  const kvHeadsList = numbers(md('attention.head_count_kv'));
  const kvHeads = maxOf(kvHeadsList) ?? heads;
  if (kvHeadsList && new Set(kvHeadsList.filter((n) => n > 0)).size > 1) {
    caveats.push(
      `KV heads differ between layers (${[...new Set(kvHeadsList)].join(', ')}); the KV cache is counted with the largest.`,
    );
  }
  const keyLength = toNumber(md('attention.key_length'));
  const valueLength = toNumber(md('attention.value_length'));

  // MLA (DeepSeek V2/V3, Kimi K2, GLM-5): one compressed latent row per token.
  let mla: MlaSpec | undefined;
  const kvLoraRank = toNumber(md('attention.kv_lora_rank'));
  if (kvLoraRank) {
    const rope = required('rope.dimension_count');
    const kMla = toNumber(md('attention.key_length_mla')) ?? keyLength;
    const vMla = toNumber(md('attention.value_length_mla')) ?? valueLength;
    if (!kMla || !vMla)
      throw new GgufModelError(`The header has no ${ggufArch}.attention.key_length.`);
    mla = {
      qLoraRank: toNumber(md('attention.q_lora_rank')) || null,
      kvLoraRank,
      qkRopeHeadDim: rope,
      qkNopeHeadDim: kMla - rope,
      vHeadDim: vMla,
    };
  }
  const headDim = mla ? mla.qkNopeHeadDim + mla.qkRopeHeadDim : (keyLength ?? hidden / heads);
  const headDimV = mla ? mla.vHeadDim : valueLength;

  // Per-layer mixer and FFN, from the tensor table.
  const swa = mla ? null : slidingLayers(md, ggufArch, layers, caveats);
  const perLayer: { mixer: Mixer; ffn: FfnKind }[] = [];
  let denseFfn: number | undefined;
  let expertFfn: number | undefined;
  let sharedFfn = 0;
  for (let i = 0; i < layers; i++) {
    const names = byLayer.get(i) ?? new Map<string, readonly bigint[]>();
    const keys = [...names.keys()];
    if (keys.some((k) => RECURRENT.test(k))) {
      throw new GgufModelError(
        `Layer ${i} has recurrent or linear-attention tensors (${ggufArch}); this calculator reads only attention models from GGUF for now. Try its config.json.`,
      );
    }
    const hasAttn = keys.some((k) => /^attn_(q|k|qkv|q_a|kv_a_mqa|q_b)\.weight$/.test(k));
    const exps = names.get('ffn_down_exps.weight');
    const dense = names.get('ffn_down.weight');
    const shexp = names.get('ffn_down_shexp.weight');
    if (exps) expertFfn ??= Number(exps[0]);
    if (dense) denseFfn ??= Number(dense[0]);
    if (shexp && !sharedFfn) sharedFfn = Number(shexp[0]);
    const mixer: Mixer = !hasAttn ? 'none' : mla ? 'mla' : swa?.[i] ? 'sliding' : 'full';
    const ffn: FfnKind = exps ? 'moe' : dense ? 'dense' : 'none';
    perLayer.push({ mixer, ffn });
  }
  if (byLayer.size === 0) throw new GgufModelError('The file has no decoder layers (blk.N.*).');

  let moe: MoeSpec | undefined;
  if (perLayer.some((l) => l.ffn === 'moe')) {
    const experts = required('expert_count');
    const ffnLen = maxOf(numbers(md('feed_forward_length')));
    moe = {
      experts,
      expertsPerToken: required('expert_used_count'),
      expertFfn: toNumber(md('expert_feed_forward_length')) ?? expertFfn ?? ffnLen ?? 0,
      sharedExperts: toNumber(md('expert_shared_count')) ?? (sharedFfn ? 1 : 0),
      sharedFfn: toNumber(md('expert_shared_feed_forward_length')) ?? sharedFfn,
    };
  }
  const ffn = denseFfn ?? maxOf(numbers(md('feed_forward_length'))) ?? moe?.expertFfn ?? 0;

  const tokens = first.metadata['tokenizer.ggml.tokens'];
  const embd = shards.flatMap((s) => s.tensorInfos).find((t) => t.name === 'token_embd.weight');
  const vocab =
    (Array.isArray(tokens) ? tokens.length : undefined) ??
    toNumber(md('vocab_size')) ??
    (embd?.shape[1] !== undefined ? Number(embd.shape[1]) : undefined);
  if (!vocab) throw new GgufModelError('The header has no vocabulary (tokenizer.ggml.tokens).');

  const windowTokens = toNumber(md('attention.sliding_window'));
  const hasSliding = perLayer.some((l) => l.mixer === 'sliding');
  const anyExpertMxfp4 = shards.some((s) =>
    s.tensorInfos.some((t) => t.name.includes('_exps') && t.dtype === GGMLQuantizationType.MXFP4),
  );
  const arch: ModelArch = {
    modelType: MODEL_TYPES[ggufArch] ?? ggufArch,
    layers,
    hidden,
    heads,
    kvHeads: mla ? heads : kvHeads,
    headDim,
    ...(headDimV !== undefined && headDimV !== headDim ? { headDimV } : {}),
    vocab,
    ffn,
    tiedEmbeddings: tied,
    ...(allNames.has('blk.0.attn_q.bias') || allNames.has('blk.0.attn_qkv.bias')
      ? { attnBias: true }
      : {}),
    ...(allNames.has('blk.0.attn_q_norm.weight') ? { qkNorm: true } : {}),
    ...(allNames.has('rope_freqs.weight') ? { ropeFreqs: true } : {}),
    layerPattern: runs(perLayer),
    ...(hasSliding && windowTokens ? { slidingWindow: windowTokens } : {}),
    ...(mla ? { mla } : {}),
    ...(moe ? { moe } : {}),
    ...(anyExpertMxfp4 ? { nativeExpertFormat: 'MXFP4' as const } : {}),
    ...(nextn > 0 ? { mtpLayers: nextn } : {}),
  };

  const share = moe ? moe.expertsPerToken / moe.experts : 1;
  const weights: WeightsEstimate = {
    fileBytes: t.fileBytes,
    tensorBytes: t.tensorBytes,
    deviceBytes: t.tensorBytes - t.hostBytes,
    hostBytes: t.hostBytes,
    activeBytes: Math.round(t.denseActive + t.expertBytes * share),
    params: t.params,
    bitsPerWeight: t.params > 0 ? (t.tensorBytes * 8) / t.params : 0,
    expertBytes: t.expertBytes,
    byType: t.byType,
  };
  const maxContext = toNumber(md('context_length'));
  if (!maxContext) caveats.push('The header has no context_length; 4,096 tokens assumed.');
  const name = first.metadata['general.name'];
  return {
    name: typeof name === 'string' && name.trim() ? name.trim() : null,
    ggufArch,
    arch,
    maxContextTokens: maxContext ?? 4096,
    fileType: fileTypeLabel(first.metadata['general.file_type'], t.byType),
    weights,
    caveats,
  };
}

function fileTypeLabel(fileType: unknown, byType: Record<string, number>): string {
  const n = toNumber(fileType);
  const name =
    n === undefined
      ? undefined
      : (GGMLFileQuantizationType as unknown as Record<number, string | undefined>)[n];
  if (name) return name.replace(/^MOSTLY_/, '');
  const largest = Object.entries(byType).sort((a, b) => b[1] - a[1])[0];
  return largest ? largest[0] : 'unknown';
}
