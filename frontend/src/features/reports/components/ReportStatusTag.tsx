import { Tag } from 'antd';
import type { ReportOwner, ReportStatus } from '../api/types';
import { REPORT_STATUS, statusText } from '../labels';

/** Where a report stands (`data-status` carries the server's value, for tests). */
export function ReportStatusTag({
  status,
  owner,
  testId,
}: {
  status: ReportStatus;
  owner: ReportOwner;
  testId?: string;
}) {
  return (
    <Tag color={REPORT_STATUS[status].color} data-testid={testId} data-status={status}>
      {statusText(status, owner)}
    </Tag>
  );
}
