import { formatNumber } from '../../domain/format';
import type { QuantSpec } from '../../domain/types';

/** The source that carries the perplexity figure: the one naming perplexity, else the first. */
function pplSource(quant: QuantSpec) {
  return quant.sources.find((s) => /perplexity/i.test(s.title)) ?? quant.sources[0];
}

/**
 * Published llama.cpp perplexity increase over the 16-bit model, e.g. "+0.1754 ppl", with the
 * reference model in the tooltip and a link to the source. Never invents a figure.
 */
export function QuantQuality({ quant }: { quant: QuantSpec }) {
  if (quant.pplIncrease === null) return <span className="muted">no published figure</span>;
  const v = quant.pplIncrease;
  const text = `${v < 0 ? '−' : '+'}${formatNumber(Math.abs(v), 4)} ppl`;
  const reference = quant.pplReference ?? 'an unnamed model';
  const title = `Perplexity increase over the 16-bit model measured by llama.cpp on ${reference}`;
  const source = pplSource(quant);
  return (
    <span className="quant-table__quality" title={title}>
      <abbr title={title}>{text}</abbr> <span className="muted small">({reference})</span>
      {source && (
        <>
          {' '}
          <a
            className="small"
            href={source.url}
            title={source.title}
            aria-label={`Source for ${quant.label} perplexity: ${source.title}`}
            onClick={(e) => e.stopPropagation()}
            onKeyDown={(e) => e.stopPropagation()}
          >
            source
          </a>
        </>
      )}
    </span>
  );
}
