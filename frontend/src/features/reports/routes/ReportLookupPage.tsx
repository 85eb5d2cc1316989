import { ArrowLeftOutlined, FileAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Result, Spin } from 'antd';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { findCalendarReport, reportListQuery } from '@/lib/api/queries/reports';
import { useCurrentUser } from '@/lib/auth/use-session';
import { PATHS, reportPagePath } from '@/lib/paths';
import { useCreateReport } from '../api/reports';
import { mayOfferCreate, periodText, REPORT_KIND } from '../labels';
import { lookupTarget } from '../lookup';

/**
 * Where the calendar links to a unit's (or the Office's) report of a period: opens the report if
 * it was started, else offers to start it.
 */
export default function ReportLookupPage() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const target = lookupTarget(search);
  const found = useQuery({
    ...reportListQuery({ kind: target?.kind, period: target?.period, unitId: target?.unitId }, 1, 100),
    enabled: target !== null,
  });
  const create = useCreateReport();

  const heading = (
    <PageHeading
      title="Báo cáo"
      subtitle={
        target ? `${REPORT_KIND[target.kind]} — ${periodText({ ...target, from: '', to: '' })}` : undefined
      }
      extra={
        <Link to={PATHS.obligations}>
          <ArrowLeftOutlined /> Lịch báo cáo
        </Link>
      }
    />
  );

  if (!target) {
    return (
      <>
        {heading}
        <Result status="warning" title="Đường dẫn không chỉ rõ báo cáo nào." />
      </>
    );
  }
  const report = findCalendarReport(found.data?.items, target.unitId);
  if (report) return <Navigate to={reportPagePath(report.id)} replace />;

  const start = () =>
    create.mutate(
      { kind: target.kind, period: target.period, unitId: target.unitId ?? null },
      { onSuccess: (created) => navigate(reportPagePath(created.id), { replace: true }) },
    );

  return (
    <>
      {heading}
      <ProblemAlert error={found.error ?? create.error} />
      {found.isPending && !found.error && <Spin />}
      {found.data && (
        <Card>
          <Result
            status="info"
            title={
              target.unitId === undefined
                ? 'Chưa lập báo cáo tổng hợp của kỳ này.'
                : 'Chưa lập báo cáo của kỳ này.'
            }
            subTitle="Báo cáo được lập trên Lan Tỏa với số liệu tính sẵn từ dữ liệu; người lập viết phần nội dung rồi gửi."
            extra={
              mayOfferCreate(user.role, user.unit?.id, target.unitId) && (
                <Button
                  type="primary"
                  icon={<FileAddOutlined />}
                  loading={create.isPending}
                  onClick={start}
                  data-testid="report-lookup-create"
                >
                  Lập báo cáo
                </Button>
              )
            }
          />
        </Card>
      )}
    </>
  );
}
