/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Content-Security-Policy for the production build. The dev server needs inline
 * scripts (React Refresh preamble), so the policy is only injected at build time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
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

export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
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
    environment: 'jsdom',
    globals: false,
    setupFiles: ['tests/setup.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
  },
});
