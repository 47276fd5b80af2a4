/** Byte units. Bytes inside the engine; GB (1e9) or GiB (2^30) only when formatting. */

/** 1 KiB = 2^10 bytes. */
export const KiB = 1024;
/** 1 MiB = 2^20 bytes (llama.cpp logs buffer sizes in MiB). */
export const MiB = 1024 * 1024;
/** 1 GiB = 2^30 bytes. */
export const GiB = 1024 * 1024 * 1024;
/** 1 GB = 1e9 bytes (Hugging Face file listings, vendor bandwidth figures). */
export const GB = 1e9;

/** Rounds `n` up to a multiple of `m` (GGML_PAD). Both non-negative integers. */
export function padTo(n: number, m: number): number {
  return Math.ceil(n / m) * m;
}

/**
 * Bytes of a memory size the user typed in "GB". Memory is sold in binary sizes labelled GB (a
 * "32 GB" kit or a "24 GB" card holds 32 or 24 GiB; fit.ts), so GB x 2^30; not finite or negative
 * gives 0.
 */
export function binaryGbToBytes(gb: number): number {
  return Number.isFinite(gb) ? Math.max(0, gb) * GiB : 0;
}
