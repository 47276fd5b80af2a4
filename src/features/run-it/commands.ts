import { formatBytes, type ByteUnit } from '../../domain/format';
import type { KvCacheType } from '../../domain/kv-cache';
import { GGUF_PUBLISHERS, type GgufRepo, type ModelSpec, type OllamaTag } from '../../domain/types';
import { MiB } from '../../domain/units';
import type { Selected } from '../../results/selected';

/** The runtimes, as `data-command` names them (shared/design/CONTRACTS.md). */
export type RuntimeId = 'llama.cpp' | 'ollama' | 'vllm' | 'lmstudio' | 'macos';

export interface RuntimeCommand {
  id: RuntimeId;
  /** Display name. */
  runtime: string;
  /** The command exactly as the Copy button copies it; null when none can be given. */
  command: string | null;
  /** Short plain-language notes: where the files come from, what was adapted, limits. */
  notes: string[];
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
 * The GGUF repository to name for `quantId`: among the model's sourced repositories
 * (catalog/downloads) those that hold that file type, by publisher order; null when none does.
 */
export function ggufRepoFor(model: ModelSpec, quantId: string): GgufRepo | null {
  const repos = (model.downloads?.gguf ?? []).filter((r) => r.quants.includes(quantId));
  repos.sort((a, b) => GGUF_PUBLISHERS.indexOf(a.publisher) - GGUF_PUBLISHERS.indexOf(b.publisher));
  return repos[0] ?? null;
}

/** The Ollama library tag for `quantId` (the shortest one, the library's default before explicit ones). */
export function ollamaTagFor(model: ModelSpec, quantId: string): OllamaTag | null {
  const tags = (model.downloads?.ollama ?? []).filter((t) => t.quant === quantId);
  tags.sort((a, b) => a.tag.length - b.tag.length);
  return tags[0] ?? null;
}

/** "bartowski/X (Q4_K_M, Q8_0); unsloth/Y (BF16)": what the catalog knows of, for a "none found" note. */
function knownRepos(model: ModelSpec): string {
  const repos = model.downloads?.gguf ?? [];
  if (repos.length === 0) return 'no GGUF repository is listed for this model';
  return repos.map((r) => `${r.repo} (${r.quants.join(', ')})`).join('; ');
}

/**
 * Commands that start the selected configuration in four runtimes, for exactly the configuration
 * the figures describe. Every flag is documented:
 * - llama.cpp `llama-server` (ggml-org/llama.cpp tools/server/README.md): `-hf <user>/<repo>:<quant>`
 *   downloads that file type, `-c` total context of all slots, `-np` slots, `-ctk` / `-ctv`
 *   cache types, `-fa on|off`, `-ngl` layers on the GPU, `--n-cpu-moe N` (expert weights of the
 *   first N layers stay in system RAM). A quantized V cache needs flash attention: with it off, V
 *   stays f16 (estimate-cache.ts kvTypesFor), and the command says so.
 * - Ollama: `ollama run <library tag>`, else `ollama run hf.co/<user>/<repo>:<quant>`
 *   (huggingface.co/docs/hub/ollama); the server's OLLAMA_CONTEXT_LENGTH, OLLAMA_FLASH_ATTENTION,
 *   OLLAMA_KV_CACHE_TYPE (f16, q8_0, q4_0; needs flash attention) and OLLAMA_NUM_PARALLEL
 *   (docs/faq.md).
 * - vLLM `vllm serve` (docs.vllm.ai engine arguments): `--max-model-len`, `--kv-cache-dtype`,
 *   `--tensor-parallel-size`, `--pipeline-parallel-size`, `--max-num-seqs`; no `--quantization`
 *   for AWQ/GPTQ checkpoints (vLLM reads the method from the checkpoint and picks its Marlin
 *   kernel; forcing `awq` selects the slow one), `--quantization fp8` only to quantize 16-bit
 *   weights while loading.
 * - LM Studio `lms` (lmstudio.ai/docs/cli): `lms get <user>/<repo>@<quant>`, `lms load`.
 * Repositories and tags come from catalog/downloads, each with a source; where none is known for
 * the chosen file type, the command is withheld and the note says so.
 */
export function buildCommands(s: Selected, unit: ByteUnit): RuntimeCommand[] {
  return [llamaCpp(s, unit), ollama(s), vllm(s), lmStudio(s)];
}

/**
 * `sudo sysctl iogpu.wired_limit_mb=<MB>` for the raised GPU limit the figures assume on a Mac
 * (the usable bytes, in MiB); null when the option is off or the device is not a Mac.
 */
export function macLimitCommand(s: Selected): string | null {
  const d = s.resolved.device;
  if (!d || d.vendor !== 'Apple' || !s.hardware.usable.raisedUnifiedLimit || !s.fit) return null;
  return `sudo sysctl iogpu.wired_limit_mb=${Math.floor(s.fit.usableBytesPerGpu / MiB)}`;
}

function runsOnGpu(s: Selected): boolean {
  return s.fit === null || s.fit.verdict !== 'no';
}

function llamaCpp(s: Selected, unit: ByteUnit): RuntimeCommand {
  const base = { id: 'llama.cpp' as const, runtime: 'llama.cpp' };
  const { model, quant } = s.resolved;
  if (quant.format !== 'gguf') {
    return {
      ...base,
      command: null,
      notes: ['llama.cpp runs GGUF files: pick a GGUF quantization.'],
    };
  }
  const repo = ggufRepoFor(model, quant.id);
  if (!repo) {
    return {
      ...base,
      command: null,
      notes: [
        `No published ${quant.label} GGUF of this model is known to us (${knownRepos(model)}); we name none rather than guess.`,
      ],
    };
  }
  const notes = [`File: ${repo.repo}, ${quant.label} (${repo.source.title}).`];
  const kvOk = LLAMA_CPP_KV_TYPES.includes(s.kv.typeK);
  const typeK = kvOk ? s.kv.typeK : 'q8_0';
  const typeV = kvOk ? s.kv.typeV : s.run.flashAttention ? 'q8_0' : 'f16';
  if (!kvOk) notes.push(`llama.cpp has no ${s.kv.typeK} cache; q8_0 is its 8-bit type.`);
  if (s.kv.vKeptF16)
    notes.push(
      'With flash attention off llama.cpp cannot quantize V, so V stays f16 (as the figures assume).',
    );
  const parallel = s.run.parallel;
  const parts = [
    `llama-server -hf ${repo.repo}:${quant.id}`,
    `-c ${s.run.contextTokens * parallel}`,
    `-ctk ${typeK} -ctv ${typeV}`,
    `-fa ${s.run.flashAttention ? 'on' : 'off'}`,
  ];
  const allLayers = model.arch.layers < 99 ? '99' : '999';
  const plan = s.offload;
  if (runsOnGpu(s) || !plan || plan.mode === 'none') {
    parts.push(`-ngl ${allLayers}`);
    if (!runsOnGpu(s)) notes.push('It does not fit the selected GPU, not even with offload.');
  } else if (plan.mode === 'experts') {
    parts.push(`-ngl ${allLayers}`, `--n-cpu-moe ${model.arch.layers}`);
    notes.push(
      `--n-cpu-moe ${model.arch.layers} keeps every expert weight in system RAM (${formatBytes(plan.ramBytes, unit)} there, as the figures assume); generation gets slower.`,
    );
  } else {
    parts.push(`-ngl ${plan.gpuLayers}`);
    notes.push(
      `-ngl ${plan.gpuLayers} puts ${plan.gpuLayers} of ${plan.layers} layers on the GPU; the rest run from system RAM (slower).`,
    );
  }
  parts.push(`-np ${parallel}`);
  if (parallel > 1)
    notes.push(`-c is the total for all ${parallel} slots: ${s.run.contextTokens} tokens each.`);
  if (s.fit && s.fit.gpus > 1)
    notes.push(
      'Layers are split over the GPUs (--split-mode layer, the default), as the figures assume.',
    );
  return { ...base, command: parts.join(' '), notes };
}

function ollama(s: Selected): RuntimeCommand {
  const base = { id: 'ollama' as const, runtime: 'Ollama' };
  const { model, quant } = s.resolved;
  if (quant.format !== 'gguf') {
    return { ...base, command: null, notes: ['Ollama runs GGUF files: pick a GGUF quantization.'] };
  }
  const tag = ollamaTagFor(model, quant.id);
  const repo = ggufRepoFor(model, quant.id);
  let command: string;
  const notes: string[] = [];
  if (tag) {
    command = `ollama run ${tag.tag}`;
    notes.push(`Ollama library tag ${tag.tag} holds ${quant.label} weights (${tag.source.title}).`);
  } else if (repo) {
    command = `ollama run hf.co/${repo.repo}:${quant.id}`;
    notes.push(
      `No Ollama library tag is known for ${quant.label}: this pulls the GGUF from ${repo.repo}.`,
    );
  } else {
    return {
      ...base,
      command: null,
      notes: [
        `No Ollama tag or GGUF repository with ${quant.label} is known to us for this model.`,
      ],
    };
  }
  const env = [`OLLAMA_CONTEXT_LENGTH=${s.run.contextTokens}`];
  if (s.run.flashAttention) env.push('OLLAMA_FLASH_ATTENTION=1');
  if (s.run.kvType !== 'f16') {
    if (!OLLAMA_KV_TYPES.includes(s.run.kvType))
      notes.push(`Ollama has no ${s.run.kvType} cache (only f16, q8_0, q4_0): it uses f16.`);
    else if (!s.run.flashAttention)
      notes.push('Ollama quantizes the cache only with flash attention on: it uses f16.');
    else env.push(`OLLAMA_KV_CACHE_TYPE=${s.run.kvType}`);
  }
  if (s.run.parallel > 1) env.push(`OLLAMA_NUM_PARALLEL=${s.run.parallel}`);
  notes.push(`Start the server with these settings: ${env.join(' ')} ollama serve`);
  if (!runsOnGpu(s))
    notes.push('Ollama moves layers to system RAM by itself when the model does not fit.');
  return { ...base, command, notes };
}

/**
 * Tensor x pipeline parallel sizes for `gpus` GPUs: vLLM needs the attention heads divisible by
 * the tensor-parallel size, and the KV heads divisible by it (or it by the KV heads, which are
 * then replicated). MLA models have no separate KV heads to split.
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

function vllm(s: Selected): RuntimeCommand {
  const base = { id: 'vllm' as const, runtime: 'vLLM' };
  const { model, quant, device } = s.resolved;
  if (quant.format !== 'safetensors') {
    return {
      ...base,
      command: null,
      notes: [
        'vLLM serves safetensors checkpoints: tick “vLLM / safetensors formats” and pick one.',
      ],
    };
  }
  const native =
    quant.id === 'ST-BF16' || quant.id === 'ST-FP16' || model.arch.nativeExpertFormat === quant.id;
  if (!native && quant.id !== 'FP8') {
    return {
      ...base,
      command: null,
      notes: [
        `${quant.label} needs a pre-quantized checkpoint of this model; we know of none to name. With one, run vllm serve <its repo>: vLLM reads the method from its config (no --quantization flag).`,
      ],
    };
  }
  const notes: string[] = [];
  let kvDtype = 'auto';
  if (s.run.kvType === 'fp8') kvDtype = 'fp8';
  else if (s.run.kvType !== 'f16' && s.run.kvType !== 'bf16') {
    notes.push(`vLLM has no ${s.run.kvType} cache; its options are auto (16-bit) and fp8.`);
  }
  const gpus = s.fit?.gpus ?? 1;
  const { tp, pp } = parallelSplit(model, gpus);
  const parts = [
    `vllm serve ${model.id}`,
    `--max-model-len ${s.run.contextTokens}`,
    `--kv-cache-dtype ${kvDtype}`,
    `--tensor-parallel-size ${tp}`,
  ];
  if (pp > 1) {
    parts.push(`--pipeline-parallel-size ${pp}`);
    notes.push(
      `The heads do not split evenly over ${gpus} GPUs, so this adds --pipeline-parallel-size ${pp}.`,
    );
  }
  if (quant.id === 'FP8') {
    parts.push('--quantization fp8');
    notes.push('--quantization fp8 converts the 16-bit weights to FP8 while loading.');
  }
  if (quant.id === 'ST-FP16') parts.push('--dtype float16');
  if (s.run.parallel > 1) parts.push(`--max-num-seqs ${s.run.parallel}`);
  notes.push(
    'vLLM takes 90% of each GPU by default (--gpu-memory-utilization 0.9) and fills what the weights leave with KV cache.',
  );
  if (!runsOnGpu(s))
    notes.push('It does not fit the selected GPUs: vLLM keeps the weights in GPU memory.');
  if (device?.vendor === 'Apple')
    notes.push('vLLM targets NVIDIA and AMD GPUs; on a Mac use llama.cpp, Ollama or LM Studio.');
  return { ...base, command: parts.join(' '), notes };
}

function lmStudio(s: Selected): RuntimeCommand {
  const base = { id: 'lmstudio' as const, runtime: 'LM Studio' };
  const { model, quant } = s.resolved;
  if (quant.format !== 'gguf') {
    return {
      ...base,
      command: null,
      notes: ['LM Studio runs GGUF files (or MLX on a Mac): pick a GGUF quantization.'],
    };
  }
  const repo = ggufRepoFor(model, quant.id);
  if (!repo) {
    return {
      ...base,
      command: null,
      notes: [
        `No published ${quant.label} GGUF of this model is known to us; we name none rather than guess.`,
      ],
    };
  }
  const notes = [
    'lms get downloads the file; load it in the app or with lms load and the key lms ls prints.',
  ];
  if (!runsOnGpu(s))
    notes.push(
      'It does not fit whole: lower “GPU offload” in the load settings; the rest runs from system RAM.',
    );
  return { ...base, command: `lms get ${repo.repo}@${quant.id.toLowerCase()}`, notes };
}
