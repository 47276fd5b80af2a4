import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/catalog';
import type { ModelSpec } from '../../src/domain/types';
import { buildCommands, macLimitCommand, type RuntimeId } from '../../src/features/run-it/commands';
import { selectedFigures } from '../../src/results/selected';
import { DEFAULT_SELECTION, type Selection } from '../../src/state/selection';
import { FIXTURE_CATALOG } from '../fixtures/catalog';
import { SHIPPED } from '../fixtures/shipped-catalog';

const src = { title: 'fixture listing', url: 'https://example.org/listing' };
const LLAMA_ID = 'meta-llama/Llama-3.1-8B-Instruct';

// The fixture Llama with the downloads the catalog holds for it (catalog/downloads).
const catalog: Catalog = {
  ...FIXTURE_CATALOG,
  models: FIXTURE_CATALOG.models.map((m): ModelSpec =>
    m.id === LLAMA_ID
      ? {
          ...m,
          downloads: {
            gguf: [
              {
                repo: 'lmstudio-community/Meta-Llama-3.1-8B-Instruct-GGUF',
                publisher: 'lmstudio-community',
                quants: ['Q4_K_M', 'Q8_0'],
                source: src,
              },
              {
                repo: 'bartowski/Meta-Llama-3.1-8B-Instruct-GGUF',
                publisher: 'bartowski',
                quants: ['Q4_K_M', 'Q6_K', 'Q8_0'],
                source: src,
              },
            ],
            ollama: [
              { tag: 'llama3.1:8b-instruct-q8_0', quant: 'Q8_0', source: src },
              { tag: 'llama3.1:8b', quant: 'Q4_K_M', source: src },
            ],
          },
        }
      : m,
  ),
};

function commands(o: Partial<Selection> = {}) {
  const s = selectedFigures(catalog, {
    ...DEFAULT_SELECTION,
    modelId: LLAMA_ID,
    quantId: 'Q4_K_M',
    contextTokens: 32768,
    ...o,
  });
  if (!s) throw new Error('no selection');
  return { list: buildCommands(s, 'GB'), s };
}

function get(list: ReturnType<typeof buildCommands>, id: RuntimeId) {
  const c = list.find((x) => x.id === id);
  if (!c) throw new Error(id);
  return c;
}

describe('buildCommands', () => {
  it('one entry per runtime, in a fixed order', () => {
    expect(commands().list.map((c) => c.id)).toEqual(['llama.cpp', 'ollama', 'vllm', 'lmstudio']);
  });

  it('names a sourced repository that holds the file, the first publisher in order', () => {
    const { list } = commands({ kvType: 'q8_0' });
    const c = get(list, 'llama.cpp');
    expect(c.command).toBe(
      'llama-server -hf bartowski/Meta-Llama-3.1-8B-Instruct-GGUF:Q4_K_M -c 32768 -ctk q8_0 -ctv q8_0 -fa on -ngl 99 -np 1',
    );
    expect(get(list, 'lmstudio').command).toBe(
      'lms get bartowski/Meta-Llama-3.1-8B-Instruct-GGUF@q4_k_m',
    );
    // Q6_K is only in bartowski's repo.
    expect(get(commands({ quantId: 'Q6_K' }).list, 'llama.cpp').command).toContain(
      '-hf bartowski/Meta-Llama-3.1-8B-Instruct-GGUF:Q6_K',
    );
  });

  it('withholds the command when no repository holds the chosen file type, and says so', () => {
    const c = get(commands({ quantId: 'Q2_K' }).list, 'llama.cpp');
    expect(c.command).toBeNull();
    expect(c.notes.join(' ')).toMatch(/No published Q2_K GGUF/);
    // DeepSeek R1 has no download listed in the fixture: no invented "<id>-GGUF" repository.
    const r1 = get(commands({ modelId: 'deepseek-ai/DeepSeek-R1-0528' }).list, 'llama.cpp');
    expect(r1.command).toBeNull();
  });

  it('never emits a quantized V cache with flash attention off: V stays f16, as the figures do', () => {
    const { list, s } = commands({ kvType: 'q8_0', flashAttention: false });
    const c = get(list, 'llama.cpp');
    expect(c.command).toContain('-ctk q8_0 -ctv f16 -fa off');
    expect(c.command).not.toMatch(/-ctv q8_0/);
    expect(s.kv).toEqual({ typeK: 'q8_0', typeV: 'f16', vKeptF16: true });
  });

  it('Ollama: the library tag for the file type, else the hf.co path; server settings in the notes', () => {
    const q4 = get(commands({ kvType: 'q8_0' }).list, 'ollama');
    expect(q4.command).toBe('ollama run llama3.1:8b');
    expect(q4.notes.join(' ')).toContain(
      'OLLAMA_CONTEXT_LENGTH=32768 OLLAMA_FLASH_ATTENTION=1 OLLAMA_KV_CACHE_TYPE=q8_0 ollama serve',
    );
    expect(get(commands({ quantId: 'Q8_0' }).list, 'ollama').command).toBe(
      'ollama run llama3.1:8b-instruct-q8_0',
    );
    expect(get(commands({ quantId: 'Q6_K' }).list, 'ollama').command).toBe(
      'ollama run hf.co/bartowski/Meta-Llama-3.1-8B-Instruct-GGUF:Q6_K',
    );
  });

  it('vLLM: no --quantization for pre-quantized checkpoints; 16-bit checkpoints run as is', () => {
    const bf16 = get(commands({ quantId: 'ST-BF16', kvType: 'fp8' }).list, 'vllm');
    expect(bf16.command).toBe(
      'vllm serve meta-llama/Llama-3.1-8B-Instruct --max-model-len 32768 --kv-cache-dtype fp8 --tensor-parallel-size 1',
    );
    for (const c of commands({ quantId: 'ST-BF16' }).list)
      expect(c.command ?? '').not.toMatch(/--quantization (awq|gptq)/);
    expect(get(commands().list, 'vllm').command).toBeNull();
  });

  it('the Mac raised-limit line gives the usable memory the figures assume, in MiB', () => {
    // Fixture Mac: 512 GB; raised limit = all but 8 GiB = 504 GiB = 516,096 MiB.
    const { s } = commands({ gpuId: 'apple-mac-studio-m3-ultra-512gb', raisedLimit: true });
    expect(macLimitCommand(s)).toBe('sudo sysctl iogpu.wired_limit_mb=516096');
    expect(macLimitCommand(commands({ gpuId: 'nvidia-rtx-4090', raisedLimit: true }).s)).toBeNull();
  });
});

describe('commands for the shipped catalog (issue 9: real repositories and Ollama tags)', () => {
  const INVENTED = ['meta-llama/Llama-3.1-8B-Instruct-GGUF', 'deepseek-ai/DeepSeek-R1-0528-GGUF'];

  function shippedCommands(modelId: string, quantId = 'Q4_K_M') {
    const s = selectedFigures(SHIPPED, {
      ...DEFAULT_SELECTION,
      modelId,
      quantId,
      gpuId: 'nvidia-rtx-4090',
      contextTokens: 8192,
    });
    if (!s) throw new Error(modelId);
    return { list: buildCommands(s, 'GB'), model: s.resolved.model };
  }

  it.each([
    ['meta-llama/Llama-3.1-8B-Instruct', 'llama3.1:8b'],
    ['Qwen/Qwen3-14B', 'qwen3:14b'],
    ['google/gemma-3-27b-it', 'gemma3:27b'],
  ])('%s Q4_K_M: llama.cpp names a sourced repository; Ollama a library tag', (id, tag) => {
    const { list, model } = shippedCommands(id);
    const repos = (model.downloads?.gguf ?? []).filter((g) => g.quants.includes('Q4_K_M'));
    expect(repos.length).toBeGreaterThan(0);
    for (const g of repos) expect(g.source.url).toMatch(/^https:\/\//);
    const llama = get(list, 'llama.cpp').command ?? '';
    expect(repos.some((g) => llama.includes(`-hf ${g.repo}:Q4_K_M`))).toBe(true);
    for (const bad of INVENTED) expect(llama).not.toContain(bad);
    const ollama = get(list, 'ollama').command ?? '';
    expect(ollama).toMatch(new RegExp(`^ollama run ${tag.replace('.', '\\.')}(\\s|$|-)`));
  });

  it('DeepSeek R1 0528: no GGUF repository is known for Q4_K_M, so none is named; Ollama has its tag', () => {
    const { list } = shippedCommands('deepseek-ai/DeepSeek-R1-0528');
    const llama = get(list, 'llama.cpp');
    expect(llama.command ?? '').not.toContain('deepseek-ai/DeepSeek-R1-0528-GGUF');
    expect(get(list, 'ollama').command).toContain('deepseek-r1:671b-0528-q4_K_M');
  });
});
