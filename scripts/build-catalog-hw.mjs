#!/usr/bin/env node
/**
 * Builds the hardware and quantization catalogs from the shared reference data:
 *   ../shared/reference/gpus.json             -> public/data/gpus.json
 *   ../shared/reference/gguf-quant-types.json -> public/data/quantizations.json
 *
 * Plain ESM, no dependencies. Run from anywhere: `node scripts/build-catalog-hw.mjs`.
 * Output shapes follow DeviceSpec / QuantSpec / Source in src/domain/types.ts exactly.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const refDir = resolve(repoRoot, '..', 'shared', 'reference');
const outDir = join(repoRoot, 'public', 'data');

const readJson = (name) => JSON.parse(readFileSync(join(refDir, name), 'utf8'));

function fail(msg) {
  throw new Error(`build-catalog-hw: ${msg}`);
}

/* ------------------------------------------------------------------ */
/* Devices                                                             */
/* ------------------------------------------------------------------ */

const APPLE_NOTE_BASE =
  'Community-observed default Metal limit (recommendedMaxWorkingSetSize), not an Apple spec: ' +
  'about 67% of RAM on Macs with 36 GB or less, about 75% above ' +
  '(one macOS 26 report: 107.52 GiB of 128 GiB on an M5 Max). ' +
  'Raise it until reboot with `sudo sysctl iogpu.wired_limit_mb=<MB>`, leaving headroom for the OS.';

const RYZEN_AI_MAX_NOTE =
  'Windows: the AMD driver/BIOS lets up to 96 GB of the 128 GB be assigned as VRAM (96/128 = 0.75). ' +
  'Linux can address roughly 115-120 GB through GTT, so more is usable there.';

const UNPUBLISHED_NOTE = 'Shared with the OS; no published GPU limit';

/**
 * Extra per-device information for unified devices without a published GPU limit.
 * Searched (pages/docs) for a citable usable fraction for DGX Spark and Jetson AGX
 * Orin/Thor: none found; sources only say the pool is shared with the OS.
 */
const UNIFIED_NO_LIMIT = {
  'nvidia-dgx-spark': {
    note:
      `${UNPUBLISHED_NOTE}. The 128 GB pool is coherent between the Arm CPU and the GPU; ` +
      'llama.cpp sizes the GPU from the OS-reported available memory (/proc/meminfo) because ' +
      'cudaMemGetInfo misreports on this UMA system.',
    extraSources: [
      {
        title:
          'ggml-org/llama.cpp PR #17368 "DGX Spark: UMA support" (free GPU memory read from /proc/meminfo on UMA)',
        url: 'https://github.com/ggml-org/llama.cpp/pull/17368',
      },
    ],
  },
  'nvidia-jetson-agx-orin-64gb': {
    note: `${UNPUBLISHED_NOTE}. CPU, GPU and other accelerators share one LPDDR5 pool.`,
    extraSources: [],
  },
  'nvidia-jetson-agx-thor': {
    note: `${UNPUBLISHED_NOTE}. CPU and GPU share one LPDDR5X pool.`,
    extraSources: [],
  },
};

function mapSource(s) {
  if (!s || typeof s.title !== 'string' || typeof s.url !== 'string') {
    fail(`bad source ${JSON.stringify(s)}`);
  }
  // Source has only {title, url}; keep the reference's provenance note in the title.
  const title = s.note ? `${s.title} (${s.note})` : s.title;
  return { title, url: s.url };
}

function isUnified(e) {
  return typeof e.memory_type === 'string' && /^unified/i.test(e.memory_type);
}

function buildDevices(ref) {
  const byId = new Map(ref.map((e) => [e.id, e]));
  const notes = [];
  const devices = ref.map((e) => {
    const multi = e.is_multi_gpu === true;
    const gpuCount = multi ? e.gpu_count : 1;
    const memoryGb = multi ? e.per_gpu_memory_gb : e.memory_gb;
    const bandwidthGbS = multi ? e.per_gpu_memory_bandwidth_gb_s : e.memory_bandwidth_gb_s;

    // fp16Tflops is per GPU. Multi-GPU entries in the reference give the aggregate.
    let fp16Tflops = e.fp16_tflops ?? null;
    if (multi && fp16Tflops !== null) {
      const perGpu = byId.get(e.per_gpu_id)?.fp16_tflops ?? null;
      const divided = Math.round((fp16Tflops / gpuCount) * 1000) / 1000;
      if (perGpu !== null && Math.abs(perGpu - divided) > 0.01) {
        notes.push(
          `${e.id}: aggregate fp16_tflops / gpu_count = ${divided} differs from ${e.per_gpu_id} (${perGpu}); used ${perGpu}.`,
        );
      }
      fp16Tflops = perGpu ?? divided;
    }

    let unifiedUsableFraction = null;
    let unifiedUsableNote = null;
    const sources = (e.sources ?? []).map(mapSource);

    if (isUnified(e)) {
      if (e.vendor === 'Apple') {
        const f = e.default_gpu_memory_fraction_estimate;
        if (typeof f !== 'number')
          fail(`${e.id}: Apple entry without default_gpu_memory_fraction_estimate`);
        unifiedUsableFraction = f;
        unifiedUsableNote = `${APPLE_NOTE_BASE} Estimate for this ${e.memory_gb} GB model: ${Math.round(f * 100)}%.`;
      } else if (e.id === 'amd-ryzen-ai-max-395-128gb') {
        if (!/96 GB/.test(e.usable_gpu_memory_note ?? ''))
          fail(`${e.id}: 96 GB Windows limit not in reference note`);
        unifiedUsableFraction = 96 / e.memory_gb;
        unifiedUsableNote = RYZEN_AI_MAX_NOTE;
      } else if (UNIFIED_NO_LIMIT[e.id]) {
        unifiedUsableFraction = null;
        unifiedUsableNote = UNIFIED_NO_LIMIT[e.id].note;
        sources.push(...UNIFIED_NO_LIMIT[e.id].extraSources);
        notes.push(
          `${e.id}: unified memory shared with the OS; no published GPU-usable limit found, so unifiedUsableFraction is null (unknown).`,
        );
      } else {
        fail(`${e.id}: unified-memory device with no rule for its usable fraction`);
      }
    }

    if (sources.length === 0) fail(`${e.id}: no sources`);

    return {
      id: e.id,
      name: e.name,
      vendor: e.vendor,
      segment: e.segment,
      memoryGb,
      bandwidthGbS,
      fp16Tflops,
      gpuCount,
      unifiedUsableFraction,
      unifiedUsableNote,
      releaseYear: e.release_year ?? null,
      sources,
    };
  });
  return { devices, notes };
}

/* ------------------------------------------------------------------ */
/* Quantizations                                                       */
/* ------------------------------------------------------------------ */

/** "github.com/ggml-org/llama.cpp <path> @ <sha> (...)" -> blob URL. */
function llamaCppUrl(sourceText, key) {
  const m = /github\.com\/ggml-org\/llama\.cpp\s+(\S+)\s+@\s+([0-9a-f]{40})/.exec(sourceText ?? '');
  if (!m) fail(`cannot parse llama.cpp source "${key}": ${sourceText}`);
  return `https://github.com/ggml-org/llama.cpp/blob/${m[2]}/${m[1]}`;
}

const GGUF_DESCRIPTIONS = {
  F32: 'Unquantized 32-bit float; twice the size of F16 and rarely worth it for inference.',
  F16: 'Unquantized IEEE half precision, the usual conversion output; effectively lossless.',
  BF16: 'Unquantized bfloat16, the training dtype of most recent models; effectively lossless.',
  Q8_0: '8-bit round-to-nearest in blocks of 32 with one fp16 scale (8.5 bpw); near-lossless.',
  Q6_K: '6-bit K-quant (6.5625 bpw) for every quantized tensor; very close to the original.',
  Q5_K_M: '5-bit K-quant mix: Q5_K with Q6_K on half of attn_v/ffn_down and on the output tensor.',
  Q5_K_S: '5-bit K-quant: Q5_K throughout, output tensor in Q6_K.',
  Q5_1: 'Legacy 5-bit blocks of 32 with scale and minimum (6 bpw); superseded by Q5_K.',
  Q5_0: 'Legacy 5-bit blocks of 32 with one scale (5.5 bpw); superseded by Q5_K.',
  Q4_K_M: '4-bit K-quant mix: Q4_K with Q6_K on half of attn_v/ffn_down; the usual default.',
  Q4_K_S:
    '4-bit K-quant: Q4_K with Q5_K on the first attn_v tensors and the first eighth of ffn_down.',
  Q4_1: 'Legacy 4-bit blocks of 32 with scale and minimum (5 bpw); superseded by Q4_K.',
  Q4_0: 'Legacy 4-bit blocks of 32 with one scale (4.5 bpw); superseded by Q4_K.',
  IQ4_NL: '4-bit non-linear (lookup-table) quant in blocks of 32 (4.5 bpw).',
  IQ4_XS: '4.25-bpw non-linear i-quant in 256-weight super-blocks; smaller than Q4_K_S.',
  Q3_K_L: '3-bit K-quant mix: Q3_K with Q5_K on attn_v, attn_output and ffn_down.',
  Q3_K_M: '3-bit K-quant mix: Q3_K with Q4_K/Q5_K on attn_v, attn_output and ffn_down.',
  Q3_K_S: '3-bit K-quant: Q3_K almost everywhere; noticeable quality loss.',
  IQ3_M: '3-bit i-quant mix: IQ3_S with Q4_K on attn_v, attn_output and early ffn_down.',
  IQ3_S: '3.44-bpw i-quant (IQ3_S), with Q4_K attn_v on GQA models.',
  IQ3_XS: '3.3-bpw i-quant mix: IQ3_S with IQ3_XXS in the middle layers.',
  IQ3_XXS: '3.06-bpw i-quant; normally made with an importance matrix (imatrix).',
  Q2_K: '2-bit K-quant mix: Q2_K with Q3_K/Q4_K on attn_v, attn_output and ffn_down; large quality loss.',
  Q2_K_S: '2-bit K-quant, a leaner mix than Q2_K; large quality loss.',
  IQ2_M: '2.7-bpw i-quant mix on an IQ2_S base; normally made with an importance matrix.',
  IQ2_S: '2.5-bpw i-quant mix on an IQ2_XS base; normally made with an importance matrix.',
  IQ2_XS: '2.31-bpw i-quant; normally made with an importance matrix.',
  IQ2_XXS: '2.06-bpw i-quant; normally made with an importance matrix; for very large models.',
  IQ1_M: '1.75-bpw i-quant; extreme compression with heavy quality loss.',
  IQ1_S: '1.56-bpw i-quant, the smallest general-purpose type; heavy quality loss.',
  TQ1_0: '1.69-bpw ternary type, only for BitNet-style models trained with ternary weights.',
  TQ2_0: '2.06-bpw ternary type, only for BitNet-style models trained with ternary weights.',
  MXFP4: 'MoE expert tensors in MXFP4 (4.25 bpw), other tensors in Q8_0; how gpt-oss ships.',
};

const GGUF_ID = { MXFP4: 'MXFP4_MOE' };
const GGUF_LABEL = { MXFP4: 'MXFP4 (MoE)' };

function buildGguf(ref) {
  const readmeUrl = llamaCppUrl(ref.sources.quantize_readme, 'quantize_readme');
  const quantizeCppUrl = llamaCppUrl(ref.sources.quantize_cpp, 'quantize_cpp');
  const ggmlCommonUrl = llamaCppUrl(ref.sources.ggml_common_h, 'ggml_common_h');

  const out = ref.file_types.map((f) => {
    const description = GGUF_DESCRIPTIONS[f.file_type];
    if (!description) fail(`no description for GGUF file type ${f.file_type}`);
    const measured = typeof f.measured_bpw_llama31_8b === 'number';
    const bpw = measured ? f.measured_bpw_llama31_8b : f.effective_bpw_for_calculator;
    if (typeof bpw !== 'number' || !(bpw > 0)) fail(`${f.file_type}: no bits per weight`);
    const pplIncrease =
      typeof f.quantize_list_ppl_increase === 'number' ? f.quantize_list_ppl_increase : null;
    // The reference model only means something next to a published figure.
    const pplReference = pplIncrease !== null ? (f.quantize_list_reference_model ?? null) : null;

    const sources = [];
    if (measured) {
      sources.push({
        title: 'llama.cpp tools/quantize/README.md (measured bits/weight and size, Llama-3.1-8B)',
        url: readmeUrl,
      });
    }
    sources.push({
      title:
        'llama.cpp tools/quantize/quantize.cpp (QUANT_OPTIONS: size, perplexity increase, nominal bpw)',
      url: quantizeCppUrl,
    });
    if (!measured && f.effective_bpw_source === 'default_type_bits_per_weight') {
      sources.push({
        title: 'llama.cpp ggml/src/ggml-common.h (block sizes and bytes per block)',
        url: ggmlCommonUrl,
      });
    }

    return {
      id: GGUF_ID[f.file_type] ?? f.file_type,
      format: 'gguf',
      label: GGUF_LABEL[f.file_type] ?? f.file_type,
      nominalBitsPerWeight: bpw,
      description,
      pplIncrease,
      pplReference,
      sources,
    };
  });
  return out;
}

const SAFETENSORS = [
  {
    id: 'ST-BF16',
    label: 'BF16 safetensors',
    nominalBitsPerWeight: 16,
    description:
      'Unquantized bfloat16 checkpoint as published on Hugging Face; 2 bytes per weight.',
    sources: [
      {
        title: 'Hugging Face safetensors documentation',
        url: 'https://huggingface.co/docs/safetensors/index',
      },
    ],
  },
  {
    id: 'ST-FP16',
    label: 'FP16 safetensors',
    nominalBitsPerWeight: 16,
    description: 'Unquantized IEEE half-precision checkpoint; 2 bytes per weight.',
    sources: [
      {
        title: 'Hugging Face safetensors documentation',
        url: 'https://huggingface.co/docs/safetensors/index',
      },
    ],
  },
  {
    id: 'FP8',
    label: 'FP8 (block-scaled)',
    nominalBitsPerWeight: 8,
    description: 'FP8 e4m3 weights with one fp32 scale per 128x128 block (DeepSeek-style).',
    sources: [
      {
        title:
          'deepseek-ai/DeepSeek-V3 config.json (quantization_config: fp8, e4m3, weight_block_size [128, 128])',
        url: 'https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json',
      },
      {
        title: 'deepseek-ai/DeepSeek-V3 README_WEIGHTS.md (FP8 weight file documentation)',
        url: 'https://github.com/deepseek-ai/DeepSeek-V3/blob/main/README_WEIGHTS.md',
      },
    ],
  },
  {
    id: 'INT8',
    label: 'INT8 W8A8',
    nominalBitsPerWeight: 8,
    description:
      'INT8 weights and activations with per-channel weight scales (SmoothQuant / llm-compressor style).',
    sources: [
      {
        title: 'vLLM documentation: INT8 W8A8',
        url: 'https://docs.vllm.ai/en/latest/features/quantization/int8/',
      },
      {
        title: 'SmoothQuant (Xiao et al., 2022), arXiv:2211.10438',
        url: 'https://arxiv.org/abs/2211.10438',
      },
    ],
  },
  {
    id: 'NVFP4',
    label: 'NVFP4',
    nominalBitsPerWeight: 4.5,
    description:
      'NVIDIA 4-bit float: 16-value blocks of E2M1 with an FP8 E4M3 scale, plus one fp32 scale per tensor.',
    sources: [
      {
        title:
          'NVIDIA Technical Blog: Introducing NVFP4 for Efficient and Accurate Low-Precision Inference',
        url: 'https://developer.nvidia.com/blog/introducing-nvfp4-for-efficient-and-accurate-low-precision-inference/',
      },
    ],
  },
  {
    id: 'MXFP4',
    label: 'MXFP4 safetensors',
    nominalBitsPerWeight: 4.25,
    description:
      'OCP microscaling 4-bit float: 32-value E2M1 blocks with an E8M0 scale; gpt-oss ships its experts this way.',
    sources: [
      {
        title: 'OCP Microscaling Formats (MX) v1.0 specification',
        url: 'https://www.opencompute.org/documents/ocp-microscaling-formats-mx-v1-0-spec-final-pdf',
      },
      {
        title: 'Hugging Face Transformers documentation: MXFP4 (gpt-oss quantization_config)',
        url: 'https://huggingface.co/docs/transformers/quantization/mxfp4',
      },
    ],
  },
  {
    id: 'AWQ-INT4',
    label: 'INT4 AWQ g128',
    nominalBitsPerWeight: 4,
    description:
      '4-bit weights with an fp16 scale and 4-bit zero point per group of 128; embeddings and LM head in 16-bit.',
    sources: [
      {
        title: 'AWQ: Activation-aware Weight Quantization (Lin et al., 2023), arXiv:2306.00978',
        url: 'https://arxiv.org/abs/2306.00978',
      },
    ],
  },
  {
    id: 'GPTQ-INT4',
    label: 'INT4 GPTQ g128',
    nominalBitsPerWeight: 4,
    description:
      '4-bit GPTQ weights, same storage as AWQ g128: fp16 scale and zero point per group of 128.',
    sources: [
      {
        title:
          'GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers (Frantar et al., 2022), arXiv:2210.17323',
        url: 'https://arxiv.org/abs/2210.17323',
      },
    ],
  },
];

function buildSafetensors() {
  return SAFETENSORS.map((q) => ({
    id: q.id,
    format: 'safetensors',
    label: q.label,
    nominalBitsPerWeight: q.nominalBitsPerWeight,
    description: q.description,
    pplIncrease: null,
    pplReference: null,
    sources: q.sources,
  }));
}

/** Largest to smallest bits per weight; stable for ties (keeps reference order). */
const byBpwDesc = (list) =>
  list
    .map((q, i) => ({ q, i }))
    .sort((a, b) => b.q.nominalBitsPerWeight - a.q.nominalBitsPerWeight || a.i - b.i)
    .map(({ q }) => q);

/* ------------------------------------------------------------------ */
/* Main                                                                */
/* ------------------------------------------------------------------ */

const gpuRef = readJson('gpus.json');
const quantRef = readJson('gguf-quant-types.json');

const { devices, notes } = buildDevices(gpuRef);
const gpus = { schemaVersion: 1, devices, notes };

const quantizations = {
  schemaVersion: 1,
  quantizations: [...byBpwDesc(buildGguf(quantRef)), ...byBpwDesc(buildSafetensors())],
};

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'gpus.json'), JSON.stringify(gpus, null, 2) + '\n');
writeFileSync(join(outDir, 'quantizations.json'), JSON.stringify(quantizations, null, 2) + '\n');
console.log(
  `wrote ${devices.length} devices (${notes.length} notes) and ${quantizations.quantizations.length} quantizations to ${outDir}`,
);
