import { z } from 'zod';
import { GGUF_PUBLISHERS, type DeviceSpec, type ModelSpec, type QuantSpec } from '../domain/types';

/** Every task tag a model may carry (ModelTask). */
export const MODEL_TASKS = [
  'chat',
  'reasoning',
  'code',
  'math',
  'vision',
  'audio',
  'tool-use',
  'agents',
  'multilingual',
  'long-context',
  'on-device',
] as const;

const posInt = z.number().int().positive();
const nonNegInt = z.number().int().nonnegative();
const source = z.object({
  title: z.string().min(1),
  url: z.string().url(),
  covers: z.array(z.string().min(1)).optional(),
});
const sources = z.array(source).min(1, 'needs at least one source');

const layerRun = z.object({
  mixer: z.enum(['full', 'sliding', 'mla', 'linear', 'mamba2', 'shortconv', 'none']),
  ffn: z.enum(['dense', 'moe', 'none']),
  count: posInt,
});

const geometry = z.object({ kvHeads: posInt, headDim: posInt });

const arch = z
  .object({
    modelType: z.string().min(1),
    layers: posInt,
    hidden: posInt,
    heads: posInt,
    kvHeads: posInt,
    headDim: posInt,
    headDimV: posInt.optional(),
    vocab: posInt,
    ffn: nonNegInt,
    ffnGated: z.boolean().optional(),
    tiedEmbeddings: z.boolean(),
    attnBias: z.boolean().optional(),
    qkNorm: z.boolean().optional(),
    attnOutputGate: z.boolean().optional(),
    ropeFreqs: z.boolean().optional(),
    layerPattern: z.array(layerRun).min(1),
    slidingWindow: posInt.optional(),
    sliding: geometry.optional(),
    global: geometry.optional(),
    kvSharedLayers: nonNegInt.optional(),
    mla: z
      .object({
        qLoraRank: posInt.nullable(),
        kvLoraRank: posInt,
        qkRopeHeadDim: nonNegInt,
        qkNopeHeadDim: posInt,
        vHeadDim: posInt,
      })
      .optional(),
    indexerHeadDim: posInt.optional(),
    moe: z
      .object({
        experts: posInt,
        expertsPerToken: posInt,
        expertFfn: posInt,
        sharedExperts: nonNegInt,
        sharedFfn: nonNegInt,
      })
      .optional(),
    linear: z
      .object({
        kind: z.enum(['gated-deltanet', 'kda']),
        keyHeads: posInt,
        keyHeadDim: posInt,
        valueHeads: posInt,
        valueHeadDim: posInt,
        convKernel: posInt,
      })
      .optional(),
    mamba: z
      .object({
        heads: posInt,
        headDim: posInt,
        stateSize: posInt,
        groups: posInt,
        convKernel: posInt,
      })
      .optional(),
    shortconvLCache: posInt.optional(),
    nativeExpertFormat: z.literal('MXFP4').optional(),
    mtpLayers: nonNegInt.optional(),
    ggufMetadataBytes: posInt.optional(),
  })
  .superRefine((a, ctx) => {
    const total = a.layerPattern.reduce((s, r) => s + r.count, 0);
    if (total !== a.layers) {
      ctx.addIssue({
        code: 'custom',
        path: ['layerPattern'],
        message: `counts sum to ${total}, expected layers = ${a.layers}`,
      });
    }
    const needs: [string, boolean, string][] = [
      [
        'mla',
        a.layerPattern.some((r) => r.mixer === 'mla') && !a.mla,
        'MLA layers need an mla spec',
      ],
      ['moe', a.layerPattern.some((r) => r.ffn === 'moe') && !a.moe, 'MoE layers need a moe spec'],
      [
        'linear',
        a.layerPattern.some((r) => r.mixer === 'linear') && !a.linear,
        'linear layers need a linear spec',
      ],
      [
        'mamba',
        a.layerPattern.some((r) => r.mixer === 'mamba2') && !a.mamba,
        'Mamba2 layers need a mamba spec',
      ],
      [
        'slidingWindow',
        a.layerPattern.some((r) => r.mixer === 'sliding') && !a.slidingWindow,
        'sliding layers need a slidingWindow',
      ],
    ];
    for (const [path, bad, message] of needs)
      if (bad) ctx.addIssue({ code: 'custom', path: [path], message });
    if (a.moe && a.moe.expertsPerToken > a.moe.experts) {
      ctx.addIssue({
        code: 'custom',
        path: ['moe', 'expertsPerToken'],
        message: 'more active experts than experts',
      });
    }
  });

export const modelSchema = z.object({
  id: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected a Hugging Face repo id (owner/name)'),
  name: z.string().min(1),
  publisher: z.string().min(1),
  family: z.string().min(1),
  releaseDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  license: z.string().nullable(),
  totalParams: z.number().positive().nullable(),
  activeParams: z.number().positive().nullable(),
  maxContextTokens: posInt,
  recommendedQuant: z.string().min(1),
  arch,
  caveats: z.array(z.string()),
  sources,
  description: z.string().min(1).optional(),
  tasks: z.array(z.enum(MODEL_TASKS)).optional(),
  baseModel: z.string().min(1).optional(),
  derivation: z.enum(['distill', 'fine-tune', 'revision']).optional(),
  visionParams: z.number().positive().optional(),
  inferred: z.array(z.object({ field: z.string().min(1), how: z.string().min(1) })).optional(),
  downloads: z
    .object({
      gguf: z
        .array(
          z.object({
            repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected a Hugging Face repo id'),
            publisher: z.enum(GGUF_PUBLISHERS),
            quants: z.array(z.string().min(1)).min(1),
            filePattern: z.string().includes('{QUANT}').optional(),
            source,
          }),
        )
        .optional(),
      ollama: z
        .array(
          z.object({ tag: z.string().regex(/^[\w./-]+(:[\w.-]+)?$/), quant: z.string(), source }),
        )
        .optional(),
      notes: z.string().optional(),
    })
    .optional(),
}) satisfies z.ZodType<ModelSpec>;

export const quantSchema = z.object({
  id: z.string().regex(/^[\w-]+$/),
  format: z.enum(['gguf', 'safetensors']),
  label: z.string().min(1),
  nominalBitsPerWeight: z.number().positive().max(32),
  description: z.string().min(1),
  pplIncrease: z.number().nullable(),
  pplReference: z.string().nullable(),
  sources,
  quality: z
    .object({
      word: z.enum([
        'lossless',
        'near-lossless',
        'very good',
        'good',
        'noticeable loss',
        'severe loss',
      ]),
      pplIncreasePct: z.object({ min: z.number(), max: z.number() }),
      models: posInt,
      basis: z.string(),
      note: z.string().nullable(),
      sources,
    })
    .optional(),
}) satisfies z.ZodType<QuantSpec>;

export const deviceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  vendor: z.string().min(1),
  segment: z.enum([
    'consumer',
    'laptop',
    'workstation',
    'datacenter',
    'apple',
    'unified',
    'edge',
    'unified-memory-desktop',
  ]),
  memoryGb: z.number().positive(),
  bandwidthGbS: z.number().positive(),
  fp16Tflops: z.number().positive().nullable(),
  fp16TflopsKind: z.enum(['tensor-dense', 'vector']).optional(),
  gpuCount: posInt,
  unifiedUsableFraction: z.number().gt(0).max(1).nullable(),
  unifiedUsableNote: z.string().nullable(),
  unifiedRaisedFraction: z.number().gt(0).max(1).nullable().optional(),
  unifiedRaisedNote: z.string().nullable().optional(),
  chip: z.string().min(1).optional(),
  aliases: z.array(z.string().min(1)).optional(),
  releaseYear: z.number().int().min(1990).max(2100).nullable(),
  sources,
}) satisfies z.ZodType<DeviceSpec>;

export const modelsFileSchema = z.object({ models: z.array(z.unknown()) });
export const quantsFileSchema = z.object({ quantizations: z.array(z.unknown()) });
export const devicesFileSchema = z.object({ devices: z.array(z.unknown()) });

/** Models left out on purpose (models.json `excluded`). */
export const excludedSchema = z.array(z.object({ id: z.string(), reason: z.string() }));
