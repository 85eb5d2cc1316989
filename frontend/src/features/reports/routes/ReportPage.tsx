import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Divider, Flex, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { formatApiDate, formatDateTime } from '@/lib/dates';
import { PATHS } from '@/lib/paths';
import { useReport } from '../api/reports';
import type { Report } from '../api/types';
import { ConsolidationSection } from '../components/ConsolidationSection';
import { DownloadButtons } from '../components/DownloadButtons';
import { FiguresSection } from '../components/FiguresSection';
import { NarrativeCard, useNarrativeEditor } from '../components/NarrativeCard';
import { ReportActions } from '../components/ReportActions';
import { ReportHistory } from '../components/ReportHistory';
import { ReportStatusTag } from '../components/ReportStatusTag';
import { ownerText, periodText, REPORT_KIND } from '../labels';

/** The submission's page on the calendar (who sent it, who decided). */
const submissionPath = (id: number) => `${PATHS.obligations}/bao-cao/${id}`;

function Submitted({ report }: { report: Report }) {
  const submission = report.submission;
  if (!submission) {
    return (
      <Typography.Text type="secondary">
        {report.kind === 'on_demand' ? 'Không gửi theo lịch' : 'Chưa gửi'}
      </Typography.Text>
    );
  }
  return (
    <span data-testid="report-submitted">
      {formatDateTime(submission.submittedAt)}{' '}
      {submission.onTime === true && <Typography.Text type="success">(đúng hạn)</Typography.Text>}
      {submission.onTime === false && (
        <Typography.Text type="danger" data-testid="report-late">
          (trễ hạn)
        </Typography.Text>
      )}
      {submission.dueOn && (
        <Typography.Text type="secondary"> — hạn {formatApiDate(submission.dueOn)}</Typography.Text>
      )}
      {submission.submittedBy && (
        <Typography.Text type="secondary" data-testid="report-submitted-by">
          {' '}
          — {submission.submittedBy}
        </Typography.Text>
      )}
    </span>
  );
}

function ReportBody({ report }: { report: Report }) {
  const editor = useNarrativeEditor(report);
  const submission = report.submission;
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        {report.status === 'returned' && submission?.decisionNote && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="Báo cáo bị trả lại để bổ sung"
            description={<span data-testid="report-decision-note">{submission.decisionNote}</span>}
          />
        )}
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label="Tiêu đề" span={2}>
            <span data-testid="report-title">{report.title}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Loại">{REPORT_KIND[report.kind]}</Descriptions.Item>
          <Descriptions.Item label="Kỳ báo cáo">
            <span data-testid="report-period">{periodText(report)}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Báo cáo của">
            <span data-testid="report-owner">{ownerText(report)}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Trạng thái">
            <ReportStatusTag status={report.status} owner={report.owner} testId="report-status" />
          </Descriptions.Item>
          <Descriptions.Item label={report.owner === 'office' ? 'Trình lúc' : 'Gửi lúc'} span={2}>
            <Submitted report={report} />
          </Descriptions.Item>
          {submission?.decidedAt && report.status !== 'returned' && (
            <Descriptions.Item label={report.owner === 'office' ? 'Phê duyệt' : 'Tiếp nhận'} span={2}>
              {formatDateTime(submission.decidedAt)}
              {submission.decidedBy ? ` — ${submission.decidedBy}` : ''}
              {submission.decisionNote ? `: ${submission.decisionNote}` : ''}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Divider style={{ margin: '16px 0' }} />
        <Flex wrap gap={8} justify="space-between">
          <ReportActions report={report} editor={editor} />
          <Flex wrap gap={8}>
            <DownloadButtons reportId={report.id} />
          </Flex>
        </Flex>
      </Card>
      <ReportHistory
        report={report}
        extra={
          submission && (
            <Link to={submissionPath(submission.id)} data-testid="report-submission-link">
              Phiếu gửi trên Lịch báo cáo
            </Link>
          )
        }
      />
      <NarrativeCard editor={editor} report={report} />
      {report.figures.consolidation && <ConsolidationSection consolidation={report.figures.consolidation} />}
      <FiguresSection report={report} />
    </>
  );
}

/** One report: what it is and where it stands, its text, the units' reports it sums up, its figures. */
export default function ReportPage() {
  const id = Number(useParams().id);
  const report = useReport(Number.isSafeInteger(id) && id > 0 ? id : undefined);
  const data = report.data;
  return (
    <>
      <PageHeading
        title={data ? `${REPORT_KIND[data.kind]} — ${periodText(data)}` : 'Báo cáo'}
        subtitle={data && ownerText(data)}
        extra={
          <Link to={PATHS.reports}>
            <ArrowLeftOutlined /> Danh sách báo cáo
          </Link>
        }
      />
      <ProblemAlert error={report.error} />
      {report.isPending && !report.error && <Spin />}
      {data && <ReportBody key={data.id} report={data} />}
    </>
  );
}
