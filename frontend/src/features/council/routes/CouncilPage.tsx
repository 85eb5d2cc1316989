import {
  CalendarOutlined,
  EditOutlined,
  PlusOutlined,
  StopOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ActiveTag } from '@/components/ActiveTag';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useErrorNotice } from '@/components/use-error-notice';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useCurrentUser } from '@/lib/auth/use-session';
import { formatDateTime } from '@/lib/dates';
import { councilMeetingPath } from '@/lib/paths';
import { flattenUnitTree } from '@/lib/unit-tree';
import { useCouncils, useMeetings, useUpdateMember } from '../api/council';
import type { Council, CouncilMember, Meeting } from '../api/types';
import { MEETING_STATUS_LABELS, ROLE_LABELS, sortMembers } from '../components/ballot-logic';
import { CouncilFormModal } from '../components/CouncilFormModal';
import { MeetingFormModal } from '../components/MeetingFormModal';
import { MemberFormModal } from '../components/MemberFormModal';

export default function CouncilPage() {
  const user = useCurrentUser();
  const councils = useCouncils();
  const [chosenId, setChosenId] = useState<number>();
  const [councilForm, setCouncilForm] = useState<{ council?: Council } | null>(null);
  const [memberForm, setMemberForm] = useState<{ member?: CouncilMember } | null>(null);
  const [meetingForm, setMeetingForm] = useState(false);
  const canManage = user.role === 'admin' || user.role === 'office';
  const canSchedule = user.role === 'office';

  const sorted = useMemo(() => [...(councils.data ?? [])].sort((a, b) => b.year - a.year), [councils.data]);
  const council = sorted.find((item) => item.id === chosenId) ?? sorted[0];

  return (
    <>
      <PageHeading
        title="Hội đồng Thi đua – Khen thưởng"
        subtitle="Thành viên Hội đồng theo năm, các phiên họp và bỏ phiếu kín"
        extra={
          <>
            {sorted.length > 0 && (
              <Select
                value={council?.id}
                onChange={setChosenId}
                options={sorted.map((item) => ({ value: item.id, label: `Năm ${item.year}` }))}
                style={{ minWidth: 130 }}
                data-testid="council-year"
              />
            )}
            {canManage && (
              <Button icon={<PlusOutlined />} onClick={() => setCouncilForm({})} data-testid="council-create">
                Thành lập Hội đồng
              </Button>
            )}
          </>
        }
      />
      <ProblemAlert error={councils.error} />
      {councils.isPending ? (
        <Skeleton active />
      ) : !council ? (
        <Card>
          <Empty description="Chưa có Hội đồng nào" />
        </Card>
      ) : (
        <CouncilDetail
          council={council}
          canManage={canManage}
          canSchedule={canSchedule}
          onEdit={() => setCouncilForm({ council })}
          onAddMember={() => setMemberForm({})}
          onEditMember={(member) => setMemberForm({ member })}
          onSchedule={() => setMeetingForm(true)}
        />
      )}
      {councilForm && (
        <CouncilFormModal
          council={councilForm.council}
          onClose={(created) => {
            setCouncilForm(null);
            if (created) setChosenId(created.id);
          }}
        />
      )}
      {memberForm && council && (
        <MemberFormModal council={council} member={memberForm.member} onClose={() => setMemberForm(null)} />
      )}
      {meetingForm && council && <MeetingFormModal council={council} onClose={() => setMeetingForm(false)} />}
    </>
  );
}

interface CouncilDetailProps {
  council: Council;
  canManage: boolean;
  canSchedule: boolean;
  onEdit: () => void;
  onAddMember: () => void;
  onEditMember: (member: CouncilMember) => void;
  onSchedule: () => void;
}

function CouncilDetail({
  council,
  canManage,
  canSchedule,
  onEdit,
  onAddMember,
  onEditMember,
  onSchedule,
}: CouncilDetailProps) {
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const units = useQuery(unitTreeQuery(false));
  const meetings = useMeetings(council.id);
  const updateMember = useUpdateMember();
  const unitName = useMemo(() => {
    const names = new Map(flattenUnitTree(units.data ?? []).map(({ unit }) => [unit.id, unit.shortName]));
    return (id: number | null | undefined) => (id ? (names.get(id) ?? '—') : '—');
  }, [units.data]);

  const endMembership = (member: CouncilMember) =>
    modal.confirm({
      title: `Thôi tư cách thành viên của ${member.fullName}?`,
      content: 'Thành viên vẫn được giữ trong các cuộc họp đã tham dự.',
      okText: 'Thôi thành viên',
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await updateMember.mutateAsync({
            member,
            input: {
              userId: member.userId,
              role: member.role,
              title: member.title,
              unitId: member.unitId ?? null,
              active: false,
            },
          });
          message.success('Đã cập nhật thành viên.');
        } catch (error) {
          notifyError(error);
        }
      },
    });

  return (
    <>
      <Card
        title={council.name}
        extra={
          canManage && (
            <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="council-edit">
              Sửa
            </Button>
          )
        }
        style={{ marginBottom: 16 }}
        data-testid={`council-${council.year}`}
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="Năm">{council.year}</Descriptions.Item>
          <Descriptions.Item label="Quyết định thành lập">{council.establishedBy ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Số thành viên có mặt tối thiểu">
            {council.quorumStrict ? 'Trên' : 'Từ'} {council.quorumPercent}% tổng số thành viên
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        title="Thành viên"
        style={{ marginBottom: 16 }}
        extra={
          canManage && (
            <Button icon={<UserAddOutlined />} onClick={onAddMember} data-testid="member-add">
              Thêm thành viên
            </Button>
          )
        }
      >
        <Table<CouncilMember>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={sortMembers(council.members)}
          onRow={(member) =>
            ({ 'data-testid': `member-row-${member.username}` }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: 'Họ và tên',
              key: 'name',
              render: (_, member) => (
                <>
                  {member.fullName} <Tag>{member.username}</Tag>
                </>
              ),
            },
            { title: 'Vị trí', key: 'role', render: (_, member) => ROLE_LABELS[member.role] },
            { title: 'Chức vụ', dataIndex: 'title', key: 'title', responsive: ['md'] },
            {
              title: 'Đơn vị',
              key: 'unit',
              render: (_, member) => unitName(member.unitId),
              responsive: ['lg'],
            },
            {
              title: 'Trạng thái',
              key: 'active',
              render: (_, member) => (
                <ActiveTag active={member.active} activeLabel="Đương nhiệm" inactiveLabel="Đã thôi" />
              ),
            },
            ...(canManage
              ? [
                  {
                    title: 'Thao tác',
                    key: 'actions',
                    render: (_: unknown, member: CouncilMember) => (
                      <Space size={4}>
                        <Tooltip title="Sửa">
                          <Button
                            size="small"
                            icon={<EditOutlined />}
                            aria-label="Sửa"
                            onClick={() => onEditMember(member)}
                            data-testid={`member-edit-${member.username}`}
                          />
                        </Tooltip>
                        {member.active && (
                          <Tooltip title="Thôi thành viên">
                            <Button
                              size="small"
                              danger
                              icon={<StopOutlined />}
                              aria-label="Thôi thành viên"
                              onClick={() => endMembership(member)}
                              data-testid={`member-end-${member.username}`}
                            />
                          </Tooltip>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
          locale={{ emptyText: 'Chưa có thành viên' }}
          data-testid="member-table"
        />
      </Card>

      <Card
        title="Phiên họp"
        extra={
          canSchedule && (
            <Button icon={<CalendarOutlined />} onClick={onSchedule} data-testid="meeting-create">
              Lên lịch họp
            </Button>
          )
        }
      >
        <ProblemAlert error={meetings.error} />
        <MeetingTable meetings={meetings.data} loading={meetings.isFetching} />
      </Card>
    </>
  );
}

export function MeetingTable({ meetings, loading }: { meetings: Meeting[] | undefined; loading: boolean }) {
  return (
    <Table<Meeting>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={meetings}
      pagination={false}
      onRow={(meeting) => ({ 'data-testid': `meeting-row-${meeting.id}` }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: 'Cuộc họp',
          key: 'subject',
          render: (_, meeting) => <Link to={councilMeetingPath(meeting.id)}>{meeting.subject}</Link>,
        },
        { title: 'Thời gian', key: 'meetsAt', render: (_, meeting) => formatDateTime(meeting.meetsAt) },
        {
          title: 'Số hồ sơ',
          key: 'agenda',
          render: (_, meeting) => meeting.agenda.length,
          responsive: ['md'],
        },
        {
          title: 'Trạng thái',
          key: 'status',
          render: (_, meeting) => (
            <Flex gap={4}>
              <Tag
                color={
                  meeting.status === 'voting'
                    ? 'processing'
                    : meeting.status === 'closed'
                      ? 'green'
                      : 'default'
                }
              >
                {MEETING_STATUS_LABELS[meeting.status]}
              </Tag>
              {meeting.minutesNumber && <Tag>{meeting.minutesNumber}</Tag>}
            </Flex>
          ),
        },
      ]}
      locale={{ emptyText: 'Chưa có phiên họp nào' }}
      data-testid="meeting-table"
    />
  );
}
