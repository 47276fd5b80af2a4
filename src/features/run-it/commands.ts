import type { Estimate } from '../../domain/estimate';
import type { FitResult } from '../../domain/fit';
import { formatBytes, type ByteUnit } from '../../domain/format';
import type { KvCacheType } from '../../domain/kv-cache';
import type { DeviceSpec, ModelSpec, QuantSpec } from '../../domain/types';

export type Runtime = 'llama.cpp' | 'Ollama' | 'vLLM' | 'LM Studio';

export interface RuntimeCommand {
  runtime: Runtime;
  /** Shell command(s), one per line; null when the runtime cannot run this configuration. */
  command: string | null;
  /** Short plain-language note: placeholders, limits and what was adapted. */
  note: string;
}

export interface CommandInput {
  model: ModelSpec;
  quant: QuantSpec;
  /** Context length per sequence, tokens. */
  contextTokens: number;
  /** Parallel sequences. */
  parallel: number;
  kvType: KvCacheType;
  flashAttention: boolean;
  device: DeviceSpec | null;
  /** Units (cards or systems) of the device. */
  count: number;
  /** Estimate of this configuration (used to size partial GPU offload). */
  estimate: Estimate;
  /** Fit on the selected device; null when none is selected. */
  fit: FitResult | null;
  unit: ByteUnit;
}

/** KV-cache types Ollama accepts in OLLAMA_KV_CACHE_TYPE (Ollama docs/faq.md). */
const OLLAMA_KV_TYPES: readonly KvCacheType[] = ['f16', 'q8_0', 'q4_0'];

/** KV-cache types llama.cpp accepts for -ctk / -ctv (tools/server/README.md). */
const LLAMA_CPP_KV_TYPES: readonly KvCacheType[] = [
  'f32',
  'f16',
  'bf16',
  'q8_0',
  'q4_0',
  'q4_1',
  'iq4_nl',
  'q5_0',
  'q5_1',
];

/**
 * Commands that start this configuration in four runtimes. Every flag below is documented:
 * - llama.cpp `llama-server` (github.com/ggml-org/llama.cpp tools/server/README.md):
 *   `-hf <user>/<repo>[:quant]`, `-c` total context of all slots, `-np` parallel slots,
 *   `-ctk` / `-ctv` KV-cache types, `-fa on|off|auto`, `-ngl` layers on the GPU,
 *   `--n-cpu-moe N` (expert weights of the first N layers stay on the CPU),
 *   `--split-mode none|layer|row` (default layer).
 * - Ollama: `ollama run hf.co/<user>/<repo>:<quant>` (huggingface.co/docs/hub/ollama); server
 *   variables OLLAMA_CONTEXT_LENGTH, OLLAMA_KV_CACHE_TYPE (f16, q8_0, q4_0; needs flash
 *   attention), OLLAMA_FLASH_ATTENTION=1, OLLAMA_NUM_PARALLEL (docs/faq.md).
 * - vLLM `vllm serve` engine arguments (docs.vllm.ai, serve args): `--max-model-len`,
 *   `--kv-cache-dtype auto|fp8`, `--tensor-parallel-size`, `--pipeline-parallel-size`,
 *   `--quantization awq|gptq|fp8`, `--dtype`, `--max-num-seqs`, `--gpu-memory-utilization`,
 *   `--cpu-offload-gb`.
 * - LM Studio `lms` (lmstudio.ai/docs/cli/get, /load): `lms get <name>@<quant>`,
 *   `lms load <key> --context-length <n> --gpu max|off|0-1`.
 */
export function buildCommands(input: CommandInput): RuntimeCommand[] {
  return [llamaCpp(input), ollama(input), vllm(input), lmStudio(input)];
}

/** Placeholder GGUF repo: we do not know who uploaded a GGUF of every model. */
export function ggufRepoPlaceholder(model: ModelSpec): string {
  return `${model.id}-GGUF`;
}

const GGUF_REPO_NOTE =
  'The repo name is a placeholder: replace it with the GGUF repo you use, e.g. one from bartowski or unsloth.';

function gpuCount(i: CommandInput): number {
  return i.fit?.gpus ?? 1;
}

function fits(i: CommandInput): boolean {
  return i.fit === null || i.fit.verdict !== 'no';
}

function moeLayerCount(model: ModelSpec): number {
  return model.arch.layerPattern.reduce((n, r) => n + (r.ffn === 'moe' ? r.count : 0), 0);
}

/** Memory that does not fit on the GPU(s), bytes (0 when it fits or no device is selected). */
function overflowBytes(i: CommandInput): number {
  if (!i.fit) return 0;
  const gpus = i.fit.gpus;
  const need = i.estimate.demand.splitBytes + i.estimate.demand.perDeviceBytes * gpus;
  return Math.max(0, need - i.fit.usableBytesPerGpu * gpus);
}

/**
 * Layers that fit on the GPU(s) when a dense model does not fit whole, for `-ngl`:
 * (usable x gpus - (compute + reserve) x gpus) / ((weights on GPU + KV) / layers), clamped to
 * 0..layers. A layer's KV cache lives on the same device as the layer, so it counts too.
 */
export function layersThatFit(i: CommandInput): number {
  const layers = i.model.arch.layers;
  if (!i.fit) return layers;
  const gpus = i.fit.gpus;
  const budget = (i.fit.usableBytesPerGpu - i.estimate.demand.perDeviceBytes) * gpus;
  const perLayer = i.estimate.demand.splitBytes / Math.max(1, layers);
  if (!(perLayer > 0)) return layers;
  return Math.min(layers, Math.max(0, Math.floor(budget / perLayer)));
}

function llamaCpp(i: CommandInput): RuntimeCommand {
  const runtime = 'llama.cpp';
  if (i.quant.format !== 'gguf') {
    return { runtime, command: null, note: 'llama.cpp runs GGUF files; pick a GGUF quantization.' };
  }
  const notes = [GGUF_REPO_NOTE];
  let kv = i.kvType;
  if (!LLAMA_CPP_KV_TYPES.includes(kv)) {
    notes.push(`llama.cpp has no ${kv} KV cache; q8_0 is its 8-bit option.`);
    kv = 'q8_0';
  }
  const parallel = Math.max(1, Math.floor(i.parallel));
  const parts = [
    `llama-server -hf ${ggufRepoPlaceholder(i.model)}:${i.quant.id}`,
    `-c ${i.contextTokens * parallel}`,
    `-ctk ${kv} -ctv ${kv}`,
    `-fa ${i.flashAttention ? 'on' : 'off'}`,
  ];
  if (kv !== 'f16' && kv !== 'f32' && kv !== 'bf16' && !i.flashAttention && !i.model.arch.mla) {
    notes.push('A quantized V cache needs flash attention (-fa on).');
  }
  const allLayers = i.model.arch.layers < 99 ? '99' : '999';
  if (fits(i)) {
    parts.push(`-ngl ${allLayers}`);
  } else if (moeLayerCount(i.model) > 0) {
    const moeLayers = moeLayerCount(i.model);
    const perLayer = i.estimate.weights.expertBytes / moeLayers;
    const wanted = perLayer > 0 ? Math.ceil(overflowBytes(i) / perLayer) : moeLayers;
    const n = Math.min(moeLayers, Math.max(1, wanted));
    parts.push(`-ngl ${allLayers}`, `--n-cpu-moe ${n}`);
    notes.push(
      `--n-cpu-moe ${n} keeps the expert weights of ${n} layers in system RAM (about ${formatBytes(n * perLayer, i.unit)}); generation gets slower.`,
    );
    if (wanted > moeLayers) {
      notes.push(
        'Even with every expert in RAM it does not fit: shorten the context or pick a smaller quantization.',
      );
    }
  } else {
    const n = layersThatFit(i);
    parts.push(`-ngl ${n}`);
    notes.push(
      `It does not fit whole: -ngl ${n} puts about ${n} of ${i.model.arch.layers} layers on the GPU, the rest run from system RAM (slower).`,
    );
  }
  parts.push(`-np ${parallel}`);
  if (gpuCount(i) > 1) {
    parts.push('--split-mode layer');
    notes.push(
      '--split-mode layer is the default: whole layers go to each GPU, as this estimate assumes.',
    );
  }
  if (parallel > 1)
    notes.push(`-c is the total for all ${parallel} slots: ${i.contextTokens} tokens each.`);
  return { runtime, command: parts.join(' '), note: notes.join(' ') };
}

function ollama(i: CommandInput): RuntimeCommand {
  const runtime = 'Ollama';
  if (i.quant.format !== 'gguf') {
    return { runtime, command: null, note: 'Ollama runs GGUF files; pick a GGUF quantization.' };
  }
  const env = [`OLLAMA_CONTEXT_LENGTH=${i.contextTokens}`];
  if (i.flashAttention) env.push('OLLAMA_FLASH_ATTENTION=1');
  const notes: string[] = [];
  if (OLLAMA_KV_TYPES.includes(i.kvType)) {
    if (i.kvType !== 'f16') env.push(`OLLAMA_KV_CACHE_TYPE=${i.kvType}`);
    if (i.kvType !== 'f16' && !i.flashAttention) {
      notes.push('Ollama quantizes the KV cache only with flash attention on.');
    }
  } else {
    notes.push(
      `Ollama cannot use a ${i.kvType} KV cache (only f16, q8_0 or q4_0); it will use f16.`,
    );
  }
  if (i.parallel > 1) env.push(`OLLAMA_NUM_PARALLEL=${i.parallel}`);
  notes.unshift(`Set these on the server: ${env.join(' ')} ollama serve.`, GGUF_REPO_NOTE);
  if (!fits(i))
    notes.push('Ollama moves layers to system RAM by itself when the model does not fit.');
  return {
    runtime,
    command: `ollama run hf.co/${ggufRepoPlaceholder(i.model)}:${i.quant.id}`,
    note: notes.join(' '),
  };
}

/** vLLM --quantization value for a safetensors format, when one applies. */
function vllmQuantization(quantId: string): string | null {
  if (quantId === 'FP8') return 'fp8';
  if (quantId === 'AWQ-INT4') return 'awq';
  if (quantId === 'GPTQ-INT4') return 'gptq';
  return null;
}

/**
 * Tensor x pipeline parallel sizes for `gpus` GPUs: vLLM needs attention heads divisible by
 * the tensor-parallel size, and KV heads divisible by it (or it divisible by the KV heads, which
 * are then replicated). MLA models have no separate KV heads to split.
 */
function parallelSplit(model: ModelSpec, gpus: number): { tp: number; pp: number } {
  const { heads, kvHeads, mla } = model.arch;
  const ok = (tp: number) =>
    heads % tp === 0 && (mla !== undefined || kvHeads % tp === 0 || tp % kvHeads === 0);
  for (let tp = gpus; tp >= 1; tp--) {
    if (gpus % tp === 0 && ok(tp)) return { tp, pp: gpus / tp };
  }
  return { tp: 1, pp: gpus };
}

function vllm(i: CommandInput): RuntimeCommand {
  const runtime = 'vLLM';
  if (i.quant.format !== 'safetensors') {
    return {
      runtime,
      command: null,
      note: 'vLLM serves the safetensors checkpoint; choose a safetensors format.',
    };
  }
  const notes: string[] = [];
  let kvDtype = 'auto';
  if (i.kvType === 'fp8') kvDtype = 'fp8';
  else if (i.kvType !== 'f16' && i.kvType !== 'bf16') {
    kvDtype = i.kvType === 'f32' ? 'auto' : 'fp8';
    notes.push(`vLLM has no ${i.kvType} KV cache; its options are auto (16-bit) and fp8.`);
  }
  const gpus = gpuCount(i);
  const { tp, pp } = parallelSplit(i.model, gpus);
  const parts = [
    `vllm serve ${i.model.id}`,
    `--max-model-len ${i.contextTokens}`,
    `--kv-cache-dtype ${kvDtype}`,
    `--tensor-parallel-size ${tp}`,
  ];
  if (pp > 1) {
    parts.push(`--pipeline-parallel-size ${pp}`);
    const { heads, kvHeads, mla } = i.model.arch;
    const what = mla
      ? `${heads} attention heads`
      : `${heads} attention heads and ${kvHeads} KV heads`;
    notes.push(
      `Tensor parallelism needs the ${what} to split evenly over ${gpus} GPUs; they do not, so this adds --pipeline-parallel-size ${pp}.`,
    );
  }
  const q = vllmQuantization(i.quant.id);
  if (q) parts.push(`--quantization ${q}`);
  if (i.quant.id === 'ST-FP16') parts.push('--dtype float16');
  if (i.parallel > 1) parts.push(`--max-num-seqs ${i.parallel}`);
  if (q === 'awq' || q === 'gptq') {
    notes.push(
      `${i.quant.label} weights come from a separate repo: replace the model id with a ${i.quant.label} upload of this model.`,
    );
  } else if (q === 'fp8') {
    notes.push(
      '--quantization fp8 converts 16-bit weights to FP8 while loading; an FP8 checkpoint works too.',
    );
  } else if (
    i.quant.id !== 'ST-BF16' &&
    i.quant.id !== 'ST-FP16' &&
    i.model.arch.nativeExpertFormat !== i.quant.id
  ) {
    notes.push(
      `${i.quant.label} needs a pre-quantized checkpoint: replace the model id with one; vLLM reads the format from its config.`,
    );
  }
  notes.push(
    'vLLM takes 90% of each GPU by default (--gpu-memory-utilization 0.9) and fills what the weights leave with KV cache.',
  );
  if (!fits(i)) {
    notes.push(
      'It does not fit on the selected GPUs: vLLM keeps weights in GPU memory (--cpu-offload-gb moves some to RAM, slowly).',
    );
  }
  if (i.device?.vendor === 'Apple') {
    notes.push('vLLM targets NVIDIA and AMD GPUs; on a Mac use llama.cpp, Ollama or LM Studio.');
  }
  return { runtime, command: parts.join(' '), note: notes.join(' ') };
}

function lmStudio(i: CommandInput): RuntimeCommand {
  const runtime = 'LM Studio';
  if (i.quant.format !== 'gguf') {
    return {
      runtime,
      command: null,
      note: 'LM Studio runs GGUF files (or MLX on a Mac); pick a GGUF quantization.',
    };
  }
  const repo = ggufRepoPlaceholder(i.model);
  const notes = [
    'LM Studio runs GGUF with llama.cpp (or MLX on a Mac).',
    GGUF_REPO_NOTE,
    'lms load takes the model key that lms ls prints.',
  ];
  let gpu = 'max';
  if (!fits(i)) {
    const layers = i.model.arch.layers;
    const fraction = layers > 0 ? Math.floor((layersThatFit(i) / layers) * 100) / 100 : 0;
    gpu = fraction <= 0 ? 'off' : String(fraction);
    notes.push(
      `It does not fit whole: --gpu ${gpu} offloads that share of the layers, the rest run from system RAM.`,
    );
  }
  const command = [
    `lms get ${repo}@${i.quant.id.toLowerCase()}`,
    `lms load ${repo} --context-length ${i.contextTokens} --gpu ${gpu}`,
  ].join('\n');
  return { runtime, command, note: notes.join(' ') };
}
