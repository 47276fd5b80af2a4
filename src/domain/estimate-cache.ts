import { FILE_QUANT_ID, fileOf } from './arch-codec';
import { estimate, type Estimate } from './estimate';
import { KV_CACHE_TYPES, type KvCacheType } from './kv-cache';
import type { ModelSpec, QuantSpec } from './types';
import { estimateWeights, type WeightsEstimate } from './weights';

/** Weights do not depend on context: computed once per model and quantization. */
const weightsCache = new WeakMap<ModelSpec, Map<string, WeightsEstimate>>();

function byQuantOf(model: ModelSpec): Map<string, WeightsEstimate> {
  let byQuant = weightsCache.get(model);
  if (!byQuant) {
    byQuant = new Map();
    weightsCache.set(model, byQuant);
  }
  return byQuant;
}

/**
 * Weights of `model` in `quantId`: llama.cpp's recipe or the safetensors layout, or, for a
 * custom model read from a GGUF and quantId GGUF-FILE, the exact sizes from its tensor table.
 */
export function cachedWeights(model: ModelSpec, quantId: string): WeightsEstimate {
  if (quantId === FILE_QUANT_ID) {
    const file = fileOf(model);
    if (!file) throw new Error(`${model.name} was not read from a GGUF file`);
    return file.weights;
  }
  const byQuant = byQuantOf(model);
  let w = byQuant.get(quantId);
  if (!w) {
    w = estimateWeights(model.arch, quantId);
    byQuant.set(quantId, w);
  }
  return w;
}

/** Whether the weights of `model` in `quantId` are already known (computed or seeded). */
export function hasCachedWeights(model: ModelSpec, quantId: string): boolean {
  return weightsCache.get(model)?.has(quantId) ?? false;
}

/**
 * Weights per model and quantization computed ahead of time (by the build, from the same engine):
 * model id -> [params, activeParams, { quantization id -> [fileBytes, tensorBytes, deviceBytes,
 * hostBytes, activeBytes, expertBytes] }] (bytes rounded to whole bytes; bits per weight is
 * tensorBytes x 8 / params, as weights.ts computes it). `byType` is not carried (only GGUF files
 * read by the user need it).
 */
export interface WeightsTable {
  version: 2;
  models: Record<string, [number, number, Record<string, number[]>]>;
}

const PER_QUANT = [
  'fileBytes',
  'tensorBytes',
  'deviceBytes',
  'hostBytes',
  'activeBytes',
  'expertBytes',
] as const;

/** The weights table of a catalog: every model in every quantization (see {@link WeightsTable}). */
export function buildWeightsTable(
  models: readonly ModelSpec[],
  quants: readonly QuantSpec[],
): WeightsTable {
  const out: WeightsTable['models'] = {};
  for (const m of models) {
    const row: Record<string, number[]> = {};
    let params = 0;
    let activeParams = 0;
    for (const q of quants) {
      const w = estimateWeights(m.arch, q.id);
      params = w.params;
      activeParams = w.activeParams ?? 0;
      row[q.id] = PER_QUANT.map((f) => Math.round(w[f]));
    }
    out[m.id] = [params, Math.round(activeParams), row];
  }
  return { version: 2, models: out };
}

const finiteCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * Puts the precomputed weights of every catalog model into the cache, so that switching models
 * and sweeping the catalog need no recipe work. Entries that do not have the expected shape, and
 * models the table does not know, are skipped (they are computed when needed). Returns how many
 * model-quantization pairs were seeded.
 */
export function seedWeights(models: readonly ModelSpec[], table: unknown): number {
  if (typeof table !== 'object' || table === null) return 0;
  const t = table as Partial<WeightsTable>;
  if (t.version !== 2 || typeof t.models !== 'object' || !t.models) return 0;
  let seeded = 0;
  for (const m of models) {
    const entry = t.models[m.id];
    if (!Array.isArray(entry) || entry.length !== 3) continue;
    const [params, activeParams, row] = entry;
    if (!finiteCount(params) || params <= 0 || !finiteCount(activeParams)) continue;
    if (typeof row !== 'object' || row === null) continue;
    const byQuant = byQuantOf(m);
    for (const [quantId, values] of Object.entries(row)) {
      if (
        !Array.isArray(values) ||
        values.length !== PER_QUANT.length ||
        !values.every(finiteCount)
      )
        continue;
      if (byQuant.has(quantId)) continue;
      const [fileBytes, tensorBytes, deviceBytes, hostBytes, activeBytes, expertBytes] = values as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      byQuant.set(quantId, {
        fileBytes,
        tensorBytes,
        deviceBytes,
        hostBytes,
        activeBytes,
        expertBytes,
        params,
        activeParams,
        bitsPerWeight: (tensorBytes * 8) / params,
        byType: {},
      });
      seeded++;
    }
  }
  return seeded;
}

export interface RunSettings {
  contextTokens: number;
  parallel: number;
  kvType: KvCacheType;
  flashAttention: boolean;
}

/**
 * The K and V cache types llama.cpp actually runs with for the chosen KV type: a quantized V cache
 * needs flash attention (llama.cpp refuses to start with `-ctv q8_0` and `-fa off`: "V cache
 * quantization requires flash_attn"), so with flash attention off V stays in f16 and only K is
 * quantized. MLA models cache no separate V (kv-cache.ts), so nothing changes for them.
 */
export function kvTypesFor(
  run: Pick<RunSettings, 'kvType' | 'flashAttention'>,
  model: ModelSpec,
): { typeK: KvCacheType; typeV: KvCacheType; vKeptF16: boolean } {
  const vKeptF16 =
    KV_CACHE_TYPES[run.kvType].quantized &&
    run.kvType !== 'fp8' &&
    !run.flashAttention &&
    !model.arch.mla;
  return { typeK: run.kvType, typeV: vKeptF16 ? 'f16' : run.kvType, vKeptF16 };
}

/**
 * Full estimate for a model, quantization and run settings, reusing cached weights, with the
 * cache types llama.cpp accepts for them ({@link kvTypesFor}).
 */
export function estimateFor(model: ModelSpec, quantId: string, run: RunSettings): Estimate {
  const { typeK, typeV } = kvTypesFor(run, model);
  return estimate({
    arch: model.arch,
    quantId,
    contextTokens: run.contextTokens,
    parallel: run.parallel,
    typeK,
    typeV,
    flashAttention: run.flashAttention,
    precomputedWeights: cachedWeights(model, quantId),
  });
}
