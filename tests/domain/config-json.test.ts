import { describe, expect, it } from 'vitest';
import { parseConfigJson } from '../../src/domain/config-json';
import {
  DEEPSEEK_R1,
  GEMMA2_9B,
  GPT_OSS_20B,
  LLAMA_31_8B,
  MIXTRAL_8X7B,
  QWEN25_7B,
} from '../fixtures/archs';

// Excerpts of the published config.json files the fixture architectures were copied from.
const LLAMA_CONFIG = {
  architectures: ['LlamaForCausalLM'],
  model_type: 'llama',
  hidden_size: 4096,
  intermediate_size: 14336,
  max_position_embeddings: 131072,
  num_attention_heads: 32,
  num_hidden_layers: 32,
  num_key_value_heads: 8,
  rope_scaling: { factor: 8.0, rope_type: 'llama3' },
  tie_word_embeddings: false,
  vocab_size: 128256,
};

const withoutMetadata = ({ ggufMetadataBytes: _m, ...rest }: typeof LLAMA_31_8B) => rest;

describe('parseConfigJson: transformers config.json → architecture', () => {
  it('Llama 3.1 8B (GQA, llama3 rope)', () => {
    const m = parseConfigJson(JSON.stringify(LLAMA_CONFIG));
    expect(m.arch).toEqual(withoutMetadata(LLAMA_31_8B));
    expect(m.maxContextTokens).toBe(131072);
    expect(m.caveats).toEqual([]);
  });

  it('Qwen2.5 7B (QKV bias, sliding window switched off)', () => {
    const m = parseConfigJson({
      model_type: 'qwen2',
      hidden_size: 3584,
      intermediate_size: 18944,
      max_position_embeddings: 32768,
      num_attention_heads: 28,
      num_hidden_layers: 28,
      num_key_value_heads: 4,
      sliding_window: 131072,
      use_sliding_window: false,
      tie_word_embeddings: false,
      vocab_size: 152064,
    });
    expect(m.arch).toEqual(withoutMetadata(QWEN25_7B));
  });

  it('Mixtral 8x7B (num_local_experts)', () => {
    const m = parseConfigJson({
      model_type: 'mixtral',
      hidden_size: 4096,
      intermediate_size: 14336,
      max_position_embeddings: 32768,
      num_attention_heads: 32,
      num_experts_per_tok: 2,
      num_hidden_layers: 32,
      num_key_value_heads: 8,
      num_local_experts: 8,
      sliding_window: null,
      tie_word_embeddings: false,
      vocab_size: 32000,
    });
    expect(m.arch).toEqual(MIXTRAL_8X7B);
  });

  it('DeepSeek R1 (MLA, first_k_dense_replace, shared expert, MTP layer)', () => {
    const m = parseConfigJson({
      model_type: 'deepseek_v3',
      first_k_dense_replace: 3,
      hidden_size: 7168,
      intermediate_size: 18432,
      kv_lora_rank: 512,
      max_position_embeddings: 163840,
      moe_intermediate_size: 2048,
      moe_layer_freq: 1,
      n_routed_experts: 256,
      n_shared_experts: 1,
      num_attention_heads: 128,
      num_experts_per_tok: 8,
      num_hidden_layers: 61,
      num_key_value_heads: 128,
      num_nextn_predict_layers: 1,
      q_lora_rank: 1536,
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64,
      tie_word_embeddings: false,
      v_head_dim: 128,
      vocab_size: 129280,
    });
    expect(m.arch).toEqual(DEEPSEEK_R1);
    expect(m.maxContextTokens).toBe(163840);
  });

  it('gpt-oss 20B (layer_types, MXFP4 experts)', () => {
    const m = parseConfigJson({
      model_type: 'gpt_oss',
      attention_bias: true,
      head_dim: 64,
      hidden_size: 2880,
      intermediate_size: 2880,
      layer_types: Array.from({ length: 24 }, (_, i) =>
        i % 2 === 0 ? 'sliding_attention' : 'full_attention',
      ),
      max_position_embeddings: 131072,
      num_attention_heads: 64,
      num_experts_per_tok: 4,
      num_hidden_layers: 24,
      num_key_value_heads: 8,
      num_local_experts: 32,
      quantization_config: { quant_method: 'mxfp4' },
      sliding_window: 128,
      tie_word_embeddings: false,
      vocab_size: 201088,
    });
    expect(m.arch).toEqual(GPT_OSS_20B);
  });

  it('Gemma 2 9B (alternating sliding window, tied by default)', () => {
    const m = parseConfigJson({
      model_type: 'gemma2',
      head_dim: 256,
      hidden_size: 3584,
      intermediate_size: 14336,
      max_position_embeddings: 8192,
      num_attention_heads: 16,
      num_hidden_layers: 42,
      num_key_value_heads: 8,
      sliding_window: 4096,
      vocab_size: 256000,
    });
    expect(m.arch).toEqual(GEMMA2_9B);
  });

  it('Gemma 3 (text_config inside a multimodal config; 5 local : 1 global)', () => {
    const m = parseConfigJson({
      model_type: 'gemma3',
      text_config: {
        model_type: 'gemma3_text',
        head_dim: 256,
        hidden_size: 2560,
        intermediate_size: 10240,
        max_position_embeddings: 131072,
        num_attention_heads: 8,
        num_hidden_layers: 34,
        num_key_value_heads: 4,
        sliding_window: 1024,
        sliding_window_pattern: 6,
        vocab_size: 262208,
      },
    });
    expect(m.arch.modelType).toBe('gemma3_text');
    expect(m.arch.layerPattern.slice(0, 2)).toEqual([
      { mixer: 'sliding', ffn: 'dense', count: 5 },
      { mixer: 'full', ffn: 'dense', count: 1 },
    ]);
    expect(m.arch.layerPattern.reduce((s, r) => s + r.count, 0)).toBe(34);
    expect(m.arch.slidingWindow).toBe(1024);
    expect(m.arch.tiedEmbeddings).toBe(true);
  });

  it('Qwen3 MoE (num_experts, moe_intermediate_size)', () => {
    const m = parseConfigJson({
      model_type: 'qwen3_moe',
      head_dim: 128,
      hidden_size: 2048,
      intermediate_size: 6144,
      max_position_embeddings: 40960,
      moe_intermediate_size: 768,
      num_attention_heads: 32,
      num_experts: 128,
      num_experts_per_tok: 8,
      num_hidden_layers: 48,
      num_key_value_heads: 4,
      decoder_sparse_step: 1,
      mlp_only_layers: [],
      tie_word_embeddings: false,
      vocab_size: 151936,
    });
    expect(m.arch.layerPattern).toEqual([{ mixer: 'full', ffn: 'moe', count: 48 }]);
    expect(m.arch.moe).toEqual({
      experts: 128,
      expertsPerToken: 8,
      expertFfn: 768,
      sharedExperts: 0,
      sharedFfn: 0,
    });
    expect(m.arch.qkNorm).toBe(true);
  });

  it('reads an unknown model_type with standard fields as dense full attention, with a caveat', () => {
    const m = parseConfigJson({ ...LLAMA_CONFIG, model_type: 'my_new_llm' });
    expect(m.arch.layerPattern).toEqual([{ mixer: 'full', ffn: 'dense', count: 32 }]);
    expect(m.caveats.join(' ')).toMatch(/my_new_llm.*not one this calculator knows/);
  });
});

describe('parseConfigJson: errors name the field', () => {
  it('wrong type', () => {
    expect(() => parseConfigJson({ ...LLAMA_CONFIG, num_key_value_heads: 'eight' })).toThrow(
      'num_key_value_heads: expected a positive integer',
    );
  });
  it('missing field', () => {
    const { hidden_size: _h, ...rest } = LLAMA_CONFIG;
    expect(() => parseConfigJson(rest)).toThrow(
      'hidden_size: missing (expected a positive integer)',
    );
  });
  it('zero or fractional values', () => {
    expect(() => parseConfigJson({ ...LLAMA_CONFIG, num_hidden_layers: 0 })).toThrow(
      'num_hidden_layers: expected a positive integer',
    );
    expect(() => parseConfigJson({ ...LLAMA_CONFIG, vocab_size: 1.5 })).toThrow('vocab_size');
  });
  it('inside text_config', () => {
    expect(() =>
      parseConfigJson({
        model_type: 'gemma3',
        text_config: { ...LLAMA_CONFIG, hidden_size: null },
      }),
    ).toThrow('text_config.hidden_size: expected a positive integer');
  });
  it('not JSON, or not an object', () => {
    expect(() => parseConfigJson('{"hidden_size": 4096,')).toThrow(/Not valid JSON/);
    expect(() => parseConfigJson('[1, 2]')).toThrow(/Expected a JSON object/);
  });
  it('recurrent models are refused with a reason', () => {
    expect(() => parseConfigJson({ ...LLAMA_CONFIG, model_type: 'qwen3_next' })).toThrow(
      /recurrent or linear-attention/,
    );
  });
});
