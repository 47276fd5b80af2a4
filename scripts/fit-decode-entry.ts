// Bundled by scripts/fit-decode.mjs (Vite library build) so that a plain Node script can fit the
// decode-speed constants with the app's own engine and fitting code.
import { parseCatalog } from '../src/catalog/catalog';
import {
  fitDecode,
  fitPrefill,
  leaveOneDeviceOut,
  leaveOneRowOut,
  prefillLeaveOneDeviceOut,
  summarizeErrors,
} from '../src/domain/decode-fitting';
import {
  buildDecodeSamples,
  buildPrefillSamples,
  type BenchRow,
  type BenchSetups,
} from './decode-samples';

/** Fits the decode and prefill models on the published llama-bench rows and reports held-out errors. */
export function fitDecodeFromData(
  models: unknown,
  quants: unknown,
  gpus: unknown,
  bench: { rows: BenchRow[] },
  setups: BenchSetups,
) {
  const catalog = parseCatalog(models, quants, gpus);
  const { samples, skipped } = buildDecodeSamples(bench.rows, setups, catalog);
  const constants = fitDecode(samples);
  const prefillSamples = buildPrefillSamples(bench.rows, setups, catalog).samples;
  const prefill = fitPrefill(prefillSamples);
  return {
    constants,
    prefill,
    prefillSamples,
    prefillLeaveOneDeviceOut: summarizeErrors(prefillLeaveOneDeviceOut(prefillSamples, prefill)),
    samples,
    skipped,
    leaveOneRowOut: summarizeErrors(leaveOneRowOut(samples, constants)),
    leaveOneDeviceOut: summarizeErrors(leaveOneDeviceOut(samples, constants)),
  };
}
