import { Tag } from 'antd';

interface ActiveTagProps {
  active: boolean;
  activeLabel?: string;
  inactiveLabel?: string;
}

export function ActiveTag({
  active,
  activeLabel = 'Đang hoạt động',
  inactiveLabel = 'Ngừng hoạt động',
}: ActiveTagProps) {
  return active ? (
    <Tag color="green">{activeLabel}</Tag>
  ) : (
    <Tag color="default" data-testid="inactive-tag">
      {inactiveLabel}
    </Tag>
  );
}
