import { describe, expect, it } from 'vitest';
import {
  customModelSpec,
  decodeCustomModel,
  decodePattern,
  encodeCustomModel,
  encodePattern,
  FILE_QUANT_ID,
  fileOf,
  fileQuantOf,
  type CustomModel,
} from '../../src/domain/arch-codec';
import { modelSchema } from '../../src/catalog/schema';
import { DEEPSEEK_R1, GEMMA2_9B, GPT_OSS_20B } from '../fixtures/archs';

const GGUF_MODEL: CustomModel = {
  name: 'Gemma 2 9B (my fine-tune) ✓',
  origin: 'gguf',
  arch: GEMMA2_9B,
  maxContextTokens: 8192,
  caveats: ['a caveat'],
  file: {
    fileType: 'Q4_K_M',
    weights: {
      fileBytes: 5_761_057_728,
      tensorBytes: 5_750_000_000,
      deviceBytes: 5_750_000_000,
      hostBytes: 0,
      activeBytes: 5_750_000_000,
      params: 9_241_705_984,
      bitsPerWeight: (5_750_000_000 * 8) / 9_241_705_984,
      expertBytes: 0,
      byType: { Q4_K: 4_000_000_000, Q6_K: 1_749_000_000, F32: 1_000_000 },
    },
  },
};

describe('arch codec: custom models in the share URL', () => {
  it('run-length encodes the layer pattern', () => {
    expect(encodePattern(DEEPSEEK_R1.layerPattern)).toBe('md3me58');
    expect(decodePattern('md3me58')).toEqual(DEEPSEEK_R1.layerPattern);
    expect(decodePattern(encodePattern(GPT_OSS_20B.layerPattern))).toEqual(
      GPT_OSS_20B.layerPattern,
    );
  });

  it('round-trips architecture and exact file bytes, URL-safe and short', () => {
    const encoded = encodeCustomModel(GGUF_MODEL);
    expect(encoded).toMatch(/^[\w-]+$/);
    expect(encoded.length).toBeLessThan(1200);
    expect(decodeCustomModel(encoded)).toEqual(GGUF_MODEL);
  });

  it('round-trips MLA + MoE + MTP (config.json model)', () => {
    const m: CustomModel = {
      name: 'DeepSeek',
      origin: 'config',
      arch: DEEPSEEK_R1,
      maxContextTokens: 163840,
      caveats: [],
      sourceUrl: 'https://huggingface.co/deepseek-ai/DeepSeek-R1-0528',
    };
    const encoded = encodeCustomModel(m);
    expect(encoded.length).toBeLessThan(400);
    expect(decodeCustomModel(encoded)).toEqual(m);
  });

  it('builds a catalog-valid ModelSpec with the file as a quantization', () => {
    const spec = customModelSpec(decodeCustomModel(encodeCustomModel(GGUF_MODEL)));
    expect(modelSchema.safeParse(spec).success).toBe(true);
    expect(spec.id).toBe('custom/Gemma-2-9B-my-fine-tune');
    expect(spec.recommendedQuant).toBe(FILE_QUANT_ID);
    expect(fileOf(spec)?.weights.byType).toEqual(GGUF_MODEL.file?.weights.byType);
    expect(fileQuantOf(spec)?.label).toBe('This file (Q4_K_M)');
  });

  it('rejects links that are not ours', () => {
    expect(() => decodeCustomModel('not*base64')).toThrow();
    expect(() => decodeCustomModel('eyJ2IjoyfQ')).toThrow(/version/); // {"v":2}
    expect(() =>
      decodeCustomModel(btoa('{"v":1,"n":"x","c":4096,"a":{"t":"llama","p":"zz"}}')),
    ).toThrow();
  });
});
