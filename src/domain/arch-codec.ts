import { countParams, listTensors } from './tensors';
import type { FfnKind, LayerRun, Mixer, ModelArch, ModelSpec, QuantSpec, Source } from './types';
import type { WeightsEstimate } from './weights';

/**
 * Compact, URL-safe encoding of a custom model (one read from a GGUF header or a config.json),
 * so a share link reproduces it: base64url of a short-keyed JSON, with the layer pattern
 * run-length encoded ("md3me58" = 3 MLA+dense layers, then 58 MLA+MoE layers). For a GGUF file
 * it also carries the exact per-type byte totals, so the link shows the same breakdown.
 */

/** Quantization id of "the GGUF file itself" (its exact tensor table). */
export const FILE_QUANT_ID = 'GGUF-FILE';

export interface CustomFile {
  /** File type label, e.g. `Q4_K_M`. */
  fileType: string;
  weights: WeightsEstimate;
}

export interface CustomModel {
  name: string;
  /** Where it came from: a GGUF header or a config.json. */
  origin: 'gguf' | 'config';
  arch: ModelArch;
  maxContextTokens: number;
  caveats: string[];
  /** Hugging Face repo id or URL it was read from, when known. */
  sourceUrl?: string;
  file?: CustomFile;
}

export class ArchCodecError extends Error {
  override name = 'ArchCodecError';
}

const MIXERS: Record<Mixer, string> = {
  full: 'f',
  sliding: 's',
  mla: 'm',
  linear: 'l',
  mamba2: 'b',
  shortconv: 'c',
  none: 'n',
};
const FFNS: Record<FfnKind, string> = { dense: 'd', moe: 'e', none: 'n' };
const invert = <K extends string>(r: Record<K, string>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [v, k])) as Record<string, K>;
const MIXER_OF = invert(MIXERS);
const FFN_OF = invert(FFNS);

export function encodePattern(pattern: readonly LayerRun[]): string {
  return pattern
    .map((r) => `${MIXERS[r.mixer]}${FFNS[r.ffn]}${r.count === 1 ? '' : r.count}`)
    .join('');
}

export function decodePattern(text: string): LayerRun[] {
  if (!/^([a-z]{2}\d*)+$/.test(text)) throw new ArchCodecError('bad layer pattern');
  const out: LayerRun[] = [];
  for (const m of text.matchAll(/([a-z])([a-z])(\d*)/g)) {
    const mixer = MIXER_OF[m[1] ?? ''];
    const ffn = FFN_OF[m[2] ?? ''];
    if (!mixer || !ffn) throw new ArchCodecError(`bad layer run "${m[0]}"`);
    out.push({ mixer, ffn, count: m[3] ? Number(m[3]) : 1 });
  }
  return out;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  if (!/^[\w-]+$/.test(text)) throw new ArchCodecError('not base64url');
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Short keys for the scalar arch fields. */
const KEYS = {
  modelType: 't',
  layers: 'L',
  hidden: 'h',
  heads: 'H',
  kvHeads: 'k',
  headDim: 'd',
  headDimV: 'v',
  vocab: 'V',
  ffn: 'f',
  slidingWindow: 'w',
  mtpLayers: 'x',
  ggufMetadataBytes: 'g',
} as const;
const FLAGS = { tiedEmbeddings: 'T', attnBias: 'b', qkNorm: 'q', ropeFreqs: 'r', ffnGated: 'G' };

type Compact = Record<string, unknown>;

function compactArch(a: ModelArch): Compact {
  const out: Compact = { p: encodePattern(a.layerPattern) };
  for (const [field, key] of Object.entries(KEYS)) {
    const v = a[field as keyof typeof KEYS];
    if (v !== undefined) out[key] = v;
  }
  out.F = Object.entries(FLAGS)
    .filter(([field]) => a[field as keyof typeof FLAGS] === true)
    .map(([, key]) => key)
    .join('');
  if (a.ffnGated === false) out.U = 1;
  if (a.mla) {
    const m = a.mla;
    out.m = [m.qLoraRank ?? 0, m.kvLoraRank, m.qkRopeHeadDim, m.qkNopeHeadDim, m.vHeadDim];
  }
  if (a.moe) {
    const e = a.moe;
    out.e = [e.experts, e.expertsPerToken, e.expertFfn, e.sharedExperts, e.sharedFfn];
  }
  if (a.nativeExpertFormat) out.n = a.nativeExpertFormat;
  return out;
}

function num(c: Compact, key: string): number {
  const v = c[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ArchCodecError(`field ${key}`);
  return v;
}

function nums(c: Compact, key: string, length: number): number[] {
  const v = c[key];
  if (!Array.isArray(v) || v.length !== length || !v.every((n) => typeof n === 'number')) {
    throw new ArchCodecError(`field ${key}`);
  }
  return v as number[];
}

function expandArch(c: Compact): ModelArch {
  if (typeof c.t !== 'string' || typeof c.p !== 'string') throw new ArchCodecError('arch');
  const flags = typeof c.F === 'string' ? c.F : '';
  const arch: Record<string, unknown> = { layerPattern: decodePattern(c.p) };
  for (const [field, key] of Object.entries(KEYS)) {
    if (c[key] !== undefined) arch[field] = field === 'modelType' ? c[key] : num(c, key);
  }
  for (const [field, key] of Object.entries(FLAGS)) {
    if (flags.includes(key)) arch[field] = true;
  }
  arch.tiedEmbeddings = flags.includes('T');
  if (c.U === 1) arch.ffnGated = false;
  if (c.m !== undefined) {
    const [q, kv, rope, nope, v] = nums(c, 'm', 5) as [number, number, number, number, number];
    arch.mla = {
      qLoraRank: q || null,
      kvLoraRank: kv,
      qkRopeHeadDim: rope,
      qkNopeHeadDim: nope,
      vHeadDim: v,
    };
  }
  if (c.e !== undefined) {
    const [experts, perToken, ffn, shared, sharedFfn] = nums(c, 'e', 5) as [
      number,
      number,
      number,
      number,
      number,
    ];
    arch.moe = {
      experts,
      expertsPerToken: perToken,
      expertFfn: ffn,
      sharedExperts: shared,
      sharedFfn,
    };
  }
  if (c.n === 'MXFP4') arch.nativeExpertFormat = 'MXFP4';
  return arch as unknown as ModelArch;
}

/** Encodes a custom model for the `custom` URL key. */
export function encodeCustomModel(m: CustomModel): string {
  const payload: Compact = {
    v: 1,
    n: m.name,
    o: m.origin === 'gguf' ? 'g' : 'c',
    c: m.maxContextTokens,
    a: compactArch(m.arch),
  };
  if (m.caveats.length > 0) payload.cv = m.caveats;
  if (m.sourceUrl) payload.u = m.sourceUrl;
  if (m.file) {
    const w = m.file.weights;
    payload.w = [
      m.file.fileType,
      w.fileBytes,
      w.tensorBytes,
      w.hostBytes,
      w.expertBytes,
      w.activeBytes,
      w.params,
      w.byType,
    ];
  }
  return toBase64Url(JSON.stringify(payload));
}

function expandFile(w: unknown): CustomFile {
  if (!Array.isArray(w) || w.length !== 8) throw new ArchCodecError('file weights');
  const [fileType, fileBytes, tensorBytes, hostBytes, expertBytes, activeBytes, params, byType] =
    w as unknown[];
  const n = [fileBytes, tensorBytes, hostBytes, expertBytes, activeBytes, params];
  if (typeof fileType !== 'string' || !n.every((x) => typeof x === 'number' && x >= 0)) {
    throw new ArchCodecError('file weights');
  }
  if (typeof byType !== 'object' || byType === null) throw new ArchCodecError('file weights');
  const types = Object.entries(byType as Record<string, unknown>);
  if (!types.every(([, v]) => typeof v === 'number' && v >= 0)) {
    throw new ArchCodecError('file weights');
  }
  const [fb, tb, hb, eb, ab, p] = n as number[] as [number, number, number, number, number, number];
  return {
    fileType,
    weights: {
      fileBytes: fb,
      tensorBytes: tb,
      deviceBytes: tb - hb,
      hostBytes: hb,
      activeBytes: ab,
      params: p,
      bitsPerWeight: p > 0 ? (tb * 8) / p : 0,
      expertBytes: eb,
      byType: Object.fromEntries(types) as Record<string, number>,
    },
  };
}

/** Decodes the `custom` URL value. Throws {@link ArchCodecError} when it is not one of ours. */
export function decodeCustomModel(encoded: string): CustomModel {
  let payload: Compact;
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(encoded));
    if (typeof parsed !== 'object' || parsed === null) throw new ArchCodecError('not an object');
    payload = parsed as Compact;
  } catch (e) {
    throw e instanceof ArchCodecError ? e : new ArchCodecError('not a custom model link');
  }
  if (payload.v !== 1) throw new ArchCodecError('unknown version');
  if (typeof payload.n !== 'string' || typeof payload.a !== 'object' || payload.a === null) {
    throw new ArchCodecError('missing name or architecture');
  }
  const caveats = Array.isArray(payload.cv) ? payload.cv.filter((s) => typeof s === 'string') : [];
  return {
    name: payload.n,
    origin: payload.o === 'g' ? 'gguf' : 'config',
    arch: expandArch(payload.a as Compact),
    maxContextTokens: num(payload, 'c'),
    caveats,
    ...(typeof payload.u === 'string' ? { sourceUrl: payload.u } : {}),
    ...(payload.w !== undefined ? { file: expandFile(payload.w) } : {}),
  };
}

const GGUF_SPEC: Source = {
  title: 'GGUF file format (ggml docs)',
  url: 'https://github.com/ggml-org/ggml/blob/master/docs/gguf.md',
};
const CONFIG_DOC: Source = {
  title: 'transformers model configuration',
  url: 'https://huggingface.co/docs/transformers/main_classes/configuration',
};

/** File weights of custom model specs built by {@link customModelSpec}. */
const FILES = new WeakMap<ModelSpec, CustomFile>();
const FILE_QUANTS = new WeakMap<ModelSpec, QuantSpec>();

function slug(name: string): string {
  const s = name
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return s || 'model';
}

/** A catalog-shaped ModelSpec for a custom model (id `custom/<name>`). */
export function customModelSpec(m: CustomModel): ModelSpec {
  const sources: Source[] = [m.origin === 'gguf' ? GGUF_SPEC : CONFIG_DOC];
  if (m.sourceUrl && /^https:\/\//.test(m.sourceUrl)) {
    sources.unshift({ title: 'Where it was read from', url: m.sourceUrl });
  }
  const spec: ModelSpec = {
    id: `custom/${slug(m.name)}`,
    name: m.name,
    publisher: 'Custom model',
    family:
      m.origin === 'gguf'
        ? `Custom (GGUF header, ${m.file?.fileType ?? 'file'})`
        : 'Custom (config.json)',
    releaseDate: null,
    license: null,
    totalParams: m.file ? m.file.weights.params : countParams(listTensors(m.arch)),
    activeParams: null,
    maxContextTokens: m.maxContextTokens,
    recommendedQuant: m.file ? FILE_QUANT_ID : 'Q4_K_M',
    arch: m.arch,
    caveats: m.caveats,
    sources,
  };
  if (m.file) FILES.set(spec, m.file);
  return spec;
}

/** The exact file weights behind a custom model spec, if it was read from a GGUF. */
export function fileOf(model: ModelSpec): CustomFile | undefined {
  return FILES.get(model);
}

/** The quantization entry "This file (<type>)" of a custom GGUF model, or null. */
export function fileQuantOf(model: ModelSpec): QuantSpec | null {
  const file = FILES.get(model);
  if (!file) return null;
  let q = FILE_QUANTS.get(model);
  if (!q) {
    q = {
      id: FILE_QUANT_ID,
      format: 'gguf',
      label: `This file (${file.fileType})`,
      nominalBitsPerWeight: Math.min(32, Math.max(0.01, file.weights.bitsPerWeight)),
      description: 'The GGUF file you gave: exact tensor sizes from its header.',
      pplIncrease: null,
      pplReference: null,
      sources: [GGUF_SPEC],
    };
    FILE_QUANTS.set(model, q);
  }
  return q;
}
