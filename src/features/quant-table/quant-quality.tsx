import { formatNumber } from '../../domain/format';
import type { QuantSpec } from '../../domain/types';

function pct(v: number): string {
  return `${formatNumber(v, v < 10 ? 1 : 0)}%`;
}

/**
 * The quality word of a file type (lossless ... severe loss) from published measurements across
 * models, with the figures and their sources one click away. The 16-bit original is the
 * reference; a type nobody has measured says so instead of guessing.
 */
export function QuantQuality({ quant }: { quant: QuantSpec }) {
  const q = quant.quality;
  if (!q) {
    const original = quant.id === 'BF16' || quant.id === 'ST-BF16' || quant.id === 'ST-FP16';
    return <span className="muted small">{original ? 'original weights' : 'not measured'}</span>;
  }
  const range =
    q.pplIncreasePct.min === q.pplIncreasePct.max
      ? pct(q.pplIncreasePct.max)
      : `${pct(Math.max(0, q.pplIncreasePct.min))}–${pct(q.pplIncreasePct.max)}`;
  return (
    <details
      className={`quality quality--${q.word.replace(/\s+/g, '-')}`}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <summary>{q.word}</summary>
      <div className="quality__pop small">
        <p>
          Perplexity {range} above the 16-bit model, measured on {q.models}{' '}
          {q.models === 1 ? 'model' : 'models'}. {q.note}
        </p>
        <p className="muted">Word chosen from the {q.basis}.</p>
        <ul>
          {q.sources.map((s) => (
            <li key={s.url}>
              <a href={s.url}>{s.title}</a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
