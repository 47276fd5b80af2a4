/**
 * What the build derives from public/data: the zod validation of every entry (the app's
 * src/catalog/schema.ts) and data/weights.json, the weights of every model in every quantization
 * computed by the app's engine (src/domain/estimate-cache.ts buildWeightsTable). The TypeScript is
 * bundled in memory (import-ts.mjs), so this runs in plain Node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTs } from './import-ts.mjs';

/** { issues, weightsJson } for the catalog in `root`/public/data. */
export async function deriveCatalog(root) {
  const read = (f) => JSON.parse(readFileSync(join(root, 'public', 'data', f), 'utf8'));
  const { deriveCatalog: derive } = await importTs(root, 'scripts/catalog-derive-entry.ts');
  const { issues, weights } = derive(
    read('models.json'),
    read('quantizations.json'),
    read('gpus.json'),
  );
  return { issues, weightsJson: JSON.stringify(weights) };
}
