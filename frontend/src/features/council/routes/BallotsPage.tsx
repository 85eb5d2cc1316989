import { Alert, Card, Collapse, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { formatDateTime } from '@/lib/dates';
import { councilMeetingPath } from '@/lib/paths';
import { useMeetings } from '../api/council';
import { BallotCard } from '../components/BallotCard';
import { MEETING_STATUS_LABELS, waitingBallots } from '../components/ballot-logic';
import type { Meeting } from '../api/types';

/** A council member's ballots: the open ones to vote on, then the results of the closed ones. */
export default function BallotsPage() {
  const meetings = useMeetings();
  const mine = (meetings.data ?? []).filter((meeting) => meeting.caller.memberId != null);
  const voting = mine.filter((meeting) => meeting.status === 'voting');
  const planned = mine.filter((meeting) => meeting.status === 'planned');
  const closed = mine.filter((meeting) => meeting.status === 'closed');
  const waiting = waitingBallots(mine);

  return (
    <>
      <PageHeading
        title="Phiếu biểu quyết"
        subtitle="Bỏ phiếu kín của thành viên Hội đồng Thi đua – Khen thưởng"
      />
      <ProblemAlert error={meetings.error} />
      {meetings.isPending ? (
        <Skeleton active />
      ) : mine.length === 0 ? (
        <Card>
          <Empty description="Bạn chưa là thành viên Hội đồng của cuộc họp nào" data-testid="ballots-empty" />
        </Card>
      ) : (
        <>
          <Alert
            type={waiting > 0 ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            title={
              waiting > 0
                ? `Có ${waiting} phiếu đang chờ bạn biểu quyết.`
                : 'Không có phiếu nào đang chờ bạn.'
            }
            description="Phiếu kín: không ai xem được bạn đã chọn gì; chỉ hiển thị ai đã bỏ phiếu và kết quả sau khi kiểm phiếu."
            data-testid="ballots-summary"
          />
          {voting.map((meeting) => (
            <MeetingBallots key={meeting.id} meeting={meeting} />
          ))}
          {planned.length > 0 && (
            <Card title="Cuộc họp sắp tới" size="small" style={{ marginBottom: 16 }}>
              {planned.map((meeting) => (
                <div key={meeting.id}>
                  <Link to={councilMeetingPath(meeting.id)}>{meeting.subject}</Link> —{' '}
                  {formatDateTime(meeting.meetsAt)}, {meeting.venue}
                </div>
              ))}
            </Card>
          )}
          {closed.length > 0 && (
            <Collapse
              items={closed.map((meeting) => ({
                key: meeting.id,
                label: `${meeting.subject} — ${formatDateTime(meeting.meetsAt)} (${MEETING_STATUS_LABELS[meeting.status]})`,
                children: meeting.ballots.map((ballot) => (
                  <BallotCard key={ballot.id} meeting={meeting} ballot={ballot} />
                )),
              }))}
              data-testid="ballots-closed"
            />
          )}
        </>
      )}
    </>
  );
}

function MeetingBallots({ meeting }: { meeting: Meeting }) {
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={
        <Flex gap={8} align="center" wrap>
          <Link to={councilMeetingPath(meeting.id)}>{meeting.subject}</Link>
          <Tag color="processing">{MEETING_STATUS_LABELS[meeting.status]}</Tag>
        </Flex>
      }
      extra={<Typography.Text type="secondary">{formatDateTime(meeting.meetsAt)}</Typography.Text>}
      data-testid={`ballots-meeting-${meeting.id}`}
    >
      {meeting.caller.present !== true && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Bạn không được ghi nhận có mặt tại cuộc họp này; phiếu bằng văn bản do thư ký cuộc họp ghi."
        />
      )}
      {meeting.ballots.map((ballot) => (
        <BallotCard key={ballot.id} meeting={meeting} ballot={ballot} />
      ))}
    </Card>
  );
}
