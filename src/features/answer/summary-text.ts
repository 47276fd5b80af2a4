import { formatBytes, formatTokens, type ByteUnit } from '../../domain/format';
import { formatTps } from '../../components/offload-text';
import { VERDICT_LABEL } from '../../components/verdict-label';
import type { Selected } from '../../results/selected';

/** What the answer is about: "Qwen3 14B · Q4_K_M · 8K context". */
export function configText(s: Selected): string {
  const { model, quant } = s.resolved;
  const seqs = s.run.parallel > 1 ? ` × ${s.run.parallel} sequences` : '';
  return `${model.name} · ${quant.label} · ${formatTokens(s.run.contextTokens)} context${seqs}`;
}

/** The device part: "2 × NVIDIA GeForce RTX 4090 (24 GB)". */
export function deviceText(s: Selected): string {
  const d = s.resolved.device;
  if (!d) return 'no device chosen';
  return s.hardware.count > 1 ? `${s.hardware.count} × ${d.name}` : d.name;
}

/**
 * The answer as one line of text for a chat, e.g. "Qwen3 14B · Q4_K_M · 8K context on NVIDIA
 * GeForce RTX 4070 (12 GB): Runs great, 10.70 of 12.00 GiB per GPU, about 30 tokens/s".
 */
export function summaryText(s: Selected, unit: ByteUnit): string {
  const head = `${configText(s)} on ${deviceText(s)}`;
  if (!s.fit) {
    return `${configText(s)}: needs ${formatBytes(s.estimate.totalBytes, unit)} on one GPU`;
  }
  const per = s.fit.gpus > 1 ? ' per GPU' : '';
  const mem = `${formatBytes(s.fit.needBytesPerGpu, unit)} of ${formatBytes(s.fit.usableBytesPerGpu, unit)}${per}`;
  const speed = s.speed ? `, about ${formatTps(s.speed.tps)} tokens/s` : '';
  if (s.verdict === 'offload' && s.offload) {
    return `${head}: ${VERDICT_LABEL.offload} (${formatBytes(s.offload.gpuBytesPerGpu, unit)} on the GPU${per}, ${formatBytes(s.offload.ramBytes, unit)} in system RAM)${speed}`;
  }
  return `${head}: ${VERDICT_LABEL[s.verdict]}, ${mem}${speed}`;
}
