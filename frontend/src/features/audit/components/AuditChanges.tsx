import { Descriptions, Table, Typography } from 'antd';
import type { AuditEntry } from '@/lib/api/models';
import { formatDateTime } from '@/lib/dates';
import { diffSnapshots, type FieldChange } from './diff';
import { FIELD_LABELS, VALUE_LABELS } from './labels';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function renderValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (Array.isArray(value)) return value.map((item) => renderValue(field, item)).join(', ') || '—';
  if (typeof value === 'object') {
    const named = value as { name?: unknown };
    return typeof named.name === 'string' ? named.name : JSON.stringify(value);
  }
  const text = String(value);
  if (ISO_INSTANT.test(text)) return formatDateTime(text);
  return VALUE_LABELS[field]?.[text] ?? text;
}

/** The expanded row of the audit log: what changed, and where the request came from. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const changes = diffSnapshots(entry.before, entry.after);
  const showBefore = entry.before != null;
  const showAfter = entry.after != null;
  return (
    <div data-testid={`audit-changes-${entry.id}`}>
      {changes.length > 0 ? (
        <Table<FieldChange>
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={changes}
          columns={[
            {
              title: 'Thông tin',
              dataIndex: 'field',
              render: (field: string) => FIELD_LABELS[field] ?? field,
              width: 200,
            },
            ...(showBefore
              ? [
                  {
                    title: 'Trước',
                    key: 'before',
                    render: (_: unknown, change: FieldChange) => (
                      <Typography.Text delete={showAfter}>
                        {renderValue(change.field, change.before)}
                      </Typography.Text>
                    ),
                  },
                ]
              : []),
            ...(showAfter
              ? [
                  {
                    title: 'Sau',
                    key: 'after',
                    render: (_: unknown, change: FieldChange) => (
                      <Typography.Text strong={showBefore}>
                        {renderValue(change.field, change.after)}
                      </Typography.Text>
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <Typography.Text type="secondary">Không có thay đổi dữ liệu nào được ghi lại.</Typography.Text>
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginTop: 12 }}
        items={[
          { key: 'ip', label: 'Địa chỉ IP', children: entry.ipAddress ?? '—' },
          { key: 'requestId', label: 'Mã yêu cầu', children: entry.requestId ?? '—' },
        ]}
      />
    </div>
  );
}
