import { Descriptions, Table, Typography } from 'antd';
import type { AuditEntry } from '@/lib/api/models';
import { usePeopleNames, useUnitNames } from '../api/audit';
import { diffSnapshots, type FieldChange } from './diff';
import { fieldRank, fieldSpec, formatFieldValue, type NameLookup } from './fields';

type Snapshot = Record<string, unknown> | null | undefined;

/** The ids of people a snapshot names (creator, uploader, proposer). */
function peopleIn(...snapshots: Snapshot[]): number[] {
  return snapshots.flatMap((snapshot) => {
    if (!snapshot) return [];
    const proposal = snapshot.proposal as Snapshot;
    return [snapshot.createdBy, snapshot.uploadedBy, proposal?.proposedBy].filter(
      (id): id is number => typeof id === 'number',
    );
  });
}

function ShownValue({
  value,
  strong,
  deleted,
}: {
  value: string | string[];
  strong?: boolean;
  deleted?: boolean;
}) {
  if (Array.isArray(value)) {
    return (
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {value.map((line, index) => (
          <li key={index}>
            <Typography.Text delete={deleted} strong={strong}>
              {line}
            </Typography.Text>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Typography.Text delete={deleted} strong={strong} style={{ whiteSpace: 'pre-wrap' }}>
      {value}
    </Typography.Text>
  );
}

/** The expanded row of the audit log: what changed, and where the request came from. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const before = entry.before as Snapshot;
  const after = entry.after as Snapshot;
  const changes = diffSnapshots(before, after)
    .filter((change) => !fieldSpec(entry.entityType, change.field).hidden)
    .sort((a, b) => fieldRank(entry.entityType, a.field) - fieldRank(entry.entityType, b.field));
  const names: NameLookup = {
    user: usePeopleNames(peopleIn(before, after)),
    unit: useUnitNames(
      changes.some((change) => fieldSpec(entry.entityType, change.field).format === 'unitId'),
    ),
  };
  const show = (change: FieldChange, value: unknown) =>
    formatFieldValue(fieldSpec(entry.entityType, change.field), value, names);
  const showBefore = before != null;
  const showAfter = after != null;
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
              render: (field: string) => fieldSpec(entry.entityType, field).label,
              width: 200,
            },
            ...(showBefore
              ? [
                  {
                    title: 'Trước',
                    key: 'before',
                    render: (_: unknown, change: FieldChange) => (
                      <ShownValue value={show(change, change.before)} deleted={showAfter} />
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
                      <ShownValue value={show(change, change.after)} strong={showBefore} />
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
