import { describe, expect, it } from 'vitest';
import { countParams, listTensors } from '../../src/domain/tensors';
import { ggufWeights, safetensorsWeights } from '../../src/domain/weights';
import type { GgufFileType } from '../../src/domain/gguf-recipe';
import type { GgmlType } from '../../src/domain/ggml-types';
import {
  GPT_OSS_20B,
  LLAMA_31_8B,
  MIXTRAL_8X7B,
  QWEN25_7B,
  QWEN3_NEXT_80B,
} from '../fixtures/archs';

interface FileCase {
  model: 'llama' | 'qwen';
  quant: string;
  /** Exact bytes from the Git LFS pointer, or decimal GB from the HF file listing (3 significant digits). */
  bytes?: number;
  gb?: number;
  source: string;
}

const HF = 'https://huggingface.co/bartowski';
/** Published GGUF sizes, copied from shared/reference/calibration.json (gguf_sizes). */
const PUBLISHED: FileCase[] = [
  {
    model: 'llama',
    quant: 'Q4_K_M',
    bytes: 4920739232,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/commit/4f0c246f125fc7594238ebe7beb1435a8335f519`,
  },
  {
    model: 'llama',
    quant: 'Q5_K_M',
    bytes: 5732992416,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/commit/41ac0c36227fe72f663f66ba64ad0964014da054`,
  },
  {
    model: 'llama',
    quant: 'Q3_K_L',
    bytes: 4321961376,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/commit/8e15494810517daa806e2bcdcfb83cdc73c29a45`,
  },
  {
    model: 'llama',
    quant: 'Q4_K_L',
    bytes: 5310632896,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/commit/7cbac9881964b4c07e9d7097c4f5c2f5e132c78c`,
  },
  {
    model: 'llama',
    quant: 'IQ2_M',
    gb: 2.95,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/tree/8c92eab4d333ad44ab11f085113071244a161c4a`,
  },
  {
    model: 'llama',
    quant: 'IQ3_XS',
    gb: 3.52,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/tree/8c92eab4d333ad44ab11f085113071244a161c4a`,
  },
  {
    model: 'llama',
    quant: 'IQ3_M',
    gb: 3.78,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/tree/8c92eab4d333ad44ab11f085113071244a161c4a`,
  },
  {
    model: 'llama',
    quant: 'IQ4_XS',
    gb: 4.45,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/tree/8c92eab4d333ad44ab11f085113071244a161c4a`,
  },
  {
    model: 'llama',
    quant: 'Q2_K',
    gb: 3.18,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/tree/8c92eab4d333ad44ab11f085113071244a161c4a`,
  },
  {
    model: 'llama',
    quant: 'Q2_K_L',
    gb: 3.69,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/tree/8c92eab4d333ad44ab11f085113071244a161c4a`,
  },
  {
    model: 'llama',
    quant: 'Q3_K_M',
    gb: 4.02,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/tree/e781cb408ef3111b8da52b3fa4877572bf27c19e`,
  },
  {
    model: 'llama',
    quant: 'Q3_K_XL',
    gb: 4.78,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/tree/e781cb408ef3111b8da52b3fa4877572bf27c19e`,
  },
  {
    model: 'llama',
    quant: 'Q4_K_S',
    gb: 4.69,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/tree/4c506ee36f8097e80414dd2ed2dcf7055cae89e5`,
  },
  {
    model: 'llama',
    quant: 'Q5_K_S',
    gb: 5.6,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/tree/4c506ee36f8097e80414dd2ed2dcf7055cae89e5`,
  },
  {
    model: 'llama',
    quant: 'Q5_K_L',
    gb: 6.06,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/tree/4c506ee36f8097e80414dd2ed2dcf7055cae89e5`,
  },
  {
    model: 'llama',
    quant: 'Q6_K',
    gb: 6.6,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/tree/4c506ee36f8097e80414dd2ed2dcf7055cae89e5`,
  },
  {
    model: 'llama',
    quant: 'Q6_K_L',
    gb: 6.85,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/tree/3bbbfd93344f500fd3077dbd6ceec91aae9763de`,
  },
  {
    model: 'llama',
    quant: 'Q8_0',
    gb: 8.54,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/tree/36f4a587c7a442d602f3a40df45aba4449bb9898`,
  },
  {
    model: 'llama',
    quant: 'BF16',
    gb: 16.1,
    source: `${HF}/Meta-Llama-3.1-8B-Instruct-GGUF/tree/36f4a587c7a442d602f3a40df45aba4449bb9898`,
  },
  {
    model: 'qwen',
    quant: 'Q4_K_M',
    bytes: 4683074048,
    source: `${HF}/Qwen2.5-7B-Instruct-GGUF/commit/c4d0b0e03a7f4ab8901ecf6764d4dffba760d81f`,
  },
  {
    model: 'qwen',
    quant: 'Q5_K_M',
    bytes: 5444831744,
    source: `${HF}/Qwen2.5-7B-Instruct-GGUF/commit/e3139f509834c9ba5671ba0d7f32dccd5c7acaf8`,
  },
  {
    model: 'qwen',
    quant: 'Q3_K_M',
    bytes: 3808391680,
    source: `${HF}/Qwen2.5-7B-Instruct-GGUF/commit/d105b7ccb4022bb3d4805cba95a4367cc3fb02e4`,
  },
  {
    model: 'qwen',
    quant: 'Q6_K_L',
    bytes: 6518182400,
    source: `${HF}/Qwen2.5-7B-Instruct-GGUF/commit/30b90c53760f98754587449120c182a8f3ba402e`,
  },
  {
    model: 'qwen',
    quant: 'Q4_K_L',
    bytes: 5087564480,
    source: `${HF}/Qwen2.5-7B-Instruct-GGUF/commit/379d7c027cb678c2844f82285988ecb3d235b303`,
  },
  {
    model: 'qwen',
    quant: 'Q2_K_L',
    bytes: 3548164800,
    source: `${HF}/Qwen2.5-7B-Instruct-GGUF/commit/f4b6063c19a94c15fe9031d8afbbb9df7ec8b93f`,
  },
  {
    model: 'qwen',
    quant: 'Q3_K_XL',
    bytes: 4565332672,
    source: `${HF}/Qwen2.5-7B-Instruct-GGUF/commit/24bb1e7eda1561ca444f1f8b7213d12c0e6442bd`,
  },
];

/** bartowski's `_L` / `_XL` uploads: the base recipe with token_embd and output in Q8_0 (calibration.json notes). */
function recipeOf(quant: string): { ftype: GgufFileType; embedOutputType?: GgmlType } {
  const variants: Record<string, GgufFileType> = {
    Q4_K_L: 'Q4_K_M',
    Q5_K_L: 'Q5_K_M',
    Q6_K_L: 'Q6_K',
    Q2_K_L: 'Q2_K',
    Q3_K_XL: 'Q3_K_L',
  };
  const base = variants[quant];
  return base ? { ftype: base, embedOutputType: 'Q8_0' } : { ftype: quant as GgufFileType };
}

describe('GGUF file size from llama.cpp recipes', () => {
  it.each(PUBLISHED)('$model $quant matches the published file within 0.5%', (c) => {
    const arch = c.model === 'llama' ? LLAMA_31_8B : QWEN25_7B;
    const { ftype, embedOutputType } = recipeOf(c.quant);
    const est = ggufWeights(arch, ftype, embedOutputType ? { embedOutputType } : {});
    const published = c.bytes ?? (c.gb ?? 0) * 1e9;
    expect(Math.abs(est.fileBytes - published) / published).toBeLessThan(0.005);
    if (c.gb !== undefined) {
      // The listing rounds to 3 significant digits: the estimate must round to the same figure.
      expect(Number((est.fileBytes / 1e9).toPrecision(3))).toBe(c.gb);
    }
  });

  it('reproduces the exact-byte K-quant files to within a few KB (metadata of the upload)', () => {
    for (const c of PUBLISHED.filter((p) => p.bytes !== undefined)) {
      const arch = c.model === 'llama' ? LLAMA_31_8B : QWEN25_7B;
      const { ftype, embedOutputType } = recipeOf(c.quant);
      const est = ggufWeights(arch, ftype, embedOutputType ? { embedOutputType } : {});
      expect(Math.abs(est.fileBytes - (c.bytes ?? 0))).toBeLessThan(5000);
    }
  });

  // Bits per weight of tensor data for meta-llama/Llama-3.1-8B in llama.cpp's tools/quantize
  // README (commit 311c2c9f; copied into gguf-quant-types.json measured_bpw_llama31_8b). The
  // README's files were made without an importance matrix.
  it.each([
    ['F16', 16.0005],
    ['Q8_0', 8.5008],
    ['Q6_K', 6.5633],
    ['Q5_K_M', 5.7036],
    ['Q5_K_S', 5.5704],
    ['Q4_K_M', 4.8944],
    ['Q4_K_S', 4.6672],
    ['IQ4_NL', 4.6818],
    ['IQ4_XS', 4.4597],
    ['Q3_K_L', 4.2979],
    ['Q3_K_S', 3.6429],
    ['IQ3_M', 3.7628],
    ['IQ3_S', 3.6606],
    ['IQ3_XS', 3.4977],
    ['Q2_K', 3.1593],
    ['Q2_K_S', 2.9697],
    ['IQ2_M', 2.9294],
    ['IQ2_S', 2.7403],
    ['IQ2_XS', 2.5882],
    ['IQ2_XXS', 2.3824],
    ['IQ1_M', 2.146],
    ['IQ1_S', 2.0042],
  ] as const)('Llama-3.1-8B %s is %f bits per weight (llama.cpp quantize README)', (ftype, bpw) => {
    const est = ggufWeights(LLAMA_31_8B, ftype, { imatrix: false });
    expect(est.bitsPerWeight).toBeCloseTo(bpw, 3);
  });

  it('IQ3_XXS matches the README figure with an importance matrix (llama.cpp requires one)', () => {
    expect(ggufWeights(LLAMA_31_8B, 'IQ3_XXS', { imatrix: true }).bitsPerWeight).toBeCloseTo(
      3.2548,
      3,
    );
  });

  it('Mixtral 8x7B Q4_K_M is about 28.4 GB under the current recipe (ESTIMATION.md)', () => {
    const gb = ggufWeights(MIXTRAL_8X7B, 'Q4_K_M').fileBytes / 1e9;
    expect(Math.abs(gb - 28.4) / 28.4).toBeLessThan(0.005);
  });

  it('keeps gpt-oss experts in MXFP4: Q2_K..Q5_K_M all land near 11.5-11.7 GB (unsloth gpt-oss-20b GGUFs)', () => {
    for (const q of ['Q2_K', 'Q3_K_M', 'Q4_K_M', 'Q5_K_M'] as const) {
      const gb = ggufWeights(GPT_OSS_20B, q).fileBytes / 1e9;
      expect(gb).toBeGreaterThan(11.5 * 0.985);
      expect(gb).toBeLessThan(11.7 * 1.015);
    }
  });

  it('splits weights like llama.cpp logs them: CPU buffer 281.81 MiB, CUDA0 buffer 4403.49 MiB', () => {
    // Llama 3 8B Q4_K_M, all layers offloaded, build 2824 on an RTX 4090
    // (XiongjieDai/GPU-Benchmarks-on-LLM-Inference "LLaMA 3/Gaming GPUs/4090_v3.ipynb" @ 9232c8d5).
    const w = ggufWeights(LLAMA_31_8B, 'Q4_K_M');
    expect((w.hostBytes / 2 ** 20).toFixed(2)).toBe('281.81');
    expect((w.deviceBytes / 2 ** 20).toFixed(2)).toBe('4403.49');
  });

  it('keeps the token embedding in host RAM (llama.cpp never offloads the input layer)', () => {
    const w = ggufWeights(LLAMA_31_8B, 'Q4_K_M');
    // token_embd 128256 x 4096 in Q4_K = 295,501,824 B (144 B per 256 weights)
    expect(w.hostBytes).toBe(295_501_824);
    expect(w.deviceBytes).toBe(w.tensorBytes - w.hostBytes);
  });
});

describe('parameter counts implied by config.json', () => {
  // HF safetensors totals (models.json total_params, from the HF API).
  it.each([
    ['Llama-3.1-8B', LLAMA_31_8B, 8_030_261_248],
    ['Qwen2.5-7B', QWEN25_7B, 7_615_616_512],
    ['Mixtral-8x7B', MIXTRAL_8X7B, 46_702_792_704],
  ] as const)('%s has %i parameters', (_name, arch, params) => {
    expect(countParams(listTensors(arch))).toBe(params);
  });

  it('Qwen3-Next-80B-A3B comes to about 80B (model name and transformers docs)', () => {
    expect(countParams(listTensors(QWEN3_NEXT_80B)) / 1e9).toBeCloseTo(80, -1);
  });
});

describe('safetensors formats', () => {
  it('BF16 is two bytes per parameter (Llama-3.1-8B safetensors: 16.06 GB)', () => {
    const w = safetensorsWeights(LLAMA_31_8B, 'ST-BF16');
    expect(w.fileBytes).toBe(2 * 8_030_261_248);
  });

  it('AWQ INT4 g128 keeps embeddings and LM head in 16-bit', () => {
    const w = safetensorsWeights(LLAMA_31_8B, 'AWQ-INT4');
    // 2 x 128256 x 4096 x 2 B of embedding + head alone = 2.10 GB
    expect(w.byType['16-bit']).toBeGreaterThan(2 * 128256 * 4096 * 2);
    expect(w.bitsPerWeight).toBeGreaterThan(5);
    expect(w.bitsPerWeight).toBeLessThan(6);
  });

  it('MXFP4 applies only to the experts of a model that ships them natively', () => {
    const w = safetensorsWeights(GPT_OSS_20B, 'MXFP4');
    // openai/gpt-oss-20b safetensors: 13.8 GB on Hugging Face (model card: "fits in 16 GB").
    expect(w.fileBytes / 1e9).toBeGreaterThan(12.5);
    expect(w.fileBytes / 1e9).toBeLessThan(14.5);
  });
});
