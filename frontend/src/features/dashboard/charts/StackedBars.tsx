/**
 * The dashboard's one use of the chart library (recharts). Only ever imported lazily (see
 * ../components/TimelineCharts.tsx), so that the library is a chunk of its own that the first
 * page does not load.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import type { Series, SeriesRow } from '../series';

const counts = new Intl.NumberFormat('vi-VN');

/** Long names (movements) cut in the legend; the tooltip and the table give them whole. */
function shortName(name: string, max = 32): string {
  return name.length > max ? `${name.slice(0, max - 1).trimEnd()}…` : name;
}

function RowTooltip({
  active,
  payload,
  series,
}: Pick<TooltipContentProps, 'active' | 'payload'> & { series: Series }) {
  const row = payload?.[0]?.payload as SeriesRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="dashboard-chart-tooltip">
      <strong>{row.title}</strong>
      <ul>
        {series.keys
          .filter((key) => (row.values[key.key] ?? 0) > 0)
          .map((key) => (
            <li key={key.key}>
              <span className="dashboard-chart-swatch" style={{ background: key.color }} />
              {key.label}: <strong>{counts.format(row.values[key.key] ?? 0)}</strong>
            </li>
          ))}
      </ul>
      <div>
        Điển hình phát hiện: <strong>{counts.format(row.discovered)}</strong>
      </div>
    </div>
  );
}

/** Bars of the months or years, each stacked by the series (stages, categories, movements). */
export default function StackedBars({ series, height = 260 }: { series: Series; height?: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={series.rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tickLine={false} interval={0} fontSize={12} />
        <YAxis allowDecimals={false} tickLine={false} fontSize={12} />
        <Tooltip
          cursor={{ fill: 'rgba(31, 95, 168, 0.08)' }}
          content={({ active, payload }) => <RowTooltip active={active} payload={payload} series={series} />}
        />
        <Legend
          wrapperStyle={{ fontSize: 12 }}
          // The series' own order (the plan's stages, the movements largest first), not alphabetical.
          itemSorter={null}
          formatter={(value: string) => <span title={value}>{shortName(value)}</span>}
        />
        {series.keys.map((key) => (
          <Bar
            key={key.key}
            dataKey={(row: SeriesRow) => row.values[key.key] ?? 0}
            name={key.label}
            stackId="all"
            fill={key.color}
            isAnimationActive={false}
            maxBarSize={48}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
