/**
 * Domain types shared by the estimation engine and the catalog.
 * Every quantity names its unit; sizes inside the engine are bytes.
 */

/** What mixes tokens in a decoder layer. */
export type Mixer =
  /** Full (global) softmax attention: MHA, GQA or MQA. Its KV cache grows with context. */
  | 'full'
  /** Sliding-window (or chunked) local attention: the cache is capped near the window. */
  | 'sliding'
  /** Multi-head latent attention (DeepSeek V2/V3, Kimi K2, GLM-5): one latent row per token. */
  | 'mla'
  /** Linear attention with a fixed recurrent state (Gated DeltaNet, Kimi Delta Attention). */
  | 'linear'
  /** Mamba2 state-space layer: fixed conv + SSM state per sequence. */
  | 'mamba2'
  /** LFM2 gated short convolution: a tiny fixed conv state per sequence. */
  | 'shortconv'
  /** No mixer (an FFN-only block, as in Nemotron-H "-" and "E" blocks). */
  | 'none';

/** The feed-forward part of a decoder layer. */
export type FfnKind = 'dense' | 'moe' | 'none';

/** A run of `count` consecutive layers with the same mixer and FFN. */
export interface LayerRun {
  mixer: Mixer;
  ffn: FfnKind;
  count: number;
}

/** Attention head geometry of one layer type, when it differs from the model default. */
export interface AttentionGeometry {
  kvHeads: number;
  headDim: number;
}

export interface MlaSpec {
  /** Query low-rank projection width; null when queries are not factorised (V2-Lite). */
  qLoraRank: number | null;
  kvLoraRank: number;
  qkRopeHeadDim: number;
  qkNopeHeadDim: number;
  vHeadDim: number;
}

export interface MoeSpec {
  /** Routed experts per MoE layer (all are kept in memory). */
  experts: number;
  expertsPerToken: number;
  /** Intermediate width of one routed expert. */
  expertFfn: number;
  sharedExperts: number;
  /** Intermediate width of the shared expert block (0 when there is none). */
  sharedFfn: number;
}

export interface LinearAttentionSpec {
  kind: 'gated-deltanet' | 'kda';
  keyHeads: number;
  keyHeadDim: number;
  valueHeads: number;
  valueHeadDim: number;
  convKernel: number;
}

export interface MambaSpec {
  heads: number;
  headDim: number;
  stateSize: number;
  groups: number;
  convKernel: number;
}

/** Architecture numbers the engine needs, read from the model's config.json. */
export interface ModelArch {
  /** llama.cpp / transformers model_type, e.g. `llama`, `qwen2`, `deepseek_v3`. */
  modelType: string;
  /** Main decoder layers, excluding multi-token-prediction layers. */
  layers: number;
  hidden: number;
  heads: number;
  kvHeads: number;
  /** Per-head K (and by default V) width. */
  headDim: number;
  /** Per-head V width when it differs from headDim. */
  headDimV?: number;
  vocab: number;
  /** Intermediate width of a dense FFN layer. */
  ffn: number;
  /** false for up/down-only FFNs (Nemotron-H relu^2); default true (gate, up, down). */
  ffnGated?: boolean;
  tiedEmbeddings: boolean;
  /** Biases on Q, K and V (Qwen2). */
  attnBias?: boolean;
  /** Per-head RMS norms on Q and K (Qwen3, Gemma 3). */
  qkNorm?: boolean;
  /** Gated attention output: Q projection is twice as wide (Qwen3-Next, Qwen3.5). */
  attnOutputGate?: boolean;
  /** Llama 3.1-style `rope_freqs` tensor of headDim/2 F32 values. */
  ropeFreqs?: boolean;
  /** Layers in order; counts sum to `layers`. */
  layerPattern: LayerRun[];
  /** Window of the sliding layers, in tokens. */
  slidingWindow?: number;
  /** Geometry of the sliding layers when it differs from the full layers (Gemma 4). */
  sliding?: AttentionGeometry;
  /** Geometry of the full layers when it differs from kvHeads/headDim (Gemma 4 global). */
  global?: AttentionGeometry;
  /** Trailing layers that reuse an earlier layer's KV cache and allocate none (Gemma 3n/4 E models). */
  kvSharedLayers?: number;
  mla?: MlaSpec;
  /** DeepSeek Sparse Attention lightning-indexer key width (one extra cached row per token per MLA layer). */
  indexerHeadDim?: number;
  moe?: MoeSpec;
  linear?: LinearAttentionSpec;
  mamba?: MambaSpec;
  /** LFM2 short-convolution cache length (L_cache). */
  shortconvLCache?: number;
  /** Expert weights ship natively in this format and GGUF quantizers keep them (gpt-oss: MXFP4). */
  nativeExpertFormat?: 'MXFP4';
  /** Multi-token-prediction layers stored in the checkpoint; llama.cpp and vLLM skip them by default. */
  mtpLayers?: number;
  /** Bytes of the GGUF metadata block (tokenizer etc.) measured from a published file, when known. */
  ggufMetadataBytes?: number;
}

export interface Source {
  title: string;
  url: string;
  /** Which facts this source backs (e.g. `license`, `releaseDate`, `params`, `arch`, `context`), when it backs only some. */
  covers?: string[];
}

/** What a model is good for, as its publisher describes it. */
export type ModelTask =
  | 'chat'
  | 'reasoning'
  | 'code'
  | 'math'
  | 'vision'
  | 'audio'
  | 'tool-use'
  | 'agents'
  | 'multilingual'
  | 'long-context'
  | 'on-device';

/** A field whose value no source states directly, and how it was worked out. */
export interface InferredField {
  /** Dotted path of the field, e.g. `arch.ffn` or `releaseDate`. */
  field: string;
  how: string;
}

/**
 * Publishers of GGUF repositories the catalog knows, in the order a command prefers them when
 * several hold the file: the model's own publisher first, then the known quantizers.
 */
export const GGUF_PUBLISHERS = [
  'official',
  'bartowski',
  'unsloth',
  'lmstudio-community',
  'ggml-org',
  'other',
] as const;
export type GgufPublisher = (typeof GGUF_PUBLISHERS)[number];
/** A published GGUF repository of a model, with the file types it holds. */
export interface GgufRepo {
  /** Hugging Face repo id, e.g. `bartowski/Qwen_Qwen3-14B-GGUF`. */
  repo: string;
  /** Who publishes it: the model's own publisher, or a known quantizer. */
  publisher: GgufPublisher;
  /** Catalog quantization ids of the files seen in the repo. */
  quants: string[];
  /** File name with `{QUANT}` for the file type, when the repo names files uniformly (one file per type). */
  filePattern?: string;
  source: Source;
}

/** An Ollama library tag and the quantization it pulls. */
export interface OllamaTag {
  tag: string;
  /** Catalog quantization id of the weights behind the tag. */
  quant: string;
  source: Source;
}

export interface ModelDownloads {
  gguf?: GgufRepo[];
  ollama?: OllamaTag[];
  /** What was searched and not found, in plain words. */
  notes?: string;
}

export interface ModelSpec {
  /** Hugging Face repo id, e.g. `deepseek-ai/DeepSeek-R1-0528`. */
  id: string;
  name: string;
  publisher: string;
  family: string;
  /** ISO date (YYYY-MM-DD) or null when no source gave one. */
  releaseDate: string | null;
  license: string | null;
  /** Parameter counts as published (exact where known), null when no source gave one. */
  totalParams: number | null;
  activeParams: number | null;
  /** Advertised maximum context, tokens. */
  maxContextTokens: number;
  /** Catalog quantization id recommended by default. */
  recommendedQuant: string;
  arch: ModelArch;
  /** Things the engine cannot compute exactly for this model, in plain words. */
  caveats: string[];
  sources: Source[];
  /** Two sentences in the project's own words: what the model is and what sets it apart. */
  description?: string;
  tasks?: ModelTask[];
  /** Catalog id of the model this one was made from (distilled, fine-tuned or revised). */
  baseModel?: string;
  derivation?: 'distill' | 'fine-tune' | 'revision';
  /** Parameters of a vision (or audio) tower that the text-decoder estimate leaves out. */
  visionParams?: number;
  /** Fields no source states directly, and how they were worked out. */
  inferred?: InferredField[];
  /** Where to get the weights for local runtimes. */
  downloads?: ModelDownloads;
}

/** How a quantization stores weights. */
export type QuantFormat = 'gguf' | 'safetensors';

export interface QuantSpec {
  /** Catalog id, e.g. `Q4_K_M`, `BF16`, `FP8`, `AWQ-INT4`. */
  id: string;
  format: QuantFormat;
  /** Short label shown in tables. */
  label: string;
  /** Nominal bits per weight of the main type (the real figure is computed per model). */
  nominalBitsPerWeight: number;
  description: string;
  /** Perplexity increase published by llama.cpp (lower is better), or null when none is published. */
  pplIncrease: number | null;
  /** Model the perplexity figure was measured on. */
  pplReference: string | null;
  sources: Source[];
  /** How much quality the type loses, from published measurements across models (catalog/measurements/quant-quality.json). */
  quality?: QuantQuality;
}

/** Quality words, best to worst. */
export type QualityWord =
  'lossless' | 'near-lossless' | 'very good' | 'good' | 'noticeable loss' | 'severe loss';

export interface QuantQuality {
  word: QualityWord;
  /** Perplexity increase over the 16-bit model, percent, lowest and highest measured. */
  pplIncreasePct: { min: number; max: number };
  /** Models measured. */
  models: number;
  /** How the word was chosen from the measurements. */
  basis: string;
  note: string | null;
  sources: Source[];
}

/**
 * Where a device sits in the device list: desktop graphics cards, laptop graphics (discrete),
 * workstation and datacenter cards, Apple Macs (all of them, laptops and desktops), other
 * unified-memory computers (AMD Strix Halo, NVIDIA DGX Spark, Snapdragon X, Intel Lunar Lake),
 * and edge boards (Jetson). Multi-GPU systems are told apart by gpuCount > 1.
 */
export type GpuSegment =
  | 'consumer'
  | 'laptop'
  | 'workstation'
  | 'datacenter'
  | 'apple'
  | 'unified'
  | 'edge'
  /** Old name of `apple`/`unified`, still accepted in files. */
  | 'unified-memory-desktop';

export interface DeviceSpec {
  id: string;
  name: string;
  vendor: string;
  segment: GpuSegment;
  /** Memory as marketed, GB, per GPU (for multi-GPU systems: per GPU, see gpuCount). */
  memoryGb: number;
  /** Peak memory bandwidth per GPU, GB/s (1e9 B/s). */
  bandwidthGbS: number;
  /** Dense FP16 throughput per GPU, TFLOPS, when published (tensor cores when the GPU has them; see fp16TflopsKind). */
  fp16Tflops: number | null;
  /** What fp16Tflops counts: dense tensor/matrix-core math, or plain vector (shader) math when no tensor figure is published. */
  fp16TflopsKind?: 'tensor-dense' | 'vector';
  /** GPUs in one system (DGX-style systems); 1 for a single card or device. */
  gpuCount: number;
  /** Unified memory: fraction of RAM the GPU may use by default; null for discrete memory. */
  unifiedUsableFraction: number | null;
  /** Where the usable fraction comes from. */
  unifiedUsableNote: string | null;
  /** Unified memory: the largest fraction a documented setting lets the GPU use (sysctl, BIOS/driver), when one exists. */
  unifiedRaisedFraction?: number | null;
  /** How to raise the GPU limit, in words (with the command when there is one). */
  unifiedRaisedNote?: string | null;
  /** Chip or GPU die, e.g. `M3 Pro`, `AD104`, `Strix Halo`; used for search and per-generation speed. */
  chip?: string;
  /** Other names people search for, e.g. `4070`, `mbp`, `m3 pro 36`. */
  aliases?: string[];
  releaseYear: number | null;
  sources: Source[];
}
