#!/usr/bin/env node
/**
 * Assembles the shipped catalog (public/data/*.json) from its source files:
 *   catalog/models/<owner>/<name>.json     one model each (path = Hugging Face repo id)
 *   catalog/downloads/<owner>/<name>.json  where to get it (GGUF repos, Ollama tags), optional
 *   catalog/devices/<id>.json              one GPU, computer or system each
 *   catalog/quantizations.json             the quantization list
 *   catalog/excluded-models.json           models left out, with the reason
 * The zod schemas in src/catalog/ validate the result in the tests and in `vite build`
 * (vite.config.ts); this script only joins files, checks that each file's id matches its path,
 * and writes the three JSON files. Usage: `node scripts/assemble-catalog.mjs` (or `--check`,
 * which exits 1 when public/data is not what the sources give).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${relative(repoRoot, path)}: ${e.message}`);
  }
}

function jsonFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.json'))
    .map((d) => join(d.parentPath ?? d.path, d.name))
    .sort();
}

/**
 * The quality word of each GGUF file type with the measurements behind it, from
 * catalog/measurements/quant-quality.json: the summary's word and perplexity-increase range, the
 * number of models measured, its note, and the sources of the rows it rests on (at most 4).
 */
function qualityByQuant(file) {
  const out = new Map();
  for (const t of file.summary.types) {
    const rows = file.rows.filter((r) => r.quant === t.quant && !r.excludeFromSummary);
    const sources = [];
    for (const src of [...(t.noteSources ?? []), ...rows.map((r) => r.source)]) {
      if (sources.length < 4 && !sources.some((x) => x.url === src.url)) sources.push(src);
    }
    out.set(t.quant, {
      word: t.word,
      pplIncreasePct: { min: t.pplIncreasePct.min, max: t.pplIncreasePct.max },
      models: t.pplIncreasePct.models,
      basis: t.basis,
      note: t.note ?? null,
      sources,
    });
  }
  return out;
}

/** Joins the catalog source files; throws with the file name on a broken file or id. */
export function assembleCatalog(root = repoRoot) {
  const cat = join(root, 'catalog');
  const downloadsDir = join(cat, 'downloads');
  const models = jsonFiles(join(cat, 'models')).map((file) => {
    const entry = readJson(file);
    const id = relative(join(cat, 'models'), file)
      .split(sep)
      .join('/')
      .replace(/\.json$/, '');
    if (entry.id !== id)
      throw new Error(`${relative(root, file)}: id "${entry.id}" should be "${id}"`);
    const dl = join(downloadsDir, `${id}.json`);
    if (existsSync(dl)) {
      const d = readJson(dl);
      if (d.id !== id) throw new Error(`${relative(root, dl)}: id "${d.id}" should be "${id}"`);
      const { id: _id, ...downloads } = d;
      return { ...entry, downloads };
    }
    return entry;
  });
  for (const file of jsonFiles(downloadsDir)) {
    const id = relative(downloadsDir, file)
      .split(sep)
      .join('/')
      .replace(/\.json$/, '');
    if (!models.some((m) => m.id === id))
      throw new Error(`${relative(root, file)}: no model ${id} in catalog/models`);
  }
  const devices = jsonFiles(join(cat, 'devices')).map((file) => {
    const entry = readJson(file);
    const id = relative(join(cat, 'devices'), file).replace(/\.json$/, '');
    if (entry.id !== id)
      throw new Error(`${relative(root, file)}: id "${entry.id}" should be "${id}"`);
    return entry;
  });
  const excluded = readJson(join(cat, 'excluded-models.json')).excluded;
  const quality = qualityByQuant(readJson(join(cat, 'measurements', 'quant-quality.json')));
  const quantizations = readJson(join(cat, 'quantizations.json')).quantizations.map((q) =>
    quality.has(q.id) ? { ...q, quality: quality.get(q.id) } : q,
  );
  return {
    'models.json': { schemaVersion: 2, generatedFrom: 'catalog/models', models, excluded },
    'gpus.json': { schemaVersion: 2, generatedFrom: 'catalog/devices', devices },
    'quantizations.json': {
      schemaVersion: 2,
      generatedFrom: 'catalog/quantizations.json',
      quantizations,
    },
  };
}

const text = (value) => `${JSON.stringify(value)}\n`;

/** Writes public/data/*.json when they differ from the sources; returns the files written. */
export function writeCatalog(root = repoRoot) {
  const written = [];
  for (const [name, value] of Object.entries(assembleCatalog(root))) {
    const path = join(root, 'public', 'data', name);
    const next = text(value);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== next) {
      writeFileSync(path, next);
      written.push(name);
    }
  }
  return written;
}

/** Files of public/data that are not what the sources give. */
export function staleCatalogFiles(root = repoRoot) {
  return Object.entries(assembleCatalog(root))
    .filter(([name, value]) => {
      const path = join(root, 'public', 'data', name);
      return !existsSync(path) || readFileSync(path, 'utf8') !== text(value);
    })
    .map(([name]) => name);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const stale = staleCatalogFiles();
    if (stale.length > 0) {
      console.error(
        `public/data is out of date: ${stale.join(', ')} (run node scripts/assemble-catalog.mjs)`,
      );
      process.exit(1);
    }
  } else {
    const written = writeCatalog();
    console.log(
      written.length
        ? `wrote public/data/${written.join(', public/data/')}`
        : 'public/data is up to date',
    );
  }
}
