import { expandLayers } from './tensors';
import type { Mixer } from './types';
import type { ModelArch } from './types';
import { padTo } from './units';

/**
 * KV-cache element types accepted by llama.cpp's `-ctk` / `-ctv` (common/arg.cpp), plus vLLM's
 * `fp8`. Block geometry from ggml-common.h (shared/reference/gguf-quant-types.json kv_cache_types).
 */
export const KV_CACHE_TYPES = {
  f32: { blockSize: 1, bytesPerBlock: 4, quantized: false },
  f16: { blockSize: 1, bytesPerBlock: 2, quantized: false },
  bf16: { blockSize: 1, bytesPerBlock: 2, quantized: false },
  q8_0: { blockSize: 32, bytesPerBlock: 34, quantized: true },
  q5_1: { blockSize: 32, bytesPerBlock: 24, quantized: true },
  q5_0: { blockSize: 32, bytesPerBlock: 22, quantized: true },
  q4_1: { blockSize: 32, bytesPerBlock: 20, quantized: true },
  q4_0: { blockSize: 32, bytesPerBlock: 18, quantized: true },
  iq4_nl: { blockSize: 32, bytesPerBlock: 18, quantized: true },
  /** vLLM `--kv-cache-dtype fp8` (e4m3/e5m2): 1 byte per element. */
  fp8: { blockSize: 1, bytesPerBlock: 1, quantized: true },
} as const;

export type KvCacheType = keyof typeof KV_CACHE_TYPES;

export function isKvCacheType(v: string): v is KvCacheType {
  return Object.prototype.hasOwnProperty.call(KV_CACHE_TYPES, v);
}

/** Bytes of one cached row of `elements` values of `type` (whole blocks; llama.cpp ggml_row_size). */
export function kvRowBytes(type: KvCacheType, elements: number): number {
  const t = KV_CACHE_TYPES[type];
  return Math.ceil(elements / t.blockSize) * t.bytesPerBlock;
}

/** llama.cpp pads the KV cell count to a multiple of 256 (llama-context / llama-kv-cache `n_pad`). */
export const KV_CELL_PADDING = 256;

/** llama.cpp's default physical micro-batch (`-ub`, n_ubatch = 512; common/common.h). */
export const DEFAULT_UBATCH = 512;

/** State kept by recurrent layers (Mamba, Gated DeltaNet, short conv) is F32 in llama.cpp (type_r/type_s). */
export const RECURRENT_STATE_BYTES_PER_ELEMENT = 4;

export interface KvOptions {
  /** Context length per sequence, tokens. */
  contextTokens: number;
  /** Parallel sequences (llama.cpp `-np`). */
  parallel: number;
  typeK: KvCacheType;
  typeV: KvCacheType;
  /** Micro-batch size (tokens); default 512. */
  ubatch?: number;
  /** llama.cpp `--swa-full`: sliding layers keep the whole context. Default false. */
  swaFull?: boolean;
}

export interface KvEstimate {
  /** All context memory: attention KV cache plus fixed recurrent state, bytes. */
  totalBytes: number;
  /** KV of full-attention and MLA layers, bytes (grows with context). */
  fullBytes: number;
  /** KV of sliding-window layers, bytes (capped near the window). */
  slidingBytes: number;
  /** Fixed recurrent / conv state of linear, Mamba2 and short-conv layers, bytes. */
  stateBytes: number;
  /** KV cells of full layers (context x sequences, padded to 256). */
  cells: number;
  /** KV cells of sliding layers. */
  slidingCells: number;
  /** Layers that allocate a growing cache. */
  cachedLayers: number;
}

/**
 * Context memory llama.cpp allocates for `arch`, summed over layers by type:
 * - full attention: cells x (kvHeads x headDim x size(K) + kvHeads x headDimV x size(V)),
 *   cells = context x sequences padded to 256 (Llama-3-8B at 8192, f16: 1024 MiB, llama.cpp log);
 * - sliding window: cells = min(cells, pad(window x sequences + ubatch, 256))
 *   (llama-kv-cache-iswa, unless --swa-full); since llama.cpp PR #21277 (Apr 2026) the sliding
 *   part stays F16 even when the cache type is quantized;
 * - MLA: one K row of kv_lora_rank + qk_rope_head_dim (576) per token, V read as a view of it
 *   (PR #19067); DSA models add an indexer key row of indexerHeadDim;
 * - linear attention / Mamba2 / short conv: fixed F32 state per sequence (conv window
 *   (kernel-1) x channels, plus the recurrent state), independent of context;
 * - layers that reuse another layer's cache (Gemma 3n/4 kv-shared layers) allocate nothing.
 * Sources: shared/reference/ESTIMATION.md "KV cache", models-2026.README.md.
 */
export function estimateKv(arch: ModelArch, o: KvOptions): KvEstimate {
  const seqs = Math.max(1, Math.floor(o.parallel));
  const ctx = Math.max(1, Math.floor(o.contextTokens));
  const ubatch = o.ubatch ?? DEFAULT_UBATCH;
  const cells = padTo(ctx * seqs, KV_CELL_PADDING);
  const window = arch.slidingWindow ?? ctx;
  const slidingCells = o.swaFull
    ? cells
    : Math.min(cells, padTo(window * seqs + ubatch, KV_CELL_PADDING));
  const swaK: KvCacheType = KV_CACHE_TYPES[o.typeK].quantized ? 'f16' : o.typeK;
  const swaV: KvCacheType = KV_CACHE_TYPES[o.typeV].quantized ? 'f16' : o.typeV;

  const c = layerCounts(arch);
  const f32 = RECURRENT_STATE_BYTES_PER_ELEMENT;
  const fullGeom = arch.global ?? { kvHeads: arch.kvHeads, headDim: arch.headDim };
  const swaGeom = arch.sliding ?? { kvHeads: arch.kvHeads, headDim: arch.headDim };
  const row = (g: { kvHeads: number; headDim: number }, k: KvCacheType, v: KvCacheType) =>
    kvRowBytes(k, g.kvHeads * g.headDim) + kvRowBytes(v, g.kvHeads * (arch.headDimV ?? g.headDim));
  let fullBytes = c.full * cells * row(fullGeom, o.typeK, o.typeV);
  const slidingBytes = c.sliding * slidingCells * row(swaGeom, swaK, swaV);
  if (arch.mla && c.mla > 0) {
    let perCell = kvRowBytes(o.typeK, arch.mla.kvLoraRank + arch.mla.qkRopeHeadDim);
    if (arch.indexerHeadDim) perCell += kvRowBytes(o.typeK, arch.indexerHeadDim);
    fullBytes += c.mla * cells * perCell;
  }
  let stateBytes = 0;
  if (arch.linear && c.linear > 0) {
    const l = arch.linear;
    const convDim = 2 * l.keyHeads * l.keyHeadDim + l.valueHeads * l.valueHeadDim;
    stateBytes +=
      c.linear * ((l.convKernel - 1) * convDim + l.valueHeads * l.keyHeadDim * l.valueHeadDim);
  }
  if (arch.mamba && c.mamba2 > 0) {
    const m = arch.mamba;
    const dInner = m.heads * m.headDim;
    stateBytes +=
      c.mamba2 *
      ((m.convKernel - 1) * (dInner + 2 * m.groups * m.stateSize) + dInner * m.stateSize);
  }
  if (c.shortconv > 0) stateBytes += c.shortconv * ((arch.shortconvLCache ?? 3) - 1) * arch.hidden;
  stateBytes *= seqs * f32;
  const cachedLayers = c.full + c.sliding + (arch.mla ? c.mla : 0);

  return {
    totalBytes: fullBytes + slidingBytes + stateBytes,
    fullBytes,
    slidingBytes,
    stateBytes,
    cells,
    slidingCells,
    cachedLayers,
  };
}

export type LayerCounts = Record<Mixer, number>;
const countsCache = new WeakMap<ModelArch, LayerCounts>();

/**
 * Layers of each mixer type that allocate context memory. Attention layers after the first
 * `layers - kvSharedLayers` reuse an earlier layer's cache and are not counted; recurrent layers
 * always keep their own state. Cached per architecture object.
 */
export function layerCounts(arch: ModelArch): Readonly<LayerCounts> {
  const cached = countsCache.get(arch);
  if (cached) return cached;
  const c: LayerCounts = {
    full: 0,
    sliding: 0,
    mla: 0,
    linear: 0,
    mamba2: 0,
    shortconv: 0,
    none: 0,
  };
  const layers = expandLayers(arch.layerPattern);
  const owning = layers.length - (arch.kvSharedLayers ?? 0);
  layers.forEach((layer, il) => {
    const attention = layer.mixer === 'full' || layer.mixer === 'sliding' || layer.mixer === 'mla';
    if (!attention || il < owning) c[layer.mixer]++;
  });
  countsCache.set(arch, c);
  return c;
}

/** Context-memory bytes per token of full-attention/MLA layers (the slope of KV vs context). */
export function kvBytesPerToken(arch: ModelArch, typeK: KvCacheType, typeV: KvCacheType): number {
  const a = estimateKv(arch, { contextTokens: 256, parallel: 1, typeK, typeV, swaFull: false });
  const b = estimateKv(arch, { contextTokens: 512, parallel: 1, typeK, typeV, swaFull: false });
  return (b.fullBytes - a.fullBytes) / 256;
}
