import type { z } from 'zod';

/** A catalog entry that failed validation and was left out. */
export interface CatalogIssue {
  /** JSON path, e.g. `models[3].arch.kvHeads`. */
  path: string;
  message: string;
}

export interface Validated<T> {
  items: T[];
  issues: CatalogIssue[];
}

function formatPath(root: string, index: number, path: readonly PropertyKey[]): string {
  let out = `${root}[${index}]`;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

/**
 * Validates each entry of a catalog array on its own: valid entries are kept, invalid ones are
 * reported with their JSON path and left out, and duplicate ids keep the first entry.
 */
export function validateEntries<T extends { id: string }>(
  root: string,
  entries: readonly unknown[],
  schema: z.ZodType<T>,
): Validated<T> {
  const items: T[] = [];
  const issues: CatalogIssue[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const r = schema.safeParse(entry);
    if (!r.success) {
      const first = r.error.issues[0];
      issues.push({
        path: formatPath(root, i, first?.path ?? []),
        message: first?.message ?? 'invalid entry',
      });
      return;
    }
    if (seen.has(r.data.id)) {
      issues.push({ path: `${root}[${i}].id`, message: `duplicate id "${r.data.id}"` });
      return;
    }
    seen.add(r.data.id);
    items.push(r.data);
  });
  return { items, issues };
}
