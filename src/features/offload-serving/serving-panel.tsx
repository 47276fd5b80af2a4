import { useMemo } from 'react';
import { DecimalField } from '../../components/decimal-field';
import { IntegerField } from '../../components/integer-field';
import { estimate } from '../../domain/estimate';
import { cachedWeights } from '../../domain/estimate-cache';
import { decodeSpeed } from '../../domain/speed';
import { MAX_DEVICE_COUNT } from '../../domain/fit';
import { formatBytes, formatNumber, formatTokens } from '../../domain/format';
import { maxParallelThatFits, tensorParallelOk, vllmCapacity } from '../../domain/serving';
import type { DeviceSpec } from '../../domain/types';
import { useResults } from '../../results/results-provider';
import { MAX_PARALLEL } from '../../state/selection';
import { useAppStore } from '../../state/store';

/** "1, 2, 4 or 8". */
function listOr(ns: number[]): string {
  const words = ns.map((n) => formatNumber(n));
  const last = words.pop();
  return words.length > 0 ? `${words.join(', ')} or ${last}` : (last ?? '');
}

/** Serving: how many users fit with llama.cpp, and vLLM's KV capacity. */
export function ServingPanel({ device }: { device: DeviceSpec }) {
  const { resolved, run, hardware, kv } = useResults().selected;
  const vllmUtilization = useAppStore((st) => st.vllmUtilization);
  const unit = useAppStore((st) => st.unit);
  const s = { count: hardware.count, vllmUtilization, unit };
  const { model, quant } = resolved;
  const usable = hardware.usable;

  const maxUsers = useMemo(
    () =>
      maxParallelThatFits(
        {
          arch: model.arch,
          quantId: quant.id,
          contextTokens: run.contextTokens,
          typeK: kv.typeK,
          typeV: kv.typeV,
          flashAttention: run.flashAttention,
          precomputedWeights: cachedWeights(model, quant.id),
        },
        device,
        s.count,
        MAX_PARALLEL,
        usable,
      ),
    [model, quant.id, run, kv, device, s.count, usable],
  );

  const bf16Checkpoint = quant.format === 'gguf';
  const vllm = useMemo(() => {
    const vllmQuant = bf16Checkpoint ? 'ST-BF16' : quant.id;
    const w = cachedWeights(model, vllmQuant);
    const weights = w.deviceBytes;
    const gpus = s.count * Math.max(1, device.gpuCount);
    const speed = decodeSpeed(
      estimate({
        arch: model.arch,
        quantId: vllmQuant,
        contextTokens: run.contextTokens,
        parallel: 1,
        typeK: 'bf16',
        typeV: 'bf16',
        flashAttention: true,
        precomputedWeights: w,
      }),
      device,
      { gpus, parallelism: 'tensor' },
    );
    return {
      weights,
      gpus,
      speed,
      cap: vllmCapacity(
        model.arch,
        weights,
        run.kvType === 'fp8' ? 'fp8' : 'bf16',
        device,
        s.count,
        run.contextTokens,
        { utilization: s.vllmUtilization, usable },
      ),
    };
  }, [model, bf16Checkpoint, quant.id, run, device, s.count, s.vllmUtilization, usable]);

  const perUnit = Math.max(1, device.gpuCount);
  const goodCounts = useMemo(() => {
    const out: number[] = [];
    for (let c = 1; c <= MAX_DEVICE_COUNT; c++) {
      if (tensorParallelOk(model.arch, c * perUnit)) out.push(c);
    }
    return out;
  }, [model.arch, perUnit]);

  const ctx = formatTokens(run.contextTokens);
  const users =
    maxUsers === 0
      ? `Not even one user at ${ctx} fits.`
      : `${maxUsers >= MAX_PARALLEL ? `${formatNumber(MAX_PARALLEL)} or more` : formatNumber(maxUsers)} users at ${ctx} each (llama.cpp -np, one shared -c).`;

  return (
    <div className="offload-serving__block">
      <h3 className="offload-serving__heading">Serving several users</h3>
      <div className="offload-serving__inputs">
        <IntegerField
          label="Parallel users"
          className="offload-serving__field"
          value={run.parallel}
          min={1}
          max={MAX_PARALLEL}
          commitWhileTyping
          onCommit={(n) => useAppStore.getState().setParallel(n)}
        />
      </div>
      <p className="offload-serving__line">
        <span className="offload-serving__label">Most users that fit:</span>{' '}
        <span className="offload-serving__value" data-max-parallel={maxUsers}>
          {users}
        </span>
      </p>
      <h4 className="offload-serving__subheading">vLLM</h4>
      <div className="offload-serving__inputs">
        <DecimalField
          label="GPU memory utilization"
          value={s.vllmUtilization}
          min={0.1}
          max={1}
          step={0.05}
          hint="vLLM --gpu-memory-utilization (default 0.9)"
          onCommit={(v) => useAppStore.getState().setVllmUtilization(v)}
        />
      </div>
      <dl className="offload-serving__figures">
        <div>
          <dt>Weights</dt>
          <dd className="num">
            {formatBytes(vllm.weights, s.unit)}
            {bf16Checkpoint ? ' (BF16 checkpoint)' : ` (${quant.label})`}
          </dd>
        </div>
        <div>
          <dt>Set aside per GPU</dt>
          <dd className="num" data-field="vllm-overhead">
            {formatBytes(vllm.cap.activationBytesPerGpu, s.unit)} activations (
            {formatNumber(vllm.cap.maxNumBatchedTokens)} batched tokens) +{' '}
            {formatBytes(vllm.cap.nonTorchBytesPerGpu + vllm.cap.cudaGraphBytesPerGpu, s.unit)}{' '}
            runtime and CUDA graphs
          </dd>
        </div>
        <div>
          <dt>KV cache capacity</dt>
          <dd className="num" data-kv-tokens={vllm.cap.kvTokens}>
            {vllm.cap.kvTokens > 0
              ? `${formatNumber(vllm.cap.kvTokens)} tokens (${run.kvType === 'fp8' ? 'fp8' : 'bf16'}; ${formatBytes(vllm.cap.kvPoolBytesPerGpu, s.unit)} per GPU)`
              : `None: the weights and what vLLM sets aside exceed ${formatBytes(vllm.cap.requestedBytesPerGpu, s.unit)} per GPU, so vLLM would not start`}
          </dd>
        </div>
        {vllm.cap.kvTokens > 0 && (
          <div>
            <dt>Sequences of {ctx}</dt>
            <dd className="num">{formatNumber(vllm.cap.sequences)}</dd>
          </div>
        )}
        {vllm.cap.kvTokens > 0 && (
          <div>
            <dt>One user&apos;s speed</dt>
            <dd className="num" data-field="vllm-tps" data-value={vllm.speed.tps}>
              ≈ {formatNumber(vllm.speed.tps, vllm.speed.tps < 10 ? 1 : 0)} tokens/s at {ctx}
              {vllm.gpus > 1
                ? `, tensor parallel over ${formatNumber(vllm.gpus)} GPUs (each reads its share; two all-reduces per layer)`
                : ''}
              ; rough: the decode model is fitted on llama.cpp
            </dd>
          </div>
        )}
      </dl>
      {!vllm.cap.tensorParallelOk && (
        <p className="small offload-serving__warning" role="note">
          Tensor parallel over {formatNumber(s.count * perUnit)} GPUs does not divide the
          model&apos;s {formatNumber(model.arch.kvHeads)} KV heads, which vLLM requires. Use a count
          that divides them: {listOr(goodCounts)} × {device.name}.
        </p>
      )}
    </div>
  );
}
