/**
 * What the build derives from public/data: the zod validation of every entry (the app's
 * src/catalog/schema.ts) and data/weights.json, the weights of every model in every quantization
 * computed by the app's engine (src/domain/estimate-cache.ts buildWeightsTable). The TypeScript is
 * bundled with Vite's library build into memory and evaluated, so this runs in plain Node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

async function loadDeriver(root) {
  const out = await build({
    configFile: false,
    root,
    logLevel: 'error',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(root, 'scripts/catalog-derive-entry.ts'), formats: ['es'] },
      rolldownOptions: { external: [] },
    },
  });
  const code = (Array.isArray(out) ? out[0] : out).output[0].code;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** { issues, weightsJson } for the catalog in `root`/public/data. */
export async function deriveCatalog(root) {
  const read = (f) => JSON.parse(readFileSync(join(root, 'public', 'data', f), 'utf8'));
  const { deriveCatalog: derive } = await loadDeriver(root);
  const { issues, weights } = derive(
    read('models.json'),
    read('quantizations.json'),
    read('gpus.json'),
  );
  return { issues, weightsJson: JSON.stringify(weights) };
}
