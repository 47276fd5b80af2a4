/**
 * Builds small GGUF files by hand for tests (GGUF v3, little-endian; spec:
 * https://github.com/ggml-org/ggml/blob/master/docs/gguf.md): magic "GGUF", version, tensor
 * count, KV count, KV pairs, tensor infos (name, dims, ggml type, offset), padding to 32 bytes,
 * then tensor data (each tensor padded to 32 bytes).
 */

export type KvValue =
  | { u32: number }
  | { f32: number }
  | { bool: boolean }
  | { str: string }
  | { u32s: number[] }
  | { bools: boolean[] }
  | { strs: string[] };

export interface TensorSpec {
  name: string;
  /** ne[0] first (row length). */
  shape: number[];
  /** ggml type id (0 F32, 1 F16, 8 Q8_0, 12 Q4_K, 14 Q6_K, 39 MXFP4, ...). */
  type: number;
  /** Data bytes (the test states them from ggml-common.h block sizes). */
  bytes: number;
}

/** ggml block geometry used by the tests: [weights per block, bytes per block] (ggml-common.h). */
export const BLOCK: Record<number, [number, number]> = {
  0: [1, 4],
  1: [1, 2],
  8: [32, 34],
  9: [32, 36],
  12: [256, 144],
  14: [256, 210],
  39: [32, 17],
};

export function tensor(name: string, shape: number[], type: number): TensorSpec {
  const b = BLOCK[type];
  if (!b) throw new Error(`test builder: unknown type ${type}`);
  const elements = shape.reduce((p, d) => p * d, 1);
  return { name, shape, type, bytes: (elements / b[0]) * b[1] };
}

class Writer {
  private parts: number[] = [];
  u8(n: number) {
    this.parts.push(n & 0xff);
  }
  u32(n: number) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n, true);
    this.parts.push(...b);
  }
  f32(n: number) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, n, true);
    this.parts.push(...b);
  }
  u64(n: number) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt(n), true);
    this.parts.push(...b);
  }
  str(s: string) {
    const bytes = new TextEncoder().encode(s);
    this.u64(bytes.length);
    this.parts.push(...bytes);
  }
  get length() {
    return this.parts.length;
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

function writeValue(w: Writer, v: KvValue): void {
  if ('u32' in v) {
    w.u32(4);
    w.u32(v.u32);
  } else if ('f32' in v) {
    w.u32(6);
    w.f32(v.f32);
  } else if ('bool' in v) {
    w.u32(7);
    w.u8(v.bool ? 1 : 0);
  } else if ('str' in v) {
    w.u32(8);
    w.str(v.str);
  } else if ('u32s' in v) {
    w.u32(9);
    w.u32(4);
    w.u64(v.u32s.length);
    v.u32s.forEach((n) => w.u32(n));
  } else if ('bools' in v) {
    w.u32(9);
    w.u32(7);
    w.u64(v.bools.length);
    v.bools.forEach((b) => w.u8(b ? 1 : 0));
  } else {
    w.u32(9);
    w.u32(8);
    w.u64(v.strs.length);
    v.strs.forEach((s) => w.str(s));
  }
}

const pad32 = (n: number) => Math.ceil(n / 32) * 32;

export interface BuiltGguf {
  /** Header bytes, padded to 32. */
  header: Uint8Array;
  /** Header + all tensor data. */
  totalSize: number;
}

export function buildGguf(kv: Record<string, KvValue>, tensors: TensorSpec[]): BuiltGguf {
  const w = new Writer();
  [0x47, 0x47, 0x55, 0x46].forEach((b) => w.u8(b));
  w.u32(3);
  w.u64(tensors.length);
  w.u64(Object.keys(kv).length);
  for (const [key, value] of Object.entries(kv)) {
    w.str(key);
    writeValue(w, value);
  }
  let offset = 0;
  for (const t of tensors) {
    w.str(t.name);
    w.u32(t.shape.length);
    t.shape.forEach((d) => w.u64(d));
    w.u32(t.type);
    w.u64(offset);
    offset += pad32(t.bytes);
  }
  const raw = w.bytes();
  const header = new Uint8Array(pad32(raw.length));
  header.set(raw);
  return { header, totalSize: header.length + offset };
}

/** A file whose tensor data is virtual zeros: only the header exists in memory. */
export function virtualFile(name: string, built: BuiltGguf, size = built.totalSize) {
  return {
    name,
    size,
    slice(start: number, end: number) {
      return {
        async arrayBuffer(): Promise<ArrayBuffer> {
          const s = Math.min(start, size);
          const e = Math.min(end, size);
          const out = new Uint8Array(Math.max(0, e - s));
          const headerPart = built.header.subarray(
            Math.min(s, built.header.length),
            Math.min(e, built.header.length),
          );
          out.set(headerPart);
          return out.buffer;
        },
      };
    },
  };
}

/** The whole file as bytes (header + zero tensor data), for small models. */
export function fileBytes(built: BuiltGguf): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(built.totalSize);
  out.set(built.header);
  return out;
}

/** A tiny Llama-style GQA model (for UI and e2e tests): 2 layers, hidden 256, 8/2 heads. */
export function tinyLlama(): BuiltGguf {
  const h = 256;
  const layers = 2;
  const tensors: TensorSpec[] = [
    tensor('token_embd.weight', [h, 1024], 8),
    tensor('output_norm.weight', [h], 0),
    tensor('output.weight', [h, 1024], 8),
  ];
  for (let i = 0; i < layers; i++) {
    tensors.push(
      tensor(`blk.${i}.attn_norm.weight`, [h], 0),
      tensor(`blk.${i}.attn_q.weight`, [h, h], 8),
      tensor(`blk.${i}.attn_k.weight`, [h, 64], 8),
      tensor(`blk.${i}.attn_v.weight`, [h, 64], 8),
      tensor(`blk.${i}.attn_output.weight`, [h, h], 8),
      tensor(`blk.${i}.ffn_norm.weight`, [h], 0),
      tensor(`blk.${i}.ffn_gate.weight`, [h, 512], 8),
      tensor(`blk.${i}.ffn_up.weight`, [h, 512], 8),
      tensor(`blk.${i}.ffn_down.weight`, [512, h], 8),
    );
  }
  return buildGguf(
    {
      'general.architecture': { str: 'llama' },
      'general.name': { str: 'Tiny Llama Test' },
      'general.file_type': { u32: 7 },
      'llama.block_count': { u32: layers },
      'llama.context_length': { u32: 32768 },
      'llama.embedding_length': { u32: h },
      'llama.feed_forward_length': { u32: 512 },
      'llama.attention.head_count': { u32: 8 },
      'llama.attention.head_count_kv': { u32: 2 },
    },
    tensors,
  );
}
