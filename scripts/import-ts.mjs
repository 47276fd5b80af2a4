/**
 * Imports a TypeScript entry (and the app code it imports) in plain Node: bundles it in memory with
 * Vite's library build and evaluates the result. Used by the scripts that run the app's own engine
 * (catalog-derive.mjs, fit-decode.mjs).
 */
import { join } from 'node:path';
import { build } from 'vite';

/** The module `entry` (a path relative to `root`) exports. */
export async function importTs(root, entry) {
  const out = await build({
    configFile: false,
    root,
    logLevel: 'error',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(root, entry), formats: ['es'] },
      rolldownOptions: { external: [] },
    },
  });
  const code = (Array.isArray(out) ? out[0] : out).output[0].code;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
