import { describe, expect, it } from 'vitest';
import { GGML_BLOCKS, ggmlBitsPerWeight, type GgmlType } from '../../src/domain/ggml-types';

// @huggingface/gguf keeps GGML_QUANT_SIZES (bits per weight per type, copied from llama.cpp's
// gguf-py constants) out of its public exports; read it from the package's shipped source.
const QUANT_SIZES_PATH = '../../node_modules/@huggingface/gguf/src/quant-descriptions.ts';

describe('ggml block table', () => {
  it('agrees with @huggingface/gguf GGML_QUANT_SIZES for every type', async () => {
    const mod = (await import(/* @vite-ignore */ QUANT_SIZES_PATH)) as {
      GGML_QUANT_SIZES: Record<number, number>;
    };
    for (const [name, block] of Object.entries(GGML_BLOCKS)) {
      expect(mod.GGML_QUANT_SIZES[block.ggufId], name).toBeCloseTo(
        ggmlBitsPerWeight(name as GgmlType),
        10,
      );
    }
  });

  it('matches the ggml-common.h sizes quoted in ESTIMATION.md', () => {
    expect(ggmlBitsPerWeight('Q4_K')).toBe(4.5);
    expect(ggmlBitsPerWeight('Q6_K')).toBe(6.5625);
    expect(ggmlBitsPerWeight('Q8_0')).toBe(8.5);
    expect(ggmlBitsPerWeight('IQ2_XXS')).toBe(2.0625);
    expect(ggmlBitsPerWeight('MXFP4')).toBe(4.25);
  });
});
