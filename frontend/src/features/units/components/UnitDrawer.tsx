import { Descriptions, Drawer, Space } from 'antd';
import { ActiveTag } from '@/components/ActiveTag';
import type { Unit } from '@/lib/api/models';
import { formatDateTime } from '@/lib/dates';
import { UnitActions } from './UnitActions';
import { UnitKindTag } from './UnitKindTag';

interface UnitDrawerProps {
  unit: Unit | null;
  parentName: string | undefined;
  canManage: boolean;
  onEdit: (unit: Unit) => void;
  onClose: () => void;
}

export function UnitDrawer({ unit, parentName, canManage, onEdit, onClose }: UnitDrawerProps) {
  return (
    <Drawer open={unit !== null} onClose={onClose} title={unit?.name} size={480} data-testid="unit-drawer">
      {unit && canManage && (
        <div style={{ marginBottom: 16 }}>
          <UnitActions unit={unit} onEdit={onEdit} />
        </div>
      )}
      {unit && (
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            { key: 'code', label: 'Mã', children: unit.code },
            { key: 'shortName', label: 'Tên viết tắt', children: unit.shortName },
            {
              key: 'kind',
              label: 'Loại',
              children: (
                <Space size={4}>
                  <UnitKindTag kind={unit.kind} />
                  <ActiveTag active={unit.active} />
                </Space>
              ),
            },
            { key: 'parent', label: 'Đơn vị cấp trên', children: parentName ?? '—' },
            {
              key: 'head',
              label: 'Thủ trưởng',
              children: [unit.headTitle, unit.headName].filter(Boolean).join(' ') || '—',
            },
            { key: 'email', label: 'Thư điện tử', children: unit.email ?? '—' },
            { key: 'phone', label: 'Điện thoại', children: unit.phone ?? '—' },
            { key: 'sortOrder', label: 'Thứ tự hiển thị', children: unit.sortOrder },
            { key: 'updatedAt', label: 'Cập nhật lần cuối', children: formatDateTime(unit.updatedAt) },
          ]}
        />
      )}
    </Drawer>
  );
}
