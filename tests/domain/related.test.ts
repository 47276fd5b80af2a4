import { describe, expect, it } from 'vitest';
import { relatives } from '../../src/domain/related';
import type { ModelSpec } from '../../src/domain/types';
import { FIXTURE_MODELS } from '../fixtures/catalog';
import { SHIPPED, shippedModel } from '../fixtures/shipped-catalog';
import { searchModels } from '../../src/domain/search';

const m = (id: string, family: string, extra: Partial<ModelSpec> = {}): ModelSpec => ({
  ...FIXTURE_MODELS[0]!,
  id,
  name: id.split('/')[1]!,
  family,
  ...extra,
});

// DeepSeek's lineage as its publisher describes it: R1 was trained from V3-Base, R1-0528 is an
// update of R1, the R1 distills are Qwen/Llama models distilled from R1 (DeepSeek-R1 model card).
const V3 = m('deepseek-ai/DeepSeek-V3', 'DeepSeek V3');
const V31 = m('deepseek-ai/DeepSeek-V3.1', 'DeepSeek V3', {
  baseModel: V3.id,
  derivation: 'revision',
});
const R1 = m('deepseek-ai/DeepSeek-R1', 'DeepSeek R1', {
  baseModel: V3.id,
  derivation: 'fine-tune',
});
const R1_0528 = m('deepseek-ai/DeepSeek-R1-0528', 'DeepSeek R1', {
  baseModel: R1.id,
  derivation: 'revision',
});
const DISTILL = m('deepseek-ai/DeepSeek-R1-Distill-Qwen-7B', 'DeepSeek R1 Distill', {
  baseModel: R1.id,
  derivation: 'distill',
});
const DISTILL_0528 = m('deepseek-ai/DeepSeek-R1-0528-Qwen3-8B', 'DeepSeek R1 Distill', {
  baseModel: R1_0528.id,
  derivation: 'distill',
});
const LLAMA = m('meta-llama/Llama-3.1-8B-Instruct', 'Llama 3.1');
const ALL = [V3, V31, R1, R1_0528, DISTILL, DISTILL_0528, LLAMA];

describe('relatives', () => {
  it('DeepSeek R1 0528 links R1, V3 and V3 revisions, and the R1 distills as derivatives', () => {
    const r = relatives(R1_0528, ALL);
    expect(r.related.map((x) => x.id).sort()).toEqual([R1.id, V3.id, V31.id].sort());
    expect(r.derivatives.map((x) => x.id).sort()).toEqual([DISTILL.id, DISTILL_0528.id].sort());
  });

  it('a distill links its siblings and teachers; an unrelated model links nothing', () => {
    const r = relatives(DISTILL, ALL);
    expect(r.related.map((x) => x.id)).toContain(DISTILL_0528.id);
    expect(r.related.map((x) => x.id)).toContain(R1.id);
    expect(relatives(LLAMA, ALL)).toEqual({ related: [], derivatives: [] });
  });

  it('survives a loop in base-model links', () => {
    const a = m('x/a', 'A', { baseModel: 'x/b', derivation: 'revision' });
    const b = m('x/b', 'B', { baseModel: 'x/a', derivation: 'revision' });
    expect(relatives(a, [a, b]).related.map((x) => x.id)).toEqual(['x/b']);
  });
});

describe('relatives in the shipped catalog', () => {
  it('DeepSeek R1 0528 links DeepSeek R1, V3 and the R1 distills', () => {
    const r = relatives(shippedModel('deepseek-ai/DeepSeek-R1-0528'), SHIPPED.models);
    const ids = [...r.related, ...r.derivatives].map((x) => x.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'deepseek-ai/DeepSeek-R1',
        'deepseek-ai/DeepSeek-V3',
        'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
        'deepseek-ai/DeepSeek-R1-Distill-Llama-8B',
      ]),
    );
  });

  it('"gptoss" finds gpt-oss and "qwen 14" puts Qwen3 14B first', () => {
    expect(searchModels(SHIPPED.models, 'gptoss')[0]?.id).toMatch(/^openai\/gpt-oss/);
    expect(searchModels(SHIPPED.models, 'qwen 14')[0]?.id).toBe('Qwen/Qwen3-14B');
  });
});
