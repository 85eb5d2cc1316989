import { CheckCircleOutlined, DeleteOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import type { Unit } from '@/lib/api/models';
import { useUnitActions } from './use-unit-actions';

interface UnitActionsProps {
  unit: Unit;
  onEdit: (unit: Unit) => void;
  /** Icons only (in table rows) or with labels (in the details drawer). */
  compact?: boolean;
}

/** The administrator's actions on one unit. */
export function UnitActions({ unit, onEdit, compact = false }: UnitActionsProps) {
  const { confirmSetActive, confirmDelete } = useUnitActions();
  const isRoot = unit.kind === 'department';
  const action = (key: string, label: string, icon: React.ReactNode, onClick: () => void, danger = false) => (
    <Tooltip title={compact ? label : undefined} key={key}>
      <Button
        size="small"
        icon={icon}
        danger={danger}
        onClick={onClick}
        aria-label={label}
        data-testid={`unit-${key}-${unit.code}`}
      >
        {!compact && label}
      </Button>
    </Tooltip>
  );
  return (
    <Space wrap={!compact} size={4}>
      {action('edit', 'Sửa', <EditOutlined />, () => onEdit(unit))}
      {!isRoot &&
        (unit.active
          ? action(
              'deactivate',
              'Ngừng hoạt động',
              <StopOutlined />,
              () => confirmSetActive(unit, false),
              true,
            )
          : action('activate', 'Kích hoạt lại', <CheckCircleOutlined />, () => confirmSetActive(unit, true)))}
      {!isRoot && action('delete', 'Xóa', <DeleteOutlined />, () => confirmDelete(unit), true)}
    </Space>
  );
}
