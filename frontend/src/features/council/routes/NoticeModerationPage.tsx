import { CheckOutlined, CloseOutlined, EyeInvisibleOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Segmented,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useCurrentUser } from '@/lib/auth/use-session';
import { formatDateTime } from '@/lib/dates';
import { commendationPath } from '@/lib/paths';
import { PROPOSAL_STATE_COLORS, PROPOSAL_STATE_LABELS } from '@/lib/vocabulary';
import { COMMENT_QUEUE_PAGE_SIZE, useCommentQueue, useComments, useNoticeProposal } from '../api/notices';
import { useProposalsInState } from '../api/proposals';
import type {
  CommentProposal,
  CommentStatus,
  ModeratedComment,
  ProposalSummary,
  QueuedComment,
} from '../api/types';
import { ModerateCommentModal } from '../components/ModerateCommentModal';
import { COMMENT_STATUS_COLORS, COMMENT_STATUS_LABELS, noticeWindow } from '../components/notice-logic';

/**
 * The public's comments waiting for the Office on every proposal (also those whose notice has
 * since ended), then the proposals under public notice with all their comments.
 */
export default function NoticeModerationPage() {
  const proposals = useProposalsInState('in_notice');
  const items = proposals.data?.items ?? [];

  return (
    <>
      <PageHeading
        title="Kiểm duyệt công khai"
        subtitle="Ý kiến của nhân dân chờ kiểm duyệt trên mọi hồ sơ đề nghị khen thưởng (kể cả hồ sơ đã hết thời hạn công khai) và các hồ sơ đang công khai lấy ý kiến"
      />
      <CommentQueueCard />
      <Typography.Title level={5} style={{ margin: '0 0 12px' }}>
        Hồ sơ đang công khai lấy ý kiến
      </Typography.Title>
      <ProblemAlert error={proposals.error} />
      {proposals.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Card>
          <Empty description="Không có hồ sơ nào đang công khai" />
        </Card>
      ) : (
        items.map((proposal) => <NoticeCard key={proposal.id} summary={proposal} />)
      )}
    </>
  );
}

/**
 * The pending comments of every proposal, oldest first, a page at a time: those on a proposal
 * whose notice the Office has closed stay here until moderated.
 */
function CommentQueueCard() {
  const user = useCurrentUser();
  const canModerate = user.role === 'office';
  const [page, setPage] = useState(1);
  const queue = useCommentQueue('pending', page);
  const [moderating, setModerating] = useState<{ comment: QueuedComment; approve: boolean } | null>(null);
  const total = queue.data?.total ?? 0;

  // The last comment of the last page was moderated: show the page that is now the last.
  const lastPage = Math.max(1, Math.ceil(total / COMMENT_QUEUE_PAGE_SIZE));
  if (queue.data && !queue.isPlaceholderData && page > lastPage) setPage(lastPage);

  return (
    <Card
      style={{ marginBottom: 16 }}
      title="Ý kiến chờ kiểm duyệt"
      extra={queue.data && <Badge count={total} overflowCount={999} showZero color="orange" />}
      data-testid="comment-queue"
    >
      <ProblemAlert error={queue.error} />
      <Table<QueuedComment>
        rowKey="id"
        size="small"
        loading={queue.isFetching}
        dataSource={queue.data?.items}
        pagination={{
          current: page,
          pageSize: COMMENT_QUEUE_PAGE_SIZE,
          total,
          showSizeChanger: false,
          showTotal: (count) => `Tổng số ${count}${queue.data?.totalCapped ? '+' : ''} ý kiến`,
          onChange: setPage,
        }}
        onRow={(comment) =>
          ({
            'data-testid': `comment-queue-row-${comment.id}`,
            'data-state': comment.proposal.state,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: 'Hồ sơ',
            key: 'proposal',
            render: (_, comment) => <QueuedProposal commentId={comment.id} proposal={comment.proposal} />,
          },
          {
            title: 'Người góp ý',
            key: 'author',
            render: (_, comment) => <CommentAuthor comment={comment} />,
          },
          {
            title: 'Nội dung',
            key: 'body',
            render: (_, comment) => (
              <div style={{ maxWidth: 480, whiteSpace: 'pre-wrap' }}>{comment.body}</div>
            ),
          },
          {
            title: 'Gửi lúc',
            key: 'createdAt',
            render: (_, comment) => formatDateTime(comment.createdAt),
            responsive: ['md'],
          },
          ...(canModerate
            ? [
                {
                  title: 'Kiểm duyệt',
                  key: 'actions',
                  render: (_: unknown, comment: QueuedComment) => (
                    <Space size={4} wrap>
                      <Button
                        size="small"
                        type="primary"
                        icon={<CheckOutlined />}
                        onClick={() => setModerating({ comment, approve: true })}
                        data-testid={`comment-queue-approve-${comment.id}`}
                      >
                        Duyệt
                      </Button>
                      <Button
                        size="small"
                        icon={<CloseOutlined />}
                        onClick={() => setModerating({ comment, approve: false })}
                        data-testid={`comment-queue-reject-${comment.id}`}
                      >
                        Không duyệt
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
        locale={{ emptyText: <Empty description="Không có ý kiến nào chờ kiểm duyệt" /> }}
        data-testid="comment-queue-table"
      />
      {moderating && (
        <ModerateCommentModal
          comment={moderating.comment}
          approve={moderating.approve}
          onClose={() => setModerating(null)}
        />
      )}
    </Card>
  );
}

/** The proposal a queued comment is about: its title (a link), unit, state and end of notice. */
function QueuedProposal({ commentId, proposal }: { commentId: number; proposal: CommentProposal }) {
  const state = {
    label: PROPOSAL_STATE_LABELS[proposal.state],
    color: PROPOSAL_STATE_COLORS[proposal.state],
  };
  return (
    <div style={{ maxWidth: 360 }}>
      <Link to={commendationPath(proposal.id)} data-testid={`comment-queue-proposal-${commentId}`}>
        {proposal.title}
      </Link>
      <div>
        <Space size={4} wrap>
          <Typography.Text type="secondary">{proposal.unitShortName}</Typography.Text>
          <Tag color={state.color}>{state.label}</Tag>
          {proposal.state !== 'in_notice' && (
            <Tag color="warning" data-testid={`comment-queue-ended-${commentId}`}>
              Đã hết thời hạn công khai
            </Tag>
          )}
        </Space>
      </div>
      {proposal.noticeEndsAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Hết hạn công khai {formatDateTime(proposal.noticeEndsAt)}
        </Typography.Text>
      )}
    </div>
  );
}

const STATUS_FILTERS: { value: CommentStatus | 'all'; label: string }[] = [
  { value: 'pending', label: 'Chờ kiểm duyệt' },
  { value: 'approved', label: 'Đã duyệt' },
  { value: 'rejected', label: 'Không duyệt' },
  { value: 'all', label: 'Tất cả' },
];

function NoticeCard({ summary }: { summary: ProposalSummary }) {
  const user = useCurrentUser();
  const proposal = useNoticeProposal(summary.id);
  const [status, setStatus] = useState<CommentStatus | 'all'>('pending');
  const comments = useComments(summary.id, status === 'all' ? undefined : status);
  const [moderating, setModerating] = useState<{ comment: ModeratedComment; approve: boolean } | null>(null);
  const canModerate = user.role === 'office';
  const notice = proposal.data?.notice;
  const window = notice ? noticeWindow(notice.startsAt, notice.endsAt) : null;
  const nameOf = (nomineeId: number | null | undefined) =>
    nomineeId ? proposal.data?.nominees.find((nominee) => nominee.id === nomineeId)?.fullName : undefined;

  return (
    <Card
      style={{ marginBottom: 16 }}
      title={summary.title}
      extra={<Tag>{summary.awardForm.name}</Tag>}
      data-testid={`notice-${summary.id}`}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="Đơn vị đề nghị">{summary.unit.name}</Descriptions.Item>
        <Descriptions.Item label="Thời gian công khai">
          {notice ? (
            <span data-testid={`notice-window-${summary.id}`}>
              {formatDateTime(notice.startsAt)} – {formatDateTime(notice.endsAt)}{' '}
              {window?.kind === 'running' && <Tag color="processing">Còn {window.daysLeft} ngày</Tag>}
              {window?.kind === 'ended' && <Tag>Đã hết hạn</Tag>}
              {window?.kind === 'upcoming' && <Tag>Chưa bắt đầu</Tag>}
            </span>
          ) : summary.noticeEndsAt ? (
            `đến ${formatDateTime(summary.noticeEndsAt)}`
          ) : (
            '—'
          )}
        </Descriptions.Item>
        {notice && (
          <Descriptions.Item label="Ý kiến">
            <Space size={4} wrap>
              <Badge status="warning" text={`${notice.commentsPending} chờ kiểm duyệt`} />
              <Badge status="success" text={`${notice.commentsApproved} đã duyệt`} />
              <Badge status="default" text={`${notice.commentsRejected} không duyệt`} />
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Flex justify="space-between" style={{ marginBottom: 8 }}>
        <Segmented
          value={status}
          onChange={(value) => setStatus(value as CommentStatus | 'all')}
          options={STATUS_FILTERS}
          data-testid={`notice-filter-${summary.id}`}
        />
      </Flex>
      <ProblemAlert error={comments.error} />
      <Table<ModeratedComment>
        rowKey="id"
        size="small"
        loading={comments.isFetching}
        dataSource={comments.data}
        pagination={(comments.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
        onRow={(comment) =>
          ({
            'data-testid': `comment-row-${comment.id}`,
            'data-status': comment.status,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: 'Ý kiến',
            key: 'body',
            render: (_, comment) => (
              <div style={{ maxWidth: 560, whiteSpace: 'pre-wrap' }}>
                {nameOf(comment.nomineeId) && (
                  <Typography.Text type="secondary">Về: {nameOf(comment.nomineeId)}. </Typography.Text>
                )}
                {comment.body}
                {comment.moderationReason && (
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
                    Ghi chú kiểm duyệt: {comment.moderationReason}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          },
          {
            title: 'Người gửi',
            key: 'author',
            render: (_, comment) => <CommentAuthor comment={comment} />,
          },
          {
            title: 'Gửi lúc',
            key: 'createdAt',
            render: (_, comment) => formatDateTime(comment.createdAt),
            responsive: ['md'],
          },
          {
            title: 'Trạng thái',
            key: 'status',
            render: (_, comment) => (
              <Tag color={COMMENT_STATUS_COLORS[comment.status]}>{COMMENT_STATUS_LABELS[comment.status]}</Tag>
            ),
          },
          ...(canModerate
            ? [
                {
                  title: 'Kiểm duyệt',
                  key: 'actions',
                  render: (_: unknown, comment: ModeratedComment) =>
                    comment.status === 'pending' && (
                      <Space size={4}>
                        <Button
                          size="small"
                          type="primary"
                          icon={<CheckOutlined />}
                          onClick={() => setModerating({ comment, approve: true })}
                          data-testid={`comment-approve-${comment.id}`}
                        >
                          Duyệt
                        </Button>
                        <Button
                          size="small"
                          icon={<EyeInvisibleOutlined />}
                          onClick={() => setModerating({ comment, approve: false })}
                          data-testid={`comment-reject-${comment.id}`}
                        >
                          Ẩn
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
        locale={{ emptyText: 'Không có ý kiến nào' }}
        data-testid={`comments-${summary.id}`}
      />
      {moderating && (
        <ModerateCommentModal
          comment={moderating.comment}
          approve={moderating.approve}
          onClose={() => setModerating(null)}
        />
      )}
    </Card>
  );
}

/** Who wrote a comment, with the contact only the Office and the leader see. */
function CommentAuthor({ comment }: { comment: ModeratedComment }) {
  return (
    <>
      <div>{comment.authorName}</div>
      {comment.contact && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Liên hệ (không công khai): {comment.contact}
        </Typography.Text>
      )}
    </>
  );
}
