/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { staleCatalogFiles, writeCatalog } from './scripts/assemble-catalog.mjs';
import { deriveCatalog } from './scripts/catalog-derive.mjs';

/**
 * Content-Security-Policy for the production build. The dev server needs inline
 * scripts (React Refresh preamble), so the policy is only injected at build time.
 * `connect-src` adds `https:`: "Fetch config from Hugging Face" (huggingface.co, which redirects
 * file downloads to its CDN hosts) and "GGUF URL" (any HTTPS server the user types) fetch only
 * on the user's request; scripts stay `'self'`, so no other code can use it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' https:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'llm-vram:csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
      // Right after <meta charset>, before any script or stylesheet it governs.
      const charset = /<meta\s+charset=[^>]*>/i;
      if (!charset.test(html)) {
        throw new Error('index.html must contain <meta charset> for the CSP meta to be injected');
      }
      return html.replace(charset, (match) => `${match}\n    ${meta}`);
    },
  };
}

/**
 * The catalog at build and dev-server start: public/data must be what catalog/ gives (the build
 * fails otherwise; the dev server regenerates it), every entry must pass the zod schemas, and
 * data/weights.json (every model in every quantization, computed by the engine) is emitted with
 * the build and served by the dev server.
 */
function catalogData(): Plugin {
  const root = import.meta.dirname;
  const weightsJson = async (): Promise<string> => {
    const { issues, weightsJson: json } = await deriveCatalog(root);
    if (issues.length > 0) {
      const list = issues.map((i) => `${i.path}: ${i.message}`).join('\n');
      throw new Error(`The catalog has invalid entries:\n${list}`);
    }
    return json;
  };
  let built: Promise<string> | undefined;
  return {
    name: 'llm-vram:catalog-data',
    buildStart() {
      if (this.environment.mode === 'dev') {
        writeCatalog(root);
        return;
      }
      const stale = staleCatalogFiles(root);
      if (stale.length > 0)
        throw new Error(
          `public/data is out of date (${stale.join(', ')}): run node scripts/assemble-catalog.mjs`,
        );
      built = weightsJson();
    },
    async generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'data/weights.json',
        source: await (built ?? weightsJson()),
      });
    },
    configureServer(server) {
      server.middlewares.use('/data/weights.json', (_req, res, next) => {
        weightsJson().then((json) => {
          res.setHeader('Content-Type', 'application/json');
          res.end(json);
        }, next);
      });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), catalogData()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill would be injected as an inline <script>, which the CSP forbids.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // @huggingface/gguf re-exports @huggingface/tasks, whose packages do not declare
      // "sideEffects": false; we use only the GGMLQuantizationType enum, so let the bundler
      // drop the rest (about 190 KiB gzip).
      treeshake: {
        moduleSideEffects: (id: string) => !/node_modules[\\/]@huggingface[\\/]/.test(id),
      },
    },
  },
  test: {
    globals: false,
    setupFiles: ['tests/setup.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    // Pure tests (engine, catalog, state, results) run in Node; only views need a DOM (jsdom),
    // whose set-up is the largest cost of a run.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/{domain,catalog,state,results}/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/{components,features,app}/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
