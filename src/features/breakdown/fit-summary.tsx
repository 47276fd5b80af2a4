import type { FitResult } from '../../domain/fit';
import { MAX_DEVICE_COUNT } from '../../domain/fit';
import type { ByteUnit } from '../../domain/format';
import type { DeviceSpec } from '../../domain/types';
import { explainHeadroom, explainNeeded, explainUse, thresholdsText } from './explain';
import { VERDICT_LABEL } from '../shared/verdict-label';

interface Props {
  fit: FitResult;
  device: DeviceSpec;
  count: number;
  unit: ByteUnit;
}

/** Verdict of the selected configuration on the selected device, with the numbers behind it. */
export function FitSummary({ fit, device, count, unit }: Props) {
  const needed = explainNeeded(fit, MAX_DEVICE_COUNT);
  return (
    <div className="breakdown__fit" data-verdict={fit.verdict}>
      <p className="breakdown__verdict">
        <span className={`badge ${fit.verdict}`}>{VERDICT_LABEL[fit.verdict]}</span>{' '}
        <span>
          {explainUse(fit, device, count, unit)}; {explainHeadroom(fit, unit)}
          {needed && `; ${needed}`}.
        </span>
      </p>
      <p className="small muted breakdown__thresholds">{thresholdsText()}</p>
    </div>
  );
}
