// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * no-restricted-imports patterns that forbid importing the given sibling
 * layers of src/ via relative paths (`../state`, `../../state/x`) or via a
 * path containing `src/<layer>`.
 * @param {string[]} layers
 * @param {string} from
 */
function layerPatterns(layers, from) {
  const alt = layers.join('|');
  return [
    {
      regex: `^(\\.\\./)+(${alt})(/|$)`,
      message: `Layer boundary: src/${from} may not import from src/{${layers.join(',')}}.`,
    },
    {
      regex: `(^|/)src/(${alt})(/|$)`,
      message: `Layer boundary: src/${from} may not import from src/{${layers.join(',')}}.`,
    },
  ];
}

/**
 * @param {string} layer
 * @param {string[]} forbiddenLayers
 */
function layerBoundary(layer, forbiddenLayers) {
  return {
    files: [`src/${layer}/**/*.{ts,tsx,js,jsx,mjs}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: layerPatterns(forbiddenLayers, layer) }],
    },
  };
}

/**
 * One rule set per folder of src/features: a feature never imports another feature (shared UI goes
 * to src/components, shared figures to src/results).
 */
function featureIsolation() {
  const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  return features.map((name) => {
    const others = features.filter((f) => f !== name);
    return {
      files: [`src/features/${name}/**/*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...layerPatterns(['app'], 'features'),
              {
                regex: `^\\.\\./(${others.join('|')})(/|$)`,
                message: `Feature isolation: src/features/${name} may not import another feature; move shared code to src/components or src/results.`,
              },
            ],
          },
        ],
      },
    };
  });
}

const DOMAIN_FORBIDDEN_PACKAGES = ['react', 'react-dom', 'zustand', 'recharts'];

export default defineConfig(
  {
    ignores: [
      '.scratch/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'public/data/**',
      'tmp-*/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // src/domain cannot use React, so hook rules would only produce false
    // positives there (e.g. llama.cpp's `use_more_bits` → `useMoreBits`).
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    ignores: ['src/domain/**', 'tests/domain/**'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['src/**/*.{ts,tsx,js,jsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-console': 'error' },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },

  // ---- Architectural boundaries -------------------------------------------
  // src/domain: pure TypeScript. No UI/state libraries, no other layers, no
  // browser globals.
  {
    files: ['src/domain/**/*.{ts,tsx,js,jsx,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: DOMAIN_FORBIDDEN_PACKAGES.map((name) => ({
            name,
            message: `src/domain must stay framework-free: do not import '${name}'.`,
          })),
          patterns: [
            {
              group: ['@tanstack/*', ...DOMAIN_FORBIDDEN_PACKAGES.map((name) => `${name}/*`)],
              message: 'src/domain must stay framework-free (no React/state/chart libraries).',
            },
            ...layerPatterns(
              ['catalog', 'state', 'results', 'components', 'features', 'app'],
              'domain',
            ),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'fetch', 'localStorage', 'navigator'].map((name) => ({
          name,
          message: `src/domain must not depend on the browser: '${name}' is not allowed.`,
        })),
      ],
    },
  },
  layerBoundary('catalog', ['state', 'results', 'components', 'features', 'app']),
  layerBoundary('state', ['results', 'components', 'features', 'app']),
  layerBoundary('results', ['components', 'features', 'app']),
  layerBoundary('components', ['results', 'features', 'app']),
  ...featureIsolation(),
);
