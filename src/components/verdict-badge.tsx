import type { DeviceStanding } from '../domain/device-fit';
import type { AnswerVerdict } from '../domain/fit';
import { VERDICT_HINT, VERDICT_LABEL } from './verdict-label';
import './verdict-badge.css';

const ICON: Record<AnswerVerdict | DeviceStanding, string> = {
  great: '✓',
  tight: '!',
  offload: '↧',
  several: '×',
  no: '✕',
  none: '?',
};

/** A verdict as a coloured badge with an icon and its word (colour is never the only signal). */
export function VerdictBadge({
  verdict,
  text,
  size = 'normal',
}: {
  verdict: AnswerVerdict | DeviceStanding;
  /** Words instead of the standard label (e.g. "Needs 2"). */
  text?: string;
  size?: 'normal' | 'large';
}) {
  return (
    <span className={`verdict verdict--${verdict} verdict--${size}`} title={VERDICT_HINT[verdict]}>
      <span aria-hidden="true" className="verdict__icon">
        {ICON[verdict]}
      </span>
      {text ?? VERDICT_LABEL[verdict]}
    </span>
  );
}
