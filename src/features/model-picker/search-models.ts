import type { ModelSpec } from '../../domain/types';

/**
 * Models whose name, id, publisher or family contain every word of `query` (case-insensitive),
 * best first: names that start with the query, then names containing it, then the rest; ties by
 * name in natural order (3B before 14B). An empty query lists every model by name.
 */
export function searchModels(models: readonly ModelSpec[], query: string): ModelSpec[] {
  const q = query.trim().toLowerCase();
  const words = q.split(/\s+/).filter(Boolean);
  const scored: { m: ModelSpec; score: number }[] = [];
  for (const m of models) {
    const hay = `${m.name} ${m.id} ${m.publisher} ${m.family}`.toLowerCase();
    if (!words.every((w) => hay.includes(w))) continue;
    const name = m.name.toLowerCase();
    const score = q === '' ? 2 : name.startsWith(q) ? 0 : name.includes(q) ? 1 : 2;
    scored.push({ m, score });
  }
  scored.sort(
    (a, b) => a.score - b.score || a.m.name.localeCompare(b.m.name, 'en', { numeric: true }),
  );
  return scored.map((s) => s.m);
}
