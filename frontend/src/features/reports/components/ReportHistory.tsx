import { Card, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '@/lib/dates';
import type { Report } from '../api/types';

const time = (instant: string | null | undefined) => (instant ? Date.parse(instant) : 0);

export interface HistoryStep {
  key: string;
  at: string;
  text: string;
  detail?: string | null;
  color: string;
}

/**
 * The report's steps as far as the report tells them: started, last changed, (last) submitted
 * on time or late, decided. Oldest first.
 */
export function historySteps(report: Report): HistoryStep[] {
  const steps: HistoryStep[] = [{ key: 'created', at: report.createdAt, text: 'Lập dự thảo', color: 'gray' }];
  const submission = report.submission;
  // Each step also stamps the report: a change shows only when it came after the last step.
  const lastStep = Math.max(
    time(report.createdAt),
    time(submission?.submittedAt),
    time(submission?.decidedAt),
  );
  if (time(report.updatedAt) > lastStep) {
    steps.push({ key: 'updated', at: report.updatedAt, text: 'Sửa lần gần nhất', color: 'gray' });
  }
  if (submission) {
    const late = submission.onTime === false;
    steps.push({
      key: 'submitted',
      at: submission.submittedAt,
      text: `${report.owner === 'office' ? 'Trình phê duyệt' : 'Gửi báo cáo'}${
        submission.onTime === true ? ' (đúng hạn)' : late ? ' (trễ hạn)' : ''
      }`,
      color: late ? 'orange' : 'blue',
    });
    if (submission.decidedAt) {
      const decided =
        report.status === 'returned'
          ? 'Trả lại để bổ sung'
          : report.owner === 'office'
            ? 'Lãnh đạo Sở phê duyệt'
            : 'Văn phòng Sở tiếp nhận';
      steps.push({
        key: 'decided',
        at: submission.decidedAt,
        text: decided,
        detail: submission.decisionNote,
        color: report.status === 'returned' ? 'red' : 'green',
      });
    }
  }
  return steps.sort((a, b) => time(a.at) - time(b.at));
}

/** The steps in time order; who took them is on the submission's page (linked by `extra`). */
export function ReportHistory({ report, extra }: { report: Report; extra?: ReactNode }) {
  return (
    <Card
      title="Quá trình"
      size="small"
      style={{ marginBottom: 16 }}
      extra={extra}
      data-testid="report-history"
    >
      <Timeline
        items={historySteps(report).map((step) => ({
          key: step.key,
          color: step.color,
          content: (
            <div data-testid={`report-history-${step.key}`}>
              <div>
                {step.text} — {formatDateTime(step.at)}
              </div>
              {step.detail && (
                <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                  {step.detail}
                </Typography.Text>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
