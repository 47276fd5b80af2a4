import { queryOptions } from '@tanstack/react-query';
import type { DeviceSpec, ModelSpec, QuantSpec } from '../domain/types';
import { isGgufFileType } from '../domain/gguf-recipe';
import { isSafetensorsFormat } from '../domain/weights';
import {
  excludedSchema,
  deviceSchema,
  devicesFileSchema,
  modelSchema,
  modelsFileSchema,
  quantSchema,
  quantsFileSchema,
} from './schema';
import { validateEntries, type CatalogIssue } from './validate';

export interface Catalog {
  models: ModelSpec[];
  quants: QuantSpec[];
  devices: DeviceSpec[];
  /** Entries left out, with their JSON path. */
  issues: CatalogIssue[];
  /** Models the catalog leaves out on purpose, with the reason (no source, or the engine cannot express them). */
  excluded: { id: string; reason: string }[];
}

/** Fetches one JSON file of the catalog; throws on a bad HTTP status or a body that is not JSON. */
export async function fetchJson(url: string, fetchImpl: typeof fetch = fetch): Promise<unknown> {
  const res = await fetchImpl(url);
  if (!res.ok) throw new Error(`Could not load ${url}: HTTP ${res.status}`);
  try {
    return (await res.json()) as unknown;
  } catch {
    throw new Error(`Could not load ${url}: the file is not valid JSON`);
  }
}

function fileError(file: string, message: string): Error {
  return new Error(`${file}: ${message}`);
}

/**
 * Validates the three catalog files into domain types. Entries that fail are left out and
 * reported with their JSON path; a file whose top level is wrong throws.
 */
export function parseCatalog(
  modelsJson: unknown,
  quantsJson: unknown,
  devicesJson: unknown,
): Catalog {
  const mf = modelsFileSchema.safeParse(modelsJson);
  if (!mf.success) throw fileError('models.json', 'expected an object with a "models" array');
  const qf = quantsFileSchema.safeParse(quantsJson);
  if (!qf.success)
    throw fileError('quantizations.json', 'expected an object with a "quantizations" array');
  const df = devicesFileSchema.safeParse(devicesJson);
  if (!df.success) throw fileError('gpus.json', 'expected an object with a "devices" array');

  const quants = validateEntries('quantizations', qf.data.quantizations, quantSchema);
  const issues: CatalogIssue[] = [...quants.issues];
  const quantItems = quants.items.filter((q, i) => {
    const known = q.format === 'gguf' ? isGgufFileType(q.id) : isSafetensorsFormat(q.id);
    if (!known)
      issues.push({
        path: `quantizations[${i}].id`,
        message: `the engine has no recipe for "${q.id}"`,
      });
    return known;
  });
  const quantIds = new Set(quantItems.map((q) => q.id));

  const models = validateEntries('models', mf.data.models, modelSchema);
  issues.push(...models.issues);
  const modelItems = models.items.map((m) =>
    quantIds.has(m.recommendedQuant)
      ? m
      : {
          ...m,
          recommendedQuant: quantIds.has('Q4_K_M')
            ? 'Q4_K_M'
            : (quantItems[0]?.id ?? m.recommendedQuant),
        },
  );

  const devices = validateEntries('devices', df.data.devices, deviceSchema);
  issues.push(...devices.issues);
  const excluded = excludedSchema.safeParse((modelsJson as { excluded?: unknown }).excluded);
  return {
    models: modelItems,
    quants: quantItems,
    devices: devices.items,
    issues,
    excluded: excluded.success ? excluded.data : [],
  };
}

/** Base URL of the catalog files (Vite's BASE_URL; the app is built with base './'). */
function dataUrl(file: string): string {
  return `${import.meta.env.BASE_URL}data/${file}`;
}

/** Loads and validates the whole catalog. */
export async function loadCatalog(fetchImpl: typeof fetch = fetch): Promise<Catalog> {
  const [m, q, d] = await Promise.all([
    fetchJson(dataUrl('models.json'), fetchImpl),
    fetchJson(dataUrl('quantizations.json'), fetchImpl),
    fetchJson(dataUrl('gpus.json'), fetchImpl),
  ]);
  return parseCatalog(m, q, d);
}

/** TanStack Query options for the catalog: fetched once, never stale. */
export function catalogQueryOptions(fetchImpl?: typeof fetch) {
  return queryOptions({
    queryKey: ['catalog'],
    queryFn: () => loadCatalog(fetchImpl),
    staleTime: Infinity,
  });
}
