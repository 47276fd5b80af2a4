// Bundled by scripts/bench.mjs into one script for a blank page: times the hardware view's full
// catalog sweep (every model x GGUF quantization) in the browser.
import { parseCatalog } from '../src/catalog/catalog';
import { buildWeightsTable, seedWeights } from '../src/domain/estimate-cache';
import { evaluateCatalog } from '../src/domain/hardware-sweep';
import { GiB } from '../src/domain/units';

interface SweepResult {
  coldMs: number;
  warmMs: number[];
  rows: number;
}

function runSweepBench(
  models: unknown,
  quants: unknown,
  gpus: unknown,
  deviceIds: string[],
  repeats: number,
): SweepResult {
  const catalog = parseCatalog(models, quants, gpus);
  const devices = deviceIds
    .map((id) => catalog.devices.find((d) => d.id === id))
    .filter((d) => d !== undefined);
  const opts = (i: number) => ({
    device: devices[i % devices.length]!,
    count: 1,
    raisedLimit: false,
    ramBytes: 64 * GiB,
    ramBandwidthGbS: 89.6,
    contextTokens: [8192, 32768, 4096][i % 3]!,
    kvType: 'f16' as const,
    flashAttention: true,
    extreme: false,
  });
  // The page seeds every model's weights from data/weights.json (built with the app); do the same.
  seedWeights(
    catalog.models,
    JSON.parse(JSON.stringify(buildWeightsTable(catalog.models, catalog.quants))),
  );
  let t = performance.now();
  const rows = evaluateCatalog(catalog.models, catalog.quants, opts(0)).length;
  const coldMs = performance.now() - t;
  const warmMs: number[] = [];
  for (let i = 1; i <= repeats; i++) {
    t = performance.now();
    evaluateCatalog(catalog.models, catalog.quants, opts(i));
    warmMs.push(performance.now() - t);
  }
  return { coldMs, warmMs, rows };
}

(globalThis as unknown as { runSweepBench: typeof runSweepBench }).runSweepBench = runSweepBench;
