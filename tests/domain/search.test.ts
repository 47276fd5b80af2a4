import { describe, expect, it } from 'vitest';
import { compact, searchDevices, searchModels, words } from '../../src/domain/search';
import type { ModelSpec } from '../../src/domain/types';
import { FIXTURE_MODELS } from '../fixtures/catalog';
import { testDevice } from '../fixtures/devices';

const model = (name: string, extra: Partial<ModelSpec> = {}): ModelSpec => ({
  ...FIXTURE_MODELS[1]!,
  id: `t/${compact(name)}`,
  name,
  ...extra,
});

describe('search', () => {
  it('ignores case, spacing and punctuation', () => {
    expect(compact('GPT-OSS 20b')).toBe('gptoss20b');
    expect(words('Qwen3-14B (AWQ)')).toEqual(['qwen3', '14b', 'awq']);
    expect(words('Qwen2.5 14B')).toEqual(['qwen2.5', '14b']);
  });

  it('finds models whatever the spelling: "gptoss", "gpt oss", "GPT-OSS"', () => {
    const ms = [model('gpt-oss-20b', { family: 'gpt-oss' }), model('Llama 3.1 8B')];
    for (const q of ['gptoss', 'gpt oss', 'GPT-OSS', 'oss 20']) {
      expect(
        searchModels(ms, q).map((m) => m.name),
        q,
      ).toEqual(['gpt-oss-20b']);
    }
  });

  it('"qwen 14": the family at the start of the name first, originals before distills, newer first', () => {
    const ms = [
      model('DeepSeek R1 Distill Qwen 14B', { derivation: 'distill', releaseDate: '2025-01-20' }),
      model('Qwen2.5 14B Instruct', { releaseDate: '2024-09-19' }),
      model('Qwen3 14B', { releaseDate: '2025-04-29' }),
    ];
    expect(searchModels(ms, 'qwen 14').map((m) => m.name)).toEqual([
      'Qwen3 14B',
      'Qwen2.5 14B Instruct',
      'DeepSeek R1 Distill Qwen 14B',
    ]);
  });

  it('every query word must match; an empty query lists all, by name in natural order', () => {
    expect(searchModels(FIXTURE_MODELS, 'deepseek mit')).toEqual([]);
    const sizes = ['Qwen2.5 14B', 'Qwen2.5 3B', 'Qwen2.5 0.5B'].map((n) => model(n));
    expect(searchModels(sizes, '').map((m) => m.name)).toEqual([
      'Qwen2.5 0.5B',
      'Qwen2.5 3B',
      'Qwen2.5 14B',
    ]);
  });

  it('finds devices by model number, chip and alias: "4070", "m3 pro", "h100"', () => {
    const ds = [
      testDevice(12, { id: 'a', name: 'NVIDIA GeForce RTX 4070 Ti (12 GB)' }),
      testDevice(12, { id: 'b', name: 'NVIDIA GeForce RTX 4070 (12 GB)' }),
      testDevice(36, { id: 'c', name: 'Apple MacBook Pro (M3 Max, 36 GB)', chip: 'M3 Max' }),
      testDevice(36, { id: 'd', name: 'Apple MacBook Pro (M3 Pro, 36 GB)', chip: 'M3 Pro' }),
      testDevice(80, { id: 'e', name: 'NVIDIA H100 SXM (80 GB)', aliases: ['h100'] }),
    ];
    expect(searchDevices(ds, '4070').map((d) => d.id)).toEqual(['b', 'a']);
    expect(searchDevices(ds, 'm3 pro')[0]?.id).toBe('d');
    expect(searchDevices(ds, 'm3pro').map((d) => d.id)).toEqual(['d']);
    expect(searchDevices(ds, 'h100').map((d) => d.id)).toEqual(['e']);
    expect(searchDevices(ds, '')).toHaveLength(5);
  });
});
