import { memo, useCallback } from 'react';
import type { ByteUnit } from '../../domain/format';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Rectangle,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarRectangleItem,
  type BarShapeProps,
} from 'recharts';
import { formatBytes } from '../../domain/format';
import { useAppStore } from '../../state/store';
import { bytesPerUnit, type ChartRow } from './chart-rows';

const PARTS = [
  { key: 'weights', name: 'Weights' },
  { key: 'kv', name: 'KV cache' },
  { key: 'compute', name: 'Compute buffer' },
  { key: 'reserve', name: 'Runtime reserve' },
] as const;

const TICK = { fill: 'var(--muted)', fontSize: 11 };

function selectBar(item: BarRectangleItem) {
  const row = item.payload as ChartRow | undefined;
  if (row) useAppStore.getState().selectQuant(row.id);
}

interface Props {
  rows: ChartRow[];
  selectedId: string;
  reference: { value: number; label: string } | null;
  unit: ByteUnit;
}

/** The recharts plot itself, memoised: it redraws only when its data changes. */
export const ChartPlot = memo(function ChartPlot({ rows, selectedId, reference, unit }: Props) {
  const shape = useCallback(
    (props: BarShapeProps) => {
      const row = props.payload as ChartRow | undefined;
      return <Rectangle {...props} fillOpacity={row?.id === selectedId ? 1 : 0.4} />;
    },
    [selectedId],
  );
  const per = bytesPerUnit(unit);
  const formatValue = (v: unknown) => (typeof v === 'number' ? formatBytes(v * per, unit) : '—');
  return (
    <div className="quant-chart__plot">
      <ResponsiveContainer width="100%" height={300}>
        <BarChart
          data={rows}
          margin={{ top: 16, right: 8, bottom: 8, left: 8 }}
          title={`Memory by quantization, ${unit}`}
        >
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis
            dataKey="label"
            tick={TICK}
            angle={-50}
            textAnchor="end"
            height={70}
            interval={0}
            stroke="var(--border)"
          />
          <YAxis
            tick={TICK}
            stroke="var(--border)"
            width={56}
            label={{
              value: unit,
              angle: -90,
              position: 'insideLeft',
              fill: 'var(--muted)',
              fontSize: 12,
            }}
          />
          <Tooltip
            formatter={formatValue}
            cursor={{ fill: 'var(--surface-2)' }}
            contentStyle={{
              background: 'var(--surface)',
              border: '1px solid var(--border)',
              borderRadius: 'var(--radius-sm)',
              color: 'var(--text)',
            }}
            labelStyle={{ color: 'var(--text)', fontWeight: 600 }}
          />
          <Legend
            verticalAlign="top"
            height={28}
            wrapperStyle={{ fontSize: 12 }}
            itemSorter={null}
          />
          {PARTS.map((p) => (
            <Bar
              key={p.key}
              dataKey={p.key}
              name={p.name}
              stackId="memory"
              fill={`var(--${p.key})`}
              shape={shape}
              onClick={selectBar}
              cursor="pointer"
              isAnimationActive={false}
            />
          ))}
          {reference && (
            <ReferenceLine
              y={reference.value}
              stroke="var(--no)"
              strokeDasharray="6 4"
              strokeWidth={2}
              ifOverflow="extendDomain"
            />
          )}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
});
