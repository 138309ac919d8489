// The report's charts (recharts). Each sits beside a table with the same numbers.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportDto } from '../../../../shared/contract/areas/reports';
import { FILING_TYPE_LABELS, type FilingType } from '../../../../shared/domain/filing';

const PALETTE = ['#1677ff', '#52c41a', '#fa8c16', '#eb2f96', '#13c2c2', '#722ed1', '#a0d911'];

/** Filings per day or month, stacked by filing type. */
export function SeriesChart({ report }: { report: ReportDto }) {
  const types = report.byType.map((t) => t.type);
  const rows = report.series.map((s) => {
    const row: Record<string, string | number> = { period: report.granularity === 'day' ? s.period.slice(5) : s.period };
    for (const t of types) row[t] = s.types.find((x) => x.type === t)?.count ?? 0;
    return row;
  });
  return (
    <ResponsiveContainer width="100%" height={300}>
      <BarChart data={rows} margin={{ top: 8, right: 16, left: 0, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="period" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {types.map((t: FilingType, i) => (
          <Bar key={t} dataKey={t} name={FILING_TYPE_LABELS[t]} stackId="types" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** A horizontal bar chart of labelled counts (destinations, operators). */
export function CountBars({ rows, color = '#1677ff' }: { rows: { label: string; count: number }[]; color?: string }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 32 + 40)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, left: 16, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={120} />
        <Tooltip />
        <Bar dataKey="count" name="备案数" fill={color} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
