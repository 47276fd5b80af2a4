import { describe, expect, it } from 'vitest';
import { fitEstimate } from '../../src/domain/estimate';
import type { KvCacheType } from '../../src/domain/kv-cache';
import { buildCommands, type Runtime } from '../../src/features/run-it/commands';
import { estimateFor } from '../../src/features/shared/calc';
import { FIXTURE_CATALOG } from '../fixtures/catalog';

const model = (id: string) => {
  const m = FIXTURE_CATALOG.models.find((x) => x.id === id);
  if (!m) throw new Error(id);
  return m;
};
const LLAMA = model('meta-llama/Llama-3.1-8B-Instruct');
const DEEPSEEK = model('deepseek-ai/DeepSeek-R1-0528');

interface Opts {
  modelId?: string;
  quantId?: string;
  contextTokens?: number;
  kvType?: KvCacheType;
  flashAttention?: boolean;
  parallel?: number;
  gpuId?: string | null;
  count?: number;
}

function commands(o: Opts = {}) {
  const m = model(o.modelId ?? LLAMA.id);
  const quant = FIXTURE_CATALOG.quants.find((q) => q.id === (o.quantId ?? 'Q4_K_M'));
  if (!quant) throw new Error('quant');
  const device = FIXTURE_CATALOG.devices.find((d) => d.id === o.gpuId) ?? null;
  const run = {
    contextTokens: o.contextTokens ?? 32768,
    parallel: o.parallel ?? 1,
    kvType: o.kvType ?? 'f16',
    flashAttention: o.flashAttention ?? true,
  };
  const count = o.count ?? 1;
  const estimate = estimateFor(m, quant.id, run);
  const fit = device ? fitEstimate(estimate, device, count) : null;
  return buildCommands({ model: m, quant, ...run, device, count, estimate, fit, unit: 'GB' });
}

function get(list: ReturnType<typeof commands>, runtime: Runtime) {
  const c = list.find((x) => x.runtime === runtime);
  if (!c) throw new Error(runtime);
  return c;
}

describe('buildCommands', () => {
  it('returns one entry per runtime in a fixed order', () => {
    expect(commands().map((c) => c.runtime)).toEqual(['llama.cpp', 'Ollama', 'vLLM', 'LM Studio']);
  });

  it('llama.cpp: Llama 3.1 8B at Q4_K_M, 32768 tokens, q8_0 KV and flash attention', () => {
    const c = get(commands({ kvType: 'q8_0', flashAttention: true }), 'llama.cpp');
    expect(c.command).toContain('llama-server -hf meta-llama/Llama-3.1-8B-Instruct-GGUF:Q4_K_M');
    expect(c.command).toContain('-c 32768 -ctk q8_0 -ctv q8_0 -fa on');
    expect(c.command).toContain('-ngl 99');
    expect(c.note).toMatch(/placeholder/i);
    expect(c.note).toMatch(/bartowski or unsloth/);
  });

  it('llama.cpp: -c is the total for all parallel slots', () => {
    const c = get(commands({ contextTokens: 8192, parallel: 4 }), 'llama.cpp');
    expect(c.command).toContain('-c 32768');
    expect(c.command).toContain('-np 4');
  });

  it('llama.cpp: flash attention off is written as -fa off', () => {
    expect(get(commands({ flashAttention: false }), 'llama.cpp').command).toContain('-fa off');
  });

  it('llama.cpp: two GPUs add --split-mode layer', () => {
    const c = get(commands({ gpuId: 'nvidia-rtx-4090', count: 2 }), 'llama.cpp');
    expect(c.command).toContain('--split-mode layer');
    expect(c.note).toMatch(/default/);
  });

  it('llama.cpp: an MoE model that does not fit keeps experts in RAM with --n-cpu-moe', () => {
    // DeepSeek R1 at Q4_K_M is ~404 GB (unsloth upload); one RTX 4090 has 24 GiB.
    const c = get(
      commands({ modelId: DEEPSEEK.id, gpuId: 'nvidia-rtx-4090', contextTokens: 8192 }),
      'llama.cpp',
    );
    const n = Number(/--n-cpu-moe (\d+)/.exec(c.command ?? '')?.[1]);
    // 58 of DeepSeek R1's 61 layers are MoE (config.json first_k_dense_replace = 3).
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(58);
    expect(c.note).toContain(`keeps the expert weights of ${n} layers in system RAM`);
  });

  it('llama.cpp: a dense model that does not fit gets a partial -ngl', () => {
    // Llama 3.1 8B at its full 131072 context needs a 16 GiB f16 KV cache alone: more than 12 GB.
    const c = get(commands({ gpuId: 'nvidia-rtx-3060-12gb', contextTokens: 131072 }), 'llama.cpp');
    const n = Number(/-ngl (\d+)/.exec(c.command ?? '')?.[1]);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(32);
    expect(c.command).not.toContain('--n-cpu-moe');
  });

  it('llama.cpp, Ollama and LM Studio have no command for a safetensors format', () => {
    const list = commands({ quantId: 'ST-BF16' });
    expect(get(list, 'llama.cpp')).toMatchObject({
      command: null,
      note: expect.stringContaining('llama.cpp runs GGUF files; pick a GGUF quantization'),
    });
    expect(get(list, 'Ollama').command).toBeNull();
    expect(get(list, 'LM Studio').command).toBeNull();
  });

  it('vLLM has no command for a GGUF quantization', () => {
    expect(get(commands(), 'vLLM')).toMatchObject({
      command: null,
      note: expect.stringContaining(
        'vLLM serves the safetensors checkpoint; choose a safetensors format',
      ),
    });
  });

  it('vLLM: ST-BF16 on two GPUs uses the model id, max model length and tensor parallel 2', () => {
    const c = get(commands({ quantId: 'ST-BF16', gpuId: 'nvidia-rtx-4090', count: 2 }), 'vLLM');
    expect(c.command).toContain('vllm serve meta-llama/Llama-3.1-8B-Instruct');
    expect(c.command).toContain('--max-model-len 32768');
    expect(c.command).toContain('--tensor-parallel-size 2');
    expect(c.command).toContain('--kv-cache-dtype auto');
  });

  it('vLLM: three GPUs do not split 32 attention heads, so pipeline parallelism is used', () => {
    const c = get(commands({ quantId: 'ST-BF16', gpuId: 'nvidia-rtx-4090', count: 3 }), 'vLLM');
    expect(c.command).toContain('--tensor-parallel-size 1');
    expect(c.command).toContain('--pipeline-parallel-size 3');
    expect(c.note).toMatch(/split evenly/);
  });

  it('vLLM: an fp8 KV cache is passed as fp8; q8_0 is explained', () => {
    expect(get(commands({ quantId: 'ST-BF16', kvType: 'fp8' }), 'vLLM').command).toContain(
      '--kv-cache-dtype fp8',
    );
    expect(get(commands({ quantId: 'ST-BF16', kvType: 'q8_0' }), 'vLLM').note).toMatch(
      /no q8_0 KV cache/,
    );
  });

  it('Ollama: pulls from hf.co and explains the server variables', () => {
    const c = get(commands({ kvType: 'q8_0' }), 'Ollama');
    expect(c.command).toBe('ollama run hf.co/meta-llama/Llama-3.1-8B-Instruct-GGUF:Q4_K_M');
    expect(c.note).toContain('OLLAMA_CONTEXT_LENGTH=32768');
    expect(c.note).toContain('OLLAMA_KV_CACHE_TYPE=q8_0');
    expect(c.note).toContain('OLLAMA_FLASH_ATTENTION=1');
  });

  it('Ollama: says it cannot use a KV type outside f16, q8_0 and q4_0', () => {
    const c = get(commands({ kvType: 'q5_1' }), 'Ollama');
    expect(c.note).toMatch(/Ollama cannot use a q5_1 KV cache/);
    expect(c.note).not.toContain('OLLAMA_KV_CACHE_TYPE');
  });

  it('LM Studio: lms get with a lowercase quantization and lms load with the context', () => {
    const c = get(commands(), 'LM Studio');
    expect(c.command).toContain('lms get meta-llama/Llama-3.1-8B-Instruct-GGUF@q4_k_m');
    expect(c.command).toContain('--context-length 32768 --gpu max');
    expect(c.note).toMatch(/llama\.cpp/);
  });
});
