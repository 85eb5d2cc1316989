import { Card, Col, Empty, Row, Segmented, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Figures, TimelineMonth } from '../api/types';
import { type Dimension, isEmpty, monthlySeries, type Series, yearlySeries } from '../series';

// The chart library comes in its own chunk, when the first chart is drawn.
const StackedBars = lazy(() => import('../charts/StackedBars'));

type Span = 'months' | 'years';

const DIMENSIONS: { dimension: Dimension; title: string; note?: string }[] = [
  { dimension: 'category', title: 'Theo loại điển hình' },
  { dimension: 'stage', title: 'Theo giai đoạn hiện nay' },
  {
    dimension: 'movement',
    title: 'Theo phong trào thi đua',
    note: 'Một điển hình có thể gắn với nhiều phong trào; điển hình không gắn phong trào nào không được tính.',
  },
];

const counts = new Intl.NumberFormat('vi-VN');

/** The chart's figures as a table: for screen readers, and to read off exact numbers. */
function SeriesTable({ series, caption }: { series: Series; caption: string }) {
  return (
    <div className="dashboard-heatmap-scroll">
      <table className="dashboard-figures-table">
        <caption className="dashboard-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Kỳ</th>
            {series.keys.map((key) => (
              <th scope="col" key={key.key}>
                {key.label}
              </th>
            ))}
            <th scope="col">Điển hình phát hiện</th>
          </tr>
        </thead>
        <tbody>
          {series.rows.map((row) => (
            <tr key={row.period}>
              <th scope="row">{row.title}</th>
              {series.keys.map((key) => (
                <td key={key.key}>{counts.format(row.values[key.key] ?? 0)}</td>
              ))}
              <td>
                <strong>{counts.format(row.discovered)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChartCard({
  title,
  note,
  series,
  testId,
}: {
  title: string;
  note?: string;
  series: Series;
  testId: string;
}) {
  const total = series.rows.reduce((sum, row) => sum + row.discovered, 0);
  return (
    <Card size="small" title={title} style={{ height: '100%' }} data-testid={testId}>
      {isEmpty(series) ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="Chưa có điển hình nào được phát hiện trong khoảng thời gian này."
        />
      ) : (
        <>
          <div
            className="dashboard-chart"
            role="figure"
            aria-label={`${title}: ${series.keys.map((key) => key.label).join(', ')}; tổng ${total} điển hình phát hiện`}
            data-testid={`${testId}-chart`}
          >
            <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 260 }} />}>
              <StackedBars series={series} />
            </Suspense>
          </div>
          {note && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
              {note}
            </Typography.Paragraph>
          )}
          <details className="dashboard-details">
            <summary>Bảng số liệu</summary>
            <SeriesTable series={series} caption={title} />
          </details>
        </>
      )}
    </Card>
  );
}

/** Exemplars discovered over time, by category, stage and movement: the year's months or the plan's years. */
export function TimelineCharts({
  timeline,
  year,
  firstYear,
  lastYear,
  yearFigures,
  planFigures,
}: {
  timeline: TimelineMonth[];
  year: number;
  firstYear: number;
  lastYear: number;
  yearFigures: Figures;
  planFigures: Figures;
}) {
  const [span, setSpan] = useState<Span>('months');
  const charts = useMemo(
    () =>
      DIMENSIONS.map(({ dimension, title, note }) => ({
        dimension,
        title,
        note,
        series:
          span === 'months'
            ? monthlySeries(timeline, year, dimension, yearFigures)
            : yearlySeries(timeline, firstYear, lastYear, dimension, planFigures),
      })),
    [span, timeline, year, firstYear, lastYear, yearFigures, planFigures],
  );
  return (
    <Card
      title="Điển hình phát hiện theo thời gian"
      extra={
        <Segmented<Span>
          value={span}
          onChange={setSpan}
          options={[
            { value: 'months', label: `Theo tháng năm ${year}` },
            { value: 'years', label: `Theo năm ${firstYear}–${lastYear}` },
          ]}
          data-testid="dashboard-chart-span"
        />
      }
      style={{ marginBottom: 16 }}
      data-testid="dashboard-charts"
    >
      <Row gutter={[16, 16]}>
        {charts.map((chart) => (
          <Col xs={24} lg={12} xxl={8} key={chart.dimension}>
            <ChartCard
              title={chart.title}
              note={chart.note}
              series={chart.series}
              testId={`dashboard-chart-${chart.dimension}`}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
