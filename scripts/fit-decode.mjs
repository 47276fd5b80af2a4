/**
 * Fits the decode-speed model (src/domain/decode-model.ts) on the published llama-bench results in
 * catalog/measurements/llama-bench.json, mapped by catalog/measurements/bench-setups.json, and
 * writes the constants with their held-out errors to src/domain/decode-fit.json. Prints the
 * figures the README quotes. Run: node scripts/fit-decode.mjs
 * The TypeScript (engine and fitter) is bundled in memory (import-ts.mjs).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTs } from './import-ts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const round = (x) => Number(x.toPrecision(4));
const roundDeep = (v) =>
  typeof v === 'number'
    ? round(v)
    : Array.isArray(v)
      ? v.map(roundDeep)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundDeep(x)]))
        : v;

const read = (...p) => JSON.parse(readFileSync(join(root, ...p), 'utf8'));
const { fitDecodeFromData } = await importTs(root, 'scripts/fit-decode-entry.ts');
const r = fitDecodeFromData(
  read('public/data/models.json'),
  read('public/data/quantizations.json'),
  read('public/data/gpus.json'),
  read('catalog/measurements/llama-bench.json'),
  read('catalog/measurements/bench-setups.json'),
);
const perClass = {};
for (const s of r.samples) {
  const c = (perClass[s.cls] ??= { rows: 0, devices: new Set() });
  c.rows++;
  c.devices.add(s.device);
}
const out = {
  about:
    'Decode-speed constants fitted by scripts/fit-decode.mjs on published llama-bench tg results (catalog/measurements/llama-bench.json; the XiongjieDai tables are not used). Do not edit: re-run the script. heldOut: errors on rows not used for fitting (leave one row out, and the stricter leave one device out).',
  constants: roundDeep(r.constants),
  prefill: roundDeep(r.prefill),
  fittedOn: {
    rows: r.samples.length,
    devices: new Set(r.samples.map((s) => s.device)).size,
    skippedRows: r.skipped.length,
    prefillRows: r.prefillSamples.length,
    prefillDevices: new Set(r.prefillSamples.map((s) => s.device)).size,
    byClass: Object.fromEntries(
      Object.entries(perClass).map(([c, v]) => [c, { rows: v.rows, devices: v.devices.size }]),
    ),
  },
  heldOut: {
    leaveOneRowOut: roundDeep(r.leaveOneRowOut),
    leaveOneDeviceOut: roundDeep(r.leaveOneDeviceOut),
  },
};
writeFileSync(join(root, 'src/domain/decode-fit.json'), JSON.stringify(out, null, 2) + '\n');
const pct = (x) => `${(x * 100).toFixed(1)}%`;
console.log(
  '| held out | rows | devices | median error | within 25% | 90th percentile | in range |',
);
console.log('|---|---|---|---|---|---|---|');
for (const [name, s] of [
  ['one row at a time', r.leaveOneRowOut],
  ['one device at a time', r.leaveOneDeviceOut],
  ['prefill, one device at a time', r.prefillLeaveOneDeviceOut],
])
  console.log(
    `| ${name} | ${s.rows} | ${s.devices} | ${pct(s.medianError)} | ${pct(s.within25)} | ${pct(s.p90Error)} | ${pct(s.rangeCoverage)} |`,
  );
console.log(JSON.stringify(out.constants, null, 1));
