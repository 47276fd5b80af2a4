// Turns published llama-bench token-generation rows (catalog/measurements/llama-bench.json) into
// decode-model samples, following catalog/measurements/bench-setups.json for which catalog device
// and model each row stands for. Shared by scripts/fit-decode.mjs (which writes the constants)
// and the tests (which check the constants are current and report held-out errors).
import type { Catalog } from '../src/catalog/catalog';
import {
  attentionFlopsPerToken,
  decodeClassOf,
  weightKindOf,
  type Backend,
} from '../src/domain/decode-model';
import type { DecodeSample, PrefillSample } from '../src/domain/decode-fitting';
import { estimate } from '../src/domain/estimate';
import { isGgufFileType } from '../src/domain/gguf-recipe';
import { GiB } from '../src/domain/units';

export interface BenchRow {
  device: string;
  deviceId: string | null;
  backend: string;
  model: string;
  modelSizeGiB: number | null;
  quant: string;
  test: string;
  tokensPerSecond: number;
  gpus: number;
  provenance: string;
  source: { title: string; url: string };
}

type DeviceSetup =
  | { deviceId: string; note?: string }
  | { bandwidthGbS: number; note?: string }
  | { exclude: string };
type ModelSetup = { modelId: string; fileType: string; note?: string } | { exclude: string };

export interface BenchSetups {
  devices: Record<string, DeviceSetup>;
  models: Record<string, ModelSetup>;
}

export interface BuiltSample extends DecodeSample {
  row: BenchRow;
  /** Printed llama-bench size / the engine's tensor bytes for the mapped file type (1 when not printed). */
  sizeScale: number;
}

export interface SampleSet {
  samples: BuiltSample[];
  skipped: { row: BenchRow; reason: string }[];
}

const BACKENDS: Record<string, Backend | undefined> = {
  CUDA: 'CUDA',
  Metal: 'Metal',
  ROCm: 'ROCm',
  Vulkan: 'Vulkan',
  SYCL: 'SYCL',
  CPU: 'CPU',
};

/** The model mapping of a row: by its model string and printed size when one string names two files. */
function modelSetup(row: BenchRow, setups: BenchSetups): ModelSetup | undefined {
  return setups.models[`${row.model}@${row.modelSizeGiB ?? 'null'}`] ?? setups.models[row.model];
}

/** "tg128" -> 128 generated from an empty cache; "tg32 @ d4096" -> 32 after 4096 tokens. */
export function parseTgTest(test: string): { generated: number; depth: number } | null {
  const m = /^tg(\d+)(?:\s*@\s*d(\d+))?$/.exec(test.trim());
  if (!m) return null;
  return { generated: Number(m[1]), depth: m[2] ? Number(m[2]) : 0 };
}

/** Every usable tg row as a sample; the rest with the reason it is left out. */
export function buildDecodeSamples(
  rows: BenchRow[],
  setups: BenchSetups,
  catalog: Catalog,
): SampleSet {
  const samples: BuiltSample[] = [];
  const skipped: SampleSet['skipped'] = [];
  for (const row of rows) {
    const tg = parseTgTest(row.test);
    if (!tg) continue;
    const skip = (reason: string) => skipped.push({ row, reason });
    const backend = BACKENDS[row.backend];
    if (!backend) {
      skip(`${row.backend} back end is not modelled`);
      continue;
    }
    if (row.gpus !== 1) {
      skip('more than one GPU');
      continue;
    }
    const ds = setups.devices[row.device];
    if (!ds) {
      skip('device not in bench-setups.json');
      continue;
    }
    if ('exclude' in ds) {
      skip(ds.exclude);
      continue;
    }
    let bandwidthGbS: number;
    let deviceLike: { vendor: string; segment: string; name: string; chip?: string };
    if ('deviceId' in ds) {
      const d = catalog.devices.find((x) => x.id === ds.deviceId);
      if (!d) {
        skip(`catalog device ${ds.deviceId} missing`);
        continue;
      }
      bandwidthGbS = d.bandwidthGbS;
      deviceLike = d;
    } else {
      bandwidthGbS = ds.bandwidthGbS;
      deviceLike = {
        vendor: row.device.startsWith('Apple') ? 'Apple' : 'unknown',
        segment: row.device.startsWith('Apple') ? 'apple' : 'consumer',
        name: row.device,
      };
    }
    const ms = modelSetup(row, setups);
    if (!ms) {
      skip('model not in bench-setups.json');
      continue;
    }
    if ('exclude' in ms) {
      skip(ms.exclude);
      continue;
    }
    const model = catalog.models.find((m) => m.id === ms.modelId);
    if (!model || !isGgufFileType(ms.fileType)) {
      skip(`catalog model ${ms.modelId} or file type ${ms.fileType} missing`);
      continue;
    }
    const e = estimate({
      arch: model.arch,
      quantId: ms.fileType,
      // Mean cache length while the test generates.
      contextTokens: tg.depth + tg.generated / 2,
      parallel: 1,
      typeK: 'f16',
      typeV: 'f16',
      flashAttention: true,
    });
    const sizeScale = row.modelSizeGiB ? (row.modelSizeGiB * GiB) / e.weights.tensorBytes : 1;
    const context = tg.depth + tg.generated / 2;
    samples.push({
      cls: decodeClassOf(deviceLike as Parameters<typeof decodeClassOf>[0], backend),
      depth: tg.depth,
      work: {
        bytes: e.weights.activeBytes * sizeScale + e.kv.totalBytes,
        attentionFlops: attentionFlopsPerToken(model.arch, context),
        layers: model.arch.layers,
        kind: weightKindOf(e.weights.byType),
      },
      bandwidthGbS,
      tps: row.tokensPerSecond,
      device: `${row.device} (${row.backend})`,
      row,
      sizeScale,
    });
  }
  return { samples, skipped };
}

/** "pp512" -> 512 prompt tokens (no depth); other tests -> null. */
export function parsePpTest(test: string): number | null {
  const m = /^pp(\d+)$/.exec(test.trim());
  return m ? Number(m[1]) : null;
}

/**
 * FP16 peak of the GPU a row ran on, TFLOPS: the catalog device's figure; for an Apple chip named
 * with its GPU core count (e.g. "Apple M3 Pro 14-core GPU"), the catalog figure of that chip per
 * GPU core (Apple GPUs scale per core at one clock: cores x 256 x GHz) times the row's cores.
 */
function rowTflops(row: BenchRow, ds: DeviceSetup, catalog: Catalog): number | null {
  if ('deviceId' in ds) {
    const d = catalog.devices.find((x) => x.id === ds.deviceId);
    if (!d?.fp16Tflops) return null;
    const m = /(\d+)-core GPU/.exec(row.device);
    if (d.vendor === 'Apple' && m) return perCore(d.chip ?? '', d.fp16Tflops) * Number(m[1]);
    return d.fp16Tflops;
  }
  const m = /^Apple (M\d(?: Pro| Max| Ultra)?) (\d+)-core GPU/.exec(row.device);
  if (!m) return null;
  const tier = m[1] ?? '';
  const cores = Number(m[2]);
  const same = catalog.devices.find(
    (d) => d.vendor === 'Apple' && d.fp16Tflops && chipTier(d.chip ?? '') === tier,
  );
  if (!same?.fp16Tflops) return null;
  return perCore(same.chip ?? '', same.fp16Tflops) * cores;
}

function chipTier(chip: string): string {
  return /^(M\d(?: Pro| Max| Ultra)?)\b/.exec(chip)?.[1] ?? '';
}

/** TFLOPS per GPU core: the catalog figure is for the largest GPU named in the chip string. */
function perCore(chip: string, tflops: number): number {
  const cores = [...chip.matchAll(/(\d+)(?:-core GPU| or)/g)].map((x) => Number(x[1]));
  const gpu = /(\d+)(?:- or (\d+))?-core GPU/.exec(chip);
  const most = gpu ? Math.max(Number(gpu[1]), Number(gpu[2] ?? 0)) : Math.max(...cores, 1);
  return tflops / most;
}

/** Every usable pp row as a prefill sample (rows with a catalog FP16 figure). */
export function buildPrefillSamples(
  rows: BenchRow[],
  setups: BenchSetups,
  catalog: Catalog,
): { samples: PrefillSample[]; skipped: number } {
  const samples: PrefillSample[] = [];
  let skipped = 0;
  for (const row of rows) {
    const n = parsePpTest(row.test);
    if (n === null) continue;
    const backend = BACKENDS[row.backend];
    const ds = setups.devices[row.device];
    const ms = modelSetup(row, setups);
    if (!backend || !ds || 'exclude' in ds || !ms || 'exclude' in ms || row.gpus !== 1) {
      skipped++;
      continue;
    }
    const model = catalog.models.find((m) => m.id === ms.modelId);
    const tflops = rowTflops(row, ds, catalog);
    if (!model || !isGgufFileType(ms.fileType) || !tflops) {
      skipped++;
      continue;
    }
    const e = estimate({
      arch: model.arch,
      quantId: ms.fileType,
      contextTokens: n,
      parallel: 1,
      typeK: 'f16',
      typeV: 'f16',
      flashAttention: true,
    });
    const active = e.weights.activeParams ?? e.weights.params;
    const device = 'deviceId' in ds ? catalog.devices.find((d) => d.id === ds.deviceId) : undefined;
    const deviceLike = device ?? { vendor: 'Apple', segment: 'apple', name: row.device };
    samples.push({
      cls: decodeClassOf(deviceLike as Parameters<typeof decodeClassOf>[0], backend),
      kind: weightKindOf(e.weights.byType),
      flopsPerToken: 2 * active + attentionFlopsPerToken(model.arch, n / 2),
      fp16Tflops: tflops,
      tps: row.tokensPerSecond,
      device: `${row.device} (${row.backend})`,
    });
  }
  return { samples, skipped };
}
