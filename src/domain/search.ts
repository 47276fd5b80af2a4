import { compareNames } from './format';
import type { DeviceSpec, ModelSpec } from './types';

/** Lower case, with everything but letters and digits removed ("GPT-OSS 20b" -> "gptoss20b"). */
export function compact(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * Words of a query or a name: runs of letters and digits, lower case, a version kept whole
 * ("Qwen2.5-14B" -> qwen2.5, 14b; "Llama 3.1" -> llama, 3.1).
 */
export function words(s: string): string[] {
  return s.toLowerCase().match(/[a-z0-9]+(?:\.[a-z0-9]+)*/g) ?? [];
}

interface Haystack {
  /** Every searchable text run together without spaces or punctuation. */
  compact: string;
  /** Words of the name (and aliases), for prefix matches. */
  words: string[];
  /** Words of the display name only. */
  nameWords: string[];
}

function haystack(name: string, extra: readonly string[]): Haystack {
  const all = [name, ...extra];
  return {
    compact: all.map(compact).join('|'),
    words: all.flatMap(words),
    nameWords: words(name),
  };
}

/** Whether the query words start consecutive words of `hay`, in order ("m3 pro" in "... M3 Pro ..."). */
function inSequence(q: readonly string[], hay: readonly string[]): boolean {
  for (let i = 0; i + q.length <= hay.length; i++) {
    if (q.every((w, j) => hay[i + j]?.startsWith(w))) return true;
  }
  return false;
}

/**
 * How well `query` matches a haystack; null when it does not. A match needs every query word to
 * occur (anywhere, ignoring spaces and punctuation, so "gptoss" finds "gpt-oss" and "m3pro" finds
 * "M3 Pro"). Lower is better: query words that start consecutive words, in order ("m3 pro" in
 * "MacBook Pro (M3 Pro)" beats "MacBook Pro (M3 Max)"), then words that are or start name words,
 * then where the first query word sits in the name (the start of the name first).
 */
function score(query: string, h: Haystack): number | null {
  const qWords = words(query);
  if (qWords.length === 0) return 0;
  if (!qWords.every((w) => h.compact.includes(compact(w)))) return null;
  let s = 0;
  if (!inSequence(qWords, h.words)) s += 100;
  for (const w of qWords) {
    if (h.nameWords.includes(w)) continue;
    s += h.words.some((x) => x.startsWith(w)) ? 10 : 30;
  }
  const first = qWords[0] ?? '';
  const at = h.nameWords.findIndex((x) => x.startsWith(first));
  s += at < 0 ? 20 : at * 2;
  return s;
}

/** Derived models (distills, fine-tunes) rank after the originals of equal match. */
const DERIVED_PENALTY = 15;

/**
 * Catalog models matching `query`, best first ({@link score}): "gptoss" finds gpt-oss, "qwen 14"
 * puts Qwen3 14B before "DeepSeek R1 Distill Qwen 14B" (the family at the start of the name wins,
 * and distills rank after originals). Ties: newer release first, then natural name order (3B
 * before 14B). An empty query lists every model by name.
 */
export function searchModels(models: readonly ModelSpec[], query: string): ModelSpec[] {
  const scored: { m: ModelSpec; s: number }[] = [];
  for (const m of models) {
    const s = score(query, haystack(m.name, [m.id, m.family, m.publisher]));
    if (s === null) continue;
    scored.push({
      m,
      s: s + (m.derivation === 'distill' || m.derivation === 'fine-tune' ? DERIVED_PENALTY : 0),
    });
  }
  const empty = words(query).length === 0;
  scored.sort(
    (a, b) =>
      a.s - b.s ||
      (empty ? 0 : (b.m.releaseDate ?? '').localeCompare(a.m.releaseDate ?? '')) ||
      compareNames(a.m.name, b.m.name),
  );
  return scored.map((x) => x.m);
}

/** Searchable text of a device beyond its name: chip, aliases, vendor and "<N>gb". */
function deviceExtra(d: DeviceSpec): string[] {
  return [d.chip ?? '', ...(d.aliases ?? []), d.vendor, `${d.memoryGb}gb`];
}

/**
 * Catalog devices matching `query`, best first: "4070" finds every RTX 4070 (the plain one first:
 * shorter names win ties), "m3 pro" the M3 Pro Macs before other MacBook Pros, "h100" the H100s.
 * An empty query keeps catalog order.
 */
export function searchDevices(devices: readonly DeviceSpec[], query: string): DeviceSpec[] {
  if (words(query).length === 0) return [...devices];
  const scored: { d: DeviceSpec; s: number }[] = [];
  for (const d of devices) {
    const s = score(query, haystack(d.name, deviceExtra(d)));
    if (s !== null) scored.push({ d, s });
  }
  scored.sort((a, b) => a.s - b.s || a.d.name.length - b.d.name.length);
  return scored.map((x) => x.d);
}
