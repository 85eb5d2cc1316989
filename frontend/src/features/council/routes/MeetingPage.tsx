import { ArrowLeftOutlined, DownloadOutlined, PlayCircleOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useErrorNotice } from '@/components/use-error-notice';
import { formatDateTime } from '@/lib/dates';
import { PATHS } from '@/lib/navigation';
import { useDownloadMinutes, useMeeting, useOpenBallots } from '../api/council';
import { AttendanceEditor } from '../components/AttendanceEditor';
import { BallotCard } from '../components/BallotCard';
import { MEETING_STATUS_LABELS, meetingStep, quorumText } from '../components/ballot-logic';
import { CloseBallotsModal } from '../components/CloseBallotsModal';

const STATUS_COLORS = { planned: 'default', voting: 'processing', closed: 'green' } as const;

export default function MeetingPage() {
  const { id } = useParams();
  const meeting = useMeeting(Number(id));
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const openBallots = useOpenBallots();
  const minutes = useDownloadMinutes();
  const [closing, setClosing] = useState(false);

  if (meeting.error) {
    return (
      <>
        <PageHeading title="Phiên họp Hội đồng" />
        <ProblemAlert error={meeting.error} />
        <Link to={PATHS.ballots}>
          <ArrowLeftOutlined /> Về phiếu biểu quyết
        </Link>
      </>
    );
  }
  if (!meeting.data) return <Skeleton active />;
  const data = meeting.data;
  const open = meetingStep(data, 'open_ballots');
  const nameOf = (memberId: number) =>
    data.attendance.find((entry) => entry.memberId === memberId)?.fullName ?? '—';

  const confirmOpen = () =>
    modal.confirm({
      title: 'Bắt đầu bỏ phiếu kín?',
      content: 'Mỗi người được đề nghị có một phiếu. Sau khi bắt đầu, không sửa danh sách có mặt được nữa.',
      okText: 'Bắt đầu',
      cancelText: 'Hủy',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: async () => {
        try {
          await openBallots.mutateAsync(data);
          message.success('Đã mở bỏ phiếu.');
        } catch (error) {
          notifyError(error);
        }
      },
    });

  return (
    <>
      <PageHeading
        title={data.subject}
        subtitle={
          <>
            {data.council.name} ·{' '}
            <Tag color={STATUS_COLORS[data.status]} data-testid="meeting-status" data-status={data.status}>
              {MEETING_STATUS_LABELS[data.status]}
            </Tag>
          </>
        }
        extra={
          <>
            {open && (
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                onClick={confirmOpen}
                disabled={Boolean(open.disabledReason)}
                title={open.disabledReason ?? undefined}
                loading={openBallots.isPending}
                data-testid="meeting-open-ballots"
              >
                Bắt đầu bỏ phiếu
              </Button>
            )}
            {meetingStep(data, 'close_ballots') && (
              <Button
                danger
                icon={<StopOutlined />}
                onClick={() => setClosing(true)}
                data-testid="meeting-close-ballots"
              >
                Kết thúc và kiểm phiếu
              </Button>
            )}
            {data.status === 'closed' && (
              <Button
                icon={<DownloadOutlined />}
                loading={minutes.isPending}
                onClick={() => minutes.mutate(data, { onError: notifyError })}
                data-testid="meeting-minutes"
              >
                Tải biên bản (.docx)
              </Button>
            )}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="Thời gian">{formatDateTime(data.meetsAt)}</Descriptions.Item>
          <Descriptions.Item label="Địa điểm">{data.venue}</Descriptions.Item>
          <Descriptions.Item label="Chủ trì">{nameOf(data.chairMemberId)}</Descriptions.Item>
          <Descriptions.Item label="Thư ký">{nameOf(data.secretaryMemberId)}</Descriptions.Item>
          <Descriptions.Item label="Số thành viên có mặt">
            <span data-testid="meeting-quorum" data-met={String(data.quorum.met)}>
              {quorumText(data.quorum)}{' '}
              {data.quorum.met ? <Tag color="green">Đủ</Tag> : <Tag color="red">Chưa đủ</Tag>}
            </span>
          </Descriptions.Item>
          {data.minutesNumber && (
            <Descriptions.Item label="Biên bản số">
              <span data-testid="meeting-minutes-number">{data.minutesNumber}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card title="Nội dung xét" style={{ marginBottom: 16 }}>
        <List
          size="small"
          dataSource={data.agenda}
          renderItem={(item) => (
            <List.Item data-testid={`agenda-${item.proposalId}`}>
              <List.Item.Meta title={item.title} description={`${item.unitName} · ${item.awardFormName}`} />
            </List.Item>
          )}
        />
      </Card>

      <Card title="Thành viên có mặt" style={{ marginBottom: 16 }}>
        <AttendanceEditor
          key={data.version}
          meeting={data}
          editable={meetingStep(data, 'record_attendance') !== undefined}
        />
      </Card>

      <Card title="Phiếu biểu quyết kín" data-testid="meeting-ballots">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Bỏ phiếu kín: chỉ hiển thị ai đã bỏ phiếu; kết quả kiểm phiếu hiển thị sau khi kết thúc bỏ phiếu."
        />
        {data.ballots.length === 0 ? (
          <Empty description="Chưa mở bỏ phiếu" />
        ) : (
          data.ballots.map((ballot) => <BallotCard key={ballot.id} meeting={data} ballot={ballot} />)
        )}
        {data.conclusions && (
          <Typography.Paragraph style={{ marginTop: 12 }}>
            <strong>Kết luận:</strong> {data.conclusions}
          </Typography.Paragraph>
        )}
      </Card>
      {closing && <CloseBallotsModal meeting={data} onClose={() => setClosing(false)} />}
    </>
  );
}
