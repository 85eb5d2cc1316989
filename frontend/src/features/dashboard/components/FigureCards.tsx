import { Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { FigureBars } from '@/components/FigureBars';
import type { Stage } from '@/lib/api/models';
import { type ExemplarLinkFilters, exemplarListLink } from '@/lib/exemplar-links';
import { CELL_LOOKS } from '@/lib/introduction-cells';
import { PATHS } from '@/lib/paths';
import { MAIN_STAGES, STAGE_COLORS } from '@/lib/vocabulary';
import type { Count, Figures } from '../api/types';
import { introductionsLink } from '../links';

const counts = new Intl.NumberFormat('vi-VN');

interface Period {
  figures: Figures;
  /** "Năm 2026", "Giai đoạn 2026–2030". */
  title: string;
  /**
   * The year, when the period is one: the exemplar list then filters by `year`; otherwise by the
   * years of the figures' `from` and `to` (`yearFrom`, `yearTo`).
   */
  year?: number;
}

/** The year of an API calendar date (`YYYY-MM-DD`). */
const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * The exemplar list's filters for what a period's figures count: exemplars discovered in the
 * period, drafts left out (records submitted or confirmed, as the reports count).
 */
function discoveredIn(period: Period): ExemplarLinkFilters {
  return period.year !== undefined
    ? { year: period.year, excludeDrafts: true }
    : { yearFrom: yearOf(period.figures.from), yearTo: yearOf(period.figures.to), excludeDrafts: true };
}

function countOf(list: readonly Count[], key: string): number {
  return list.find((count) => count.key === key)?.count ?? 0;
}

/** A figure's value for the year, large, and the same for the whole plan period beneath it. */
function FigureCard({
  title,
  testId,
  year,
  plan,
  planTitle,
  extra,
  children,
}: {
  title: string;
  testId: string;
  year: { value: number; to?: string; label: string };
  plan: { value: number; to?: string };
  planTitle: string;
  extra?: ReactNode;
  children?: ReactNode;
}) {
  const value = (
    <Statistic
      title={year.label}
      value={year.value}
      formatter={(v) => <span data-testid={`${testId}-year-value`}>{counts.format(Number(v))}</span>}
    />
  );
  return (
    <Card title={title} size="small" extra={extra} style={{ height: '100%' }} data-testid={testId}>
      {year.to ? (
        <Link
          to={year.to}
          aria-label={`${title}, ${year.label.toLowerCase()}: ${year.value}`}
          data-testid={`${testId}-year`}
        >
          {value}
        </Link>
      ) : (
        <div data-testid={`${testId}-year`}>{value}</div>
      )}
      {children}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {planTitle}:{' '}
        {plan.to ? (
          <Link to={plan.to} data-testid={`${testId}-plan`}>
            <strong>{counts.format(plan.value)}</strong>
          </Link>
        ) : (
          <strong data-testid={`${testId}-plan`}>{counts.format(plan.value)}</strong>
        )}
      </Typography.Paragraph>
    </Card>
  );
}

function IntroductionTally({ figures, testId }: { figures: Figures; testId: string }) {
  const { onTime, late, missing } = figures.introductions;
  return (
    <Flex gap={12} wrap data-testid={testId}>
      {(
        [
          ['onTime', 'Đúng hạn', onTime, CELL_LOOKS.on_time.color],
          ['late', 'Trễ hạn', late, CELL_LOOKS.late.color],
          ['missing', 'Chưa giới thiệu', missing, CELL_LOOKS.missing.color],
        ] as const
      ).map(([key, label, value, color]) => (
        <span key={key} data-testid={`${testId}-${key}`}>
          <Typography.Text type="secondary">{label}: </Typography.Text>
          <strong style={{ color }}>{counts.format(value)}</strong>
        </span>
      ))}
    </Flex>
  );
}

/** The year's and the plan period's figures, as the reports count them. */
export function FigureCards({
  year,
  plan,
  unitId,
}: {
  year: Period & { year: number };
  plan: Period;
  /** The unit in scope (links to lists carry it). */
  unitId?: number;
}) {
  const yearFigures = year.figures;
  const planFigures = plan.figures;
  const passed = (figures: Figures) => countOf(figures.evaluations.byConclusion, 'passed');
  const openDifficulties = (figures: Figures) =>
    figures.difficulties.byStatus
      .filter((count) => count.key !== 'closed')
      .reduce((sum, count) => sum + count.count, 0);
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="dashboard-figures">
        <Col flex="1 1 200px">
          <FigureCard
            title="Điển hình phát hiện"
            testId="dashboard-discovered"
            year={{
              value: yearFigures.exemplars.discovered,
              label: year.title,
              to: exemplarListLink({ ...discoveredIn(year), unitId }),
            }}
            plan={{
              value: planFigures.exemplars.discovered,
              to: exemplarListLink({ ...discoveredIn(plan), unitId }),
            }}
            planTitle={plan.title}
          >
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Tính như báo cáo: hồ sơ đã gửi hoặc đã xác nhận, không tính bản nháp
            </Typography.Text>
          </FigureCard>
        </Col>
        <Col flex="1 1 200px">
          <FigureCard
            title="Giới thiệu đúng hạn"
            testId="dashboard-introductions"
            year={{
              value: yearFigures.introductions.onTime,
              label: `${year.title} (tháng–đơn vị)`,
              to: introductionsLink(year.year, unitId),
            }}
            plan={{ value: planFigures.introductions.onTime }}
            planTitle={plan.title}
          >
            <IntroductionTally figures={yearFigures} testId="dashboard-introductions-tally" />
          </FigureCard>
        </Col>
        <Col flex="1 1 200px">
          <FigureCard
            title="Đánh giá hoàn tất"
            testId="dashboard-evaluations"
            year={{ value: yearFigures.evaluations.total, label: year.title }}
            plan={{ value: planFigures.evaluations.total }}
            planTitle={plan.title}
          >
            <Typography.Text type="secondary">
              Kết luận Đạt: <strong>{counts.format(passed(yearFigures))}</strong>
            </Typography.Text>
          </FigureCard>
        </Col>
        <Col flex="1 1 200px">
          <FigureCard
            title="Nhân rộng"
            testId="dashboard-replications"
            year={{ value: yearFigures.replications.total, label: year.title }}
            plan={{ value: planFigures.replications.total }}
            planTitle={plan.title}
          >
            <Typography.Text type="secondary">
              Từ <strong>{counts.format(yearFigures.replications.exemplars)}</strong> điển hình, tại{' '}
              <strong>{counts.format(yearFigures.replications.adopters)}</strong> nơi áp dụng
            </Typography.Text>
          </FigureCard>
        </Col>
        <Col flex="1 1 200px">
          <FigureCard
            title="Khó khăn, vướng mắc"
            testId="dashboard-difficulties"
            year={{ value: yearFigures.difficulties.total, label: year.title, to: PATHS.difficulties }}
            plan={{ value: planFigures.difficulties.total }}
            planTitle={plan.title}
          >
            <Typography.Text type="secondary">
              Chưa đóng: <strong>{counts.format(openDifficulties(yearFigures))}</strong>
            </Typography.Text>
          </FigureCard>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {[
          { period: year, testId: 'dashboard-stage-year' },
          { period: plan, testId: 'dashboard-stage-plan' },
        ].map(({ period, testId }) => (
          <Col xs={24} lg={unitId === undefined ? 8 : 12} key={testId}>
            <Card
              size="small"
              title={`Theo giai đoạn · ${period.title}`}
              style={{ height: '100%' }}
              data-testid={testId}
            >
              <FigureBars
                testId={`${testId}-bars`}
                empty={`Chưa có điển hình nào phát hiện trong ${period.title.toLowerCase()}.`}
                emptyTopic="stages"
                bars={period.figures.exemplars.byStage
                  .filter((count) => count.count > 0 || MAIN_STAGES.includes(count.key as Stage))
                  .map((count) => ({
                    key: count.key,
                    label: <Tag color={STAGE_COLORS[count.key as Stage]}>{count.label}</Tag>,
                    title: count.label,
                    count: count.count,
                    to: exemplarListLink({ ...discoveredIn(period), unitId, stage: count.key as Stage }),
                    testId: `${testId}-${count.key}`,
                  }))}
              />
            </Card>
          </Col>
        ))}
        {unitId === undefined && (
          <Col xs={24} lg={8}>
            <Card size="small" title={`Theo đơn vị · ${year.title}`} style={{ height: '100%' }}>
              <div style={{ maxHeight: 260, overflowY: 'auto', paddingInlineEnd: 4 }}>
                <FigureBars
                  testId="dashboard-by-unit"
                  empty="Chưa có đơn vị nào."
                  emptyTopic="units"
                  bars={yearFigures.exemplars.byUnit.map((row) => ({
                    key: String(row.unit.id),
                    label: row.unit.shortName,
                    title: row.unit.name,
                    count: row.discovered,
                    to: exemplarListLink({ ...discoveredIn(year), unitId: row.unit.id }),
                    testId: `dashboard-unit-${row.unit.code}`,
                  }))}
                />
              </div>
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
