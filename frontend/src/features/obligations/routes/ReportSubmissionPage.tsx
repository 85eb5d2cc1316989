import { ArrowLeftOutlined, FileTextOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { findCalendarReport, reportListQuery } from '@/lib/api/queries/reports';
import { PATHS, reportPagePath } from '@/lib/paths';
import { formatApiDate, formatDateTime } from '@/lib/dates';
import { type DecisionStep, useReportSubmission } from '../api/obligations';
import type { ReportSubmission, SubmissionAction } from '../api/types';
import { SubmissionStatusTag } from '../components/ObligationStatusTag';
import { ReportStepModal } from '../components/ReportStepModal';
import { OBLIGATION_KIND, periodText, SUBMISSION_ACTION } from '../labels';

const STEPS: readonly SubmissionAction[] = ['resubmit', 'accept', 'return'];

/** The report written in Lan Tỏa behind a submission, when there is one. */
function useWrittenReport(submission: ReportSubmission | undefined) {
  const unitId = submission?.responsible === 'office' ? undefined : submission?.unit?.id;
  const reports = useQuery({
    ...reportListQuery(
      {
        kind: submission?.kind as Exclude<ReportSubmission['kind'], 'monthly_introduction'>,
        period: submission?.period,
        unitId,
      },
      1,
      100,
    ),
    enabled: submission !== undefined,
  });
  return { written: findCalendarReport(reports.data?.items, unitId), checking: reports.isPending };
}

/** A sent report: who sent it, when, whether on time, the decision, and the next steps allowed. */
export default function ReportSubmissionPage() {
  const id = Number(useParams().id);
  const report = useReportSubmission(Number.isSafeInteger(id) && id > 0 ? id : undefined);
  const [step, setStep] = useState<DecisionStep | null>(null);
  const data = report.data;
  // A report written in Lan Tỏa takes its steps on its own page, where its figures are frozen.
  const { written, checking } = useWrittenReport(data);

  return (
    <>
      <PageHeading
        title="Báo cáo gửi theo lịch"
        subtitle={data?.title}
        extra={
          <Link
            to={
              data ? `${PATHS.obligations}?key=${encodeURIComponent(data.obligationKey)}` : PATHS.obligations
            }
          >
            <ArrowLeftOutlined /> Lịch báo cáo
          </Link>
        }
      />
      <ProblemAlert error={report.error} />
      {report.isPending && !report.error && <Spin />}
      {data && (
        <Card>
          {data.status === 'returned' && data.decisionNote && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message="Báo cáo bị trả lại"
              description={<span data-testid="report-decision-note">{data.decisionNote}</span>}
            />
          )}
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label="Tiêu đề" span={2}>
              <span data-testid="report-title">{data.title}</span>
            </Descriptions.Item>
            <Descriptions.Item label="Loại">{OBLIGATION_KIND[data.kind]}</Descriptions.Item>
            <Descriptions.Item label="Kỳ">{periodText(data.kind, data.period)}</Descriptions.Item>
            <Descriptions.Item label="Đơn vị">{data.unit?.name ?? 'Văn phòng Sở'}</Descriptions.Item>
            <Descriptions.Item label="Trạng thái">
              <SubmissionStatusTag status={data.status} testId="report-status" />
            </Descriptions.Item>
            <Descriptions.Item label="Gửi lúc">
              {formatDateTime(data.submittedAt)}
              {data.submittedBy ? ` — ${data.submittedBy.fullName}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="Hạn">
              {data.dueOn ? formatApiDate(data.dueOn) : '—'}{' '}
              {data.onTime === true && <Typography.Text type="success">(đúng hạn)</Typography.Text>}
              {data.onTime === false && <Typography.Text type="danger">(trễ hạn)</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label="Ghi chú" span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{data.note || '—'}</span>
            </Descriptions.Item>
            {data.decidedAt && (
              <Descriptions.Item label="Xem xét" span={2}>
                {formatDateTime(data.decidedAt)}
                {data.decidedBy ? ` — ${data.decidedBy.fullName}` : ''}
                {data.status !== 'returned' && data.decisionNote ? `: ${data.decisionNote}` : ''}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Space style={{ marginTop: 16 }} wrap>
            {written && (
              <Link to={reportPagePath(written.id)} data-testid="report-written-link">
                <Button type="primary" icon={<FileTextOutlined />}>
                  {data.allowedActions.length > 0 ? 'Mở báo cáo để xem xét, gửi' : 'Nội dung báo cáo'}
                </Button>
              </Link>
            )}
            {!written &&
              !checking &&
              STEPS.filter((action) => data.allowedActions.includes(action)).map((action) => (
                <Button
                  key={action}
                  type={action === 'return' ? 'default' : 'primary'}
                  danger={action === 'return'}
                  onClick={() => setStep(action as DecisionStep)}
                  data-testid={`report-action-${action}`}
                >
                  {SUBMISSION_ACTION[action]}
                </Button>
              ))}
          </Space>
        </Card>
      )}
      {data && step && <ReportStepModal report={data} step={step} onClose={() => setStep(null)} />}
    </>
  );
}
