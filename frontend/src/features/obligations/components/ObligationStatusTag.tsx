import { Tag } from 'antd';
import type { ObligationStatus, SubmissionStatus } from '../api/types';
import { OBLIGATION_STATUS, SUBMISSION_STATUS } from '../labels';

export function ObligationStatusTag({ status, testId }: { status: ObligationStatus; testId?: string }) {
  const { label, color } = OBLIGATION_STATUS[status];
  return (
    <Tag color={color} data-testid={testId} data-status={status}>
      {label}
    </Tag>
  );
}

export function SubmissionStatusTag({ status, testId }: { status: SubmissionStatus; testId?: string }) {
  const { label, color } = SUBMISSION_STATUS[status];
  return (
    <Tag color={color} data-testid={testId} data-status={status}>
      {label}
    </Tag>
  );
}
