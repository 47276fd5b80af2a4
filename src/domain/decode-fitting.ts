import {
  DECODE_CLASSES,
  WEIGHT_KINDS,
  decodeSecondsPerToken,
  prefillTokensPerSecond,
  type ClassConstants,
  type DecodeClass,
  type DecodeConstants,
  type PrefillConstants,
  type TokenWork,
  type WeightKind,
} from './decode-model';

/** One published llama-bench token-generation result, reduced to what the decode model sees. */
export interface DecodeSample {
  cls: DecodeClass;
  /** Bytes, attention FLOP, layers and weight kind of one token at the test's mean cache length. */
  work: TokenWork;
  /** Tokens already in the cache when the test starts (llama-bench `-d`). */
  depth: number;
  /** Peak memory bandwidth of the device, GB/s. */
  bandwidthGbS: number;
  /** Published tokens per second. */
  tps: number;
  /** Which device the row was measured on: leave-one-out leaves out a whole device. */
  device: string;
}

/**
 * Classes without data of their own borrow a neighbour's constants: the next Apple generation,
 * consumer CUDA for datacenter cards, ROCm and Vulkan for each other.
 */
export const BORROW: Partial<Record<DecodeClass, DecodeClass[]>> = {
  'metal-m1': ['metal-m2'],
  'metal-m2': ['metal-m1', 'metal-m3'],
  'metal-m3': ['metal-m2', 'metal-m4'],
  'metal-m4': ['metal-m3', 'metal-m5'],
  'metal-m5': ['metal-m4'],
  'cuda-datacenter': ['cuda'],
  cuda: ['cuda-datacenter'],
  rocm: ['vulkan'],
  vulkan: ['rocm'],
};

/** Largest per-layer overhead searched, seconds (0.3 ms x 32 layers = 9.6 ms per token). */
const MAX_OVERHEAD_S = 0.0003;

/** Predicted tokens/s for a sample under constants `k`. */
export function predictSample(s: DecodeSample, k: DecodeConstants): number {
  return 1 / decodeSecondsPerToken(s.work, s.bandwidthGbS, s.cls, k);
}

function logError(s: DecodeSample, k: DecodeConstants): number {
  return Math.log(predictSample(s, k) / s.tps);
}

/**
 * Weighted squared log errors: each row weighs 1 / sqrt(rows of its device), so a device
 * measured at many depths informs the fit without drowning the devices measured once.
 */
function sumSquares(samples: DecodeSample[], k: DecodeConstants, w: Map<string, number>): number {
  let sum = 0;
  for (const s of samples) sum += (w.get(s.device) ?? 1) * logError(s, k) ** 2;
  return sum;
}

function deviceWeights(samples: { device: string }[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const s of samples) n.set(s.device, (n.get(s.device) ?? 0) + 1);
  return new Map([...n].map(([d, c]) => [d, 1 / Math.sqrt(c)]));
}

/** Minimum of a unimodal f on [lo, hi] by golden-section search. */
function goldenMin(f: (x: number) => number, lo: number, hi: number, iterations = 48): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < iterations; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

function structuredCloneConstants(k: DecodeConstants): DecodeConstants {
  const classes = {} as Record<DecodeClass, ClassConstants>;
  for (const c of DECODE_CLASSES) classes[c] = { ...k.classes[c] };
  return { classes, kinds: { ...k.kinds }, range: { ...k.range } };
}

function initial(): DecodeConstants {
  const classes = {} as Record<DecodeClass, ClassConstants>;
  for (const c of DECODE_CLASSES)
    classes[c] = {
      efficiency: 0.6,
      overheadPerLayerS: 0,
      attentionFlopPerByte: DEFAULT_FLOP_PER_BYTE,
    };
  const kinds = {} as Record<WeightKind, number>;
  for (const w of WEIGHT_KINDS) kinds[w] = 1;
  return { classes, kinds, range: { low: 1, high: 1 } };
}

/** Starting attention constant, FLOP per byte; classes without deep-cache rows get the fitted classes' geometric mean. */
const DEFAULT_FLOP_PER_BYTE = 30;

/**
 * Fits one class by coordinate descent: efficiency, per-layer overhead (only when the class has
 * more than one device: one device cannot tell them apart) and the attention constant (only when
 * the class has rows measured deep into the cache).
 */
function fitClass(
  k: DecodeConstants,
  cls: DecodeClass,
  rows: DecodeSample[],
  w: Map<string, number>,
): void {
  const devices = new Set(rows.map((r) => r.device)).size;
  const deep = rows.some((r) => r.work.attentionFlops > 0 && r.depth > 0);
  const cur = k.classes[cls];
  if (devices <= 1) cur.overheadPerLayerS = 0;
  const err = () => sumSquares(rows, k, w);
  for (let round = 0; round < 6; round++) {
    cur.efficiency = Math.exp(
      goldenMin((x) => ((cur.efficiency = Math.exp(x)), err()), Math.log(0.05), Math.log(2)),
    );
    if (devices > 1) {
      cur.overheadPerLayerS = goldenMin(
        (x) => ((cur.overheadPerLayerS = x), err()),
        0,
        MAX_OVERHEAD_S,
      );
    }
    if (deep) {
      cur.attentionFlopPerByte = Math.exp(
        goldenMin(
          (x) => ((cur.attentionFlopPerByte = Math.exp(x)), err()),
          Math.log(0.5),
          Math.log(1e5),
        ),
      );
    }
  }
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 1;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  const a = sorted[lo] ?? 1;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (i - lo);
}

/** The classes that have samples, and for each class without, the class it borrows from. */
function borrowFrom(k: DecodeConstants, fitted: Set<DecodeClass>, deep: Set<DecodeClass>): void {
  const logs = [...deep].map((c) => Math.log(k.classes[c].attentionFlopPerByte));
  const mean = logs.length
    ? Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length)
    : DEFAULT_FLOP_PER_BYTE;
  for (const cls of DECODE_CLASSES) if (!deep.has(cls)) k.classes[cls].attentionFlopPerByte = mean;
  for (const cls of DECODE_CLASSES) {
    if (fitted.has(cls)) continue;
    const from = (BORROW[cls] ?? []).find((c) => fitted.has(c));
    if (from) k.classes[cls] = { ...k.classes[from] };
  }
}

export interface FitOptions {
  /** Keep these weight-kind factors instead of fitting them (leave-one-out folds). */
  kinds?: Record<WeightKind, number>;
  /** Start from these constants and refit only this class (leave-one-out folds). */
  from?: DecodeConstants;
  only?: DecodeClass;
  sweeps?: number;
}

/**
 * Least squares on log speed: per class an efficiency and a fixed per-token overhead, and one
 * efficiency factor per weight kind shared by all classes (k-quant = 1), by alternating
 * one-dimensional searches. The range is the 5th-95th percentile of measured / predicted speed.
 */
export function fitDecode(samples: DecodeSample[], options: FitOptions = {}): DecodeConstants {
  const k = options.from ? structuredCloneConstants(options.from) : initial();
  if (options.kinds) k.kinds = { ...options.kinds };
  const w = deviceWeights(samples);
  const byClass = new Map<DecodeClass, DecodeSample[]>();
  for (const s of samples) byClass.set(s.cls, [...(byClass.get(s.cls) ?? []), s]);
  const sweeps = options.kinds ? 1 : (options.sweeps ?? 4);
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (const [cls, rows] of byClass)
      if (!options.only || cls === options.only) fitClass(k, cls, rows, w);
    if (options.kinds) break;
    for (const kind of WEIGHT_KINDS) {
      if (kind === 'k-quant') continue;
      const rows = samples.filter((s) => s.work.kind === kind);
      if (rows.length === 0) continue;
      const f = (logF: number) => {
        k.kinds[kind] = Math.exp(logF);
        return sumSquares(rows, k, w);
      };
      k.kinds[kind] = Math.exp(goldenMin(f, Math.log(0.3), Math.log(3)));
    }
  }
  const deep = new Set(samples.filter((s) => s.depth > 0).map((s) => s.cls));
  borrowFrom(k, new Set(byClass.keys()), deep);
  const ratios = samples.map((s) => Math.exp(logError(s, k))).sort((a, b) => a - b);
  k.range = { low: quantile(ratios, 0.05), high: quantile(ratios, 0.95) };
  return k;
}

export interface HeldOut {
  sample: DecodeSample;
  /** Predicted tokens/s with the device left out of the fit. */
  predicted: number;
  low: number;
  high: number;
}

/**
 * Leave-one-device-out: for every device, fit on the other devices' rows (weight-kind factors
 * kept from `full`, as one device barely moves them) and predict its rows. Classes left with no
 * other device borrow a neighbour's constants; rows with nothing to borrow are skipped.
 */
export function leaveOneDeviceOut(samples: DecodeSample[], full: DecodeConstants): HeldOut[] {
  const out: HeldOut[] = [];
  const devices = [...new Set(samples.map((s) => s.device))];
  for (const device of devices) {
    const held = samples.filter((s) => s.device === device);
    const cls = held[0]?.cls;
    if (!cls) continue;
    const train = samples.filter((s) => s.device !== device);
    const classRows = train.filter((s) => s.cls === cls);
    const borrowed = (BORROW[cls] ?? []).some((c) => train.some((s) => s.cls === c));
    if (classRows.length === 0 && !borrowed) continue;
    const k = fitDecode(train, { kinds: full.kinds, from: full, only: cls });
    for (const s of held) {
      const tps = predictSample(s, k);
      out.push({ sample: s, predicted: tps, low: tps * k.range.low, high: tps * k.range.high });
    }
  }
  return out;
}

/**
 * Leave-one-out by row: every row predicted by constants fitted without it (weight-kind factors
 * kept from `full`). Its class keeps the device's other rows, so this measures how well the model
 * generalises to another model, file type or cache depth on a device it has seen.
 */
export function leaveOneRowOut(samples: DecodeSample[], full: DecodeConstants): HeldOut[] {
  const out: HeldOut[] = [];
  samples.forEach((s, i) => {
    const train = samples.filter((_, j) => j !== i);
    const k = fitDecode(train, { kinds: full.kinds, from: full, only: s.cls });
    const tps = predictSample(s, k);
    out.push({ sample: s, predicted: tps, low: tps * k.range.low, high: tps * k.range.high });
  });
  return out;
}

export interface ErrorSummary {
  rows: number;
  devices: number;
  /** Median of |predicted / measured - 1|. */
  medianError: number;
  /** Share of rows with |predicted / measured - 1| <= 0.25. */
  within25: number;
  /** 90th percentile of |predicted / measured - 1|. */
  p90Error: number;
  /** Share of rows whose measurement lies inside the range shown. */
  rangeCoverage: number;
}

/** Summary of held-out errors (see {@link leaveOneDeviceOut}). */
export function summarizeErrors(
  held: { sample: { tps: number; device: string }; predicted: number; low: number; high: number }[],
): ErrorSummary {
  const errs = held.map((h) => Math.abs(h.predicted / h.sample.tps - 1)).sort((a, b) => a - b);
  const inRange = held.filter((h) => h.sample.tps >= h.low && h.sample.tps <= h.high).length;
  return {
    rows: held.length,
    devices: new Set(held.map((h) => h.sample.device)).size,
    medianError: quantile(errs, 0.5),
    within25: errs.filter((e) => e <= 0.25).length / Math.max(1, errs.length),
    p90Error: quantile(errs, 0.9),
    rangeCoverage: inRange / Math.max(1, held.length),
  };
}

/** One published llama-bench prompt-processing result, reduced to what the prefill model sees. */
export interface PrefillSample {
  cls: DecodeClass;
  kind: WeightKind;
  /** FLOP per prompt token: 2 x active parameters + attention at the test's mean length. */
  flopsPerToken: number;
  /** FP16 peak of the device, TFLOPS (dense tensor, or vector where the device has no tensor units). */
  fp16Tflops: number;
  tps: number;
  device: string;
}

function prefillRatio(s: PrefillSample, k: PrefillConstants): number {
  return prefillTokensPerSecond(s.flopsPerToken, s.fp16Tflops, s.cls, s.kind, k) / s.tps;
}

/**
 * Prefill efficiency per class and weight-kind factor: alternating weighted means of log(measured
 * / peak-bound speed), each row weighing 1 / sqrt(rows of its device). Classes without rows
 * borrow like decode ({@link BORROW}).
 */
export function fitPrefill(
  samples: PrefillSample[],
  fixedKinds?: Record<WeightKind, number>,
): PrefillConstants {
  const classes = {} as Record<DecodeClass, number>;
  for (const c of DECODE_CLASSES) classes[c] = 0.3;
  const kinds = {} as Record<WeightKind, number>;
  for (const w of WEIGHT_KINDS) kinds[w] = fixedKinds?.[w] ?? 1;
  const k: PrefillConstants = { classes, kinds, range: { low: 1, high: 1 } };
  const w = deviceWeights(samples);
  const logMean = (rows: PrefillSample[], f: (s: PrefillSample) => number) => {
    let sw = 0;
    let sum = 0;
    for (const s of rows) {
      const wt = w.get(s.device) ?? 1;
      sw += wt;
      sum += wt * Math.log(f(s));
    }
    return sw > 0 ? Math.exp(sum / sw) : 1;
  };
  const fitted = new Set(samples.map((s) => s.cls));
  for (let sweep = 0; sweep < 8; sweep++) {
    for (const cls of fitted) {
      const rows = samples.filter((s) => s.cls === cls);
      classes[cls] = classes[cls] / logMean(rows, (s) => prefillRatio(s, k));
    }
    if (fixedKinds) break;
    for (const kind of WEIGHT_KINDS) {
      if (kind === 'k-quant') continue;
      const rows = samples.filter((s) => s.kind === kind);
      if (rows.length) kinds[kind] = kinds[kind] / logMean(rows, (s) => prefillRatio(s, k));
    }
  }
  for (const cls of DECODE_CLASSES) {
    if (fitted.has(cls)) continue;
    const from = (BORROW[cls] ?? []).find((c) => fitted.has(c));
    if (from) classes[cls] = classes[from];
  }
  const ratios = samples.map((s) => 1 / prefillRatio(s, k)).sort((a, b) => a - b);
  k.range = { low: quantile(ratios, 0.05), high: quantile(ratios, 0.95) };
  return k;
}

/** Leave-one-device-out for prefill (weight-kind factors kept from `full`). */
export function prefillLeaveOneDeviceOut(samples: PrefillSample[], full: PrefillConstants) {
  const out: { sample: PrefillSample; predicted: number; low: number; high: number }[] = [];
  for (const device of new Set(samples.map((s) => s.device))) {
    const held = samples.filter((s) => s.device === device);
    const train = samples.filter((s) => s.device !== device);
    const cls = held[0]?.cls;
    if (!cls) continue;
    const has = train.some((s) => s.cls === cls || (BORROW[cls] ?? []).includes(s.cls));
    if (!has) continue;
    const k = fitPrefill(train, full.kinds);
    for (const s of held) {
      const tps = prefillTokensPerSecond(s.flopsPerToken, s.fp16Tflops, s.cls, s.kind, k);
      out.push({ sample: s, predicted: tps, low: tps * k.range.low, high: tps * k.range.high });
    }
  }
  return out;
}
