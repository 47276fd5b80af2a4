import { VerdictBadge } from '../../components/verdict-badge';
import { GREAT_MAX_FRACTION, RUNTIME_RESERVE_BYTES } from '../../domain/fit';
import { MIN_OFFLOAD_TPS } from '../../domain/offload';
import { useCatalog } from '../../results/results-provider';
import { MiB } from '../../domain/units';
import './method.css';

const LLAMA_QUANT =
  'https://github.com/ggml-org/llama.cpp/blob/007dbbf3fd17eefe9b47fee45f48f7ba5e62b714/src/llama-quant.cpp';

/** "How the estimate works": the formulas and where each constant comes from. */
export function Method() {
  const { excluded } = useCatalog();
  return (
    <details className="card method" id="method">
      <summary>
        <h2 className="method__title">How the estimate works</h2>
      </summary>
      <p className="method__formula">
        <strong>Total on each GPU</strong> = weights + context memory (KV cache and recurrent state)
        + compute buffer + runtime reserve.
      </p>
      <dl className="method__list">
        <dt>Weights</dt>
        <dd>
          A GGUF file type such as Q4_K_M is a recipe, not one number: llama.cpp&apos;s quantizer
          gives every tensor its own type (output head in Q6_K, half of the <code>attn_v</code> and{' '}
          <code>ffn_down</code> layers in Q6_K, norms in F32, rows that do not divide into 256 fall
          back to 32-wide types). We list every tensor from the model&apos;s config and apply those
          rules (<a href={LLAMA_QUANT}>llama-quant.cpp</a>), which reproduces published Llama 3.1 8B
          and Qwen2.5 7B GGUFs to the byte. MoE models keep every expert in memory. llama.cpp keeps
          the token embedding in system RAM.
        </dd>
        <dt>Context memory</dt>
        <dd>
          Per layer type: full attention stores K and V rows of <em>KV heads × head size</em> per
          token (GQA makes this 4-8× smaller than <em>2 × layers × hidden</em>); sliding-window
          layers keep only about <em>window + 512</em> tokens; MLA models (DeepSeek V3/R1, Kimi K2,
          GLM-5) cache one 576-wide latent row per token; linear-attention and Mamba layers keep a
          fixed state per sequence. Quantized caches count their block scales (q8_0 is 34 bytes per
          32 values).
        </dd>
        <dt>Compute buffer</dt>
        <dd>
          llama.cpp&apos;s scratch memory for one micro-batch of 512 tokens. Without flash attention
          it holds the attention scores, <em>context × 512 × heads × 4 bytes</em>, so it grows with
          context (Llama 3 8B at 8K: 560 MiB in llama.cpp&apos;s log); with flash attention it stays
          in the hundreds of MiB.
        </dd>
        <dt>Runtime reserve</dt>
        <dd>
          {Math.round(RUNTIME_RESERVE_BYTES / MiB)} MiB per GPU for the driver and runtime (the
          figure Ollama reserves per CUDA/ROCm GPU). Several GPUs split weights and KV by layers,
          and every GPU pays its own compute buffer and reserve.
        </dd>
        <dt>Verdicts</dt>
        <dd>
          <VerdictBadge verdict="great" /> when it uses at most{' '}
          {Math.round(GREAT_MAX_FRACTION * 100)}% of usable memory, <VerdictBadge verdict="tight" />{' '}
          up to 100%; <VerdictBadge verdict="offload" /> when only part of it fits the GPU and the
          rest runs from system RAM at {MIN_OFFLOAD_TPS} tokens/s or more;{' '}
          <VerdictBadge verdict="no" /> otherwise. A &quot;24 GB&quot; card has 24 GiB. On unified
          memory (Macs, Strix Halo, DGX Spark) the GPU may use only part of the one pool by default,
          from the platform&apos;s own figure; the raised-limit option uses what its documented
          setting allows.
        </dd>
      </dl>
      {excluded.length > 0 && (
        <>
          <h3>Models not estimated yet, and why</h3>
          <ul className="small">
            {excluded.map((e) => (
              <li key={e.id}>
                <code>{e.id}</code>: {e.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
