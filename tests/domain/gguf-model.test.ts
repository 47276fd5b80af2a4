import { describe, expect, it } from 'vitest';
import { ggufModel, type GgufHeader } from '../../src/domain/gguf-model';
import { readFileHeader, readGgufFiles } from '../../src/features/custom-model/read-gguf';
import {
  buildGguf,
  tensor,
  virtualFile,
  type KvValue,
  type TensorSpec,
} from '../features/custom-model-gguf';

// ggml types: 0 F32, 1 F16, 8 Q8_0 (32 weights in 34 B), 12 Q4_K (256 in 144 B),
// 14 Q6_K (256 in 210 B), 39 MXFP4 (32 in 17 B) — ggml-common.h block structs.

async function read(kv: Record<string, KvValue>, tensors: TensorSpec[]) {
  const built = buildGguf(kv, tensors);
  return readGgufFiles([virtualFile('model.gguf', built)]);
}

function llamaLayer(i: number, h: number, kvDim: number, ffn: number): TensorSpec[] {
  return [
    tensor(`blk.${i}.attn_norm.weight`, [h], 0),
    tensor(`blk.${i}.attn_q.weight`, [h, h], 12),
    tensor(`blk.${i}.attn_k.weight`, [h, kvDim], 12),
    tensor(`blk.${i}.attn_v.weight`, [h, kvDim], 14),
    tensor(`blk.${i}.attn_output.weight`, [h, h], 12),
    tensor(`blk.${i}.ffn_norm.weight`, [h], 0),
    tensor(`blk.${i}.ffn_gate.weight`, [h, ffn], 12),
    tensor(`blk.${i}.ffn_up.weight`, [h, ffn], 12),
    tensor(`blk.${i}.ffn_down.weight`, [ffn, h], 14),
  ];
}

describe('ggufModel: architecture and exact bytes from a GGUF header', () => {
  it('GQA (Llama 3.1 8B geometry, 2 layers, Q4_K_M)', async () => {
    const m = await read(
      {
        'general.architecture': { str: 'llama' },
        'general.name': { str: 'Llama GQA test' },
        'general.file_type': { u32: 15 },
        'llama.block_count': { u32: 2 },
        'llama.context_length': { u32: 131072 },
        'llama.embedding_length': { u32: 4096 },
        'llama.feed_forward_length': { u32: 14336 },
        'llama.attention.head_count': { u32: 32 },
        'llama.attention.head_count_kv': { u32: 8 },
        'llama.rope.dimension_count': { u32: 128 },
      },
      [
        tensor('token_embd.weight', [4096, 128256], 12),
        tensor('output_norm.weight', [4096], 0),
        tensor('output.weight', [4096, 128256], 14),
        ...llamaLayer(0, 4096, 1024, 14336),
        ...llamaLayer(1, 4096, 1024, 14336),
      ],
    );
    expect(m.fileType).toBe('Q4_K_M');
    expect(m.name).toBe('Llama GQA test');
    expect(m.maxContextTokens).toBe(131072);
    expect(m.arch).toMatchObject({
      modelType: 'llama',
      layers: 2,
      hidden: 4096,
      heads: 32,
      kvHeads: 8,
      headDim: 128,
      vocab: 128256,
      ffn: 14336,
      tiedEmbeddings: false,
      layerPattern: [{ mixer: 'full', ffn: 'dense', count: 2 }],
    });
    // token_embd 4096 x 128256 Q4_K = 2,052,096 blocks x 144 B; output in Q6_K x 210 B;
    // per layer q,o 65,536 blocks, k 16,384, gate/up 229,376 (Q4_K); v 16,384, down 229,376 (Q6_K).
    expect(m.weights.byType).toEqual({
      Q4_K: 295_501_824 + 2 * (9_437_184 + 2_359_296 + 9_437_184 + 33_030_144 + 33_030_144),
      Q6_K: 430_940_160 + 2 * (3_440_640 + 48_168_960),
      F32: 5 * 16_384,
    });
    expect(m.weights.tensorBytes).toBe(470_089_728 + 534_159_360 + 81_920);
    expect(m.weights.hostBytes).toBe(295_501_824); // llama.cpp keeps token_embd in RAM
    expect(m.weights.deviceBytes).toBe(470_089_728 + 534_159_360 + 81_920 - 295_501_824);
    expect(m.weights.expertBytes).toBe(0);
  });

  it('sliding window: Gemma 2 alternates local and global layers; tied embeddings', async () => {
    const layers = [0, 1, 2, 3].flatMap((i) => [
      tensor(`blk.${i}.attn_q.weight`, [256, 256], 1),
      tensor(`blk.${i}.attn_k.weight`, [256, 128], 1),
      tensor(`blk.${i}.attn_v.weight`, [256, 128], 1),
      tensor(`blk.${i}.ffn_down.weight`, [512, 256], 1),
    ]);
    const m = await read(
      {
        'general.architecture': { str: 'gemma2' },
        'gemma2.block_count': { u32: 4 },
        'gemma2.context_length': { u32: 8192 },
        'gemma2.embedding_length': { u32: 256 },
        'gemma2.feed_forward_length': { u32: 512 },
        'gemma2.attention.head_count': { u32: 4 },
        'gemma2.attention.head_count_kv': { u32: 2 },
        'gemma2.attention.key_length': { u32: 64 },
        'gemma2.attention.value_length': { u32: 64 },
        'gemma2.attention.sliding_window': { u32: 4096 },
        'tokenizer.ggml.tokens': { strs: Array.from({ length: 1000 }, (_, i) => `t${i}`) },
      },
      [tensor('token_embd.weight', [256, 1000], 1), ...layers],
    );
    expect(m.arch.layerPattern).toEqual([
      { mixer: 'sliding', ffn: 'dense', count: 1 },
      { mixer: 'full', ffn: 'dense', count: 1 },
      { mixer: 'sliding', ffn: 'dense', count: 1 },
      { mixer: 'full', ffn: 'dense', count: 1 },
    ]);
    expect(m.arch.slidingWindow).toBe(4096);
    expect(m.arch.vocab).toBe(1000);
    expect(m.arch.kvHeads).toBe(2);
    expect(m.arch.headDim).toBe(64);
    expect(m.arch.tiedEmbeddings).toBe(true);
    // Tied: token_embd is also the output layer, so it lives on the GPU.
    expect(m.weights.hostBytes).toBe(0);
    // F16 = 2 B per weight: embd 512,000; per layer 131,072 + 2 x 65,536 + 262,144.
    expect(m.weights.byType).toEqual({ F16: 512_000 + 4 * 524_288 });
  });

  it('sliding window from a per-layer sliding_window_pattern array', async () => {
    const layers = [0, 1, 2].flatMap((i) => [
      tensor(`blk.${i}.attn_q.weight`, [64, 64], 0),
      tensor(`blk.${i}.ffn_down.weight`, [64, 64], 0),
    ]);
    const m = await read(
      {
        'general.architecture': { str: 'gemma3' },
        'gemma3.block_count': { u32: 3 },
        'gemma3.context_length': { u32: 131072 },
        'gemma3.embedding_length': { u32: 64 },
        'gemma3.attention.head_count': { u32: 1 },
        'gemma3.attention.sliding_window': { u32: 1024 },
        'gemma3.attention.sliding_window_pattern': { bools: [true, false, true] },
      },
      [tensor('token_embd.weight', [64, 100], 0), ...layers],
    );
    expect(m.arch.layerPattern.map((r) => r.mixer)).toEqual(['sliding', 'full', 'sliding']);
  });

  it('MLA + MoE (DeepSeek V3 layout): latent ranks, leading dense layer, shared expert', async () => {
    const h = 256;
    const common = (i: number) => [
      tensor(`blk.${i}.attn_q_a.weight`, [h, 128], 8),
      tensor(`blk.${i}.attn_q_b.weight`, [128, 4 * 192], 8),
      tensor(`blk.${i}.attn_kv_a_mqa.weight`, [h, 512 + 64], 8),
      tensor(`blk.${i}.attn_kv_a_norm.weight`, [512], 0),
      tensor(`blk.${i}.attn_kv_b.weight`, [512, 4 * 256], 8),
      tensor(`blk.${i}.attn_output.weight`, [4 * 128, h], 8),
    ];
    const moeLayer = (i: number) => [
      ...common(i),
      tensor(`blk.${i}.ffn_gate_inp.weight`, [h, 8], 0),
      tensor(`blk.${i}.ffn_gate_exps.weight`, [h, 64, 8], 8),
      tensor(`blk.${i}.ffn_up_exps.weight`, [h, 64, 8], 8),
      tensor(`blk.${i}.ffn_down_exps.weight`, [64, h, 8], 8),
      tensor(`blk.${i}.ffn_gate_shexp.weight`, [h, 64], 8),
      tensor(`blk.${i}.ffn_up_shexp.weight`, [h, 64], 8),
      tensor(`blk.${i}.ffn_down_shexp.weight`, [64, h], 8),
    ];
    const m = await read(
      {
        'general.architecture': { str: 'deepseek2' },
        'deepseek2.block_count': { u32: 3 },
        'deepseek2.context_length': { u32: 163840 },
        'deepseek2.embedding_length': { u32: h },
        'deepseek2.feed_forward_length': { u32: 1024 },
        'deepseek2.attention.head_count': { u32: 4 },
        'deepseek2.attention.head_count_kv': { u32: 1 },
        'deepseek2.attention.key_length': { u32: 576 },
        'deepseek2.attention.value_length': { u32: 512 },
        'deepseek2.attention.key_length_mla': { u32: 192 },
        'deepseek2.attention.value_length_mla': { u32: 128 },
        'deepseek2.attention.q_lora_rank': { u32: 128 },
        'deepseek2.attention.kv_lora_rank': { u32: 512 },
        'deepseek2.rope.dimension_count': { u32: 64 },
        'deepseek2.leading_dense_block_count': { u32: 1 },
        'deepseek2.expert_count': { u32: 8 },
        'deepseek2.expert_used_count': { u32: 2 },
        'deepseek2.expert_shared_count': { u32: 1 },
        'deepseek2.expert_feed_forward_length': { u32: 64 },
      },
      [
        tensor('token_embd.weight', [h, 512], 8),
        tensor('output.weight', [h, 512], 8),
        ...common(0),
        tensor('blk.0.ffn_gate.weight', [h, 1024], 8),
        tensor('blk.0.ffn_up.weight', [h, 1024], 8),
        tensor('blk.0.ffn_down.weight', [1024, h], 8),
        ...moeLayer(1),
        ...moeLayer(2),
      ],
    );
    expect(m.arch.modelType).toBe('deepseek_v3');
    expect(m.arch.layerPattern).toEqual([
      { mixer: 'mla', ffn: 'dense', count: 1 },
      { mixer: 'mla', ffn: 'moe', count: 2 },
    ]);
    expect(m.arch.mla).toEqual({
      qLoraRank: 128,
      kvLoraRank: 512,
      qkRopeHeadDim: 64,
      qkNopeHeadDim: 128,
      vHeadDim: 128,
    });
    expect(m.arch.headDim).toBe(192);
    expect(m.arch.headDimV).toBe(128);
    expect(m.arch.ffn).toBe(1024);
    expect(m.arch.moe).toEqual({
      experts: 8,
      expertsPerToken: 2,
      expertFfn: 64,
      sharedExperts: 1,
      sharedFfn: 64,
    });
    // Experts: 3 tensors x 131,072 weights = 4,096 Q8_0 blocks x 34 B = 139,264 B each, 2 layers.
    expect(m.weights.expertBytes).toBe(2 * 3 * 139_264);
    // Active per token: everything but token_embd and 6 of 8 experts' share.
    const nonExpert = m.weights.deviceBytes - m.weights.expertBytes;
    expect(m.weights.activeBytes).toBe(nonExpert + (2 * 3 * 139_264 * 2) / 8);
  });

  it('MoE (Qwen3 MoE layout): expert tensors, per-type totals and active bytes', async () => {
    const h = 128;
    const layer = (i: number) => [
      tensor(`blk.${i}.attn_q.weight`, [h, h], 8),
      tensor(`blk.${i}.attn_k.weight`, [h, 64], 8),
      tensor(`blk.${i}.attn_v.weight`, [h, 64], 8),
      tensor(`blk.${i}.attn_output.weight`, [h, h], 8),
      tensor(`blk.${i}.attn_q_norm.weight`, [32], 0),
      tensor(`blk.${i}.ffn_gate_inp.weight`, [h, 8], 0),
      tensor(`blk.${i}.ffn_gate_exps.weight`, [h, 96, 8], 12 - 4), // Q8_0
      tensor(`blk.${i}.ffn_up_exps.weight`, [h, 96, 8], 8),
      tensor(`blk.${i}.ffn_down_exps.weight`, [96, h, 8], 8),
    ];
    const m = await read(
      {
        'general.architecture': { str: 'qwen3moe' },
        'qwen3moe.block_count': { u32: 2 },
        'qwen3moe.context_length': { u32: 40960 },
        'qwen3moe.embedding_length': { u32: h },
        'qwen3moe.feed_forward_length': { u32: 384 },
        'qwen3moe.attention.head_count': { u32: 4 },
        'qwen3moe.attention.head_count_kv': { u32: 2 },
        'qwen3moe.attention.key_length': { u32: 32 },
        'qwen3moe.attention.value_length': { u32: 32 },
        'qwen3moe.expert_count': { u32: 8 },
        'qwen3moe.expert_used_count': { u32: 2 },
        'qwen3moe.expert_feed_forward_length': { u32: 96 },
      },
      [
        tensor('token_embd.weight', [h, 256], 8),
        tensor('output.weight', [h, 256], 8),
        ...layer(0),
        ...layer(1),
      ],
    );
    expect(m.arch.modelType).toBe('qwen3_moe');
    expect(m.arch.qkNorm).toBe(true);
    expect(m.arch.layerPattern).toEqual([{ mixer: 'full', ffn: 'moe', count: 2 }]);
    expect(m.arch.moe).toEqual({
      experts: 8,
      expertsPerToken: 2,
      expertFfn: 96,
      sharedExperts: 0,
      sharedFfn: 0,
    });
    // Each expert tensor: 98,304 weights = 3,072 Q8_0 blocks x 34 B = 104,448 B.
    expect(m.weights.expertBytes).toBe(2 * 3 * 104_448);
    // Q8_0: embd and output 1,024 blocks (34,816 B each); per layer q,o 512 blocks (17,408 B),
    // k,v 256 blocks (8,704 B) -> 52,224 B, plus the experts.
    expect(m.weights.byType.Q8_0).toBe(2 * 34_816 + 2 * 52_224 + 2 * 3 * 104_448);
    // F32: q_norm 32 x 4 B = 128 B, router 128 x 8 x 4 B = 4,096 B per layer.
    expect(m.weights.byType.F32).toBe(2 * (128 + 4_096));
    expect(m.weights.activeBytes).toBe(
      34_816 + 2 * 52_224 + 2 * (128 + 4_096) + (2 * 3 * 104_448) / 4,
    );
  });

  it('sums all shards of a split model, and asks for the missing ones', () => {
    const shard = (no: number, tensors: TensorSpec[]): GgufHeader => {
      const kv: Record<string, unknown> = { 'split.no': no, 'split.count': 2 };
      if (no === 0) {
        Object.assign(kv, {
          'general.architecture': 'llama',
          'llama.block_count': 1,
          'llama.embedding_length': 64,
          'llama.attention.head_count': 2,
          'llama.context_length': 4096,
        });
      }
      let offset = 0n;
      return {
        metadata: kv,
        tensorInfos: tensors.map((t) => {
          const info = { name: t.name, shape: t.shape.map(BigInt), dtype: t.type, offset };
          offset += BigInt(Math.ceil(t.bytes / 32) * 32);
          return info;
        }),
        tensorDataOffset: 4096n,
      };
    };
    const a = shard(0, [
      tensor('token_embd.weight', [64, 100], 0),
      tensor('blk.0.attn_q.weight', [64, 64], 0),
    ]);
    const b = shard(1, [
      tensor('blk.0.ffn_down.weight', [128, 64], 0),
      tensor('output.weight', [64, 100], 0),
    ]);
    const m = ggufModel([a, b]);
    // F32, 4 B per weight: 6,400 + 4,096 + 8,192 + 6,400 weights.
    expect(m.weights.tensorBytes).toBe(4 * (6_400 + 4_096 + 8_192 + 6_400));
    expect(m.weights.params).toBe(6_400 + 4_096 + 8_192 + 6_400);
    expect(m.arch.tiedEmbeddings).toBe(false);
    expect(() => ggufModel([a])).toThrow(/split into 2 files; add all 2/);
  });
});

describe('ggufModel: bad input gives the right message', () => {
  const kv: Record<string, KvValue> = {
    'general.architecture': { str: 'llama' },
    'llama.block_count': { u32: 1 },
    'llama.embedding_length': { u32: 64 },
    'llama.attention.head_count': { u32: 2 },
  };

  it('names an unknown ggml type', async () => {
    const t = { name: 'blk.0.attn_q.weight', shape: [64, 64], type: 9, bytes: 4_608 }; // Q8_1
    await expect(read(kv, [t])).rejects.toThrow(
      /"blk\.0\.attn_q\.weight" uses ggml type 9 \(Q8_1\)/,
    );
  });

  it('rejects a file that is not a GGUF', async () => {
    const zip = new Uint8Array(4096);
    zip.set([0x50, 0x4b, 0x03, 0x04]);
    const file = virtualFile('weights.zip', { header: zip, totalSize: zip.length });
    await expect(readFileHeader(file)).rejects.toThrow(/not a GGUF file/);
  });

  it('reports a header cut short, without hanging', async () => {
    const built = buildGguf(
      {
        ...kv,
        'tokenizer.ggml.tokens': { strs: Array.from({ length: 500 }, (_, i) => `tok${i}`) },
      },
      [tensor('blk.0.attn_q.weight', [64, 64], 0)],
    );
    const cut = built.header.slice(0, 1500);
    const file = virtualFile('cut.gguf', { header: cut, totalSize: cut.length });
    await expect(readFileHeader(file)).rejects.toThrow(/truncated/);
  });

  it('reports tensor data cut short', async () => {
    const built = buildGguf(kv, [tensor('blk.0.attn_q.weight', [64, 64], 0)]);
    const file = virtualFile('short.gguf', built, built.totalSize - 100);
    await expect(readGgufFiles([file])).rejects.toThrow(/truncated: its tensors need/);
  });
});
