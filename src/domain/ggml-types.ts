import { GGMLQuantizationType } from '@huggingface/gguf';

/**
 * ggml tensor storage types used by GGUF files, with their block geometry.
 *
 * Source: llama.cpp `ggml/src/ggml-common.h` (block structs and their static_assert sizes,
 * commit 01243c587feceaa5d6a6c2305535ef2f549c48b8), the same figures as `GGML_QUANT_SIZES`
 * in `@huggingface/gguf` (which that package does not export; tests/domain/ggml-types.test.ts
 * checks every entry against it). Type identity is the package's `GGMLQuantizationType` enum.
 */
export type GgmlType =
  | 'F32'
  | 'F16'
  | 'BF16'
  | 'Q8_0'
  | 'Q6_K'
  | 'Q5_K'
  | 'Q5_1'
  | 'Q5_0'
  | 'Q4_K'
  | 'Q4_1'
  | 'Q4_0'
  | 'IQ4_NL'
  | 'IQ4_XS'
  | 'Q3_K'
  | 'IQ3_S'
  | 'IQ3_XXS'
  | 'Q2_K'
  | 'IQ2_S'
  | 'IQ2_XS'
  | 'IQ2_XXS'
  | 'IQ1_M'
  | 'IQ1_S'
  | 'TQ2_0'
  | 'TQ1_0'
  | 'MXFP4';

export interface GgmlBlock {
  /** The type's id in GGUF files (`GGMLQuantizationType`). */
  ggufId: GGMLQuantizationType;
  /** Weights per block. */
  blockSize: number;
  /** Bytes per block. */
  bytesPerBlock: number;
}

const T = GGMLQuantizationType;

/** Block size (weights) and bytes per block for every storage type (ggml-common.h). */
export const GGML_BLOCKS: Readonly<Record<GgmlType, GgmlBlock>> = {
  F32: { ggufId: T.F32, blockSize: 1, bytesPerBlock: 4 },
  F16: { ggufId: T.F16, blockSize: 1, bytesPerBlock: 2 },
  BF16: { ggufId: T.BF16, blockSize: 1, bytesPerBlock: 2 },
  Q8_0: { ggufId: T.Q8_0, blockSize: 32, bytesPerBlock: 34 },
  Q6_K: { ggufId: T.Q6_K, blockSize: 256, bytesPerBlock: 210 },
  Q5_K: { ggufId: T.Q5_K, blockSize: 256, bytesPerBlock: 176 },
  Q5_1: { ggufId: T.Q5_1, blockSize: 32, bytesPerBlock: 24 },
  Q5_0: { ggufId: T.Q5_0, blockSize: 32, bytesPerBlock: 22 },
  Q4_K: { ggufId: T.Q4_K, blockSize: 256, bytesPerBlock: 144 },
  Q4_1: { ggufId: T.Q4_1, blockSize: 32, bytesPerBlock: 20 },
  Q4_0: { ggufId: T.Q4_0, blockSize: 32, bytesPerBlock: 18 },
  IQ4_NL: { ggufId: T.IQ4_NL, blockSize: 32, bytesPerBlock: 18 },
  IQ4_XS: { ggufId: T.IQ4_XS, blockSize: 256, bytesPerBlock: 136 },
  Q3_K: { ggufId: T.Q3_K, blockSize: 256, bytesPerBlock: 110 },
  IQ3_S: { ggufId: T.IQ3_S, blockSize: 256, bytesPerBlock: 110 },
  IQ3_XXS: { ggufId: T.IQ3_XXS, blockSize: 256, bytesPerBlock: 98 },
  Q2_K: { ggufId: T.Q2_K, blockSize: 256, bytesPerBlock: 84 },
  IQ2_S: { ggufId: T.IQ2_S, blockSize: 256, bytesPerBlock: 82 },
  IQ2_XS: { ggufId: T.IQ2_XS, blockSize: 256, bytesPerBlock: 74 },
  IQ2_XXS: { ggufId: T.IQ2_XXS, blockSize: 256, bytesPerBlock: 66 },
  IQ1_M: { ggufId: T.IQ1_M, blockSize: 256, bytesPerBlock: 56 },
  IQ1_S: { ggufId: T.IQ1_S, blockSize: 256, bytesPerBlock: 50 },
  TQ2_0: { ggufId: T.TQ2_0, blockSize: 256, bytesPerBlock: 66 },
  TQ1_0: { ggufId: T.TQ1_0, blockSize: 256, bytesPerBlock: 54 },
  MXFP4: { ggufId: T.MXFP4, blockSize: 32, bytesPerBlock: 17 },
};

/**
 * Bytes of `elements` values stored as `type`: elements / blockSize x bytesPerBlock.
 * `elements` must be a whole number of blocks (rows are checked by the recipe's fallback).
 */
export function ggmlBytes(type: GgmlType, elements: number): number {
  const b = GGML_BLOCKS[type];
  return Math.ceil(elements / b.blockSize) * b.bytesPerBlock;
}

/** Bits per weight of a storage type: bytesPerBlock x 8 / blockSize. */
export function ggmlBitsPerWeight(type: GgmlType): number {
  const b = GGML_BLOCKS[type];
  return (b.bytesPerBlock * 8) / b.blockSize;
}
