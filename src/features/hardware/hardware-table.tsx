import { useMemo } from 'react';
import type { ByteUnit } from '../../domain/format';
import type { HardwareRow } from '../../domain/hardware-sweep';
import { useCatalog } from '../../results/results-provider';
import { HardwareTableRow } from './hardware-table-row';

/** The models table, one row per model. */
export function HardwareTable({ rows, unit }: { rows: readonly HardwareRow[]; unit: ByteUnit }) {
  const { quants } = useCatalog();
  // Quantizations are named as the calculator names them ("MXFP4 (MoE)", not MXFP4_MOE).
  const labels = useMemo(() => new Map(quants.map((q) => [q.id, q.label])), [quants]);
  return (
    <div className="scroll-x">
      <table className="hardware__table">
        <caption className="visually-hidden">Models on this hardware</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Verdict</th>
            <th scope="col">Quantization</th>
            <th scope="col" className="num">
              Speed
            </th>
            <th scope="col" className="num hardware__wide">
              Longest context
            </th>
            <th scope="col" className="num hardware__wide">
              Memory
            </th>
            <th scope="col">
              <span className="visually-hidden">Calculator</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <HardwareTableRow key={r.model.id} row={r} unit={unit} labels={labels} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
