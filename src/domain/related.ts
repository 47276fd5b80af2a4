import { compareNames } from './format';
import type { ModelSpec } from './types';

export interface Relatives {
  /** Same family (other sizes and versions), the models it was made from, and their families. */
  related: ModelSpec[];
  /** Distills and fine-tunes made from it, its family or the models it was made from. */
  derivatives: ModelSpec[];
}

/**
 * A model's relatives in the catalog, from the catalog's own links (ModelSpec.family and
 * baseModel/derivation): the models it was made from (following baseModel up), the families of
 * those and its own, newer revisions of any of them, and, as derivatives, the distills and
 * fine-tunes of any of them that belong to another family. DeepSeek R1 0528 (a revision of R1,
 * itself trained from V3) lists R1, V3 and V3's revisions as related and the R1 distills as
 * derivatives. Each list is ordered by family, then name (natural order: 8B before 14B).
 */
export function relatives(model: ModelSpec, models: readonly ModelSpec[]): Relatives {
  const byId = new Map(models.map((m) => [m.id, m]));
  const lineage = new Set<string>([model.id]);
  for (let m = model; m.baseModel && !lineage.has(m.baseModel);) {
    const base = byId.get(m.baseModel);
    if (!base) break;
    lineage.add(base.id);
    m = base;
  }
  const families = new Set([...lineage].map((id) => byId.get(id)?.family ?? model.family));
  const inCore = (m: ModelSpec) => lineage.has(m.id) || families.has(m.family);
  const core = models.filter(inCore);
  const coreIds = new Set(core.map((m) => m.id));
  const related: ModelSpec[] = [];
  const derivatives: ModelSpec[] = [];
  for (const m of models) {
    if (m.id === model.id) continue;
    if (coreIds.has(m.id)) {
      related.push(m);
      continue;
    }
    if (!m.baseModel || !coreIds.has(m.baseModel)) continue;
    if (m.derivation === 'revision') related.push(m);
    else derivatives.push(m);
  }
  const order = (a: ModelSpec, b: ModelSpec) =>
    compareNames(a.family, b.family) || compareNames(a.name, b.name);
  return { related: related.sort(order), derivatives: derivatives.sort(order) };
}
