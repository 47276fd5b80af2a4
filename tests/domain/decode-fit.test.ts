import { describe, expect, it } from 'vitest';
import {
  buildDecodeSamples,
  buildPrefillSamples,
  parseTgTest,
  type BenchRow,
  type BenchSetups,
} from '../../scripts/decode-samples';
import {
  fitDecode,
  fitPrefill,
  prefillLeaveOneDeviceOut,
  leaveOneDeviceOut,
  leaveOneRowOut,
  summarizeErrors,
} from '../../src/domain/decode-fitting';
import { decodeClassOf, weightKindOf } from '../../src/domain/decode-model';
import { DECODE_CONSTANTS, DECODE_HELD_OUT, PREFILL_CONSTANTS } from '../../src/domain/speed';
import { SHIPPED, measurement, shippedDevice } from '../fixtures/shipped-catalog';

/** Published llama-bench results with their sources (catalog/measurements/llama-bench.json). */
const bench = measurement<{ rows: BenchRow[] }>('llama-bench.json');
const setups = measurement<BenchSetups>('bench-setups.json');
const { samples, skipped } = buildDecodeSamples(bench.rows, setups, SHIPPED);
const fresh = fitDecode(samples);

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 2e-3 * Math.max(Math.abs(a), Math.abs(b), 1e-9);
}

describe('decode model fitted on published llama-bench runs', () => {
  it('uses every token-generation row except those it names a reason for', () => {
    const tg = bench.rows.filter((r) => parseTgTest(r.test));
    expect(samples.length + skipped.length).toBe(tg.length);
    expect(samples.length).toBeGreaterThan(200);
    for (const s of skipped) expect(s.reason.length).toBeGreaterThan(5);
    // No row comes from the XiongjieDai tables, which are kept as an independent check.
    for (const r of bench.rows) expect(r.source.url).not.toMatch(/XiongjieDai/i);
  });

  it('maps each row to the right file: engine bytes within 8% of the size llama-bench printed', () => {
    for (const s of samples) {
      // Files sized by recipe (not unsloth dynamic quants or QAT files) match closely.
      expect(Math.abs(s.sizeScale - 1)).toBeLessThan(0.085);
    }
  });

  it('the shipped constants are what the data gives (run node scripts/fit-decode.mjs after changing it)', () => {
    for (const [cls, c] of Object.entries(fresh.classes)) {
      const shipped = DECODE_CONSTANTS.classes[cls as keyof typeof fresh.classes];
      expect(close(shipped.efficiency, c.efficiency), `${cls} efficiency`).toBe(true);
      expect(close(shipped.overheadPerLayerS, c.overheadPerLayerS), `${cls} overhead`).toBe(true);
      expect(close(shipped.attentionFlopPerByte, c.attentionFlopPerByte), `${cls} attention`).toBe(
        true,
      );
    }
    for (const [k, v] of Object.entries(fresh.kinds))
      expect(close(DECODE_CONSTANTS.kinds[k as keyof typeof fresh.kinds], v)).toBe(true);
  });

  it('on rows left out of the fit: median error <= 10%, 90% of rows within 25%', () => {
    const s = summarizeErrors(leaveOneRowOut(samples, fresh));
    expect(s.medianError).toBeLessThanOrEqual(0.1);
    expect(s.within25).toBeGreaterThanOrEqual(0.9);
    // The range shown holds most held-out measurements.
    expect(s.rangeCoverage).toBeGreaterThanOrEqual(0.8);
    expect(close(s.medianError, DECODE_HELD_OUT.leaveOneRowOut.medianError)).toBe(true);
  });

  it('on whole devices left out of the fit: median error <= 10%', () => {
    const s = summarizeErrors(leaveOneDeviceOut(samples, fresh));
    expect(s.medianError).toBeLessThanOrEqual(0.1);
    expect(s.within25).toBeGreaterThan(0.85);
    expect(close(s.within25, DECODE_HELD_OUT.leaveOneDeviceOut.within25)).toBe(true);
  });
});

describe('prefill efficiency fitted on published llama-bench pp512 runs', () => {
  const pp = buildPrefillSamples(bench.rows, setups, SHIPPED).samples;
  const k = fitPrefill(pp);

  it('from at least five devices, and the shipped constants are what the data gives', () => {
    expect(new Set(pp.map((s) => s.device)).size).toBeGreaterThanOrEqual(5);
    for (const [cls, e] of Object.entries(k.classes))
      expect(close(PREFILL_CONSTANTS.classes[cls as keyof typeof k.classes], e), cls).toBe(true);
  });

  it('the range shown holds most measurements of devices left out of the fit', () => {
    const s = summarizeErrors(prefillLeaveOneDeviceOut(pp, k));
    expect(s.rangeCoverage).toBeGreaterThanOrEqual(0.75);
    expect(s.medianError).toBeLessThan(0.3);
  });
});

describe('device classes and weight kinds', () => {
  it('classes follow the back end and Apple chip generation', () => {
    expect(decodeClassOf(shippedDevice('nvidia-rtx-4090'))).toBe('cuda');
    expect(decodeClassOf(shippedDevice('nvidia-h100-sxm'))).toBe('cuda-datacenter');
    expect(decodeClassOf(shippedDevice('apple-macbook-pro-m3-max-128gb'))).toBe('metal-m3');
    expect(decodeClassOf(shippedDevice('apple-macbook-air-m1-8gb'))).toBe('metal-m1');
    expect(decodeClassOf(shippedDevice('amd-rx-7900-xtx'))).toBe('rocm');
    expect(decodeClassOf(shippedDevice('amd-rx-7900-xtx'), 'Vulkan')).toBe('vulkan');
    expect(decodeClassOf(shippedDevice('intel-arc-b580'))).toBe('vulkan');
  });

  it('the type holding most bytes sets the kind', () => {
    expect(weightKindOf({ Q4_K: 9, Q6_K: 2 })).toBe('k-quant');
    expect(weightKindOf({ Q4_0: 9, Q6_K: 1 })).toBe('legacy');
    expect(weightKindOf({ F16: 9, F32: 1 })).toBe('16-bit');
    expect(weightKindOf({ MXFP4: 9, Q8_0: 2 })).toBe('mxfp4');
    expect(weightKindOf({ '16-bit': 1, FP8: 9 })).toBe('q8');
  });
});
