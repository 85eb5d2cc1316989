import { Tag } from 'antd';
import type { DifficultyStatus } from '../api/difficulties';
import { DIFFICULTY_STATUS } from '../labels';

export function DifficultyStatusTag({ status, testId }: { status: DifficultyStatus; testId?: string }) {
  const { label, color } = DIFFICULTY_STATUS[status];
  return (
    <Tag color={color} data-testid={testId} data-status={status}>
      {label}
    </Tag>
  );
}
