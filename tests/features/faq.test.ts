import { describe, expect, it } from 'vitest';
import { buildFaq, popularConsumerGpu } from '../../src/features/faq/build-faq';
import { FIXTURE_CATALOG } from '../fixtures/catalog';
import type { DeviceSpec } from '../../src/domain/types';

const model = (id: string) => {
  const m = FIXTURE_CATALOG.models.find((x) => x.id === id);
  if (!m) throw new Error(id);
  return m;
};

function faq(id: string) {
  return buildFaq({
    model: model(id),
    quants: FIXTURE_CATALOG.quants,
    devices: FIXTURE_CATALOG.devices,
    unit: 'GB',
  });
}

function answer(entries: ReturnType<typeof faq>, question: RegExp): string {
  const e = entries.find((x) => question.test(x.question));
  if (!e) throw new Error(`no question ${String(question)}`);
  return e.answer;
}

describe('buildFaq', () => {
  it('asks the five questions about DeepSeek R1', () => {
    expect(faq('deepseek-ai/DeepSeek-R1-0528').map((e) => e.question)).toEqual([
      'How much memory does DeepSeek R1 0528 need?',
      'Can the NVIDIA GeForce RTX 4090 run DeepSeek R1 0528?',
      'Which quantization should I use with 8, 12, 16, 24, 48 or 80 GB?',
      'Does DeepSeek R1 0528 run on a Mac?',
      'How big is the download?',
    ]);
  });

  it('DeepSeek R1 does not fit one RTX 4090 at any quantization', () => {
    // 671B parameters: even at ~3 bits per weight that is ~250 GB against 24 GiB.
    const a = answer(faq('deepseek-ai/DeepSeek-R1-0528'), /RTX 4090/);
    expect(a).toMatch(/^No\./);
    expect(a).toMatch(/does not fit on one NVIDIA GeForce RTX 4090/);
  });

  it('DeepSeek R1 at Q4_K_M runs on the 512 GB Mac Studio', () => {
    // unsloth's DeepSeek-R1-0528 Q4_K_M upload is ~404 GB; 75% of 512 GiB is ~412 GB.
    const a = answer(faq('deepseek-ai/DeepSeek-R1-0528'), /Mac/);
    expect(a).toContain('Apple Mac Studio (M3 Ultra, 512 GB)');
    expect(a).toContain('67-75%');
  });

  it('no memory size up to 80 GB fits DeepSeek R1', () => {
    const a = answer(faq('deepseek-ai/DeepSeek-R1-0528'), /Which quantization/);
    expect(a.match(/none fits/g)).toHaveLength(6);
  });

  it('Llama 3.1 8B: the RTX 4090 runs it at Q4_K_M', () => {
    const a = answer(faq('meta-llama/Llama-3.1-8B-Instruct'), /RTX 4090/);
    expect(a).toMatch(/^Yes\./);
    expect(a).toContain('Runs great');
  });

  it('Llama 3.1 8B: 80 GB takes the 16-bit checkpoint, 12 GB takes Q8_0', () => {
    // Q8_0 is 8.54 GB (bartowski upload) plus ~1 GiB of f16 KV at 8K: under 90% of 12 GiB.
    const a = answer(faq('meta-llama/Llama-3.1-8B-Instruct'), /Which quantization/);
    expect(a).toContain('12 GB: Q8_0;');
    expect(a).toContain('80 GB: ST-BF16');
  });

  it('memory answer quotes the Llama 3.1 8B Q4_K_M file size', () => {
    // bartowski's Llama-3.1-8B-Instruct-Q4_K_M.gguf is 4,920,739,232 bytes.
    const a = answer(faq('meta-llama/Llama-3.1-8B-Instruct'), /How much memory/);
    expect(a).toContain('The Q4_K_M file is 4.92 GB');
    expect(a).toContain('128K context');
  });

  it('download answer names the smallest and largest GGUF quantizations', () => {
    const a = answer(faq('meta-llama/Llama-3.1-8B-Instruct'), /download/);
    expect(a).toMatch(/at Q2_K to .* at Q8_0/);
  });

  it('a model whose maximum context is 8K gives one memory figure', () => {
    const a = answer(faq('google/gemma-2-9b-it'), /How much memory/);
    expect(a).not.toContain('full');
  });

  it('without an RTX 4090 in the catalog, asks about the consumer GPU with the most memory', () => {
    const devices: DeviceSpec[] = FIXTURE_CATALOG.devices.filter((d) => d.id !== 'nvidia-rtx-4090');
    expect(popularConsumerGpu(devices)?.id).toBe('nvidia-rtx-3060-12gb');
  });
});
