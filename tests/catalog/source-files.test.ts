import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deviceSchema, modelSchema } from '../../src/catalog/schema';
import { countParams, listTensors } from '../../src/domain/tensors';
import { staleCatalogFiles } from '../../scripts/assemble-catalog.mjs';

const root = join(__dirname, '../..');
const catalogDir = join(root, 'catalog');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.json'))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const i = error.issues[0];
  return i ? `${i.path.map(String).join('.')}: ${i.message}` : 'invalid';
}

describe('catalog source files', () => {
  const modelFiles = files(join(catalogDir, 'models'));
  const deviceFiles = files(join(catalogDir, 'devices'));

  it('every model file validates against the model schema', () => {
    const problems: string[] = [];
    for (const f of modelFiles) {
      const r = modelSchema.safeParse(JSON.parse(readFileSync(f, 'utf8')));
      if (!r.success) problems.push(`${relative(root, f)}: ${firstIssue(r.error)}`);
    }
    expect(problems).toEqual([]);
  });

  it('every device file validates against the device schema', () => {
    const problems: string[] = [];
    for (const f of deviceFiles) {
      const r = deviceSchema.safeParse(JSON.parse(readFileSync(f, 'utf8')));
      if (!r.success) problems.push(`${relative(root, f)}: ${firstIssue(r.error)}`);
    }
    expect(problems).toEqual([]);
  });

  it('every model has a licence from licenses.json and a release date, each backed by a source', () => {
    const licenses = new Set(
      (
        JSON.parse(readFileSync(join(catalogDir, 'licenses.json'), 'utf8')) as {
          licenses: { name: string }[];
        }
      ).licenses.map((l) => l.name),
    );
    const problems: string[] = [];
    for (const f of modelFiles) {
      const m = modelSchema.parse(JSON.parse(readFileSync(f, 'utf8')));
      const covers = new Set(m.sources.flatMap((s) => s.covers ?? []));
      if (!m.license || !licenses.has(m.license)) problems.push(`${m.id}: licence ${m.license}`);
      if (!covers.has('license')) problems.push(`${m.id}: no source covers the licence`);
      if (!m.releaseDate) problems.push(`${m.id}: no release date`);
      if (!covers.has('releaseDate')) problems.push(`${m.id}: no source covers the release date`);
    }
    expect(problems).toEqual([]);
  });

  it('downloads name only catalog quantization ids, each repository and tag with a source', () => {
    const quantIds = new Set(
      (
        JSON.parse(readFileSync(join(catalogDir, 'quantizations.json'), 'utf8')) as {
          quantizations: { id: string }[];
        }
      ).quantizations.map((q) => q.id),
    );
    const problems: string[] = [];
    for (const f of files(join(catalogDir, 'downloads'))) {
      const d = JSON.parse(readFileSync(f, 'utf8')) as {
        gguf?: { repo: string; quants: string[]; source?: { url?: string } }[];
        ollama?: { tag: string; quant: string; source?: { url?: string } }[];
      };
      for (const r of d.gguf ?? []) {
        if (!r.source?.url) problems.push(`${r.repo}: no source`);
        for (const q of r.quants) if (!quantIds.has(q)) problems.push(`${r.repo}: ${q}`);
      }
      for (const t of d.ollama ?? []) {
        if (!t.source?.url) problems.push(`${t.tag}: no source`);
        if (!quantIds.has(t.quant)) problems.push(`${t.tag}: ${t.quant}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('public/data is what the source files give (run node scripts/assemble-catalog.mjs)', () => {
    expect(staleCatalogFiles(root)).toEqual([]);
  });

  it('prints the engine parameter count against the published one (CATALOG_REPORT=1)', () => {
    if (process.env.CATALOG_REPORT !== '1') return;
    const rows: string[] = [];
    for (const f of modelFiles) {
      const m = modelSchema.parse(JSON.parse(readFileSync(f, 'utf8')));
      const engine = countParams(listTensors(m.arch));
      const pub = m.totalParams;
      const diff = pub ? ((engine - pub) / pub) * 100 : NaN;
      rows.push(
        `${relative(catalogDir, f).split(sep).join('/').padEnd(70)} engine ${(engine / 1e9).toFixed(3)}B published ${pub ? (pub / 1e9).toFixed(3) + 'B' : '-'} ${Number.isNaN(diff) ? '' : diff.toFixed(2) + '%'}`,
      );
    }
    process.stdout.write(`${rows.join('\n')}\n`);
  });
});
