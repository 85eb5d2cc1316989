import { App, Button, Input, Switch, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useErrorNotice } from '@/components/use-error-notice';
import { useSetAttendance } from '../api/council';
import type { AttendanceEntry, Meeting } from '../api/types';
import { attendanceDraft, ROLE_LABELS } from './ballot-logic';

interface AttendanceEditorProps {
  meeting: Meeting;
  /** The caller manages a meeting not yet voting: attendance can be recorded. */
  editable: boolean;
}

/** Who is present and who is absent (with a reason), recorded before the ballots open. */
export function AttendanceEditor({ meeting, editable }: AttendanceEditorProps) {
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const save = useSetAttendance();
  const [draft, setDraft] = useState<AttendanceEntry[]>(() => attendanceDraft(meeting));
  const entryOf = (memberId: number) => draft.find((entry) => entry.memberId === memberId);
  const patch = (memberId: number, change: Partial<AttendanceEntry>) =>
    setDraft((rows) => rows.map((row) => (row.memberId === memberId ? { ...row, ...change } : row)));

  const submit = () =>
    save.mutate(
      { meeting, entries: draft },
      { onSuccess: () => message.success('Đã ghi danh sách có mặt.'), onError: notifyError },
    );

  return (
    <>
      <Table
        rowKey="memberId"
        size="small"
        pagination={false}
        dataSource={meeting.attendance}
        onRow={(row) => ({ 'data-testid': `attendance-row-${row.memberId}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: 'Thành viên', dataIndex: 'fullName', key: 'fullName' },
          {
            title: 'Vị trí',
            key: 'role',
            render: (_, row) => `${ROLE_LABELS[row.role]}${row.title ? ` — ${row.title}` : ''}`,
            responsive: ['md'],
          },
          {
            title: 'Có mặt',
            key: 'present',
            render: (_, row) =>
              editable ? (
                <Switch
                  checked={entryOf(row.memberId)?.present ?? true}
                  onChange={(present) => patch(row.memberId, { present })}
                  checkedChildren="Có mặt"
                  unCheckedChildren="Vắng"
                  data-testid={`attendance-present-${row.memberId}`}
                />
              ) : row.present === null || row.present === undefined ? (
                <Tag>Chưa ghi</Tag>
              ) : row.present ? (
                <Tag color="green">Có mặt</Tag>
              ) : (
                <Tag color="orange">Vắng mặt</Tag>
              ),
          },
          {
            title: 'Lý do vắng',
            key: 'reason',
            render: (_, row) =>
              editable
                ? entryOf(row.memberId)?.present === false && (
                    <Input
                      size="small"
                      maxLength={300}
                      value={entryOf(row.memberId)?.absenceReason ?? ''}
                      onChange={(event) => patch(row.memberId, { absenceReason: event.target.value || null })}
                      placeholder="Lý do vắng mặt"
                      data-testid={`attendance-reason-${row.memberId}`}
                    />
                  )
                : (row.absenceReason ?? ''),
          },
        ]}
        data-testid="attendance-table"
      />
      {editable && (
        <Button
          style={{ marginTop: 12 }}
          onClick={submit}
          loading={save.isPending}
          data-testid="attendance-save"
        >
          Ghi danh sách có mặt
        </Button>
      )}
    </>
  );
}
