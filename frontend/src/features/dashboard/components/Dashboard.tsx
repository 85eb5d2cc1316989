import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Segmented, Skeleton, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { ProblemAlert } from '@/components/ProblemAlert';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useCurrentUser } from '@/lib/auth/use-session';
import { todayInVietnam } from '@/lib/dates';
import { useListParams } from '@/lib/list-params';
import { isUnitRole } from '@/lib/roles';
import { useDashboard } from '../api/dashboard';
import { planYears } from '../series';
import { FigureCards } from './FigureCards';
import { IntroductionHeatmap } from './IntroductionHeatmap';
import { ObligationLists } from './ObligationLists';
import { TimelineCharts } from './TimelineCharts';
import '../dashboard.css';

const PARAMS = ['year', 'unitId'] as const;

// The unit picker (a searchable select) only for those who pick a unit, after the first figures.
const UnitSelect = lazy(() =>
  import('@/components/UnitSelect').then((module) => ({ default: module.UnitSelect })),
);

export interface DashboardProps {
  /** What awaits the signed-in person (the home page's task list), shown beside the obligations. */
  tasks?: ReactNode;
  /** Shown under the tasks (a unit's own introduction of this month). */
  aside?: ReactNode;
}

/**
 * The dashboard of the home page: the year's and the plan period's figures (as the reports
 * count them), the unit × month introductions, exemplars over time by category, stage and
 * movement, and the obligations overdue or due soon. The Office, the leadership and the
 * administrator see the Department or a unit they pick; a unit's people see their unit.
 */
export function Dashboard({ tasks, aside }: DashboardProps) {
  const user = useCurrentUser();
  const unitRole = isUnitRole(user.role);
  const { filters, setFilters } = useListParams(PARAMS);
  const pickedYear = filters.year && /^\d{4}$/.test(filters.year) ? Number(filters.year) : undefined;
  const pickedUnit = !unitRole && filters.unitId ? Number(filters.unitId) : undefined;
  const dashboard = useDashboard({ year: pickedYear, unitId: pickedUnit });
  const tree = useQuery({ ...unitTreeQuery(true), enabled: !unitRole, staleTime: 5 * 60_000 });
  const data = dashboard.data;
  const thisYear = data ? Number(data.today.slice(0, 4)) : todayInVietnam().year();
  // The year asked for (the server's default is this year in Vietnam), shown while it loads.
  const year = pickedYear ?? thisYear;
  const years = data ? planYears(data.firstYear, data.lastYear, year) : [year];
  // The scope's unit: the one picked, or a unit person's own.
  const unitId = data?.unit?.id ?? (unitRole ? user.unit?.id : pickedUnit);
  const scope = data?.unit?.name ?? (unitRole ? user.unit?.name : undefined) ?? 'Toàn Sở';

  return (
    <section aria-labelledby="dashboard-title" data-testid="dashboard">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title
            level={4}
            style={{ margin: 0 }}
            id="dashboard-title"
            data-testid="dashboard-title"
          >
            Tình hình thực hiện Kế hoạch năm {year}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="dashboard-scope">
            {scope}
            {data && ` · giai đoạn ${data.firstYear}–${data.lastYear}`}
          </Typography.Text>
        </div>
        <Flex gap={8} wrap>
          <Segmented<number>
            aria-label="Năm"
            value={year}
            options={years.map((value) => ({ value, label: String(value) }))}
            onChange={(value) => setFilters({ year: value === thisYear ? undefined : String(value) })}
            data-testid="dashboard-year"
          />
          {!unitRole && (
            <Suspense fallback={<Skeleton.Input active style={{ width: 260 }} />}>
              <UnitSelect
                allowClear
                aria-label="Đơn vị"
                placeholder="Toàn Sở"
                tree={tree.data}
                value={pickedUnit}
                onChange={(value) => setFilters({ unitId: value ? String(value) : undefined })}
                style={{ minWidth: 260 }}
                data-testid="dashboard-unit"
              />
            </Suspense>
          )}
        </Flex>
      </Flex>
      <ProblemAlert error={dashboard.error} />
      {!data && dashboard.isPending && (
        <Card style={{ marginBottom: 16 }}>
          <Skeleton active />
        </Card>
      )}
      {data && (
        <div
          aria-busy={dashboard.isPlaceholderData}
          style={dashboard.isPlaceholderData ? { opacity: 0.55, transition: 'opacity 0.2s' } : undefined}
        >
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {(tasks || aside) && (
              <Col xs={24} lg={12}>
                <Flex vertical gap={16} style={{ height: '100%' }}>
                  {tasks}
                  {aside}
                </Flex>
              </Col>
            )}
            <Col xs={24} lg={tasks || aside ? 12 : 24}>
              <ObligationLists obligations={data.obligations} unitId={unitId} />
            </Col>
          </Row>
          <FigureCards
            year={{ figures: data.yearFigures, title: `Năm ${data.year}`, year: data.year }}
            plan={{ figures: data.planFigures, title: `Giai đoạn ${data.firstYear}–${data.lastYear}` }}
            unitId={unitId}
          />
          <IntroductionHeatmap grid={data.introductions} unitId={unitId} />
          <TimelineCharts
            timeline={data.timeline}
            year={data.year}
            firstYear={data.firstYear}
            lastYear={data.lastYear}
            yearFigures={data.yearFigures}
            planFigures={data.planFigures}
          />
        </div>
      )}
    </section>
  );
}
