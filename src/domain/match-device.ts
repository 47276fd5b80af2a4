import type { DeviceSpec } from './types';

/**
 * Words that tell two chips with the same model number apart ("RTX 3060" vs "RTX 3060 Ti",
 * "RX 7900 XT" vs "XTX", "M3" vs "M3 Max", desktop vs laptop). A renderer string and a catalog
 * device must carry the same set of them.
 */
const QUALIFIERS: ReadonlySet<string> = new Set([
  'ti',
  'super',
  'xt',
  'xtx',
  'laptop',
  'pro',
  'max',
  'ultra',
  'quadro',
]);

/** Apple chip names ("M2 Max") inside a device name that also says "MacBook Pro". */
const APPLE_CHIP_RE = /\bm(\d{1,2})(?:\s+(pro|max|ultra))?\b/;

/**
 * Lower-cases a renderer string or device name and removes what never identifies a chip: PCI ids
 * "(0x00002684)", Direct3D / OpenGL / shader-model suffixes, memory sizes ("12GB", "(24 GB)"),
 * core counts ("40-core GPU") and trademark marks; "Laptop GPU", "Mobile" and "Max-Q" become
 * "laptop".
 */
export function normalizeRenderer(s: string): string {
  return s
    .toLowerCase()
    .replace(/\((?:r|tm|c)\)/g, ' ')
    .replace(/0x[0-9a-f]+/g, ' ')
    .replace(
      /\b(?:direct3d\d*|d3d\d*|vs_\d_\d|ps_\d_\d|opengl(?:\s+es)?\s*[\d.]*|vulkan\s*[\d.]*)/g,
      ' ',
    )
    .replace(/\b\d+(?:\.\d+)?\s*gb\b/g, ' ')
    .replace(/\b\d+-core\s+\w+/g, ' ')
    .replace(/\bmax-q\b|\bmobile\b/g, 'laptop')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface Signature {
  /** Tokens with a digit: model numbers such as "4090", "a100", "w7900", "m2". */
  numbers: string[];
  qualifiers: Set<string>;
  /** Every token, for tie-breaking ("pcie", "sxm5", "titan"). */
  words: Set<string>;
}

function signatureOf(normalized: string, apple: boolean): Signature {
  if (apple) {
    const m = APPLE_CHIP_RE.exec(normalized);
    if (m) {
      const chip = `m${m[1] ?? ''}`;
      const q = m[2] ? [m[2]] : [];
      return { numbers: [chip], qualifiers: new Set(q), words: new Set([chip, ...q]) };
    }
  }
  const words = normalized.split(' ').filter(Boolean);
  return {
    numbers: words.filter((w) => /\d/.test(w)),
    qualifiers: new Set(words.filter((w) => QUALIFIERS.has(w))),
    words: new Set(words),
  };
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/**
 * Score of `device` for a renderer signature, or null when it cannot be that device: every model
 * number of the device must appear in the renderer string (exact token match: "4090" is not
 * "4090d", "m3" is not "m3 max"), the qualifier words must agree, and a device with no model
 * number (Titan RTX, or only a one- or two-digit one: Gaudi 2) must have all its words present. Higher is better: matched numbers weigh
 * most, then shared words, minus device words the renderer lacks.
 */
function scoreDevice(r: Signature, d: Signature): number | null {
  if (!sameSet(r.qualifiers, d.qualifiers)) return null;
  // Without a distinctive model number (Titan RTX, Jetson AGX Orin, Gaudi 2), every word must match.
  if (d.numbers.every((n) => /^\d{1,2}$/.test(n))) {
    const all = [...d.words].every((w) => r.words.has(w));
    return all && d.words.size >= 2 ? d.numbers.length * 100 + d.words.size : null;
  }
  if (!d.numbers.every((n) => r.words.has(n))) return null;
  let shared = 0;
  let missing = 0;
  for (const w of d.words) {
    if (r.words.has(w)) shared++;
    else missing++;
  }
  return d.numbers.length * 100 + shared - missing;
}

/**
 * The catalog device a browser's GPU string most likely names, or null when unsure. Accepts a
 * WebGL UNMASKED_RENDERER string ("ANGLE (NVIDIA, NVIDIA GeForce RTX 4090 (0x00002684)
 * Direct3D11 vs_5_0 ps_5_0, D3D11)", "NVIDIA GeForce RTX 3060/PCIe/SSE2", "ANGLE (Apple, ANGLE
 * Metal Renderer: Apple M3 Max, Unspecified Version)") or a WebGPU adapter description.
 * Multi-GPU systems are never proposed (a browser sees one GPU). When several devices tie, the
 * first in catalog order is returned only if they name the same chip (memory variants such as
 * "RTX 3080 (10 GB)" / "(12 GB)"); otherwise null.
 */
export function matchDevice(
  renderer: string | null,
  devices: readonly DeviceSpec[],
): string | null {
  const best = bestMatches(renderer, devices);
  const first = best[0];
  if (!first) return null;
  const sameChip = best.every(
    (b) =>
      b.sig.numbers.join(' ') === first.sig.numbers.join(' ') &&
      sameSet(b.sig.qualifiers, first.sig.qualifiers),
  );
  return sameChip ? first.id : null;
}

/**
 * The catalog device a browser's GPU string names when exactly one device matches it best (see
 * {@link matchDevice}); null when the string is missing, matches nothing, or matches several
 * devices, memory variants included (an "Apple M3 Max" could be any of four RAM sizes, an
 * "RTX 4060 Ti" 8 or 16 GB): then a guess would often be wrong.
 */
export function matchDeviceConfidently(
  renderer: string | null,
  devices: readonly DeviceSpec[],
): string | null {
  const best = bestMatches(renderer, devices);
  return best.length === 1 ? (best[0]?.id ?? null) : null;
}

function bestMatches(
  renderer: string | null,
  devices: readonly DeviceSpec[],
): { score: number; sig: Signature; id: string }[] {
  if (!renderer) return [];
  const norm = normalizeRenderer(renderer);
  const apple = /\bapple\b/.test(norm);
  const r = signatureOf(norm, apple);
  let best: { score: number; sig: Signature; id: string }[] = [];
  for (const d of devices) {
    if (d.gpuCount > 1) continue;
    const sig = signatureOf(normalizeRenderer(d.name), d.vendor === 'Apple');
    if (apple !== (d.vendor === 'Apple')) continue;
    const score = scoreDevice(r, sig);
    if (score === null) continue;
    const top = best[0];
    if (!top || score > top.score) best = [{ score, sig, id: d.id }];
    else if (score === top.score) best.push({ score, sig, id: d.id });
  }
  return best;
}
